// Column widths of an annex sheet laid out for the page, so it prints at 100 % instead of being shrunk
// to one page wide. Each column has a preferred width (the layout's) and a least width (nothing it
// holds breaks inside a word: the longest header word, a number as formatted, a date). When the
// preferred widths overflow the page every column gives up the same share of its slack (wrapping
// text columns have the most); when they leave room the label column takes it. Only if even the least
// widths overflow is the sheet scaled, and then by the exact factor.
import { parseRange } from '../../shared/annex-schema.ts';
import type { PlannedCell, SheetPlan } from './plan-types.ts';
import { measuredLines, measuredText, rowHeightFor, textWidth, type MeasuredText } from './text-metrics.ts';

const MM_TO_PT = 72 / 25.4;
/** Space Excel keeps around a cell's text, in points (left and right). */
const CELL_PADDING = 9;
/** One step of cell indent, in points (about one character). */
export const INDENT_POINTS = 7;
const FIGURE_ROOM = '000';
/** Office suites differ a little in how they turn column characters into points. */
const SAFETY = 0.97;

/** Width in points a column of `chars` characters takes on paper (7 px a character + 5 px, at 96 dpi). */
export function charsToPoints(chars: number): number {
  return (chars * 7 + 5) * 0.75;
}

export function pointsToChars(pt: number): number {
  return Math.max(1, (pt / 0.75 - 5) / 7);
}

/**
 * LibreOffice reads a column width in characters as that many digit widths of the default font, with
 * no padding (Times New Roman 11: 5.5 pt a character), so narrow columns come out narrower there than
 * in Excel and wide ones wider. A column is given the characters that make it at least `pt` wide in both.
 */
const LIBREOFFICE_CHAR_PT = 5.5;

export function columnChars(pt: number): number {
  return Math.ceil(Math.max(pointsToChars(pt), pt / LIBREOFFICE_CHAR_PT) * 100) / 100;
}

/** Width a column meant to be `pt` wide takes on paper in the wider of the two office suites. */
export function paperWidth(pt: number): number {
  const chars = columnChars(pt);
  return Math.max(charsToPoints(chars), chars * LIBREOFFICE_CHAR_PT);
}

function paperTotal(widths: readonly number[]): number {
  return widths.reduce((a, w) => a + paperWidth(w), 0);
}

/** Printable width of an A4 landscape page with the annex margins, in points. */
export function printableWidth(margins: { left: number; right: number }): number {
  return (297 - margins.left - margins.right) * MM_TO_PT * SAFETY;
}

/** Width of a text's widest word: the words measured for wrapping (each text measured once). */
function widestWord(text: string, size: number, bold: boolean): number {
  return measuredText(text, size, bold).widest;
}

const FORMATS = new Map<string, Intl.NumberFormat>();

/** A number as its format shows it: `#,##0` → `1,234`; `0 "văn bản"` → `12 văn bản`. */
export function formattedNumber(value: number, numFmt: string | undefined): string {
  // -0 prints as "-0" but reads as "0" in a key.
  const key = `${numFmt ?? ''}|${Object.is(value, -0) ? '-0' : value}`;
  let text = FORMATTED.get(key);
  if (text === undefined) {
    if (FORMATTED.size >= 100_000) FORMATTED.clear();
    text = formatNumber(value, numFmt);
    FORMATTED.set(key, text);
  }
  return text;
}

/** Numbers formatted so far: a roll-up's figures repeat. */
const FORMATTED = new Map<string, string>();

