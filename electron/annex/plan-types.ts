// The planned content of an annex sheet, before any spreadsheet exists: which text, figure or formula
// goes in which cell, and where each figure comes from. The writer renders it; the trace reads it.
import type { AnnexLayout, AnnexSheet } from '../../shared/annex-schema.ts';

/** One figure: the sum of some indicator codes over the current submissions of a year (one unit, the units under a top-level unit, or every unit of some kinds). */
export interface FigureSource {
  year: number;
  /** The report period's key when the figure is the period's own (a half-year, a range's sum), not the year's. */
  period?: string;
  codes: readonly string[];
  kinds: readonly string[];
  unit?: string;
  /** A top-level unit: the figure sums the units of the kinds under it (it included), not every unit. */
  under?: string;
}

export interface TextCell {
  kind: 'text';
  text: string;
}

/** A plain number that is not a figure (a row's STT). */
export interface OrdinalCell {
  kind: 'ordinal';
  value: number;
}

export interface DateCell {
  kind: 'date';
  iso: string;
}

export interface FigureCell {
  kind: 'figure';
  value: number | null;
  source: FigureSource;
}

export interface FormulaCell {
  kind: 'formula';
  /** DIFF: the first cell minus the second. */
  fn: 'SUM' | 'COUNTA' | 'DIFF';
  /** Cell addresses on the same sheet, in order. */
  refs: string[];
  value: number | null;
  numFmt?: string;
}

export type PlannedCell = TextCell | OrdinalCell | DateCell | FigureCell | FormulaCell;

export type RowRole = 'year' | 'item' | 'total' | 'subtotal' | 'unit' | 'group' | 'document' | 'line';

export interface PlannedRow {
  row: number;
  role: RowRole;
  bold?: boolean;
  italic?: boolean;
  /** One cell merged across the table's width (a line under the table). */
  spanAll?: boolean;
  /** Depth in a unit tree: the label is indented this many steps. */
  level?: number;
  /** Cells by column letter; a column left out is an empty bordered cell. */
  cells: Record<string, PlannedCell>;
  /** Rows with the same block (a year, a group, a unit with its children) are kept on one page when they fit. */
  block?: number;
  /** For document rows: the de-duplication key of the document (aggregate.ts documentKey). */
  documentKey?: string;
}

export interface SheetTitles {
  label: string;
  title: string;
  period: string;
  caption: string;
}

/** One side of the signature block: title lines in capitals, a note, the signer's name (blank: signed by hand). */
export interface SignatureSide {
  lines: string[];
  note: string;
  name: string;
}

export interface PlannedSignature {
  /** `An Lạc, ngày … tháng … năm …`, over the right side. */
  date: string;
  left: SignatureSide;
  right: SignatureSide;
}

export interface SheetPlan {
  sheet: AnnexSheet;
  titles: SheetTitles;
  /** Row of the column numbers, or the last header row. */
  headerEnd: number;
  rows: PlannedRow[];
  /** `Ghi chú: Số liệu chưa bao gồm …`, or null when every feeding unit reported. */
  note: string | null;
  /** Years the sheet's figures cover. */
  years: number[];
  /** Number format of each figure column, by column letter. */
  columnFormats: Record<string, string>;
  /** `Đơn vị tính: …` over the table, at the right. */
  unitLine: string | null;
  /** `Nguồn: …` under the table. */
  source: string | null;
  signature: PlannedSignature | null;
}

export interface AnnexPlan {
  layout: AnnexLayout;
  year: number;
  sheets: SheetPlan[];
}
