// parseSheetRef keeps its answers by text (every workbook of a season names the same cells): the kept answers
// must be the ones a fresh parse gives, also once more texts have come than it keeps.
import { describe, expect, it } from 'vitest';
import { parseSheetRef } from '../../electron/import/xlsx/address.ts';

const cellAt = (row: number, col: number) => ({ top: row, left: col, bottom: row, right: col });

describe('parseSheetRef', () => {
  it('answers the same for a text read again, a refusal included', () => {
    expect(parseSheetRef("'Trang ''A'''!$C$6:$D$9")).toEqual({ sheet: "Trang 'A'", rect: { top: 6, left: 3, bottom: 9, right: 4 } });
    expect(parseSheetRef("'Trang ''A'''!$C$6:$D$9")).toEqual({ sheet: "Trang 'A'", rect: { top: 6, left: 3, bottom: 9, right: 4 } });
    expect(parseSheetRef('PL01!#REF!')).toBeNull();
    expect(parseSheetRef('PL01!#REF!')).toBeNull();
    expect(parseSheetRef('$B$2')).toBeNull();
  });

  it('answers right for 10,000 different texts, each read twice, far apart', () => {
    const ref = (i: number) => `PL${i % 7}!$${String.fromCharCode(65 + (i % 26))}$${i + 1}`;
    const want = (i: number) => ({ sheet: `PL${i % 7}`, rect: cellAt(i + 1, (i % 26) + 1) });
    for (let i = 0; i < 10_000; i++) expect(parseSheetRef(ref(i))).toEqual(want(i));
    for (let i = 0; i < 10_000; i += 37) expect(parseSheetRef(ref(i))).toEqual(want(i));
  });
});
