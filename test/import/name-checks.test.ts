// The check of defined names against the writer's layout, on its own: names moved together (rows inserted
// above the table) are accepted, and a name off that common move is reported at the place it should be,
// the template's cell moved by the same rows and columns.
import { describe, expect, it } from 'vitest';
import { checkDefinedNames } from '../../electron/import/name-checks.ts';
import type { NameLayout } from '../../electron/workbook/input-layout.ts';

const cell = (row: number, col: number) => ({ top: row, left: col, bottom: row, right: col });
const layout: NameLayout = new Map([
  ['v_a', { sheet: 'PL01', rect: cell(6, 3) }],
  ['v_b', { sheet: 'PL01', rect: cell(7, 3) }],
  ['v_c', { sheet: 'PL01', rect: cell(8, 3) }],
  ['v_d', { sheet: 'PL01', rect: cell(9, 4) }],
]);
const names = (refs: Record<string, string>) => Object.entries(refs).map(([name, ref]) => ({ name, ref, union: false }));
const check = (refs: Record<string, string>) => checkDefinedNames(names(refs), layout, (s) => s === 'PL01');

describe('checkDefinedNames', () => {
  it('accepts names all moved by one offset, as inserting rows above the table moves them', () => {
    expect(check({ v_a: 'PL01!$C$9', v_b: 'PL01!$C$10', v_c: 'PL01!$C$11', v_d: 'PL01!$D$12' })).toEqual([]);
  });

  it('reports a name off the common move at the template cell moved by that offset (3 rows, 1 column)', () => {
    const findings = check({ v_a: 'PL01!$D$9', v_b: 'PL01!$D$10', v_c: 'PL01!$D$11', v_d: 'PL01!$B$2' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'name_misplaced', severity: 'error', sheet: 'PL01', cell: 'B2' });
    // v_d belongs at D9; moved 3 rows down and 1 column right with the others, at E12.
    expect(findings[0]!.message).toContain('"v_d" trỏ tới PL01!B2');
    expect(findings[0]!.message).toContain('(PL01!E12)');
  });

  it('prefers no move when as many names stay as moved together', () => {
    const findings = check({ v_a: 'PL01!$C$6', v_b: 'PL01!$C$7', v_c: 'PL01!$C$20', v_d: 'PL01!$D$21' });
    expect(findings.map((f) => f.cell).sort()).toEqual(['C20', 'D21']);
    expect(findings.map((f) => /\((PL01![A-Z]+\d+)\)/.exec(f.message)![1]).sort()).toEqual(['PL01!C8', 'PL01!D9']);
  });

  it('reports names that share a cell once per cell, in the order of the names, a single cell inside a range too', () => {
    const shared: NameLayout = new Map([
      ...layout,
      ['t_table', { sheet: 'PL01', rect: { top: 20, left: 1, bottom: 30, right: 8 } }],
      ['v_e', { sheet: 'PL01', rect: cell(10, 3) }],
    ]);
    const findings = checkDefinedNames(
      names({
        v_a: 'PL01!$C$6',
        v_b: 'PL01!$C$6',
        v_c: 'PL01!$C$8',
        v_d: 'PL01!$B$25',
        t_table: 'PL01!$A$20:$H$30',
        v_e: 'PL01!$C$6',
      }),
      shared,
      (s) => s === 'PL01',
    ).filter((f) => f.code === 'name_shared');
    expect(findings.map((f) => [f.sheet, f.cell])).toEqual([
      ['PL01', 'C6'],
      ['PL01', 'B25'],
    ]);
    expect(findings[0]!.message).toContain('"v_a", "v_b", "v_e" cùng trỏ tới một ô PL01!C6');
    expect(findings[1]!.message).toContain('"v_d", "t_table" cùng trỏ tới một ô PL01!B25');
  });
});

describe('checkDefinedNames, once a set of names was found in place', () => {
  it('still reports a file whose names differ, and the same misplaced names every time', () => {
    const fresh: NameLayout = new Map(layout);
    const clean = { v_a: 'PL01!$C$6', v_b: 'PL01!$C$7', v_c: 'PL01!$C$8', v_d: 'PL01!$D$9' };
    const off = { ...clean, v_d: 'PL01!$B$2' };
    const run = (refs: Record<string, string>, sheets = ['PL01']) => checkDefinedNames(names(refs), fresh, (s) => sheets.includes(s));
    expect(run(clean)).toEqual([]);
    expect(run(clean)).toEqual([]);
    expect(run(off).map((f) => f.cell)).toEqual(['B2']);
    expect(run(off).map((f) => f.cell)).toEqual(['B2']);
    // The same names, the sheet of v_d now another, existing one: not the clean set seen before.
    const other = { ...clean, v_d: 'PL02!$D$9' };
    expect(run(other)).toEqual([]); // PL02 absent: v_d is left to be reported as missing when read
    expect(run(other, ['PL01', 'PL02']).map((f) => [f.code, f.sheet])).toEqual([['name_misplaced', 'PL02']]);
    expect(run(clean)).toEqual([]);
  });
});
