// The one value checker: whatever brings a value in (a workbook cell, an import-json file, a correction,
// the grid), the value is read and judged here against its definition. Returns the accepted value, or a
// Vietnamese reason with a finding code. Callers add where the value was (cell, file, unit).
import { formatVietnameseNumber, parseVietnameseNumber } from '../numbers.ts';
import { looseKey, nfc } from '../text.ts';
import type { ValueType } from '../template-schema.ts';
import { DEFAULT_BOUNDS } from './bounds.ts';
import type { ErrorCode } from '../errors.ts';

/** Why the one value checker refuses a value (each also an error code of shared/errors.ts). */
export type ValueCheckCode = Extract<
  ErrorCode,
  'not_number' | 'not_date' | 'date_out_of_range' | 'not_in_list' | 'text_too_long' | 'value_too_large' | 'negative' | 'not_integer' | 'ambiguous_number'
>;

/** A value as it arrives: a cell's plain value, a JSON value, a number typed in the grid. */
export type RawValue = string | number | boolean | Date | null | undefined;

/** Excel's limit on the text of one cell: the most a workbook can carry, and so the most a text may hold. */
export const TEXT_MAX_LENGTH = 32767;

export interface NumberDefinition {
  type: ValueType;
  /** The largest admissible value (inclusive); the type's default when absent. */
  max?: number;
}
export interface ListDefinition {
  type: 'list';
  items: readonly { code: string; label: string }[];
  /** The list's name in messages, e.g. "cấp ban hành". */
  name: string;
}
export interface DateDefinition {
  type: 'date';
  /** The admissible window, ISO yyyy-mm-dd, both ends included. */
  from?: string;
  to?: string;
}
export interface TextDefinition {
  type: 'text';
  maxLength?: number;
}
export type ValueDefinition = NumberDefinition | ListDefinition | DateDefinition | TextDefinition;

/** Something worth a warning about an accepted value (e.g. a number typed as text). */
export interface ValueNote {
  code: string;
  message: string;
}

export type Checked<T> = { ok: true; value: T | null; notes: ValueNote[] } | { ok: false; code: ValueCheckCode; reason: string; notes: ValueNote[] };

const blank = <T>(notes: ValueNote[] = []): Checked<T> => ({ ok: true, value: null, notes });
const refuse = <T>(code: ValueCheckCode, reason: string, notes: ValueNote[] = []): Checked<T> => ({ ok: false, code, reason, notes });
const isBlankText = (v: RawValue): boolean => typeof v === 'string' && v.trim() === '';

export function dmy(iso: string): string {
  return iso.split('-').reverse().join('/');
}

/**
 * Text that reads as two different numbers: one separator followed by exactly three digits ("1,000",
 * "1.000", "1.234") is a thousands separator to some and a decimal mark to others. Returns the two
 * readings when both are admissible for the type, so that the unit is asked instead of guessed at.
 * "1.234" for a count is not ambiguous: 1,234 children cannot be, so it is 1234 (the Vietnamese way).
 */
export function ambiguousNumberText(text: string, type: ValueType): { grouped: number; decimal: number } | null {
  const t = text.replace(/[\s\u00a0\u202f\u2007]/g, '');
  const m = /^([-+]?)([1-9]\d{0,2})([.,])(\d{3})$/.exec(t);
  if (!m) return null;
  const sign = m[1] === '-' ? -1 : 1;
  const grouped = sign * Number(m[2]! + m[4]!);
  const decimal = sign * Number(`${m[2]}.${m[4]}`);
  // A count is whole: "1.234" can only be 1234; "1.000" and "1,000" can be 1 or 1000. A "," before
  // three digits is the decimal mark here, yet a thousands separator elsewhere: always asked.
  if (type === 'count' && m[3] === '.' && !Number.isInteger(decimal)) return null;
  return { grouped, decimal };
}

/** A figure (count or money): a number, a number typed as text, or blank. */
export function checkNumber(def: NumberDefinition, raw: RawValue): Checked<number> {
  const notes: ValueNote[] = [];
  if (raw === null || raw === undefined || isBlankText(raw)) return blank();
  let num: number;
  if (typeof raw === 'number') num = raw;
  else if (typeof raw === 'string') {
    const text = raw.trim();
    const twoWays = ambiguousNumberText(text, def.type);
    if (twoWays) {
      return refuse(
        'ambiguous_number',
        `không rõ "${text}" là ${twoWays.grouped} (dấu ngăn cách hàng nghìn) hay ${formatVietnameseNumber(twoWays.decimal)} (dấu thập phân). Đề nghị đơn vị xác nhận và ghi lại số không có dấu ngăn cách hàng nghìn (ví dụ ${Math.abs(twoWays.grouped)}), phần thập phân sau dấu phẩy.`,
      );
    }
    const parsed = parseVietnameseNumber(text);
    if (parsed === null) return refuse('not_number', `"${text.slice(0, 40)}" không phải là số.`);
    num = parsed;
    notes.push({ code: 'number_as_text', message: `số được nhập dạng chữ "${text}", đã đọc là ${num}.` });
  } else {
    const shown = raw instanceof Date ? (Number.isNaN(raw.getTime()) ? String(raw) : raw.toISOString().slice(0, 10)) : String(raw);
    return refuse('not_number', `"${shown}" không phải là số.`);
  }
  if (!Number.isFinite(num)) return refuse('not_number', 'giá trị không phải là số hữu hạn.', notes);
  if (num < 0) return refuse('negative', `số âm (${formatVietnameseNumber(num)}) không hợp lệ.`, notes);
  if (def.type === 'count' && !Number.isInteger(num))
    return refuse('not_integer', `số đếm phải là số nguyên, không được là ${formatVietnameseNumber(num)}.`, notes);
  const max = def.max ?? DEFAULT_BOUNDS[def.type];
  if (num > max) {
    return refuse(
      'value_too_large',
      `${formatVietnameseNumber(num)} vượt mức tối đa ${formatVietnameseNumber(max)} của chỉ tiêu này; đề nghị đơn vị kiểm tra lại số liệu.`,
      notes,
    );
  }
  return { ok: true, value: num, notes };
}

