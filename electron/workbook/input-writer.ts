// Writes the blank input workbook of one unit and year, exactly to the contract of docs/forms-and-indicators.md:
// HUONG_DAN first, the unit kind's sheets, a veryHidden _meta; a workbook-scoped defined name for every
// input cell; only input cells unlocked; validations; convenience totals as formulas; A4 print setup.
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import type { ListSheet, MatrixSheet, NarrativeSheet, SheetDefinition, TableSheet, TemplateDefinition } from '../../shared/template-schema.ts';
import { periodKey, periodLabel, periodText, yearPeriod, type ReportPeriod } from '../../shared/periods.ts';
import { expandCode, sheetsForKind } from '../../shared/template.ts';
import { AppError } from '../errors.ts';
import { HEADER_ROW, inputNameLayout, itemCell, listItems, META_SHEET, signatureRows, tableRange } from './input-layout.ts';
import { INPUT_SUBJECT } from './document-properties.ts';
import { setDocumentProperties } from './package.ts';
import { a4, columnLetter, font, inputFill, lockedFill, NUMBER_FORMAT, thinBorder } from './styles.ts';

export interface InputWorkbookRequest {
  template: TemplateDefinition;
  unit: { code: string; name: string; kind: string };
  year: number;
  /** The report period when not the year itself (a half-year); _meta carries its key. */
  period?: ReportPeriod;
  periodFrom: string;
  periodTo: string;
  deadline?: string;
  recipient?: string;
  contact?: string;
  appVersion: string;
  /** The agency that sends the form (document properties: author, company). */
  author?: string;
  /** Last year's current figures, shown read-only as "Năm trước". */
  previous?: ReadonlyMap<string, number | null>;
  /** What each narrative cell should answer for this unit's kind (the outline's bullets), by narrative code. */
  prompts?: ReadonlyMap<string, readonly string[]>;
  /** The province's plans the unit reviews its tasks against, in running text ("Kế hoạch số 03/KH-UBND ngày …"). */
  plans?: readonly string[];
}

/** What every file of the season is about (document properties). */
const APP_NAME = 'Báo cáo 121';
const LIST_COLUMN = 4; // lists for dropdowns live in _meta from column D

export { META_SHEET, signatureRows, valueName } from './input-layout.ts';

