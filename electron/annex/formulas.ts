// Totals as spreadsheet formulas with their values: =SUM over cells, =COUNTA over a range.
import { sumKnown as sharedSumKnown } from '../../shared/coverage-sum.ts';
import type { FormulaCell, PlannedCell, PlannedRow } from './plan-types.ts';

/** Rounds away binary noise of REAL sums (0.1 + 0.2). */
export function tidy(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** The blank-aware sum (shared/coverage-sum.ts), binary noise rounded away: blank stays blank, never 0. */
export function sumKnown(values: readonly (number | null | undefined)[]): number | null {
  const total = sharedSumKnown(values);
  return total === null ? null : tidy(total);
}

export function cellNumber(cell: PlannedCell | undefined): number | null {
  return cell && (cell.kind === 'figure' || cell.kind === 'formula') ? cell.value : null;
}

/** `=SUM` of one column over some rows. */
export function sumOfRows(col: string, rows: readonly PlannedRow[]): FormulaCell {
  return { kind: 'formula', fn: 'SUM', refs: rows.map((r) => `${col}${r.row}`), value: sumKnown(rows.map((r) => cellNumber(r.cells[col]))) };
}

function splitAddress(a: string): { col: string; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a)!;
  return { col: m[1]!, row: Number(m[2]) };
}

/** `=C9-D9`: one figure column minus another on the same row; blank when either is blank. */
export function differenceOf(a: string, b: string, row: PlannedRow): FormulaCell {
  const x = cellNumber(row.cells[a]);
  const y = cellNumber(row.cells[b]);
  return { kind: 'formula', fn: 'DIFF', refs: [`${a}${row.row}`, `${b}${row.row}`], value: x === null || y === null ? null : tidy(x - y) };
}

/** The formula text: consecutive cells of a column become one range (`SUM(C11:C16)`, `SUM(C10,C17,C24)`). */
export function formulaText(cell: FormulaCell): string {
  if (cell.fn === 'DIFF') return cell.refs.join('-');
  const parts: string[] = [];
  let run: { col: string; from: number; to: number } | null = null;
  const flush = () => {
    if (run) parts.push(run.from === run.to ? `${run.col}${run.from}` : `${run.col}${run.from}:${run.col}${run.to}`);
  };
  for (const ref of cell.refs) {
    const { col, row } = splitAddress(ref);
    if (run && run.col === col && run.to + 1 === row) run.to = row;
    else {
      flush();
      run = { col, from: row, to: row };
    }
  }
  flush();
  return `${cell.fn}(${parts.join(',')})`;
}