function formatNumber(value: number, numFmt: string | undefined): string {
  const decimals = /0\.(0+)/.exec(numFmt ?? '')?.[1]?.length ?? 0;
  const grouping = (numFmt ?? '#,##0').includes(',');
  const digits = shownDigits(value, decimals, grouping) ?? intlDigits(value, decimals, grouping);
  if (!numFmt) return digits;
  return numFmt.replace(/[#0,.]*0[#0,.]*/, digits).replace(/"/g, '');
}

/**
 * What intlDigits prints for a value that needs no rounding (its shortest form has at most `decimals`
 * decimals, as the annexes' whole counts and tidied money have), else null. Worked out from String(value):
 * the first Intl.NumberFormat of a process loads ICU's number data, some 40 ms, for figures that are plain.
 */
export function shownDigits(value: number, decimals: number, grouping: boolean): string | null {
  const shortest = String(Math.abs(value));
  const point = shortest.indexOf('.');
  if (!/^\d+(\.\d+)?$/.test(shortest) || (point >= 0 && shortest.length - point - 1 > decimals)) return null;
  let whole = point < 0 ? shortest : shortest.slice(0, point);
  if (grouping) for (let i = whole.length - 3; i > 0; i -= 3) whole = `${whole.slice(0, i)},${whole.slice(i)}`;
  const fraction = decimals > 0 ? `.${(point < 0 ? '' : shortest.slice(point + 1)).padEnd(decimals, '0')}` : '';
  // Intl prints a negative zero with its sign.
  return `${value < 0 || Object.is(value, -0) ? '-' : ''}${whole}${fraction}`;
}

/** A number with `decimals` decimals, grouped by commas or not, as Intl.NumberFormat('en-US') prints it. */
export function intlDigits(value: number, decimals: number, grouping: boolean): string {
  const key = `${decimals}${grouping}`;
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouping });
    FORMATS.set(key, format);
  }
  return format.format(value);
}

/** Width of a cell's content that may not break: a text's widest word, a number or date as it is shown. */
function cellWidth(cell: PlannedCell, size: number, bold: boolean, numFmt: string | undefined): number {
  switch (cell.kind) {
    case 'text':
      return widestWord(cell.text, size, bold);
    case 'ordinal':
      return textWidth(String(cell.value), size, bold);
    case 'date':
      return textWidth('00/00/0000', size, bold);
    case 'figure':
    case 'formula': {
      const fmt = cell.kind === 'formula' ? (cell.numFmt ?? numFmt) : numFmt;
      return cell.value === null ? 0 : textWidth(formattedNumber(cell.value, fmt), size, bold);
    }
  }
}

export interface ColumnLayout {
  /** Excel widths in characters, one per column. */
  widths: number[];
  /** Print scale in percent: 100 unless even the least widths overflow the page. */
  scale: number;
}

/** The least width of every column, in points, from the header words and the body's content. */
export function leastWidths(plan: SheetPlan): number[] {
  const columns = plan.sheet.columns;
  const size = plan.sheet.fonts.table;
  const least = columns.map(() => 0);
  for (const hc of plan.sheet.header.cells) {
    const r = parseRange(hc.range);
    if (r.left === r.right) least[r.left - 1] = Math.max(least[r.left - 1]!, widestWord(hc.text, size, true));
  }
  columns.forEach((c, i) => {
    least[i] = Math.max(least[i]!, textWidth(`(${i + 1})`, size));
    // A figure column has room for three digits whatever this year's figures are.
    if (c.content.kind === 'figure' || c.content.kind === 'difference') least[i] = Math.max(least[i]!, textWidth(FIGURE_ROOM, size, true));
  });
  for (const row of plan.rows) {
    if (row.spanAll) continue;
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      const cell = row.cells[column.col];
      if (!cell) continue;
      const indent = column.content.kind === 'label' && row.level ? row.level * INDENT_POINTS : 0;
      least[i] = Math.max(least[i]!, cellWidth(cell, size, !!row.bold, plan.columnFormats[column.col]) + indent);
    }
  }
  return least.map((w) => w + CELL_PADDING);
}

interface Measured {
  text: MeasuredText;
  /** Lines by width in tenths of a point. */
  lines: Map<number, number>;
}

function linesAt(m: Measured, widthPt: number): number {
  const at = Math.round(widthPt * 10);
  // Most labels fit on one line at most widths tried: no look-up then.
  if (at / 10 - 5 >= m.text.fits) return m.text.paragraphs.length;
  let n = m.lines.get(at);
  if (n === undefined) {
    n = measuredLines(m.text, at / 10 - 5);
    m.lines.set(at, n);
  }
  return n;
}

/**
 * The height model the widths are chosen by: the header block (each header cell's wrapped lines shared
 * by the rows it spans) plus every body row (its tallest wrapped text). Numbers never wrap. Exported for its test.
 */
export class HeightModel {
  private readonly size: number;
  private readonly header: { left: number; right: number; top: number; rows: number; text: string; m: Measured }[];
  private readonly headerRows: number;
  private readonly firstHeaderRow: number;