/** "xa_01 - Xã An Phú - 2026.xlsx"; a half-year's key in place of the year ("… - 2026-H1.xlsx"). */
export function inputFileName(unit: { code: string; name: string }, year: number | string): string {
  const safe = `${unit.code} - ${unit.name} - ${year}`.replace(/[\\/:*?"<>|]/g, '_');
  return `${safe}.xlsx`;
}

function viDate(iso: string | undefined): string {
  if (!iso) return '…';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function protect(ws: ExcelJS.Worksheet): Promise<void> {
  return ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

function titleBlock(ws: ExcelJS.Worksheet, sheet: SheetDefinition, req: InputWorkbookRequest, lastCol: number): number {
  const last = columnLetter(lastCol);
  ws.mergeCells(`A1:${last}1`);
  ws.getCell('A1').value = sheet.title;
  ws.getCell('A1').font = font(13, { bold: true });
  ws.getCell('A1').alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 34;
  ws.mergeCells(`A2:${last}2`);
  ws.getCell('A2').value =
    `Đơn vị báo cáo: ${req.unit.name} — ${periodLabel(req.period ?? yearPeriod(req.year))} (từ ngày ${viDate(req.periodFrom)} đến ngày ${viDate(req.periodTo)})`;
  ws.getCell('A2').font = font(12, { italic: true });
  ws.getCell('A2').alignment = { horizontal: 'center' };
  if (sheet.note) {
    ws.mergeCells(`A3:${last}3`);
    ws.getCell('A3').value = sheet.note;
    ws.getCell('A3').font = font(11, { italic: true });
    ws.getCell('A3').alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(3).height = 30;
  }
  return HEADER_ROW;
}

function headerCell(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  cell.font = font(11, { bold: true });
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.border = thinBorder;
  cell.fill = lockedFill;
}

function bodyCell(cell: ExcelJS.Cell, value: ExcelJS.CellValue, options: { bold?: boolean; numFmt?: string; input?: boolean; wrap?: boolean } = {}): void {
  cell.value = value;
  cell.font = font(11, { bold: options.bold ?? false });
  cell.border = thinBorder;
  if (options.numFmt) cell.numFmt = options.numFmt;
  cell.alignment = { vertical: 'middle', wrapText: options.wrap ?? !options.numFmt };
  if (options.input) {
    cell.fill = inputFill;
    cell.protection = { locked: false };
  }
}

/** Under each form, for the unit to sign on paper: the date line, who made it and the head of the unit. */
const SIGNATURE = {
  date: '…………, ngày …… tháng …… năm ……',
  left: ['NGƯỜI LẬP BIỂU', '(Ký, ghi rõ họ tên)'],
  right: ['THỦ TRƯỞNG ĐƠN VỊ', '(Ký tên, đóng dấu)'],
};

/** Writes the signature block from the row after `last` over columns 1..lastCol; returns its last row. */
function signatureBlock(ws: ExcelJS.Worksheet, last: number, lastCol: number): number {
  // The left side: the columns whose widths add up closest to half the table.
  const widths = Array.from({ length: lastCol }, (_x, i) => ws.getColumn(i + 1).width ?? 9);
  const half = widths.reduce((a, b) => a + b, 0) / 2;
  let split = 1;
  let sum = 0;
  let bestGap = Infinity;
  for (let k = 1; k < lastCol; k++) {
    sum += widths[k - 1]!;
    if (Math.abs(sum - half) < bestGap) {
      bestGap = Math.abs(sum - half);
      split = k;
    }
  }
  const line = (row: number, left: string, right: string, f: Partial<ExcelJS.Font>) => {
    for (const [from, to, text] of [
      [1, split, left],
      [split + 1, lastCol, right],
    ] as const) {
      if (to > from) ws.mergeCells(row, from, row, to);
      const cell = ws.getCell(row, from);
      if (text) cell.value = text;
      cell.font = f;
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
    }
  };
  const r = signatureRows(last - 1).top;
  line(r, '', SIGNATURE.date, font(12, { italic: true }));
  line(r + 1, SIGNATURE.left[0]!, SIGNATURE.right[0]!, font(12, { bold: true }));
  line(r + 2, SIGNATURE.left[1]!, SIGNATURE.right[1]!, font(11, { italic: true }));
  for (let i = 3; i <= 6; i++) line(r + i, '', '', font(12));
  return signatureRows(last - 1).bottom;
}

/** A convenience total: blank while no cell of the range holds a number, else their sum; with its cached value. */
function totalFormula(range: string, values: readonly (number | null | undefined)[]): ExcelJS.CellFormulaValue {
  const numbers = values.filter((v): v is number => typeof v === 'number');
  const result = numbers.length ? Math.round(numbers.reduce((a, b) => a + b, 0) * 1e6) / 1e6 : '';
  return { formula: `IF(COUNT(${range})=0,"",SUM(${range}))`, result } as ExcelJS.CellFormulaValue;
}

const TOTAL = /^IF\(COUNT\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)=0,"",SUM\(\1\2:\3\4\)\)$/;

/** Recomputes the cached value of every convenience total after cells were filled (a previewer shows it; Excel need not recalculate). */
export function refreshTotals(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (!v || typeof v !== 'object' || !('formula' in v) || !v.formula) return;
        const m = TOTAL.exec(v.formula);
        if (!m) return;
        const values: (number | null)[] = [];
        for (let r = Number(m[2]); r <= Number(m[4]); r++) {
          const x = ws.getCell(`${m[1]}${r}`).value;
          values.push(typeof x === 'number' ? x : null);
        }
        cell.value = totalFormula(`${m[1]}${m[2]}:${m[3]}${m[4]}`, values);
      }),
    );
  }
}

/** exceljs has range validations (worksheet.dataValidations) but does not declare them in its types. */
function rangeValidation(ws: ExcelJS.Worksheet, range: string, validation: ExcelJS.DataValidation): void {
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, validation);
}

