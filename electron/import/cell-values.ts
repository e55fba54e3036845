// Reading one input cell as a unit left it: blank, a number, a number typed as text, a formula…
import type ExcelJS from 'exceljs';
import { parseVietnameseNumber } from '../../shared/numbers.ts';
import type { ImportFinding } from '../../shared/types.ts';

export interface CellRef {
  sheet: string;
  address: string;
}

export interface NumericReading {
  value: number | null;
  raw: string | null;
  formula: string | null;
  findings: ImportFinding[];
}

type Plain = string | number | boolean | Date | null;

function plainOf(value: ExcelJS.CellValue): { plain: Plain; formula: string | null; error?: string } {
  if (value === null || value === undefined) return { plain: null, formula: null };
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return { plain: value, formula: null };
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const f = value as ExcelJS.CellFormulaValue & { sharedFormula?: string };
      const inner = plainOf((f.result ?? null) as ExcelJS.CellValue);
      return { plain: inner.plain, formula: f.formula ?? f.sharedFormula ?? '', error: inner.error };
    }
    if ('richText' in value) return { plain: value.richText.map((r) => r.text).join(''), formula: null };
    if ('error' in value) return { plain: null, formula: null, error: String(value.error) };
    if ('text' in value) return { plain: String((value as { text: unknown }).text ?? ''), formula: null };
  }
  return { plain: String(value), formula: null };
}

/**
 * The value of a cell with a formula's cached result kept: exceljs leaves a cached 0 out of `cell.value`
 * (it is only in `cell.result`), which would turn a formula giving 0 into a blank.
 */
export function cellValueOf(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const v = cell.value;
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v) && (v as { result?: unknown }).result === undefined && cell.result !== undefined) {
    return { ...v, result: cell.result } as ExcelJS.CellValue;
  }
  return v;
}

/** A cell covered by a merge (not its top-left cell): on disk it is empty, whatever exceljs shows. */
export function isCoveredByMerge(cell: ExcelJS.Cell): boolean {
  return cell.isMerged && cell.master !== cell;
}

export function cellLabel(ref: CellRef): string {
  return `${ref.sheet}!${ref.address}`;
}

/** Interprets a numeric input cell; a finding with severity error means the file is refused. */
export function readNumericCell(value: ExcelJS.CellValue, ref: CellRef, type: 'count' | 'money', label: string): NumericReading {
  const at = cellLabel(ref);
  const findings: ImportFinding[] = [];
  const { plain, formula, error } = plainOf(value);
  const finding = (code: string, severity: ImportFinding['severity'], message: string) =>
    findings.push({ code, severity, sheet: ref.sheet, cell: ref.address, message: `${at} (${label}): ${message}` });
  if (formula !== null) finding('formula_in_input', 'warning', `ô nhập liệu có công thức =${formula}; dùng giá trị đã tính ${plain ?? '(trống)'}.`);
  if (error) {
    finding('not_number', 'error', `ô có lỗi ${error}, không phải số.`);
    return { value: null, raw: error, formula, findings };
  }
  let num: number | null = null;
  let raw: string | null = null;
  if (plain === null) return { value: null, raw: null, formula, findings };
  if (typeof plain === 'number') num = plain;
  else if (typeof plain === 'string') {
    raw = plain;
    if (plain.trim() === '') return { value: null, raw: plain === '' ? null : plain, formula, findings };
    num = parseVietnameseNumber(plain);
    if (num === null) {
      finding('not_number', 'error', `"${plain.slice(0, 40)}" không phải là số.`);
      return { value: null, raw, formula, findings };
    }
    finding('number_as_text', 'warning', `số được nhập dạng chữ "${plain.trim()}", đã đọc là ${num}.`);
  } else {
    raw = plain instanceof Date ? plain.toISOString().slice(0, 10) : String(plain);
    finding('not_number', 'error', `"${raw}" không phải là số.`);
    return { value: null, raw, formula, findings };
  }
  if (!Number.isFinite(num)) {
    finding('not_number', 'error', `giá trị không phải là số hữu hạn.`);
    return { value: null, raw, formula, findings };
  }
  if (num < 0) finding('negative', 'error', `số âm (${num}) không hợp lệ.`);
  else if (type === 'count' && !Number.isInteger(num)) finding('not_integer', 'error', `số đếm phải là số nguyên, không được là ${num}.`);
  return { value: num, raw, formula, findings };
}

/** The text of a cell (narratives, document fields); numbers and dates become their text. */
export function readTextCell(value: ExcelJS.CellValue): { text: string | null; formula: string | null } {
  const { plain, formula } = plainOf(value);
  if (plain === null) return { text: null, formula };
  if (plain instanceof Date) return { text: plain.toISOString().slice(0, 10), formula };
  const text = String(plain);
  return { text: text.trim() === '' ? null : text, formula };
}

/** A date cell: a real date, an Excel serial, or text dd/mm/yyyy (also d-m-yyyy, yyyy-mm-dd). Returns ISO or null. */
export function readDateCell(value: ExcelJS.CellValue): { iso: string | null; raw: string | null } {
  const { plain } = plainOf(value);
  if (plain === null) return { iso: null, raw: null };
  if (plain instanceof Date) return { iso: Number.isNaN(plain.getTime()) ? null : plain.toISOString().slice(0, 10), raw: null };
  if (typeof plain === 'number') {
    if (plain < 1 || plain > 2958465) return { iso: null, raw: String(plain) };
    const ms = Math.round((plain - 25569) * 86400000);
    return { iso: new Date(ms).toISOString().slice(0, 10), raw: String(plain) };
  }
  const raw = String(plain).trim();
  let y: number, m: number, d: number;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(raw);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw);
  if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (ymd) [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  else return { iso: null, raw };
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { iso: null, raw };
  return { iso: date.toISOString().slice(0, 10), raw };
}
