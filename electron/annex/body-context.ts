// What a row-group builder gets, and the column helpers every builder shares.
import type { AnnexColumn, AnnexSheet, DifferenceContent, FigureContent } from '../../shared/annex-schema.ts';
import { periodKey, type ReportPeriod } from '../../shared/periods.ts';
import type { Settings } from '../../shared/types.ts';
import type { ServiceContext } from '../store/context.ts';
import type { FigureBook } from './figure-book.ts';
import { differenceOf } from './formulas.ts';
import { figureCodes } from './layouts.ts';
import type { FigureCell, PlannedRow } from './plan-types.ts';

export interface BodyContext {
  ctx: ServiceContext;
  book: FigureBook;
  settings: Settings;
  sheet: AnnexSheet;
  /** The reporting year (of a half-year, its year; of a range, its last year). */
  year: number;
  /** The report period (shared/periods.ts): a year, a half-year or a range. */
  period: ReportPeriod;
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

export type DifferenceColumn = AnnexColumn & { content: DifferenceContent };

export function differenceColumns(sheet: AnnexSheet): DifferenceColumn[] {
  return sheet.columns.filter((c): c is DifferenceColumn => c.content.kind === 'difference');
}

/** Fills a row's difference columns from its figure (or total) cells: `=C9-D9`. */
export function putDifferences(sheet: AnnexSheet, row: PlannedRow): void {
  for (const col of differenceColumns(sheet)) row.cells[col.col] = differenceOf(col.content.of[0], col.content.of[1], row);
}

/** Letter of the first column holding this kind of content, if any. */
export function columnOf(sheet: AnnexSheet, kind: AnnexColumn['content']['kind']): string | undefined {
  return sheet.columns.find((c) => c.content.kind === kind)?.col;
}

/** The key of the period's own figures when they are not a year's annual ones ("2026-H1", a range), else undefined. */
export function periodFiguresKey(b: BodyContext): string | undefined {
  return b.period.kind === 'year' ? undefined : periodKey(b.period);
}

/** Codes of a figure column by row item, expanded once per column content and list set (a unit row asks for every unit). */
const CODES = new WeakMap<FigureContent, WeakMap<object, Map<string | undefined, readonly string[]>>>();

function columnCodes(content: FigureContent, lists: BodyContext['ctx']['template']['lists'], rowCode: string | undefined): readonly string[] {
  let byLists = CODES.get(content);
  if (!byLists) CODES.set(content, (byLists = new WeakMap()));
  let byRow = byLists.get(lists);
  if (!byRow) byLists.set(lists, (byRow = new Map()));
  let codes = byRow.get(rowCode);
  if (!codes) byRow.set(rowCode, (codes = figureCodes(content, lists, rowCode)));
  return codes;
}

/** Whose figures a cell sums: one unit's, or those of the units under a top-level unit; every unit's when not given. */
export type UnitScope = { unit: string } | { under: string };

/** A figure of a year's annual submissions, or with `period`, of the report period's figures. */
export function figureCell(b: BodyContext, column: FigureColumn, year: number, rowCode?: string, scope?: UnitScope, period?: string): FigureCell {
  const source = {
    year,
    codes: columnCodes(column.content, b.ctx.template.lists, rowCode),
    kinds: b.kinds,
    ...scope,
    ...(period ? { period } : {}),
  };
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