function numberValidation(type: 'count' | 'money'): ExcelJS.DataValidation {
  return type === 'count'
    ? {
        type: 'whole',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        allowBlank: true,
        showErrorMessage: true,
        errorTitle: 'Số liệu không hợp lệ',
        error: 'Nhập số nguyên không âm, hoặc để trống nếu chưa có số liệu.',
      }
    : {
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        allowBlank: true,
        showErrorMessage: true,
        errorTitle: 'Số liệu không hợp lệ',
        error: 'Nhập số không âm (triệu đồng), hoặc để trống nếu chưa có số liệu.',
      };
}

function writeMatrix(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, sheet: MatrixSheet, req: InputWorkbookRequest): void {
  const rows = req.template.lists[sheet.rows] ?? [];
  const cols = req.template.lists[sheet.columns] ?? [];
  const lastCol = 2 + cols.length;
  const headerRow = titleBlock(ws, sheet, req, lastCol);
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 40;
  const numFmt = NUMBER_FORMAT[sheet.type];

  const writeBlock = (top: number, caption: string | null, values: ((code: string) => number | null | undefined) | null): number => {
    let r = top;
    if (caption) {
      ws.mergeCells(r, 1, r, lastCol);
      ws.getCell(r, 1).value = caption;
      ws.getCell(r, 1).font = font(11, { bold: true, italic: true });
      r++;
    }
    headerCell(ws.getCell(r, 1), 'STT');
    headerCell(ws.getCell(r, 2), sheet.rowHeader);
    cols.forEach((c, j) => headerCell(ws.getCell(r, 3 + j), c.label));
    ws.getRow(r).height = 48;
    const first = r + 1;
    rows.forEach((row, i) => {
      const rr = first + i;
      bodyCell(ws.getCell(rr, 1), i + 1);
      ws.getCell(rr, 1).alignment = { horizontal: 'center', vertical: 'middle' };
      bodyCell(ws.getCell(rr, 2), row.label);
      cols.forEach((col, j) => {
        const code = expandCode(sheet.code, row.code, col.code);
        const cell = ws.getCell(rr, 3 + j);
        if (values) bodyCell(cell, values(code) ?? null, { numFmt });
        else bodyCell(cell, null, { numFmt, input: true });
      });
    });
    const last = first + rows.length - 1;
    if (sheet.totalRow) {
      const tr = last + 1;
      bodyCell(ws.getCell(tr, 1), '');
      bodyCell(ws.getCell(tr, 2), sheet.totalRow, { bold: true });
      cols.forEach((_c, j) => {
        const L = columnLetter(3 + j);
        const known = rows.map((row) => (values ? values(expandCode(sheet.code, row.code, cols[j]!.code)) : null));
        bodyCell(ws.getCell(tr, 3 + j), totalFormula(`${L}${first}:${L}${last}`, known), { bold: true, numFmt });
      });
      if (!values) rangeValidation(ws, `C${first}:${columnLetter(lastCol)}${last}`, numberValidation(sheet.type));
      return tr;
    }
    if (!values) rangeValidation(ws, `C${first}:${columnLetter(lastCol)}${last}`, numberValidation(sheet.type));
    return last;
  };

  const end = writeBlock(headerRow, null, null);
  cols.forEach((_c, j) => (ws.getColumn(3 + j).width = 12));
  const signed = signatureBlock(ws, end + 1, lastCol);
  if (req.previous && req.previous.size > 0) {
    const prev = req.previous;
    writeBlock(signed + 2, `Năm trước (${req.year - 1}) — để tham khảo, không cần nhập`, (code) => prev.get(code));
  }
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: headerRow, showGridLines: false }];
  a4(ws, 'landscape');
}

