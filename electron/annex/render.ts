// Renders a planned annex into a workbook of the app's own writer (workbook/sheet-model.ts): title rows
// 1–4, the header block with its merges, the column numbers, the body rows (figures blank when not
// reported, totals as formulas with their cached values), the note under the table, print setup.
// Knows no particular annex.
import { parseRange, type AnnexColumn } from '../../shared/annex-schema.ts';
import { nfc, sentenceCase } from '../../shared/text.ts';
import { INPUT_SUBJECT } from '../workbook/document-properties.ts';
import { Workbook, type CellStyle, type CellValue, type FontStyle, type Sheet } from '../workbook/sheet-model.ts';
import { fontStyle as font } from '../workbook/styles.ts';
import { formulaText } from './formulas.ts';
import { annexPrintSetup } from './page-setup.ts';
import type { AnnexPlan, PlannedCell, PlannedRow, SheetPlan } from './plan-types.ts';
import { isoToUtcDate } from './texts.ts';
import { columnPoints, rowHeightFor, wrappedLines } from './text-metrics.ts';
import { INDENT_POINTS, layoutColumns, printableWidth } from './column-layout.ts';
import { pageBreaks, printableHeight, type PageRow } from './page-breaks.ts';
import { ANNEX_MARGINS_MM } from './page-setup.ts';

export interface RenderOptions {
  draft: boolean;
  created: Date;
  /** The agency that issues the annex (document properties). */
  author: string;
}

const DATE_FORMAT = 'dd/mm/yyyy';
const DRAFT_COLOR = 'FFC00000';
/** Row 5 only separates the titles from the table. */
const SPACER_HEIGHT = 7.5;
/** Empty lines left for the signature and the seal. */
const SIGNING_ROWS = 4;

type Align = NonNullable<AnnexColumn['align']>;
const ALIGN_INDEX: Record<Align, number> = { left: 0, center: 1, right: 2 };

function defaultAlign(column: AnnexColumn): Align {
  const k = column.content.kind;
  if (k === 'figure' || k === 'difference' || k === 'number') return 'center';
  if (k === 'document' && column.content.field === 'ngay') return 'center';
  return 'left';
}

/** Width in points of columns `from`..`to` (1-based), as a merged cell sees it. */
function spanPoints(widths: readonly number[], from: number, to: number): number {
  let pt = 0;
  for (let i = from; i <= to; i++) pt += columnPoints(widths[i - 1]!) + 5;
  return pt - 5;
}

/** A planned cell's number format: a date's, else its own or its column's (figures and totals). */
function numFmtOf(planned: PlannedCell, columnFormat: string | undefined): string | undefined {
  switch (planned.kind) {
    case 'text':
    case 'ordinal':
      return undefined;
    case 'date':
      return DATE_FORMAT;
    case 'figure':
      return columnFormat || undefined;
    case 'formula':
      return planned.numFmt ?? columnFormat ?? undefined;
  }
}

/** A planned cell's value; undefined leaves the cell without one. */
function valueOf(planned: PlannedCell): CellValue | undefined {
  switch (planned.kind) {
    case 'text':
      return nfc(planned.text);
    case 'ordinal':
      return planned.value;
    case 'date':
      return isoToUtcDate(planned.iso) ?? planned.iso;
    case 'figure':
      // Blank means "not reported": no value at all, never 0.
      return planned.value ?? undefined;
    case 'formula':
      if (planned.value === null) return undefined;
      return planned.refs.length ? { formula: formulaText(planned), result: planned.value } : planned.value;
  }
}

class SheetWriter {
  private readonly ws: Sheet;
  private readonly columns: readonly AnnexColumn[];
  private readonly width: number;
  private readonly size: number;
  /** Column widths in characters, laid out for the page. */
  private readonly widths: number[];
  private readonly scale: number;

  constructor(
    private readonly wb: Workbook,
    private readonly plan: SheetPlan,
    private readonly draftMark: string | null,
  ) {
    this.columns = plan.sheet.columns;
    this.width = this.columns.length;
    this.size = plan.sheet.fonts.table;
    const layout = layoutColumns(plan, printableWidth(ANNEX_MARGINS_MM), printableHeight(ANNEX_MARGINS_MM));
    this.widths = layout.widths;
    this.scale = layout.scale;
    this.ws = wb.addSheet(plan.sheet.name);
    this.ws.showGridLines = false;
  }

  write(): void {
    this.widths.forEach((w, i) => this.ws.setWidth(i + 1, w));
    this.titles();
    this.header();
    for (const row of this.plan.rows) this.bodyRow(row);
    const last = this.signature(this.lines(this.plan.rows.at(-1)?.row ?? this.plan.headerEnd));
    const h = this.plan.sheet.header;
    annexPrintSetup(this.ws, { titleRows: { from: h.firstRow, to: this.plan.headerEnd }, draftMark: this.draftMark, scale: this.scale });
    this.pageBreaks(last);
  }