  constructor(plan: SheetPlan) {
    this.size = plan.sheet.fonts.table;
    const h = plan.sheet.header;
    this.firstHeaderRow = h.firstRow;
    this.headerRows = h.rows;
    this.header = h.cells.map((c) => {
      const r = parseRange(c.range);
      return { left: r.left - 1, right: r.right - 1, top: r.top, rows: r.bottom - r.top + 1, text: c.text, m: this.measure(c.text, true) };
    });
    // The header cells tile the block (layoutIssues): each row's and each column's cells, in the header's order.
    this.headerOfRow = Array.from({ length: this.headerRows }, () => []);
    this.headerOfColumn = plan.sheet.columns.map(() => []);
    this.header.forEach((c, k) => {
      for (let r = 0; r < c.rows; r++) this.headerOfRow[c.top - this.firstHeaderRow + r]!.push(k);
      for (let i = c.left; i <= c.right; i++) this.headerOfColumn[i]!.push(k);
    });
    this.headerSettled = new Float64Array(this.header.length);
    this.headerAsked = new Float64Array(this.header.length);
    this.headerAskedIn = new Int32Array(this.header.length);
    // Each body cell keeps its measured text: the layout asks for every row's lines at many widths,
    // thousands of rows in a national roll-up, so the cells are laid out flat, row after row. A cell's
    // width is its column's less its indent: each (column, indent) pair is one slot, worked out once per question,
    // for each distinct text of the slot once (an agency, a type, a unit's name repeat down a column).
    const columns = plan.sheet.columns;
    // Slots by column, then by indent.
    const slots = columns.map(() => new Map<number, number>());
    const slotPlaces: Map<MeasuredText, number>[] = [];
    for (const row of plan.rows) {
      if (row.spanAll) continue;
      const first = this.cellSlot.length;
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i]!;
        const cell = row.cells[column.col];
        if (cell?.kind !== 'text') continue;
        const indent = column.content.kind === 'label' && row.level ? row.level * INDENT_POINTS : 0;
        let slot = slots[i]!.get(indent);
        if (slot === undefined) {
          slot = this.slotColumn.length;
          slots[i]!.set(indent, slot);
          this.slotColumn.push(i);
          this.slotIndent.push(indent);
          this.slotCells.push([]);
          this.slotTexts.push([]);
          slotPlaces.push(new Map());
        }
        const m = measuredText(cell.text, this.size, !!row.bold);
        let place = slotPlaces[slot]!.get(m);
        if (place === undefined) {
          place = this.slotTexts[slot]!.push(m) - 1;
          slotPlaces[slot]!.set(m, place);
        }
        this.slotCells[slot]!.push(this.cellSlot.length);
        this.cellSlot.push(slot);
        this.cellPlace.push(place);
        this.cellRow.push(this.bodyEnd.length);
      }
      // A row without wrapping text is as tall at every width: left out.
      if (this.cellSlot.length > first) this.bodyEnd.push(this.cellSlot.length);
    }
    this.textColumns = new Set(this.slotColumn);
    this.columnSlots = columns.map(() => []);
    this.aloneTallest = new Uint8Array(columns.length);
    this.slotColumn.forEach((i, s) => this.columnSlots[i]!.push(s));
    this.slotAt = new Float64Array(this.slotColumn.length);
    this.slotLines = this.slotColumn.map(() => new Map());
    this.refAt = new Float64Array(this.slotColumn.length).fill(NaN);
    this.refTop = new Int32Array(this.bodyEnd.length);
    this.refSecond = new Int32Array(this.bodyEnd.length);
    this.refTopSlot = new Int32Array(this.bodyEnd.length);
  }

  // Plain arrays, filled in one walk: Int32Array.from and the like are slow on tens of thousands of cells.
  /** Body rows with wrapping text: where each one's cells end in the cell arrays. */
  private readonly bodyEnd: number[] = [];
  /** Body cells: slot, place of the cell's text among its slot's, body row. */
  private readonly cellSlot: number[] = [];
  private readonly cellPlace: number[] = [];
  private readonly cellRow: number[] = [];
  /** Slots: column and indent; at each question, the width in tenths of a point and the width a text may use. */
  private readonly slotColumn: number[] = [];
  private readonly slotIndent: number[] = [];
  private readonly slotAt: Float64Array;
  /** Cells of each slot, and its distinct measured texts. */
  private readonly slotCells: number[][] = [];
  private readonly slotTexts: MeasuredText[][] = [];
  /** Lines of every text of a slot (in slotTexts' order) at each width asked so far, in tenths of a point. */
  private readonly slotLines: Map<number, Int32Array>[];
  /** Body heights by the widths of the slots, as asked so far. */
  private readonly bodyHeights = new Map<string, number>();
  /**
   * The reference widths (the layout's current ones, settle()): the body height there, and each row's most
   * lines, the slot giving them and its most lines without that slot. A question that changes one slot's
   * width from them looks only at that slot's cells. Heights are whole multiples of 0.75 pt, so a sum
   * made by differences is the very number the full sum gives.
   */
  private readonly refAt: Float64Array;
  private refTotal = 0;
  private settled = false;
  /** Slots of each column; body heights asked with one column changed from the reference, by its width, by reference. */
  private readonly columnSlots: number[][];
  private columnHeights: Map<number, number>[] = [];
  private readonly columnMemos = new Map<string, Map<number, number>[]>();
  /** Columns holding, in some row, the most lines alone at the reference (1), by column. */
  private readonly aloneTallest: Uint8Array;
  private readonly refTop: Int32Array;
  private readonly refSecond: Int32Array;
  private readonly refTopSlot: Int32Array;

  /** Lines of each text of a slot at a width in tenths of a point, as linesAt counts them. */
  private linesOfSlot(slot: number, at: number): Int32Array {
    let lines = this.slotLines[slot]!.get(at);
    if (!lines) {
      const available = at / 10 - 5;
      const texts = this.slotTexts[slot]!;
      lines = new Int32Array(texts.length);
      for (let p = 0; p < texts.length; p++) {
        const m = texts[p]!;
        lines[p] = available >= m.fits ? m.paragraphs.length : measuredLines(m, available);
      }
      this.slotLines[slot]!.set(at, lines);
    }
    return lines;
  }

  private readonly textColumns: Set<number>;

  private readonly measured = new Map<string, Measured>();

  /** A text measured once (by weight), with its lines at each width asked so far. */
  private measure(text: string, bold: boolean): Measured {
    const key = `${bold ? 'b' : 'r'}${text}`;
    let m = this.measured.get(key);
    if (!m) {
      m = { text: measuredText(text, this.size, bold), lines: new Map() };
      this.measured.set(key, m);
    }
    return m;
  }

  /** Whether body rows hold wrapping text in this column (else its width changes only the header). */
  wrapsBody(i: number): boolean {
    return this.textColumns.has(i);
  }

  /** Header cells covering each header row, and each column. */
  private readonly headerOfRow: number[][];
  private readonly headerOfColumn: number[][];
  /**
   * Each header cell's share of the height of the rows it spans: at the settled widths (settle()), and at
   * the widths of the question numbered `headerAskedIn` for the cells it changed.
   */
  private readonly headerSettled: Float64Array;
  private readonly headerAsked: Float64Array;
  private readonly headerAskedIn: Int32Array;
  private question = 0;

  /** A header cell's share of the height of each row it spans, at these widths. */
  private headerShare(k: number, widths: readonly number[]): number {
    const c = this.header[k]!;
    let span = 0;
    for (let i = c.left; i <= c.right; i++) span += widths[i]!;
    return this.rowHeight(linesAt(c.m, span)) / c.rows;
  }

  /** Height of the header block: each row as tall as its tallest cell share (one line at least), rows in order. */
  private headerTotal(question: number): number {
    const oneLine = this.rowHeight(1);
    let total = 0;
    for (const cells of this.headerOfRow) {
      let row = oneLine;
      for (const k of cells) {
        const each = this.headerAskedIn[k] === question ? this.headerAsked[k]! : this.headerSettled[k]!;
        if (each > row) row = each;
      }
      total += row;
    }
    return total;
  }

  /**
   * For each header row, the columns of the cells that make it as tall as it is, at the settled widths:
   * widening one of them alone saves nothing while the others stay as tall, so the layout may widen them together.
   */
  headerBottlenecks(): number[][] {
    const heights = this.headerSettled;
    const oneLine = this.rowHeight(1);
    const out: number[][] = [];
    for (const cells of this.headerOfRow) {
      let max = -Infinity;
      for (const k of cells) if (heights[k]! > max) max = heights[k]!;
      const cols = new Set<number>();
      for (const k of cells) {
        const c = this.header[k]!;
        if (heights[k]! >= max - 0.01 && heights[k]! > oneLine) for (let i = c.left; i <= c.right; i++) cols.add(i);
      }
      if (cols.size > 1) out.push([...cols]);
    }
    return out;
  }

  /** Height in points of the header block at these column widths (points). */
  headerHeight(widths: readonly number[]): number {
    const question = ++this.question;
    for (let k = 0; k < this.header.length; k++) {
      this.headerAsked[k] = this.headerShare(k, widths);
      this.headerAskedIn[k] = question;
    }
    return this.headerTotal(question);
  }

  /**
   * headerHeight for widths that differ from the settled ones in the `moved` columns only: the cells
   * over the other columns keep their settled shares.
   */
  headerHeightMoving(widths: readonly number[], moved: readonly number[]): number {
    const question = ++this.question;
    for (const i of moved) {
      for (const k of this.headerOfColumn[i]!) {
        if (this.headerAskedIn[k] === question) continue;
        this.headerAsked[k] = this.headerShare(k, widths);
        this.headerAskedIn[k] = question;
      }
    }
    return this.headerTotal(question);
  }

  /** Of each header row taller than one line at the settled widths, the cells that make it that tall. */
  private tallest: number[][] | null = null;
  private settledHeader = 0;

  /** Height of the header block at the settled widths. */
  settledHeaderHeight(): number {
    this.tallestCells();
    return this.settledHeader;
  }

  private tallestCells(): number[][] {
    if (this.tallest) return this.tallest;
    const oneLine = this.rowHeight(1);
    this.tallest = [];
    for (const cells of this.headerOfRow) {
      let max = oneLine;
      for (const k of cells) if (this.headerSettled[k]! > max) max = this.headerSettled[k]!;
      if (max > oneLine) this.tallest.push(cells.filter((k) => this.headerSettled[k] === max));
    }
    this.settledHeader = this.headerTotal(-1);
    return this.tallest;
  }

  /**
   * Whether widening the `moved` columns from the settled widths may lower the height. The header only if
   * in some row every cell that makes it taller than one line lies over them: else each row keeps a cell as
   * tall as before (cells over other columns keep their shares). The body only if some row's most lines are
   * in a moved column's cell alone (a row holds one cell of a column; with two moved columns wrapping, any row).
   * Else the height asked is at least the settled one.
   */
  mayLower(moved: readonly number[]): boolean {
    const header = this.tallestCells().some((cells) =>
      cells.every((k) => {
        const c = this.header[k]!;
        return moved.some((i) => c.left <= i && i <= c.right);
      }),
    );
    if (header) return true;
    const wrapping = moved.filter((i) => this.textColumns.has(i));
    return wrapping.length > 1 || (wrapping.length === 1 && this.aloneTallest[wrapping[0]!] === 1);
  }

  /** Height of the body rows at the settled widths. */
  settledBodyHeight(): number {
    return this.refTotal;
  }

  private readonly rowHeights: number[] = [];

  /** rowHeightFor at the table's size, each number of lines worked out once. */
  private rowHeight(lines: number): number {
    return (this.rowHeights[lines] ??= rowHeightFor(lines, this.size));
  }

  /** Height in points of the body rows at these column widths. */
  bodyHeight(widths: readonly number[]): number {
    // As linesAt, for every cell of a slot at once. The column whose slots differ from the reference, if one does.
    const { slotAt, refAt, slotColumn } = this;
    let changed = -1;
    for (let s = 0; s < slotAt.length; s++) {
      const at = (slotAt[s] = Math.round((widths[slotColumn[s]!]! - this.slotIndent[s]!) * 10));
      if (at !== refAt[s] && changed !== -2) changed = changed === -1 || changed === slotColumn[s] ? slotColumn[s]! : -2;
    }
    if (changed === -1 && this.settled) return this.refTotal;
    if (changed >= 0 && this.settled) {
      // A row holds one cell of a column: each changed slot's cells are rows of their own.
      const memo = this.columnHeights[changed]!;
      const width = widths[changed]!;
      let total = memo.get(width);
      if (total === undefined) {
        total = this.refTotal;
        for (const s of this.columnSlots[changed]!) if (slotAt[s] !== refAt[s]) total = this.oneSlotChanged(s, total);
        memo.set(width, total);
      }
      return total;
    }
    const key = slotAt.join(',');
    const known = this.bodyHeights.get(key);
    if (known !== undefined) return known;
    const total = this.fullHeight(!this.settled);
    this.bodyHeights.set(key, total);
    return total;
  }

  /** Makes these widths the reference a question's changed column is measured from (the header's too). */
  settle(widths: readonly number[]): void {
    for (let k = 0; k < this.header.length; k++) this.headerSettled[k] = this.headerShare(k, widths);
    this.tallest = null;
    for (let s = 0; s < this.slotAt.length; s++) this.slotAt[s] = Math.round((widths[this.slotColumn[s]!]! - this.slotIndent[s]!) * 10);
    if (this.settled && this.slotAt.every((at, s) => at === this.refAt[s])) return;
    this.fullHeight(true);
  }

  /** The body height at slotAt, every cell looked at; `reference`: slotAt becomes the reference. */
  private fullHeight(reference: boolean): number {
    const slotLines = Array.from(this.slotAt, (at, s) => this.linesOfSlot(s, at));
    const { bodyEnd, cellSlot, cellPlace, refTop, refSecond, refTopSlot } = this;
    const oneLine = this.rowHeight(1);
    if (reference) this.aloneTallest.fill(0);
    let total = 0;
    let k = 0;
    for (let r = 0; r < bodyEnd.length; r++) {
      let lines = 1;
      let second = 1;
      let topSlot = -1;
      for (const end = bodyEnd[r]!; k < end; k++) {
        const n = slotLines[cellSlot[k]!]![cellPlace[k]!]!;
        if (n > lines) {
          second = lines;
          lines = n;
          topSlot = cellSlot[k]!;
        } else if (n > second) second = n;
      }
      if (reference) {
        refTop[r] = lines;
        refSecond[r] = second;
        refTopSlot[r] = topSlot;
        if (second < lines) this.aloneTallest[this.slotColumn[topSlot]!] = 1;
      }
      total += lines === 1 ? oneLine : this.rowHeight(lines);
    }
    if (reference) {
      this.refAt.set(this.slotAt);
      this.refTotal = total;
      this.settled = true;
      // The second grow of layoutColumns passes by the first one's references again.
      const key = this.slotAt.join(',');
      let memos = this.columnMemos.get(key);
      if (!memos) {
        memos = this.slotColumn.length ? this.columnSlots.map(() => new Map()) : [];
        this.columnMemos.set(key, memos);
      }
      this.columnHeights = memos;
    }
    return total;
  }

  /** `total` with the heights of a changed slot's rows at slotAt: no other slot of these rows changed. */
  private oneSlotChanged(slot: number, total: number): number {
    const lines = this.linesOfSlot(slot, this.slotAt[slot]!);
    const cells = this.slotCells[slot]!;
    const { cellPlace, cellRow, refTop, refSecond, refTopSlot } = this;
    for (let p = 0; p < cells.length; p++) {
      const k = cells[p]!;
      const r = cellRow[k]!;
      const before = refTop[r]!;
      const others = refTopSlot[r] === slot ? refSecond[r]! : before;
      const now = Math.max(others, lines[cellPlace[k]!]!);
      if (now !== before) total += this.rowHeight(now) - this.rowHeight(before);
    }
    return total;
  }
}