function writeList(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, sheet: ListSheet, req: InputWorkbookRequest): void {
  const items = listItems(sheet, req.unit.kind);
  const hasPrev = !!req.previous && req.previous.size > 0;
  const lastCol = hasPrev ? 4 : 3;
  const r0 = titleBlock(ws, sheet, req, lastCol);
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 62;
  ws.getColumn(3).width = 16;
  ws.getColumn(4).width = 16;
  headerCell(ws.getCell(r0, 1), 'STT');
  headerCell(ws.getCell(r0, 2), 'Chỉ tiêu');
  headerCell(ws.getCell(r0, 3), periodLabel(req.period ?? yearPeriod(req.year)));
  if (hasPrev) headerCell(ws.getCell(r0, 4), `Năm trước (${req.year - 1})`);
  items.forEach((item, i) => {
    const r = itemCell(i).row;
    bodyCell(ws.getCell(r, 1), i + 1);
    ws.getCell(r, 1).alignment = { horizontal: 'center', vertical: 'middle' };
    bodyCell(ws.getCell(r, 2), item.label);
    bodyCell(ws.getCell(r, 3), null, { numFmt: NUMBER_FORMAT[item.type], input: true });
    ws.getCell(r, 3).dataValidation = numberValidation(item.type);
    if (hasPrev) bodyCell(ws.getCell(r, 4), req.previous?.get(item.code) ?? null, { numFmt: NUMBER_FORMAT[item.type] });
  });
  signatureBlock(ws, r0 + items.length + 1, lastCol);
  ws.views = [{ state: 'frozen', ySplit: r0, showGridLines: false }];
  a4(ws, 'portrait');
}

function writeTable(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, sheet: TableSheet, req: InputWorkbookRequest, listRanges: Map<string, string>): void {
  const cols = sheet.columns;
  const r0 = titleBlock(ws, sheet, req, cols.length);
  cols.forEach((c, j) => {
    ws.getColumn(j + 1).width = c.width;
    headerCell(ws.getCell(r0, j + 1), c.label + (c.required ? ' (*)' : ''));
  });
  ws.getRow(r0).height = 32;
  const first = r0 + 1;
  const last = tableRange(sheet).bottom;
  for (let r = first; r <= last; r++) {
    cols.forEach((c, j) => bodyCell(ws.getCell(r, j + 1), null, { input: true, wrap: true, ...(c.type === 'date' ? { numFmt: 'dd/mm/yyyy' } : {}) }));
  }
  cols.forEach((c, j) => {
    const L = columnLetter(j + 1);
    const range = `${L}${first}:${L}${last}`;
    if (c.type === 'list' && c.list) {
      rangeValidation(ws, range, {
        type: 'list',
        allowBlank: true,
        formulae: [listRanges.get(c.list) ?? '""'],
        showErrorMessage: true,
        errorTitle: 'Giá trị không có trong danh mục',
        error: 'Chọn một giá trị trong danh sách.',
      });
    } else if (c.type === 'date') {
      rangeValidation(ws, range, {
        type: 'date',
        operator: 'greaterThan',
        formulae: [new Date(Date.UTC(2000, 0, 1))],
        allowBlank: true,
        showErrorMessage: true,
        errorTitle: 'Ngày không hợp lệ',
        error: 'Nhập ngày theo dạng dd/mm/yyyy.',
      });
    }
  });
  signatureBlock(ws, last + 1, cols.length);
  ws.views = [{ state: 'frozen', ySplit: r0, showGridLines: false }];
  a4(ws, 'landscape', `${r0}:${r0}`);
}

