// parseSheetRef keeps its answers by text (every workbook of a season names the same cells): the kept answers
// must be the ones a fresh parse gives, also once more texts have come than it keeps.
import { describe, expect, it } from 'vitest';
import { addressKey, CELL_KEY_ROW, MAX_COL, MAX_ROW, parseSheetRef } from '../../electron/import/xlsx/address.ts';

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

describe('addressKey', () => {
  // The reference: the A1 grammar as a regular expression, and the bounds of a sheet.
  const reference = (s: string): number => {
    const m = /^\$?([A-Z]{1,3})\$?([0-9]{1,7})$/.exec(s);
    if (!m) return -1;
    const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const row = Number(m[2]);
    return row < 1 || row > MAX_ROW || col < 1 || col > MAX_COL ? -1 : row * CELL_KEY_ROW + col;
  };
  const TEXTS = ['A1', 'H8', '$C$12', 'C$12', '$C12', 'XFD1048576', 'AB300', 'A01', 'A0000001', '', '$', '$$', 'A', '1', 'A0'];
  const MORE = ['XFE1', 'A1048577', 'AAAA1', 'A12345678', 'a1', 'A1$', 'A$', '$1', 'A 1', 'A1 ', ' A1', 'A-1', 'ZZZ9999999', 'Ạ1'];

  it('reads a text whole as the A1 grammar says, and the same text in place inside a longer one', () => {
    for (const s of [...TEXTS, ...MORE]) {
      expect(addressKey(s), s).toBe(reference(s));
      // In place, between letters and digits that must not be read: the same answer.
      const around: [string, string][] = [
        ['<c r="', '" s="21"/>'],
        ['AB', '12'],
        ['$', '$'],
      ];
      for (const [before, after] of around) {
        const text = `${before}${s}${after}`;
        expect(addressKey(text, before.length, before.length + s.length), JSON.stringify(text)).toBe(reference(s));
      }
    }
    expect(reference('C12')).toBe(12 * CELL_KEY_ROW + 3);
  });
});