function isoOf(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1000 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** A calendar day: a Date, an Excel serial number, or text dd/mm/yyyy (also d-m-yyyy, d.m.yyyy, yyyy-mm-dd, an ISO moment). */
export function parseDate(raw: RawValue): string | null {
  if (raw === null || raw === undefined || typeof raw === 'boolean') return null;
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString().slice(0, 10);
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 1 || raw > 2958465) return null;
    return new Date(Math.round((raw - 25569) * 86400000)).toISOString().slice(0, 10);
  }
  const text = raw.trim();
  const dmyMatch = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (dmyMatch) return isoOf(Number(dmyMatch[3]), Number(dmyMatch[2]), Number(dmyMatch[1]));
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (!ymd) return null;
  const iso = isoOf(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  if (iso && ymd[4] && Number.isNaN(Date.parse(text))) return null;
  return iso;
}

/** A date, within the definition's window when it has one. */
export function checkDate(def: DateDefinition, raw: RawValue): Checked<string> {
  if (raw === null || raw === undefined || isBlankText(raw)) return blank();
  const iso = parseDate(raw);
  const shown = raw instanceof Date ? String(raw) : String(raw).trim();
  if (!iso) {
    const looksLikeDate = /^(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{1,2}-\d{1,2})$/.test(shown);
    return refuse('not_date', looksLikeDate ? `ngày "${shown}" không có thật.` : `không đọc được ngày "${shown.slice(0, 40)}" (ghi theo dạng dd/mm/yyyy).`);
  }
  if ((def.from && iso < def.from) || (def.to && iso > def.to)) {
    const window = def.from && def.to ? `từ ${dmy(def.from)} đến ${dmy(def.to)}` : def.from ? `từ ${dmy(def.from)} trở đi` : `đến ${dmy(def.to!)}`;
    return refuse('date_out_of_range', `ngày ${dmy(iso)} nằm ngoài khoảng ${window}.`);
  }
  return { ok: true, value: iso, notes: [] };
}

/** A list's items by the loose key of their code and of their label (the first item that has it), made once per list. */
const itemsByKey = new WeakMap<ListDefinition['items'], Map<string, ListDefinition['items'][number]>>();

function listIndex(items: ListDefinition['items']): Map<string, ListDefinition['items'][number]> {
  let index = itemsByKey.get(items);
  if (!index) {
    index = new Map();
    for (const i of items) for (const k of [looseKey(i.code), looseKey(i.label)]) if (!index.has(k)) index.set(k, i);
    itemsByKey.set(items, index);
  }
  return index;
}

/**
 * The item each text given for a list names (null: none), worked out once per list and text: a roll-up's
 * 6,500 documents name a few levels and kinds, each NFC-normalized and loose-keyed again otherwise.
 */
const itemsByText = new WeakMap<ListDefinition['items'], Map<string, ListDefinition['items'][number] | null>>();

/** The item of a list a text names, by its code or its label (case, spacing and diacritic variants allowed); null when none. */
export function listItemOf(items: ListDefinition['items'], given: string): ListDefinition['items'][number] | null {
  let byText = itemsByText.get(items);
  if (!byText) itemsByText.set(items, (byText = new Map()));
  let item = byText.get(given);
  if (item === undefined) {
    item = listIndex(items).get(looseKey(nfc(given.trim()))) ?? null;
    if (byText.size >= 10_000) byText.clear();
    byText.set(given, item);
  }
  return item;
}

/** An item of a list, given by its code or its label (case, spacing and diacritic variants allowed); the code is kept. */
export function checkListItem(def: ListDefinition, raw: RawValue): Checked<string> {
  if (raw === null || raw === undefined || isBlankText(raw)) return blank();
  const given = String(raw);
  const item = listItemOf(def.items, given);
  if (!item) return refuse('not_in_list', `"${nfc(given.trim()).slice(0, 60)}" không có trong danh mục ${def.name}.`);
  return { ok: true, value: item.code, notes: [] };
}

/** A text: NFC, blank when only spaces, refused over the limit. */
export function checkText(def: TextDefinition, raw: RawValue): Checked<string> {
  if (raw === null || raw === undefined || isBlankText(raw)) return blank();
  const text = nfc(raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw));
  const max = def.maxLength ?? TEXT_MAX_LENGTH;
  if (text.length > max) {
    return refuse(
      'text_too_long',
      `nội dung dài ${formatVietnameseNumber(text.length)} ký tự, vượt quá ${formatVietnameseNumber(max)} ký tự một ô Excel chứa được; đề nghị rút gọn.`,
    );
  }
  return { ok: true, value: text, notes: [] };
}

export function checkValue(def: ValueDefinition, raw: RawValue): Checked<number | string> {
  switch (def.type) {
    case 'count':
    case 'money':
      return checkNumber(def, raw);
    case 'date':
      return checkDate(def, raw);
    case 'list':
      return checkListItem(def, raw);
    case 'text':
      return checkText(def, raw);
  }
}
