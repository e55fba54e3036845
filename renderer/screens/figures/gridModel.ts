// The spreadsheet habits of the "Số liệu" grid that need no screen: the selected block, its sum and count,
// totals, and copying and pasting blocks as tab-separated text (what Excel puts on the clipboard).
import { parseVietnameseNumber } from '../../../shared/numbers.ts';
import { checkNumber, type NumberDefinition } from '../../../shared/values/check-value.ts';

/** A block of cells: rows and value columns, both ends included, in any direction. */
export interface CellRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** A proposed figure, by row and value column. */
export interface Change {
  row: number;
  col: number;
  value: number | null;
}

export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function bounds(range: CellRange): Bounds {
  return { top: Math.min(range.r1, range.r2), bottom: Math.max(range.r1, range.r2), left: Math.min(range.c1, range.c2), right: Math.max(range.c1, range.c2) };
}

export function inRange(range: CellRange | null, row: number, col: number): boolean {
  if (!range) return false;
  const b = bounds(range);
  return row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
}

/** The values of a block, row by row. */
export function rangeValues(values: readonly (readonly (number | null)[])[], range: CellRange): (number | null)[][] {
  const b = bounds(range);
  const out: (number | null)[][] = [];
  for (let r = b.top; r <= b.bottom; r++) {
    const row = values[r] ?? [];
    const line: (number | null)[] = [];
    for (let c = b.left; c <= b.right; c++) line.push(row[c] ?? null);
    out.push(line);
  }
  return out;
}

/** The status bar's "Tổng vùng chọn": the sum of the block and how many of its cells hold a figure. */
export function selectionSummary(values: readonly (readonly (number | null)[])[], range: CellRange): { sum: number; count: number } {
  let sum = 0;
  let count = 0;
  for (const line of rangeValues(values, range)) {
    for (const v of line) {
      if (v === null) continue;
      sum += v;
      count++;
    }
  }
  return { sum: Math.round(sum * 1000) / 1000, count };
}

/** A sum that keeps blank apart from zero: null when every figure is blank. */
export function sumOrNull(values: Iterable<number | null>): number | null {
  let total: number | null = null;
  for (const v of values) if (v !== null) total = (total ?? 0) + v;
  return total === null ? null : Math.round(total * 1000) / 1000;
}

/** A number as Excel on a Vietnamese Windows reads it: no grouping, a decimal comma. */
function clipboardNumber(v: number | null): string {
  return v === null ? '' : String(v).replace('.', ',');
}

export function toTsv(block: readonly (readonly (number | null)[])[]): string {
  return block.map((line) => line.map(clipboardNumber).join('\t')).join('\r\n');
}

export type ParsedBlock = { ok: true; block: (number | null)[][] } | { ok: false; message: string };

/** Tab-separated text (what Excel puts on the clipboard) to its cells' trimmed texts, row by row. */
export function tsvCells(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines.map((line) => line.split('\t').map((raw) => raw.trim()));
}

/**
 * Tab-separated text to figures: blank cells stay blank; any text that is not a number refuses the paste.
 * Given the definition of the column each pasted column lands in, every cell goes through the shared value
 * checker (negative, fractions of counts, ceilings, "1,000" that could mean 1 or 1000) before a reason is asked.
 */
export function parseTsv(text: string, definitionOf?: (col: number) => NumberDefinition | undefined): ParsedBlock {
  const block: (number | null)[][] = [];
  for (const [r, line] of tsvCells(text).entries()) {
    const cells: (number | null)[] = [];
    for (const [c, t] of line.entries()) {
      if (t === '') {
        cells.push(null);
        continue;
      }
      const def = definitionOf?.(c);
      if (def) {
        const checked = checkNumber(def, t);
        if (!checked.ok) return { ok: false, message: `Dòng ${r + 1}, cột ${c + 1}: ${checked.reason}` };
        cells.push(checked.value);
        continue;
      }
      const n = parseVietnameseNumber(t);
      if (n === null) return { ok: false, message: `Dòng ${r + 1}, cột ${c + 1}: "${t}" không phải là số.` };
      cells.push(n);
    }
    block.push(cells);
  }
  return { ok: true, block };
}

/** How the rows are filtered: every unit, by whether it sent, by corrections, or by a column's cells. */
export type RowFilter = { kind: 'all' } | { kind: 'sent' } | { kind: 'missing' } | { kind: 'corrected' } | { kind: 'blank' | 'filled'; col: number };

/** How the rows are sorted: by unit name or a value column, up or down. */
export interface RowSort {
  /** -1 for the unit's name, else a value column. */
  col: number;
  direction: 'ASC' | 'DESC';
}

interface ArrangeRow {
  unit: string;
  unitName: string;
  submissionId: number | null;
  values: readonly (number | null)[];
  applicable: readonly boolean[];
  corrections: Readonly<Record<number, unknown>>;
}

function keep(row: ArrangeRow, filter: RowFilter): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'sent':
      return row.submissionId !== null;
    case 'missing':
      return row.submissionId === null;
    case 'corrected':
      return Object.keys(row.corrections).length > 0;
    case 'blank':
      return row.submissionId !== null && row.applicable[filter.col] === true && (row.values[filter.col] ?? null) === null;
    case 'filled':
      return row.applicable[filter.col] === true && (row.values[filter.col] ?? null) !== null;
  }
}

/**
 * The units shown, in order, as Excel's sort and filter would leave them: taken once when the user sorts or
 * filters (a correction made afterwards does not move its row away). Blank figures sort last either way;
 * equal figures keep the unit list's order.
 */
export function arrangeRows(rows: readonly ArrangeRow[], sort: RowSort | null, filter: RowFilter): string[] {
  const kept = rows.map((r, i) => ({ r, i })).filter(({ r }) => keep(r, filter));
  if (sort) {
    const sign = sort.direction === 'ASC' ? 1 : -1;
    kept.sort((a, b) => {
      if (sort.col < 0) return sign * a.r.unitName.localeCompare(b.r.unitName, 'vi') || a.i - b.i;
      const va = a.r.applicable[sort.col] ? (a.r.values[sort.col] ?? null) : null;
      const vb = b.r.applicable[sort.col] ? (b.r.values[sort.col] ?? null) : null;
      if (va === null || vb === null) return (va === null ? 1 : 0) - (vb === null ? 1 : 0) || a.i - b.i;
      return sign * (va - vb) || a.i - b.i;
    });
  }
  return kept.map(({ r }) => r.unit);
}

/**
 * Ctrl+D as in Excel: a block of several rows takes its top row's figures all the way down; a single row
 * takes the figures of the row above. Only cells that can be edited and would change are proposed.
 */
export function fillDown(values: readonly (readonly (number | null)[])[], range: CellRange, editable: (row: number, col: number) => boolean): Change[] {
  const b = bounds(range);
  const source = b.top === b.bottom ? b.top - 1 : b.top;
  const first = b.top === b.bottom ? b.top : b.top + 1;
  if (source < 0) return [];
  const changes: Change[] = [];
  for (let r = first; r <= b.bottom; r++) {
    for (let c = b.left; c <= b.right; c++) {
      const value = values[source]?.[c] ?? null;
      if (editable(r, c) && (values[r]?.[c] ?? null) !== value) changes.push({ row: r, col: c, value });
    }
  }
  return changes;
}
