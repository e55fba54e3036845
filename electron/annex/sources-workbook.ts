// "Nguon so lieu.xlsx": for every figure of the annexes, the units, files, cells, versions and
// corrections behind it — one row per unit value, so the compiler can filter it in Excel.
import type { FigureCellSources } from './trace.ts';
import type { DocumentProperties } from '../workbook/document-properties.ts';
import { Workbook } from '../workbook/sheet-model.ts';
import { A4_MARGINS, fontStyle as font, TABLE_FOOTER } from '../workbook/styles.ts';

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

export function sourcesWorkbook(cells: FigureCellSources[], title: string, props: DocumentProperties, created: Date): Workbook {
  const wb = new Workbook(props, created);
  const ws = wb.addSheet('NGUON_SO_LIEU');
  ws.merge(1, 1, 1, COLUMNS.length, title, { font: font(13, { bold: true }) });
  const head = wb.style({ font: font(11, { bold: true }), border: 'thin', wrapText: true, vertical: 'middle', horizontal: 'center' });
  COLUMNS.forEach(([label, width], i) => {
    ws.setWidth(i + 1, width);
    ws.set(3, i + 1, label, head);
  });
  const body = wb.style({ font: font(10), border: 'thin' });
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
      row.forEach((value, i) => ws.set(r, i + 1, value ?? undefined, body));
      r++;
    }
  }
  ws.autoFilter = { top: 3, left: 1, bottom: Math.max(3, r - 1), right: COLUMNS.length };
  ws.frozenRows = 3;
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitTo: { width: 1, height: 0 }, horizontalCentered: true, margins: A4_MARGINS };
  ws.printTitleRows = { from: 3, to: 3 };
  ws.oddFooter = TABLE_FOOTER;
  return wb;
}
