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
