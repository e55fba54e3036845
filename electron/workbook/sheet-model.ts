// The in-memory workbook the app's own SpreadsheetML writer (xlsx-writer.ts) serializes: sheets of cells
// (a number, a text, a date, a formula with its cached result) with an interned style each, merges,
// column widths, row heights, manual row page breaks, print setup, print titles, the gridlines switch
// and the document properties. Only what the annexes and "Nguon so lieu.xlsx" need; the input workbooks
// (data validations, protection, fills) are written by exceljs.
import type { DocumentProperties } from './document-properties.ts';

export type Horizontal = 'left' | 'center' | 'right';
export type Vertical = 'top' | 'middle' | 'bottom';

export interface FontStyle {
  name: string;
  size: number;
  bold?: boolean;
  italic?: boolean;
  /** ARGB, e.g. FFC00000. */
  color?: string;
}

export interface CellStyle {
  font?: FontStyle;
  horizontal?: Horizontal;
  vertical?: Vertical;
  wrapText?: boolean;
  indent?: number;
  /** A thin line on all four sides. */
  border?: 'thin';
  /** A number format code ("#,##0", "dd/mm/yyyy"). */
  numFmt?: string;
}

export interface Formula {
  formula: string;
  /** The cached result Excel shows before it recalculates (and readers that never do). */
  result: number;
}

export type CellValue = string | number | Date | Formula;

export interface Cell {
  value: CellValue | undefined;
  /** Index of the cell's style in its workbook (Workbook.style). */
  style: number;
}

export interface PageSetup {
  /** 9: A4. */
  paperSize: number;
  orientation: 'portrait' | 'landscape';
  /** Percent; left out when the page is fitted. */
  scale?: number;
  /** Fit to this many pages wide and tall (0: as many as needed). */
  fitTo?: { width: number; height: number };
  horizontalCentered?: boolean;
  /** In inches. */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
}

interface Row {
  height?: number;
  cells: (Cell | undefined)[];
}

/** One worksheet; rows and columns are 1-based as in Excel. */
export class Sheet {
  readonly rows: (Row | undefined)[] = [];
  /** Column widths in characters by column (index 1 is column A). */
  readonly widths: (number | undefined)[] = [];
  readonly merges: { top: number; left: number; bottom: number; right: number }[] = [];
  /** Rows after which a new page starts. */
  readonly rowBreaks: number[] = [];
  pageSetup: PageSetup | null = null;
  /** Header and footer codes (&C, &P, &N …). */
  oddHeader = '';
  oddFooter = '';
  /** Rows repeated at the top of every printed page. */
  printTitleRows: { from: number; to: number } | null = null;
  showGridLines = true;
  /** Rows frozen at the top of the window. */
  frozenRows = 0;
  autoFilter: { top: number; left: number; bottom: number; right: number } | null = null;

  constructor(
    readonly name: string,
    private readonly book: Workbook,
  ) {}

  private row(r: number): Row {
    return (this.rows[r] ??= { cells: [] });
  }

  setWidth(col: number, width: number): void {
    this.widths[col] = width;
  }

  setHeight(row: number, height: number): void {
    this.row(row).height = height;
  }

  height(row: number): number | undefined {
    return this.rows[row]?.height;
  }

  /** Sets a cell; `style` is a style of this workbook (Workbook.style) or one to intern. */
  set(row: number, col: number, value: CellValue | undefined, style: number | CellStyle = 0): void {
    this.row(row).cells[col] = { value, style: typeof style === 'number' ? style : this.book.style(style) };
  }

  /** Merges a range: every cell of it takes `style`, the top-left one holds `value`. */
  merge(top: number, left: number, bottom: number, right: number, value: CellValue | undefined, style: number | CellStyle): void {
    const id = typeof style === 'number' ? style : this.book.style(style);
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) this.set(r, c, r === top && c === left ? value : undefined, id);
  }

  addRowBreak(row: number): void {
    this.rowBreaks.push(row);
  }
}

/** A style's identity: alike styles are one entry of styles.xml. */
function styleKey(s: CellStyle): string {
  const f = s.font;
  return [
    f ? `${f.name}|${f.size}|${f.bold ? 1 : 0}${f.italic ? 1 : 0}|${f.color ?? ''}` : '',
    s.horizontal ?? '',
    s.vertical ?? '',
    s.wrapText ? 1 : 0,
    s.indent ?? '',
    s.border ?? '',
    s.numFmt ?? '',
  ].join('\u0001');
}

export class Workbook {
  readonly sheets: Sheet[] = [];
  /** Style 0 is the default (no font, border or format of its own). */
  readonly styles: CellStyle[] = [{}];
  private readonly styleIds = new Map<string, number>([[styleKey({}), 0]]);

  constructor(
    readonly properties: DocumentProperties,
    readonly created: Date,
  ) {}

  addSheet(name: string): Sheet {
    const sheet = new Sheet(name, this);
    this.sheets.push(sheet);
    return sheet;
  }

  /** The index of a style, interned: alike styles share one index. */
  style(s: CellStyle): number {
    const key = styleKey(s);
    let id = this.styleIds.get(key);
    if (id === undefined) {
      id = this.styles.length;
      this.styles.push({ ...s, ...(s.font ? { font: { ...s.font } } : {}) });
      this.styleIds.set(key, id);
    }
    return id;
  }
}