function writeNarrative(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, sheet: NarrativeSheet, req: InputWorkbookRequest): void {
  const r0 = titleBlock(ws, sheet, req, 3);
  ws.getColumn(1).width = 30;
  ws.getColumn(2).width = 48;
  ws.getColumn(3).width = 66;
  headerCell(ws.getCell(r0, 1), 'Mục của Đề cương');
  headerCell(ws.getCell(r0, 2), 'Gợi ý nội dung');
  headerCell(ws.getCell(r0, 3), 'Nội dung báo cáo của đơn vị');
  sheet.items.forEach((item, i) => {
    const r = itemCell(i).row;
    bodyCell(ws.getCell(r, 1), item.label, { bold: true });
    const prompts = req.prompts?.get(item.code) ?? [];
    bodyCell(ws.getCell(r, 2), prompts.map((p) => `- ${p}`).join('\n'));
    ws.getCell(r, 2).font = font(10, { italic: true });
    ws.getCell(r, 2).alignment = { vertical: 'top', wrapText: true };
    bodyCell(ws.getCell(r, 3), null, { input: true, wrap: true });
    ws.getCell(r, 3).alignment = { vertical: 'top', wrapText: true };
    // About 60 characters of 10 pt italic a line in column B; every prompt starts a line.
    const lines = prompts.reduce((n, p) => n + Math.ceil((p.length + 2) / 60), 0);
    ws.getRow(r).height = Math.max(60, lines * 13.5 + 6);
  });
  signatureBlock(ws, r0 + sheet.items.length + 1, 3);
  ws.views = [{ state: 'frozen', ySplit: r0, showGridLines: false }];
  a4(ws, 'portrait', `${r0}:${r0}`);
}

function writeGuide(ws: ExcelJS.Worksheet, req: InputWorkbookRequest): void {
  ws.getColumn(1).width = 26;
  ws.getColumn(2).width = 90;
  ws.mergeCells('A1:B1');
  ws.getCell('A1').value = 'BIỂU MẪU BÁO CÁO KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT SỐ 121/2020/QH14 VỀ PHÒNG, CHỐNG XÂM HẠI TRẺ EM';
  ws.getCell('A1').font = font(14, { bold: true });
  ws.getCell('A1').alignment = { horizontal: 'center', wrapText: true };
  ws.getRow(1).height = 40;
  const facts: [string, string][] = [
    ['Đơn vị báo cáo', `${req.unit.name} (mã ${req.unit.code})`],
    ...((req.period ?? yearPeriod(req.year)).kind === 'year'
      ? ([
          ['Năm báo cáo', String(req.year)],
          ['Kỳ báo cáo', `Từ ngày ${viDate(req.periodFrom)} đến ngày ${viDate(req.periodTo)}`],
        ] satisfies [string, string][])
      : ([
          ['Kỳ báo cáo', periodLabel(req.period!)],
          ['Thời gian số liệu', `Từ ngày ${viDate(req.periodFrom)} đến ngày ${viDate(req.periodTo)}`],
        ] satisfies [string, string][])),
    ['Hạn gửi báo cáo', viDate(req.deadline)],
    ['Nơi nhận', req.recipient ?? ''],
    ['Liên hệ', req.contact ?? ''],
  ];
  let r = 3;
  for (const [k, v] of facts) {
    ws.getCell(r, 1).value = k;
    ws.getCell(r, 1).font = font(12, { bold: true });
    ws.getCell(r, 2).value = v;
    ws.getCell(r, 2).font = font(12);
    r++;
  }
  // The plans under review: each unit reports "theo nhiệm vụ được giao tại" them.
  if (req.plans?.length) {
    ws.getCell(r, 1).value = 'Kế hoạch giao nhiệm vụ';
    ws.getCell(r, 1).font = font(12, { bold: true });
    ws.getCell(r, 1).alignment = { vertical: 'top', wrapText: true };
    for (const plan of req.plans) {
      ws.getCell(r, 2).value = `- ${plan}`;
      ws.getCell(r, 2).font = font(12);
      ws.getCell(r, 2).alignment = { wrapText: true, vertical: 'top' };
      ws.getRow(r).height = Math.max(16, Math.ceil(plan.length / 85) * 16);
      r++;
    }
    ws.getCell(r, 2).value =
      'Đơn vị rà soát, báo cáo kết quả theo nhiệm vụ được giao tại các kế hoạch trên (trang BAO_CAO, các mục có gợi ý “Rà soát theo nhiệm vụ được giao”).';
    ws.getCell(r, 2).font = font(12, { italic: true });
    ws.getCell(r, 2).alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(r).height = 32;
    r++;
  }
  r++;
  ws.getCell(r, 1).value = 'Hướng dẫn';
  ws.getCell(r, 1).font = font(12, { bold: true });
  r++;
  req.template.guide.forEach((line, i) => {
    ws.getCell(r, 1).value = `${i + 1}.`;
    ws.getCell(r, 1).alignment = { horizontal: 'right', vertical: 'top' };
    ws.getCell(r, 2).value = line;
    ws.getCell(r, 2).alignment = { wrapText: true, vertical: 'top' };
    ws.getCell(r, 1).font = font(12);
    ws.getCell(r, 2).font = font(12);
    ws.getRow(r).height = 32;
    r++;
  });
  ws.views = [{ showGridLines: false }];
  a4(ws, 'portrait');
}

