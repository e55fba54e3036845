// Reading a unit list from a simple table (.csv or .xlsx): columns code, name, kind, parent, order.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { UnitInput } from '../../shared/types.ts';
import { AppError } from '../errors.ts';
import { readTextCell } from './cell-values.ts';

const COLUMNS = ['code', 'name', 'kind', 'parent', 'order'] as const;

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const sep = (text.split('\n')[0] ?? '').includes(';') && !(text.split('\n')[0] ?? '').includes(',') ? ';' : ',';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

async function readTable(file: string): Promise<string[][]> {
  if (/\.csv$/i.test(file)) {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    // Excel's plain "CSV" is saved in the Windows code page: read as UTF-8, Vietnamese letters break.
    if (text.includes('\uFFFD')) {
      throw new AppError('bad_encoding', `Danh sách đơn vị ${file} không được lưu bằng bảng mã UTF-8, tên đơn vị sẽ bị lỗi chữ. Trong Excel hãy lưu dạng "CSV UTF-8 (Comma delimited)" hoặc dùng tệp .xlsx.`);
    }
    return parseCsv(text);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch {
    throw new AppError('not_xlsx', `Không đọc được danh sách đơn vị ${file} (cần tệp .xlsx hoặc .csv).`);
  }
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(ws.columnCount, COLUMNS.length); c++) cells.push(readTextCell(ws.getCell(r, c).value).text ?? '');
    if (cells.some((x) => x.trim())) rows.push(cells);
  }
  return rows;
}

/** The rows as unit inputs, with the file's row numbers for messages. */
export async function readUnitList(file: string): Promise<{ units: UnitInput[]; rowNumbers: number[] }> {
  const rows = await readTable(file);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const index = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)]));
  for (const c of ['code', 'name', 'kind', 'parent'] as const) {
    if (index[c] === -1) throw new AppError('bad_unit', `Danh sách đơn vị ${file}: thiếu cột "${c}" ở dòng tiêu đề (cần các cột code, name, kind, parent, order).`);
  }
  const get = (r: string[], c: (typeof COLUMNS)[number]) => (index[c]! >= 0 ? (r[index[c]!] ?? '').trim() : '');
  const units = rows.slice(1).map((r) => ({
    code: get(r, 'code'),
    name: get(r, 'name'),
    kind: get(r, 'kind'),
    parent: get(r, 'parent') || null,
    ...(get(r, 'order') ? { order: Number(get(r, 'order')) } : {}),
  }));
  return { units, rowNumbers: rows.slice(1).map((_r, i) => i + 2) };
}