/** Steps, in points, by which a column may widen in one round of the layout. */
const STEPS = [4, 8, 16, 32, 64, 128, 256];

/**
 * Widths that fill the page: starting from every column's least width, the room left goes, step by
 * step, where it saves the most printed height per point (a header that wraps less — it repeats on
 * every page —, labels on fewer lines);
 * once no step saves anything, every column widens in proportion to what it has.
 */
/** Grows `least` widths into the page, weighing the header `weight` times against the body. */
function grow(model: HeightModel, least: readonly number[], availablePt: number, weight: number): number[] {
  const widths = [...least];
  // Each column's paper width, kept with its width; added up in column order, as paperTotal adds them.
  const paper = widths.map(paperWidth);
  const paperSum = () => {
    let total = 0;
    for (let i = 0; i < paper.length; i++) total += paper[i]!;
    return total;
  };
  // The widths offers start from, with their paper widths. An offer taken back leaves widths[i] + step - step,
  // which need not be widths[i] again: then the model settles on the widths as they are.
  const settledWidths = [...widths];
  const settledPaper = [...paper];
  const takeBack = (set: readonly number[], step: number) => {
    let moved = false;
    for (const i of set) {
      widths[i]! -= step;
      if (widths[i] === settledWidths[i]) paper[i] = settledPaper[i]!;
      else {
        settledWidths[i] = widths[i]!;
        paper[i] = settledPaper[i] = paperWidth(widths[i]!);
        moved = true;
      }
    }
    if (moved) model.settle(widths);
  };
  const moveAndBack = (w: number) => STEPS.some((step) => w + step - step !== w);
  const wrapsBody = widths.map((_w, i) => model.wrapsBody(i));
  const single = widths.map((_w, i) => [i]);
  model.settle(widths);
  let body = model.bodyHeight(widths);
  let height = weight * model.headerHeight(widths) + body;
  while (availablePt - paperSum() >= STEPS[0]!) {
    const left = availablePt - paperSum();
    let best: { set: number[]; step: number; height: number; body: number; rate: number } | null = null;
    // Moves: one column, or the columns that together hold a header row at its height.
    const moves = [...single, ...model.headerBottlenecks()];
    // Each offer is tried on these widths and taken back: their paper width is the same for all.
    const before = paperSum();
    for (const set of moves) {
      const wraps = set.some((i) => wrapsBody[i]);
      // The least height any offer of a move that cannot lower the header or the body gets.
      const floor = weight * model.settledHeaderHeight() + (wraps ? model.settledBodyHeight() : body);
      if (!model.mayLower(set) && floor >= height) {
        // No step of this move lowers the height, so none is offered or ends the move early: its widths are only
        // moved and taken back, which leaves them as they are unless w + step - step is not w.
        if (!set.some((i) => moveAndBack(widths[i]!))) continue;
        for (const step of STEPS) {
          for (const i of set) paper[i] = paperWidth((widths[i]! += step));
          const cost = paperSum() - before;
          takeBack(set, step);
          if (cost > left) break;
        }
        continue;
      }
      for (const step of STEPS) {
        for (const i of set) paper[i] = paperWidth((widths[i]! += step));
        const cost = paperSum() - before;
        if (cost > left) {
          takeBack(set, step);
          break;
        }
        const b = wraps ? model.bodyHeight(widths) : body;
        const h = weight * model.headerHeightMoving(widths, set) + b;
        takeBack(set, step);
        const rate = (height - h) / Math.max(cost, 0.01);
        if (rate > 1e-9 && (!best || rate > best.rate)) best = { set, step, height: h, body: b, rate };
        if (h < height) break; // the smallest step that saves height is this move's offer
      }
    }
    if (!best) break;
    for (const i of best.set) {
      settledWidths[i] = widths[i]! += best.step;
      paper[i] = settledPaper[i] = paperWidth(widths[i]!);
    }
    height = best.height;
    body = best.body;
    model.settle(widths);
  }
  return shareRoomLeft(widths, availablePt);
}

