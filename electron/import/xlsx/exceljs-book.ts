// The same InputBook over an exceljs workbook: the reference the streaming reader is compared with.
// Covered cells of a merge read as on disk (empty), as the streaming reader reads them.
import ExcelJS from 'exceljs';
import { cellValueOf, isCoveredByMerge } from '../cell-values.ts';
import type { Rect } from './address.ts';
import type { DefinedName, InputBook, InputCell } from './book.ts';

export class ExcelJsBook implements InputBook {
  constructor(readonly wb: ExcelJS.Workbook) {}
  static async load(buf: Buffer): Promise<ExcelJsBook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    return new ExcelJsBook(wb);
  }
  sheetNames(): string[] {
    return this.wb.worksheets.map((w) => w.name);
  }
  hasSheet(name: string): boolean {
    return !!this.wb.getWorksheet(name);
  }
  definedNames(): DefinedName[] {
    return this.wb.definedNames.model.filter((d) => d.ranges[0]).map((d) => ({ name: d.name, ref: d.ranges[0]!, union: d.ranges.length > 1 }));
  }
  size(sheet: string): { rows: number; cols: number } {
    const ws = this.wb.getWorksheet(sheet);
    return ws ? { rows: ws.rowCount, cols: ws.columnCount } : { rows: 0, cols: 0 };
  }
  cell(sheet: string, row: number, col: number): InputCell {
    const ws = this.wb.getWorksheet(sheet);
    if (!ws) return { value: null };
    const cell = ws.getCell(row, col);
    if (isCoveredByMerge(cell)) return { value: null, master: cell.master.address };
    return { value: cellValueOf(cell) ?? null };
  }
  rowsWithData(sheet: string, rect: Rect): number[] {
    const ws = this.wb.getWorksheet(sheet);
    if (!ws) return [];
    const rows: number[] = [];
    for (let r = rect.top; r <= Math.min(rect.bottom, ws.rowCount); r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const v = this.cell(sheet, r, c).value;
        if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) {
          rows.push(r);
          break;
        }
      }
    }
    return rows;
  }
}