  private height(row: number): number {
    return this.ws.height(row) ?? rowHeightFor(1, this.size);
  }

  /** Manual page breaks that keep each block of rows on one page when it fits. */
  private pageBreaks(lastRow: number): void {
    const h = this.plan.sheet.header;
    let first = 0;
    for (let r = 1; r <= this.plan.headerEnd; r++) first += this.height(r);
    let repeated = 0;
    for (let r = h.firstRow; r <= this.plan.headerEnd; r++) repeated += this.height(r);
    const blocks = new Map<number, string | number | undefined>([
      ...this.plan.rows.map((r) => [r.row, r.block] as const),
      ...this.signatureRows.map((r) => [r, 'signature'] as const),
    ]);
    const rows: PageRow[] = [];
    for (let r = this.plan.headerEnd + 1; r <= lastRow; r++) rows.push({ row: r, height: this.height(r), block: blocks.get(r) });
    for (const r of pageBreaks(first, repeated, rows, printableHeight(ANNEX_MARGINS_MM, this.scale))) this.ws.addRowBreak(r);
  }

  /** A line merged across the table's width; `extra` adds to its style (a border, a number format). */
  private wideLine(row: number, text: string, f: FontStyle, align: Align, value: CellValue | undefined = nfc(text), extra: CellStyle = {}): void {
    this.ws.merge(row, 1, row, this.width, value, { font: f, horizontal: align, vertical: 'middle', wrapText: true, ...extra });
    const lines = wrappedLines(text, spanPoints(this.widths, 1, this.width), f.size, !!f.bold);
    this.ws.setHeight(row, rowHeightFor(lines, f.size));
  }

  private titles(): void {
    const { label, title, period, caption } = this.plan.titles;
    const size = this.plan.sheet.fonts.title;
    this.wideLine(1, label, font(size, { bold: true }), 'center');
    this.wideLine(2, title, font(size, { bold: true }), 'center');
    this.wideLine(3, period, font(size - 1, { italic: true }), 'center');
    this.wideLine(4, caption, font(size - 1, { italic: true }), 'center');
    this.ws.setHeight(5, this.draftMark || this.plan.unitLine ? rowHeightFor(1, this.size) + 1.5 : SPACER_HEIGHT);
    if (this.plan.unitLine) {
      const to = this.draftMark ? this.width - 1 : this.width;
      this.ws.merge(5, 1, 5, Math.max(1, to), nfc(this.plan.unitLine), { font: font(this.size, { italic: true }), horizontal: 'right', vertical: 'bottom' });
    }
    if (this.draftMark)
      this.ws.set(5, this.width, nfc(this.draftMark), { font: font(size, { bold: true, color: DRAFT_COLOR }), horizontal: 'right', vertical: 'middle' });
  }

  private header(): void {
    const h = this.plan.sheet.header;
    const needed = new Map<number, number>();
    const style = this.wb.style({ font: font(this.size, { bold: true }), horizontal: 'center', vertical: 'middle', wrapText: true, border: 'thin' });
    for (const hc of h.cells) {
      const r = parseRange(hc.range);
      this.ws.merge(r.top, r.left, r.bottom, r.right, nfc(hc.text), style);
      const lines = wrappedLines(hc.text, spanPoints(this.widths, r.left, r.right), this.size, true);
      const rows = r.bottom - r.top + 1;
      const each = rowHeightFor(lines, this.size) / rows;
      for (let row = r.top; row <= r.bottom; row++) needed.set(row, Math.max(needed.get(row) ?? rowHeightFor(1, this.size), Math.ceil(each / 0.75) * 0.75));
    }
    for (const [row, height] of needed) this.ws.setHeight(row, height);
    if (h.columnNumbers) {
      const row = h.firstRow + h.rows;
      const numbers = this.wb.style({ font: font(this.size, { italic: true }), horizontal: 'center', vertical: 'middle', border: 'thin' });
      this.columns.forEach((_c, i) => this.ws.set(row, i + 1, `(${i + 1})`, numbers));
      this.ws.setHeight(row, rowHeightFor(1, this.size));
    }
  }

  private bodyRow(row: PlannedRow): void {
    const f = font(this.size, { bold: !!row.bold, italic: !!row.italic });
    if (row.spanAll) {
      const planned = row.cells[this.columns[0]!.col];
      const text = planned?.kind === 'text' ? planned.text : '';
      const numFmt = planned ? numFmtOf(planned, undefined) : undefined;
      const value = planned ? valueOf(planned) : undefined;
      this.wideLine(row.row, text, f, 'left', value, { ...(row.role !== 'line' ? { border: 'thin' } : {}), ...(numFmt ? { numFmt } : {}) });
      return;
    }
    let lines = 1;
    this.columns.forEach((column, i) => {
      const indent = column.content.kind === 'label' && row.level ? row.level : undefined;
      const planned = row.cells[column.col];
      const numFmt = planned ? numFmtOf(planned, this.plan.columnFormats[column.col]) : undefined;
      const style = this.bodyStyle(f, column.align ?? defaultAlign(column), indent, numFmt);
      this.ws.set(row.row, i + 1, planned ? valueOf(planned) : undefined, style);
      if (planned?.kind === 'text')
        lines = Math.max(lines, wrappedLines(planned.text, columnPoints(this.widths[i]!) - (indent ?? 0) * INDENT_POINTS, this.size, !!row.bold));
    });
    this.ws.setHeight(row.row, rowHeightFor(lines, this.size));
  }

