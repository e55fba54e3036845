// What import reads from a workbook, whoever parsed it: the streaming reader of this folder, or exceljs
// (kept as the reference the reader is compared with). Values are shaped like ExcelJS.CellValue so the
// cell checks of cell-values.ts apply unchanged.
import type ExcelJS from 'exceljs';
import type { Rect } from './address.ts';

export interface InputCell {
  value: ExcelJS.CellValue;
  /** When a merge covers this cell (and it is not the merge's top-left cell): that cell's address. */
  master?: string;
}

export interface DefinedName {
  name: string;
  /** The reference as written, e.g. "PL01!$C$6" (first range only when there are several). */
  ref: string;
  /** Several ranges (a union), which no name of the contract has. */
  union: boolean;
}

export interface InputBook {
  sheetNames(): string[];
  hasSheet(name: string): boolean;
  /** Workbook-scoped defined names (print titles and other _xlnm names left out). */
  definedNames(): DefinedName[];
  /** Rows × columns used by the sheet (the last row and column holding a cell). */
  size(sheet: string): { rows: number; cols: number };
  cell(sheet: string, row: number, col: number): InputCell;
  /** Rows of `rect` (within the sheet) that hold at least one non-empty cell, ascending. */
  rowsWithData(sheet: string, rect: Rect): number[];
}

/** The cells a reader must keep, per sheet name: rectangles, never expanded. */
export type WantedCells = Map<string, Rect[]>;
