// The pure parts of the grid's Excel habits and of the words for sheets: sort and filter, Ctrl+D, the
// undo history kept per year, "Phụ lục 01, ô C8".
import { describe, expect, it } from 'vitest';
import { arrangeRows, fillDown } from '../../renderer/screens/figures/gridModel.ts';
import { UndoHistory } from '../../renderer/screens/figures/undoHistory.ts';
import { annexNumber, cellWords, sheetWords } from '../../shared/sheet-words.ts';

const row = (unit: string, unitName: string, values: (number | null)[], sent = true, corrected = false) => ({
  unit,
  unitName,
  submissionId: sent ? 1 : null,
  values,
  applicable: values.map(() => true),
  corrections: corrected ? { 0: {} } : {},
});
const rows = [
  row('A', 'Xã Bình', [3, null]),
  row('B', 'Phường An', [null, 1]),
  row('C', 'Xã Ân', [7, 0], true, true),
  row('D', 'Xã Đông', [null, null], false),
];

describe('sort and filter', () => {
  it('sorts by a column, blanks last either way, and by name in Vietnamese order', () => {
    expect(arrangeRows(rows, { col: 0, direction: 'ASC' }, { kind: 'all' })).toEqual(['A', 'C', 'B', 'D']);
    expect(arrangeRows(rows, { col: 0, direction: 'DESC' }, { kind: 'all' })).toEqual(['C', 'A', 'B', 'D']);
    expect(arrangeRows(rows, { col: -1, direction: 'ASC' }, { kind: 'all' })).toEqual(['B', 'C', 'A', 'D']);
  });
  it('keeps the units asked for', () => {
    expect(arrangeRows(rows, null, { kind: 'missing' })).toEqual(['D']);
    expect(arrangeRows(rows, null, { kind: 'sent' })).toEqual(['A', 'B', 'C']);
    expect(arrangeRows(rows, null, { kind: 'corrected' })).toEqual(['C']);
    expect(arrangeRows(rows, null, { kind: 'blank', col: 0 })).toEqual(['B']);
    expect(arrangeRows(rows, null, { kind: 'filled', col: 1 })).toEqual(['B', 'C']);
  });
});

describe('Ctrl+D', () => {
  const values = [
    [1, 2],
    [5, null],
    [null, 2],
  ];
  it('copies the top row of a block down, only cells that change and can be edited', () => {
    expect(fillDown(values, { r1: 0, c1: 0, r2: 2, c2: 1 }, () => true)).toEqual([
      { row: 1, col: 0, value: 1 },
      { row: 1, col: 1, value: 2 },
      { row: 2, col: 0, value: 1 },
    ]);
    expect(fillDown(values, { r1: 0, c1: 0, r2: 2, c2: 0 }, (r) => r !== 1)).toEqual([{ row: 2, col: 0, value: 1 }]);
  });
  it('fills a single cell from the one above, and nothing on the first row', () => {
    expect(fillDown(values, { r1: 2, c1: 0, r2: 2, c2: 0 }, () => true)).toEqual([{ row: 2, col: 0, value: 5 }]);
    expect(fillDown(values, { r1: 0, c1: 0, r2: 0, c2: 0 }, () => true)).toEqual([]);
  });
});

describe('the undo history', () => {
  it('undoes and redoes per year; a new correction clears what could be redone', () => {
    const h = new UndoHistory();
    const e1 = { reason: 'a', changes: [{ unit: 'X', code: 'c', before: 1, after: 2 }] };
    const e2 = { reason: 'b', changes: [{ unit: 'X', code: 'c', before: 2, after: 3 }] };
    h.record(2026, e1);
    h.record(2026, e2);
    h.record(2025, e1);
    expect(h.takeUndo(2026)).toBe(e2);
    expect(h.sizes(2026)).toEqual({ undo: 1, redo: 1 });
    expect(h.sizes(2025)).toEqual({ undo: 1, redo: 0 });
    expect(h.takeRedo(2026)).toBe(e2);
    expect(h.takeUndo(2026)).toBe(e2);
    h.record(2026, e1);
    expect(h.takeRedo(2026)).toBeNull();
    // A failed undo is put back where it was.
    const taken = h.takeUndo(2026)!;
    h.restore(2026, taken, 'undo');
    expect(h.sizes(2026)).toEqual({ undo: 2, redo: 0 });
  });
});

describe('sheets and cells in words', () => {
  const pl01 = { name: 'PL01', title: 'PHỤ LỤC 01 — SỐ LIỆU TRẺ EM BỊ XÂM HẠI' };
  it('names an annex by its number and other sheets by their title', () => {
    expect(sheetWords(pl01)).toBe('Phụ lục 01');
    expect(annexNumber(pl01)).toBe(1);
    expect(sheetWords({ name: 'SO_LIEU', title: 'CÁC SỐ LIỆU KHÁC' })).toBe('Các số liệu khác');
    expect(annexNumber({ name: 'SO_LIEU', title: 'CÁC SỐ LIỆU KHÁC' })).toBeNull();
  });
  it('says "ô C8" for one cell and "các ô" for several', () => {
    expect(cellWords(pl01, 'C8')).toBe('Phụ lục 01, ô C8');
    expect(cellWords(pl01, '$C$8')).toBe('Phụ lục 01, ô C8');
    expect(cellWords(pl01, ['E10', 'F10'])).toBe('Phụ lục 01, các ô E10, F10');
    expect(cellWords(pl01, null)).toBe('Phụ lục 01');
  });
});