function writeMeta(ws: ExcelJS.Worksheet, req: InputWorkbookRequest): Map<string, string> {
  const meta: [string, string | number][] = [
    ['template_id', req.template.id],
    ['template_version', req.template.version],
    ['unit_code', req.unit.code],
    ['unit_name', req.unit.name],
    ['year', req.year],
    ['period', periodKey(req.period ?? yearPeriod(req.year))],
    ['period_from', req.periodFrom],
    ['period_to', req.periodTo],
    ['generated_at', new Date().toISOString()],
    ['app_version', req.appVersion],
    ['workbook_id', randomUUID()],
  ];
  ws.getCell(1, 1).value = 'key';
  ws.getCell(1, 2).value = 'value';
  meta.forEach(([k, v], i) => {
    ws.getCell(i + 2, 1).value = k;
    ws.getCell(i + 2, 2).value = v;
  });
  // Dropdown lists of the table columns, referenced by their data validation.
  const ranges = new Map<string, string>();
  Object.entries(req.template.lists).forEach(([name, items], j) => {
    const col = LIST_COLUMN + j;
    const L = columnLetter(col);
    ws.getCell(1, col).value = name;
    items.forEach((it, i) => (ws.getCell(i + 2, col).value = it.code));
    ranges.set(name, `${META_SHEET}!$${L}$2:$${L}$${items.length + 1}`);
  });
  ws.state = 'veryHidden';
  return ranges;
}

/** Builds the workbook; the caller writes it (`workbook.xlsx.writeFile` / `writeBuffer`). */
export async function buildInputWorkbook(req: InputWorkbookRequest): Promise<ExcelJS.Workbook> {
  if (sheetsForKind(req.template, req.unit.kind).length === 0) {
    throw new AppError('unit_not_reporting', `Đơn vị ${req.unit.name} không phải đơn vị báo cáo: không có biểu mẫu.`);
  }
  const wb = new ExcelJS.Workbook();
  wb.created = new Date();
  wb.modified = wb.created;
  setDocumentProperties(wb, {
    title: `Biểu mẫu báo cáo ${periodText(req.period ?? yearPeriod(req.year))} – ${req.unit.name}`,
    subject: INPUT_SUBJECT,
    author: req.author || APP_NAME,
  });
  const guide = wb.addWorksheet('HUONG_DAN');
  const sheets = sheetsForKind(req.template, req.unit.kind);
  const worksheets = sheets.map((s) => wb.addWorksheet(s.name));
  const meta = wb.addWorksheet(META_SHEET);
  const listRanges = writeMeta(meta, req);
  writeGuide(guide, req);
  sheets.forEach((sheet, i) => {
    const ws = worksheets[i]!;
    if (sheet.kind === 'matrix') writeMatrix(wb, ws, sheet, req);
    else if (sheet.kind === 'list') writeList(wb, ws, sheet, req);
    else if (sheet.kind === 'table') writeTable(wb, ws, sheet, req, listRanges);
    else writeNarrative(wb, ws, sheet, req);
  });
  // The defined names, where the layout (shared with the import's checks) says the input cells are.
  for (const [name, { sheet, rect }] of inputNameLayout(req.template, req.unit.kind)) {
    const cell = (row: number, col: number) => `$${columnLetter(col)}$${row}`;
    const single = rect.top === rect.bottom && rect.left === rect.right;
    wb.definedNames.add(`${sheet}!${cell(rect.top, rect.left)}${single ? '' : `:${cell(rect.bottom, rect.right)}`}`, name);
  }
  await Promise.all([guide, ...worksheets].map(protect));
  return wb;
}
