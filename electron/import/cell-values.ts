// Reading one input cell as a unit left it: blank, a number, a number typed as text, a formula…
import type ExcelJS from 'exceljs';
import type { ValueType } from '../../shared/template-schema.ts';
import type { ImportFinding } from '../../shared/types.ts';
import { checkNumber, parseDate, type NumberDefinition } from '../../shared/values/check-value.ts';

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

// A module function, not a closure made for every figure of every file (most have nothing to report).
function addFinding(findings: ImportFinding[], ref: CellRef, label: string, code: string, severity: ImportFinding['severity'], message: string): void {
  findings.push({ code, severity, sheet: ref.sheet, cell: ref.address, message: `${cellLabel(ref)} (${label}): ${message}` });
}

/** Interprets a numeric input cell through the shared value checker; a finding with severity error means the file is refused. */
export function readNumericCell(value: ExcelJS.CellValue, ref: CellRef, def: ValueType | NumberDefinition, label: string): NumericReading {
  const findings: ImportFinding[] = [];
  const { plain, formula, error } = plainOf(value);
  if (formula !== null)
    addFinding(findings, ref, label, 'formula_in_input', 'warning', `ô nhập liệu có công thức =${formula}; dùng giá trị đã tính ${plain ?? '(trống)'}.`);
  if (error) {
    addFinding(findings, ref, label, 'not_number', 'error', `ô có lỗi ${error}, không phải số.`);
    return { value: null, raw: error, formula, findings };
  }
  const raw =
    plain === null || typeof plain === 'number' ? null : plain instanceof Date ? plain.toISOString().slice(0, 10) : plain === '' ? null : String(plain);
  const checked = checkNumber(typeof def === 'string' ? { type: def } : def, plain);
  for (const note of checked.notes) addFinding(findings, ref, label, note.code, 'warning', note.message);
  if (!checked.ok) {
    addFinding(findings, ref, label, checked.code, 'error', checked.reason);
    // A refused number keeps what was read, for the message's sake; the file is refused anyway.
    return { value: null, raw, formula, findings };
  }
  return { value: checked.value, raw, formula, findings };
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
  const raw = plain instanceof Date ? null : String(plain).trim();
  return { iso: parseDate(plain), raw };
}
