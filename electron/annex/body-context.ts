// What a row-group builder gets, and the column helpers every builder shares.
import type { AnnexColumn, AnnexSheet, FigureContent } from '../../shared/annex-schema.ts';
import type { Settings } from '../../shared/types.ts';
import type { ServiceContext } from '../store/context.ts';
import type { FigureBook } from './figure-book.ts';
import { figureCodes } from './layouts.ts';
import type { FigureCell, PlannedRow } from './plan-types.ts';

export interface BodyContext {
  ctx: ServiceContext;
  book: FigureBook;
  settings: Settings;
  sheet: AnnexSheet;
  /** The reporting year. */
  year: number;
  /** Setting from_year: the first year multi-year tables may show. */
  fromYear: number;
  /** Unit kinds that feed the sheet. */
  kinds: readonly string[];
  /** First data row. */
  firstRow: number;
}

export interface BodyRows {
  rows: PlannedRow[];
  /** Years the figures cover. */
  years: number[];
}

export type FigureColumn = AnnexColumn & { content: FigureContent };

export function figureColumns(sheet: AnnexSheet): FigureColumn[] {
  return sheet.columns.filter((c): c is FigureColumn => c.content.kind === 'figure');
}

/** Letter of the first column holding this kind of content, if any. */
export function columnOf(sheet: AnnexSheet, kind: AnnexColumn['content']['kind']): string | undefined {
  return sheet.columns.find((c) => c.content.kind === kind)?.col;
}

export function figureCell(b: BodyContext, column: FigureColumn, year: number, rowCode?: string, unit?: string): FigureCell {
  const source = { year, codes: figureCodes(column.content, b.ctx.template.lists, rowCode), kinds: b.kinds, ...(unit ? { unit } : {}) };
  return { kind: 'figure', value: b.book.sum(source), source };
}

/** Puts a text in a row under the column holding that content, when the layout has such a column. */
export function putText(row: PlannedRow, col: string | undefined, text: string): void {
  if (col && text !== '') row.cells[col] = { kind: 'text', text };
}

/** A row's STT: a whole number is written as a number (a digit string would be flagged "number stored as text"). */
export function putNumber(row: PlannedRow, col: string | undefined, stt: string | number): void {
  if (!col) return;
  row.cells[col] = typeof stt === 'number' ? { kind: 'ordinal', value: stt } : { kind: 'text', text: stt };
}
