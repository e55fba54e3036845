// Reading a unit list as officials keep it (.xlsx or .csv): Vietnamese headings in any order (STT, Tên đơn
// vị, Loại đơn vị, Mã, Thuộc), the heading row found below title rows, CSV in UTF-8 (with or without BOM)
// or in the Windows Vietnamese code page (1258). The developer headings code, name, kind, parent, order are
// still read. What the rows mean (kinds, codes, parents) is decided by services/unit-list-import.ts.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { looseKey } from '../../shared/text.ts';
import { AppError } from '../errors.ts';
import { fromOsError } from '../files/os-errors.ts';
import { readTextCell } from './cell-values.ts';
import { checkZipContainer, type ZipLimits } from './zip-guard.ts';

/** A unit list is a small table: a few hundred rows. */
const UNIT_LIST_ZIP_LIMITS: ZipLimits = { maxFileBytes: 20 * 1024 * 1024, maxUncompressedBytes: 100 * 1024 * 1024 };

export type UnitListField = 'order' | 'name' | 'kind' | 'code' | 'parent';

/** The headings each field is known by (compared without case, diacritics or spacing). */
const HEADINGS: Record<UnitListField, string[]> = {
  order: ['stt', 'tt', 'so tt', 'so thu tu', 'thu tu', 'order'],
  name: ['ten don vi', 'ten', 'don vi', 'ten co quan', 'ten co quan, don vi', 'co quan, don vi', 'ten don vi bao cao', 'name'],
  kind: ['loai', 'loai don vi', 'nhom', 'nhom don vi', 'loai hinh', 'kind'],
  code: ['ma', 'ma don vi', 'ma so', 'code'],
  parent: ['thuoc', 'truc thuoc', 'don vi cap tren', 'cap tren', 'thuoc don vi', 'parent'],
};

export const FIELD_LABELS: Record<UnitListField, string> = {
  order: 'Số thứ tự',
  name: 'Tên đơn vị',
  kind: 'Loại đơn vị',
  code: 'Mã đơn vị',
  parent: 'Thuộc (đơn vị cấp trên)',
};

/** How far down the heading row is looked for (title rows above it). */
const HEADER_SEARCH_ROWS = 20;

export interface ColumnMapping {
  field: UnitListField;
  /** The column as the file shows it: "B" in a workbook, "cột 2" in a CSV. */
  column: string;
  /** The heading as written in the file. */
  heading: string;
}

export interface UnitListRow {
  /** The row number in the file (1-based), for messages. */
  row: number;
  values: Partial<Record<UnitListField, string>>;
}

export interface UnitListTable {
  /** The row that holds the headings (1-based). */
  headerRow: number;
  mapping: ColumnMapping[];
  rows: UnitListRow[];
  /** The encoding a CSV was read in; null for a workbook. */
  encoding: 'UTF-8' | 'Windows-1258' | null;
}

/** Splits CSV text into rows: quoted fields, "" inside quotes, the separator seen in the first lines (; , or tab). */
export function parseCsv(text: string): string[][] {
  const head = text.split(/\r?\n/).slice(0, 10).join('\n');
  const count = (c: string) => head.split(c).length - 1;
  const sep = [';', '\t', ','].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
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
    } else if (c === '\n' || c === '\r') {
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
  return rows;
}

/** CSV bytes as text: UTF-8 (a BOM, or bytes that read as UTF-8), else Excel's Vietnamese code page 1258. */
export function decodeCsv(bytes: Buffer): { text: string; encoding: 'UTF-8' | 'Windows-1258' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8').normalize('NFC'), encoding: 'UTF-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC'), encoding: 'UTF-8' };
  } catch {
    // Windows-1258 writes tone marks as combining characters: NFC joins them to their letters.
    return { text: new TextDecoder('windows-1258').decode(bytes).normalize('NFC'), encoding: 'Windows-1258' };
  }
}

function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

