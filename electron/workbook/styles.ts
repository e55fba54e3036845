// Cell styles shared by the workbooks the app writes (input workbooks and annexes).
import type ExcelJS from 'exceljs';
import type { FontStyle } from './sheet-model.ts';

export const FONT_NAME = 'Times New Roman';

export const thinBorder: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export const inputFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
export const lockedFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

export function font(size = 12, extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { name: FONT_NAME, size, ...extra };
}

/** The same font for the app's own writer (sheet-model.ts). */
export function fontStyle(size: number, extra: Omit<FontStyle, 'name' | 'size'> = {}): FontStyle {
  return { name: FONT_NAME, size, ...extra };
}

export const NUMBER_FORMAT = { count: '#,##0', money: '#,##0.0##' } as const;

/** Margins in inches of a table printed on A4 (input workbooks, "Nguon so lieu.xlsx"). */
export const A4_MARGINS = { top: 0.79, bottom: 0.79, left: 0.59, right: 0.59, header: 0.3, footer: 0.3 };
/** "Trang x/y" centred under such a table. */
export const TABLE_FOOTER = '&C&"Times New Roman"&10Trang &P/&N';

/** A4 print setup; `landscape` for wide tables; one page wide, as many tall as needed. */
export function a4(ws: ExcelJS.Worksheet, orientation: 'portrait' | 'landscape', printTitleRows?: string): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: A4_MARGINS,
    horizontalCentered: true,
    ...(printTitleRows ? { printTitlesRow: printTitleRows } : {}),
  };
  ws.headerFooter = { oddFooter: TABLE_FOOTER };
}

export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