  /**
   * Body cells alike in style share one interned style, looked up by a number (font, alignment, indent) then by the
   * number format, instead of a key string built for each cell (indent 0 and none make the same style).
   */
  private readonly bodyStyles = new Map<number, Map<string, number>>();

  private bodyStyle(f: FontStyle, horizontal: Align, indent: number | undefined, numFmt: string | undefined): number {
    const head = ((indent ?? 0) * 3 + ALIGN_INDEX[horizontal]) * 4 + (f.bold ? 1 : 0) + (f.italic ? 2 : 0);
    let byFormat = this.bodyStyles.get(head);
    if (!byFormat) this.bodyStyles.set(head, (byFormat = new Map()));
    let style = byFormat.get(numFmt ?? '');
    if (style === undefined) {
      style = this.wb.style({
        font: f,
        border: 'thin',
        horizontal,
        vertical: 'middle',
        wrapText: true,
        ...(indent ? { indent } : {}),
        ...(numFmt ? { numFmt } : {}),
      });
      byFormat.set(numFmt ?? '', style);
    }
    return style;
  }

  /** The lines under the table (the note on units not reported, the source); returns the last row written. */
  private lines(last: number): number {
    let row = last;
    for (const text of [this.plan.note, this.plan.source]) {
      if (!text) continue;
      this.wideLine(++row, text, font(this.size, { italic: true }), 'left');
    }
    return row;
  }

  private readonly signatureRows: number[] = [];

  /** Columns of the left side: those whose widths add up closest to half the table. */
  private leftColumns(): number {
    const pts = this.widths.map((w) => columnPoints(w) + 5);
    const half = pts.reduce((a, b) => a + b, 0) / 2;
    let sum = 0;
    let best = 1;
    pts.forEach((p, i) => {
      sum += p;
      if (Math.abs(sum - half) < Math.abs(pts.slice(0, best).reduce((a, b) => a + b, 0) - half)) best = i + 1;
    });
    return Math.min(Math.max(1, best), this.width - 1);
  }

  /** One line of the signature block: a text on the left side and one on the right, each merged over its side. */
  private signatureLine(row: number, left: string, right: string, f: FontStyle): void {
    const split = this.leftColumns();
    const sides: [number, number, string][] = [
      [1, split, left],
      [split + 1, this.width, right],
    ];
    let lines = 1;
    const style = this.wb.style({ font: f, horizontal: 'center', vertical: 'middle', wrapText: true });
    for (const [from, to, text] of sides) {
      this.ws.merge(row, from, row, to, text ? nfc(text) : undefined, style);
      if (text) lines = Math.max(lines, wrappedLines(text, spanPoints(this.widths, from, to), f.size, !!f.bold));
    }
    this.ws.setHeight(row, rowHeightFor(lines, f.size));
    this.signatureRows.push(row);
  }

  /** The signature block under the table; returns the last row written. */
  private signature(last: number): number {
    const s = this.plan.signature;
    if (!s) return last;
    let row = last + 1;
    this.ws.setHeight(row, SPACER_HEIGHT);
    this.signatureRows.push(row++);
    const size = Math.max(this.size, 12);
    this.signatureLine(row++, '', s.date, font(size, { italic: true }));
    const titles = Math.max(s.left.lines.length, s.right.lines.length);
    for (let i = 0; i < titles; i++) this.signatureLine(row++, s.left.lines[i] ?? '', s.right.lines[i] ?? '', font(size, { bold: true }));
    this.signatureLine(row++, s.left.note, s.right.note, font(size, { italic: true }));
    for (let i = 0; i < SIGNING_ROWS; i++) this.signatureLine(row++, '', '', font(size));
    this.signatureLine(row, s.left.name, s.right.name, font(size, { bold: true }));
    return row;
  }
}

export function renderAnnex(plan: AnnexPlan, options: RenderOptions): Workbook {
  const first = plan.sheets[0]?.titles.title ?? '';
  const wb = new Workbook(
    {
      title: `${plan.layout.label}: ${sentenceCase(first)}`,
      subject: `${INPUT_SUBJECT} năm ${plan.year}`,
      author: options.author,
    },
    options.created,
  );
  for (const sheet of plan.sheets) new SheetWriter(wb, sheet, options.draft ? plan.layout.draftMark : null).write();
  return wb;
}
