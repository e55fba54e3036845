// The grid's spreadsheet habits without a screen: blocks, sums that keep blank apart from 0, and
// tab-separated text to and from Excel.
import { describe, expect, it } from 'vitest';
import { inRange, parseTsv, rangeValues, selectionSummary, sumOrNull, toTsv } from '../../renderer/screens/figures/gridModel.ts';
import { unitTree } from '../../renderer/screens/setup/unitTree.ts';
import { findingRows } from '../../renderer/screens/check/findingRows.ts';
import { parseDayMonthYear } from '../../renderer/dates.ts';
import type { ValidationFinding } from '../../shared/rules/types.ts';

const values = [
  [1, null, 3],
  [0, 5, 2.5],
  [null, null, null],
];

describe('a block of cells', () => {
  it('is the same whichever corner the selection started from', () => {
    expect(rangeValues(values, { r1: 1, c1: 2, r2: 0, c2: 1 })).toEqual([
      [null, 3],
      [5, 2.5],
    ]);
    expect(inRange({ r1: 1, c1: 2, r2: 0, c2: 1 }, 0, 1)).toBe(true);
    expect(inRange({ r1: 1, c1: 2, r2: 0, c2: 1 }, 2, 1)).toBe(false);
  });
  it('sums and counts only the cells that hold a figure (0 counts, blank does not)', () => {
    expect(selectionSummary(values, { r1: 0, c1: 0, r2: 2, c2: 2 })).toEqual({ sum: 11.5, count: 5 });
    expect(sumOrNull([null, null])).toBeNull();
    expect(sumOrNull([null, 0])).toBe(0);
  });
});

describe('the clipboard', () => {
  it('copies rows as lines and cells as tabs, decimals with a comma, blanks empty', () => {
    expect(toTsv(rangeValues(values, { r1: 0, c1: 0, r2: 1, c2: 2 }))).toBe('1\t\t3\r\n0\t5\t2,5');
  });
  it('pastes what Excel copies: Vietnamese numbers, blank cells, a trailing line break', () => {
    expect(parseTsv('1.234\t\t12,5\r\n0\t7\t\r\n')).toEqual({
      ok: true,
      block: [
        [1234, null, 12.5],
        [0, 7, null],
      ],
    });
  });
  it('refuses text that is not a number, naming the cell', () => {
    expect(parseTsv('1\tmười')).toEqual({ ok: false, message: 'Dòng 1, cột 2: "mười" không phải là số.' });
  });
});

describe('other pieces of the window', () => {
  it('lists units as a tree: each after its parent, siblings in order', () => {
    const u = (code: string, parentCode: string | null, order: number) => ({
      id: order,
      code,
      name: code,
      kind: 'x',
      parentCode,
      order,
      active: true,
      mergedIntoCode: null,
    });
    expect(unitTree([u('T', null, 0), u('B', 'T', 2), u('A', 'T', 1), u('A1', 'A', 3)]).map((r) => `${r.depth}${r.unit.code}`)).toEqual([
      '0T',
      '1B',
      '1A',
      '2A1',
    ]);
  });
  it('groups findings by severity (errors first) then rule, and filters them', () => {
    const f = (key: string, severity: 'error' | 'warning', rule: string, unit: string): ValidationFinding => ({
      key,
      rule,
      severity,
      scope: 'submission',
      unit,
      unitName: unit,
      year: 2026,
      left: null,
      right: null,
      cells: [],
      message: key,
    });
    const rows = findingRows([f('a', 'warning', 'r2', 'X1'), f('b', 'error', 'r9', 'X1'), f('c', 'warning', 'r1', 'X2'), f('d', 'warning', 'r2', 'X2')], {
      unit: '',
      rule: '',
      showAcknowledged: true,
    });
    expect(rows.map((r) => (r.type === 'group' ? `${r.severity}:${r.rule}:${r.count}` : r.key))).toEqual([
      'error:r9:1',
      'b',
      'warning:r1:1',
      'c',
      'warning:r2:2',
      'a',
      'd',
    ]);
    expect(
      findingRows([f('a', 'warning', 'r2', 'X1'), f('d', 'warning', 'r2', 'X2')], { unit: 'X2', rule: '', showAcknowledged: true }).map((r) => r.key),
    ).toEqual(['g:warning|r2', 'd']);
  });
  it('reads dates typed as dd/mm/yyyy', () => {
    expect(parseDayMonthYear('5/1/2026')).toBe('2026-01-05');
    expect(parseDayMonthYear('31/02/2026')).toBeNull();
    expect(parseDayMonthYear('')).toBe('');
  });
});
