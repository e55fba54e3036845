// "Nguon so lieu.xlsx": for every figure of the annexes, the units, files, cells, versions and
// corrections behind it — one row per unit value, so the compiler can filter it in Excel.
import ExcelJS from 'exceljs';
import type { FigureCellSources } from './trace.ts';
import { a4, font, thinBorder } from '../workbook/styles.ts';

export const SOURCES_FILE_NAME = 'Nguon so lieu.xlsx';

const COLUMNS: [string, number][] = [
  ['Phụ lục', 11],
  ['Trang', 13],
  ['Ô', 7],
  ['Nội dung', 48],
  ['Số liệu', 9],
  ['Năm', 7],
  ['Đơn vị', 28],
  ['Chỉ tiêu', 20],
  ['Đơn vị gửi', 10],
  ['Số liệu dùng', 10],
  ['Sửa: lý do, người sửa', 30],
  ['Tệp', 36],
  ['Phiên bản', 9],
  ['Ô trong biểu mẫu', 14],
];

export function sourcesWorkbook(cells: FigureCellSources[], title: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Báo cáo 121';
  const ws = wb.addWorksheet('NGUON_SO_LIEU');
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = font(13, { bold: true });
  COLUMNS.forEach(([label, width], i) => {
    ws.getColumn(i + 1).width = width;
    const c = ws.getCell(3, i + 1);
    c.value = label;
    c.font = font(11, { bold: true });
    c.border = thinBorder;
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  let r = 4;
  for (const cell of cells) {
    const lines = cell.values.length ? cell.values : [null];
    for (const v of lines) {
      // Every text cell is written as a plain string: a unit's text can never become a formula here.
      const row = [
        cell.annexLabel,
        cell.sheet,
        cell.cell,
        cell.label,
        cell.value,
        v?.year ?? null,
        v?.unit.name ?? '(không có đơn vị nào báo cáo)',
        v?.code ?? null,
        v?.submitted ?? null,
        v?.value ?? null,
        v?.correction ? `${v.correction.reason} (${v.correction.by}, ${v.correction.at.slice(0, 10)})` : null,
        v?.fileName ?? (v ? 'dữ liệu JSON' : null),
        v?.version ?? null,
        v?.cell ?? null,
      ];
      row.forEach((value, i) => {
        const c = ws.getCell(r, i + 1);
        c.value = value;
        c.font = font(10);
        c.border = thinBorder;
      });
      r++;
    }
  }
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: Math.max(3, r - 1), column: COLUMNS.length } };
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  a4(ws, 'landscape', '3:3');
  return wb;
}