async function readCells(file: string): Promise<{ rows: { row: number; cells: string[] }[]; encoding: UnitListTable['encoding'] }> {
  if (/\.csv$/i.test(file)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      throw fromOsError(e, file);
    }
    const { text, encoding } = decodeCsv(bytes);
    return { rows: parseCsv(text).map((cells, i) => ({ row: i + 1, cells })), encoding };
  }
  if (!/\.xlsx$/i.test(file)) throw new AppError('not_xlsx', `Tệp ${file} không phải danh sách đơn vị đọc được: hãy dùng tệp Excel (.xlsx) hoặc CSV (.csv).`);
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    throw fromOsError(e, file);
  }
  // The import's zip guard first: a corrupt file, a zip bomb or an old .xls is refused before exceljs reads it.
  const refused = checkZipContainer(buf, UNIT_LIST_ZIP_LIMITS)[0];
  if (refused) throw new AppError('not_xlsx', `Không đọc được danh sách đơn vị ${file}: ${refused.message}`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError(
      'not_xlsx',
      `Không đọc được danh sách đơn vị ${file}: tệp không phải sổ Excel (.xlsx) hoặc đã hỏng. Hãy mở tệp trong Excel, lưu lại dạng .xlsx rồi chọn lại.`,
    );
  }
  // The first sheet that has rows.
  const ws = wb.worksheets.find((w) => w.rowCount > 0);
  if (!ws) return { rows: [], encoding: null };
  const rows: { row: number; cells: string[] }[] = [];
  const width = Math.min(ws.columnCount, 50);
  for (let r = 1; r <= Math.min(ws.rowCount, 20_000); r++) {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(readTextCell(ws.getCell(r, c).value).text ?? '');
    rows.push({ row: r, cells });
  }
  return { rows, encoding: null };
}

function fieldOfHeading(heading: string): UnitListField | null {
  const key = looseKey(heading)
    .replace(/[.:*]+$/, '')
    .replace(/\s*\(.*\)$/, '')
    .trim();
  if (!key) return null;
  for (const [field, names] of Object.entries(HEADINGS) as [UnitListField, string[]][]) if (names.includes(key)) return field;
  return null;
}

/** The heading row: the first of the top rows naming the unit's name column and one more known column. */
function findHeader(rows: { row: number; cells: string[] }[]): { at: number; fields: Map<number, UnitListField> } | null {
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const fields = new Map<number, UnitListField>();
    const taken = new Set<UnitListField>();
    rows[i]!.cells.forEach((cell, c) => {
      const f = fieldOfHeading(cell);
      if (f && !taken.has(f)) {
        fields.set(c, f);
        taken.add(f);
      }
    });
    if (taken.has('name') && taken.size >= 2) return { at: i, fields };
  }
  return null;
}

export async function readUnitListTable(file: string): Promise<UnitListTable> {
  const { rows, encoding } = await readCells(file);
  const header = findHeader(rows);
  if (!header) {
    throw new AppError(
      'bad_unit',
      `Không tìm thấy dòng tiêu đề của danh sách đơn vị trong tệp ${file}. Dòng tiêu đề cần có cột "Tên đơn vị" và ít nhất một cột "STT", "Loại đơn vị", "Mã" hoặc "Thuộc". Hãy sửa tệp (có thể tải danh sách mẫu để xem cách ghi) rồi chọn lại.`,
    );
  }
  const headerCells = rows[header.at]!.cells;
  const csv = encoding !== null;
  const mapping: ColumnMapping[] = [...header.fields.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([c, field]) => ({ field, column: csv ? `cột ${c + 1}` : columnLetters(c + 1), heading: headerCells[c]!.trim() }));
  const body: UnitListRow[] = [];
  for (const r of rows.slice(header.at + 1)) {
    const values: Partial<Record<UnitListField, string>> = {};
    for (const [c, field] of header.fields) {
      const v = (r.cells[c] ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
      if (v) values[field] = v;
    }
    if (Object.keys(values).length === 0) continue;
    // A row with a number only (a total, a page number) is no unit.
    if (!values.name && !values.code) continue;
    body.push({ row: r.row, values });
  }
  return { headerRow: rows[header.at]!.row, mapping, rows: body, encoding };
}