/** What no step needs, shared by every column in proportion to its width (in place); never over the page. */
export function shareRoomLeft(widths: number[], availablePt: number): number[] {
  const room = () => availablePt - paperTotal(widths);
  for (let k = 0; k < 3; k++) {
    const spare = room();
    const sum = widths.reduce((a, b) => a + b, 0);
    widths.forEach((w, i) => (widths[i] = w + (spare * w) / sum));
  }
  while (room() < 0) widths.forEach((w, i) => (widths[i] = w * 0.995));
  return widths;
}

/** Header weights tried: the body's lines against the header's, which repeats on every page. */
const WEIGHTS = [1, 3];

export function layoutColumns(plan: SheetPlan, availablePt: number, pageHeightPt = Infinity): ColumnLayout {
  const least = leastWidths(plan);
  const minimum = paperTotal(least);
  if (minimum > availablePt) {
    return { widths: least.map(columnChars), scale: Math.floor((100 * availablePt) / minimum) };
  }
  const model = new HeightModel(plan);
  // Of the layouts for each weight, the one that prints shortest: body plus the header on every page.
  let best: { widths: number[]; printed: number } | null = null;
  for (const weight of WEIGHTS) {
    const widths = grow(model, least, availablePt, weight);
    const header = model.headerHeight(widths);
    const body = model.bodyHeight(widths);
    const pages = Number.isFinite(pageHeightPt) ? Math.max(1, Math.ceil(body / Math.max(1, pageHeightPt - header))) : 1;
    const printed = pages * header + body;
    if (!best || printed < best.printed - 0.5) best = { widths, printed };
  }
  return { widths: best!.widths.map(columnChars), scale: 100 };
}
