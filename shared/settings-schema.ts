// The settings the report, the annexes and the workbooks print: one zod object, the type inferred from it,
// the defaults in one place. Province-wide settings (the province, its agencies) are held once; year-bound
// settings (the report's number, date, signer, period, deadline…) are held per reporting year and carried,
// shifted, to a year that is added. Each field carries how the window shows it (label, input, group).
import { z } from 'zod';

/** How the window's form shows a field; fields without a group are not in the form. */
export interface SettingFieldMeta {
  label: string;
  input: 'text' | 'date' | 'lines' | 'long' | 'choice' | 'number' | 'flag';
  group?: 'agency' | 'period' | 'signer';
}

export const SETTING_GROUPS: { key: NonNullable<SettingFieldMeta['group']>; title: string }[] = [
  { key: 'agency', title: 'Cơ quan báo cáo' },
  { key: 'period', title: 'Kỳ báo cáo' },
  { key: 'signer', title: 'Người ký và nơi nhận' },
];

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const two = (n: number) => String(n).padStart(2, '0');
const dayMonthYear = (y: number, m: number, d: number) => `${two(d)}/${two(m)}/${y}`;

/** An ISO date yyyy-mm-dd that exists in the calendar ("" allowed when `optional`). */
function isoDate(optional: boolean) {
  return z
    .string()
    .trim()
    .superRefine((s, ctx) => {
      if (s === '' && optional) return;
      const m = ISO.exec(s);
      if (!m) ctx.addIssue({ code: 'custom', message: `"${s}" không phải ngày theo dạng yyyy-mm-dd` });
      else if (!isRealDate(Number(m[1]), Number(m[2]), Number(m[3])))
        ctx.addIssue({ code: 'custom', message: `${dayMonthYear(Number(m[1]), Number(m[2]), Number(m[3]))} không phải ngày có thật` });
    });
}

const text = () => z.string().transform((s) => s.normalize('NFC'));
const flag = z.union([z.boolean(), z.enum(['true', 'false', '1', '0', 'có', 'không']).transform((v) => ['true', '1', 'có'].includes(v))]);
const lines = z
  .union([
    z.array(z.string().transform((s) => s.normalize('NFC').trim())),
    z.string().transform((s) =>
      s
        .normalize('NFC')
        .split(/[;\n]/)
        .map((l) => l.trim()),
    ),
  ])
  .transform((l) => l.filter(Boolean));

/** A plan of the province under which units review their tasks ("Rà soát theo nhiệm vụ được giao tại Kế hoạch số …"). */
export interface ReviewedPlan {
  /** Number and symbol, "03/KH-UBND" (or with its kind, "Quyết định số 1472/QĐ-UBND"). */
  so: string;
  /** ISO date, or "" when not known. */
  ngay: string;
  trich_yeu: string;
}

/** One plan as people write it on a line: `số | ngày | trích yếu` (the date as dd/mm/yyyy). */
function readPlanLine(line: string, ctx: z.RefinementCtx): ReviewedPlan | null {
  const [so = '', ngay = '', ...rest] = line.split('|').map((p) => p.trim());
  if (!so) {
    ctx.addIssue({ code: 'custom', message: `dòng "${line}": thiếu số, ký hiệu kế hoạch (ghi: số | ngày | trích yếu)` });
    return null;
  }
  const date = readTypedDate(ngay);
  if (!date.ok) {
    ctx.addIssue({ code: 'custom', message: `dòng "${line}": ${date.message}` });
    return null;
  }
  return { so, ngay: date.iso, trich_yeu: rest.join(' | ') };
}

const plan = z.strictObject({ so: z.string().trim().min(1), ngay: isoDate(true).default(''), trich_yeu: z.string().trim().default('') });
const plans = z.preprocess(
  (v, ctx) =>
    typeof v === 'string'
      ? v
          .normalize('NFC')
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((l) => readPlanLine(l, ctx))
          .filter((p): p is ReviewedPlan => p !== null)
      : v,
  z.array(plan),
);

/** "Kế hoạch số 03/KH-UBND ngày 07/01/2021 về …": a plan in running text (a number that names its kind is kept as it is). */
export function planText(p: ReviewedPlan): string {
  const head = /^\p{L}/u.test(p.so) ? p.so : `Kế hoạch số ${p.so}`;
  const date = p.ngay ? ` ngày ${showDate(p.ngay)}` : '';
  return `${head}${date}${p.trich_yeu ? ` ${p.trich_yeu}` : ''}`;
}

/** Who states the figures of Phụ lục 01 (setting pl01_source); the annexes and the outline name these values in their `when`. */
export const PL01_SOURCES = ['Ủy ban nhân dân cấp xã', 'Công an', 'Cả hai (đặt cạnh nhau)'] as const;

/** Held once for the province, whatever the year. */
export const provinceSettingsSchema = z.object({
  province: z
    .string()
    .trim()
    .min(1, 'hãy nhập tên tỉnh, thành phố')
    .transform((s) => s.normalize('NFC'))
    .default('')
    .meta({ label: 'Tên tỉnh, thành phố', input: 'text', group: 'agency' }),
  province_kind: z.enum(['tỉnh', 'thành phố']).default('tỉnh').meta({ label: 'Cấp', input: 'choice', group: 'agency' }),
  parent_body: text().default('').meta({ label: 'Cơ quan chủ quản', input: 'text', group: 'agency' }),
  issuing_body: text().default('SỞ Y TẾ').meta({ label: 'Cơ quan ban hành', input: 'text', group: 'agency' }),
  abbreviation: text().default('SYT').meta({ label: 'Chữ viết tắt', input: 'text', group: 'agency' }),
  place: text().default('').meta({ label: 'Địa danh', input: 'text', group: 'agency' }),
  contact: text().default('').meta({ label: 'Đầu mối liên hệ', input: 'text', group: 'agency' }),
  from_year: z.coerce.number().int().min(2000).max(2100).default(2021).meta({ label: 'Năm bắt đầu thực hiện Nghị quyết', input: 'number' }),
  documents_from: isoDate(false).default('2021-01-07').meta({ label: 'Văn bản tính từ ngày', input: 'date' }),
  leading_zero: flag.default(true).meta({ label: 'Số báo cáo có số 0 đứng trước', input: 'flag' }),
  /** Whose figures Phụ lục 01 and section A.1 state: the communes' (the default), the police's, or both side by side. */
  pl01_source: z
    .enum(PL01_SOURCES)
    .default('Ủy ban nhân dân cấp xã')
    .meta({ label: 'Số liệu trẻ em bị xâm hại (Phụ lục 01, mục A.1) theo báo cáo của', input: 'choice', group: 'agency' }),
  /** The province's plans that assign the tasks units review (HUONG_DAN of the workbooks, the outline's prompts). */
  plans: plans.default([]).meta({ label: 'Kế hoạch giao nhiệm vụ (mỗi dòng một kế hoạch: số, ký hiệu | ngày | trích yếu)', input: 'lines', group: 'agency' }),
  /** The report's merged section texts lead each unit's paragraph with the unit's name ("Sở Y tế: …"). */
  narrative_unit_names: flag.default(false).meta({ label: 'Ghi tên đơn vị trước đoạn văn tổng hợp', input: 'flag' }),
});

/** Held per reporting year; a year added gets them from the nearest year, shifted (see carrySettings). */
export const yearSettingsSchema = z.object({
  period_from: isoDate(false).default('').meta({ label: 'Số liệu từ ngày', input: 'date', group: 'period' }),
  period_to: isoDate(false).default('').meta({ label: 'Đến ngày', input: 'date', group: 'period' }),
  deadline: isoDate(true).default('').meta({ label: 'Hạn gửi báo cáo', input: 'date', group: 'period' }),
  report_number: text().default('').meta({ label: 'Số báo cáo', input: 'text', group: 'period' }),
  report_date: isoDate(true).default('').meta({ label: 'Ngày báo cáo', input: 'date', group: 'period' }),
  signer_authority: text().default('KT. GIÁM ĐỐC').meta({ label: 'Thẩm quyền ký', input: 'text', group: 'signer' }),
  signer_title: text().default('PHÓ GIÁM ĐỐC').meta({ label: 'Chức vụ người ký', input: 'text', group: 'signer' }),
  signer_name: text().default('').meta({ label: 'Họ và tên người ký', input: 'text', group: 'signer' }),
  recipients: lines.default([]).meta({ label: 'Nơi nhận (mỗi dòng một nơi)', input: 'lines', group: 'signer' }),
  opening: text().default('').meta({ label: 'Câu mở đầu báo cáo', input: 'long', group: 'signer' }),
});

export const settingsSchema = provinceSettingsSchema.extend(yearSettingsSchema.shape);

/** Every setting of one year, province-wide ones included. */
export type Settings = z.output<typeof settingsSchema>;
export type ProvinceSettings = z.output<typeof provinceSettingsSchema>;
export type YearSettings = z.output<typeof yearSettingsSchema>;
export type SettingKey = keyof Settings;
/** Settings as given (on the command line, in a file, from the form): any subset, values before parsing. */
export type SettingsInput = Partial<Record<SettingKey, unknown>>;

export const SETTING_KEYS = Object.keys(settingsSchema.shape) as SettingKey[];
export const YEAR_SETTING_KEYS = Object.keys(yearSettingsSchema.shape) as (keyof YearSettings)[];
export const PROVINCE_SETTING_KEYS = Object.keys(provinceSettingsSchema.shape) as (keyof ProvinceSettings)[];

export function isSettingKey(key: string): key is SettingKey {
  return Object.prototype.hasOwnProperty.call(settingsSchema.shape, key);
}

export function isYearSetting(key: SettingKey): key is keyof YearSettings {
  return Object.prototype.hasOwnProperty.call(yearSettingsSchema.shape, key);
}

export function settingMeta(key: SettingKey): SettingFieldMeta {
  return settingsSchema.shape[key].meta() as unknown as SettingFieldMeta;
}

/** The form's fields, group by group, in the schema's order. */
export function settingFields(): { key: SettingKey; meta: SettingFieldMeta }[] {
  return SETTING_KEYS.map((key) => ({ key, meta: settingMeta(key) })).filter((f) => f.meta.group);
}

/** Whether a setting holds one of the values a definition's `when` names (a sheet of an annex, a block of the outline). */
export function settingIn(settings: Partial<Record<string, unknown>>, when: { setting: string; in: readonly string[] }): boolean {
  const value = settings[when.setting] ?? (isSettingKey(when.setting) ? settingsSchema.shape[when.setting].parse(undefined) : undefined);
  return when.in.includes(String(value ?? ''));
}

/** The choices of a list field (province_kind). */
export function settingChoices(key: SettingKey): string[] {
  const def = settingsSchema.shape[key].unwrap() as z.ZodType;
  return def instanceof z.ZodEnum ? (def.options as string[]) : [];
}

/** Checks one value; the message is for people (no key, no code). */
export function parseSetting(key: SettingKey, value: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  const r = settingsSchema.shape[key].safeParse(typeof value === 'string' ? value.normalize('NFC') : value);
  return r.success ? { ok: true, value: r.data } : { ok: false, message: r.error.issues[0]?.message ?? 'giá trị không hợp lệ' };
}

/**
 * A date as people type it, dd/mm/yyyy (or d.m.yyyy, d-m-yyyy), read to ISO; "" stays "". The error says
 * whether the text is not a date at all or a date that does not exist ("31/11/2026 không phải ngày có thật").
 */
export function readTypedDate(typed: string): { ok: true; iso: string } | { ok: false; message: string } {
  const t = typed.trim();
  if (t === '') return { ok: true, iso: '' };
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t) ?? (ISO.test(t) ? [t, t.slice(8), t.slice(5, 7), t.slice(0, 4)] : null);
  if (!m) return { ok: false, message: `"${t}" không phải ngày; hãy nhập theo dạng ngày/tháng/năm, ví dụ 15/12/2026` };
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDate(y, mo, d)) return { ok: false, message: `${dayMonthYear(y, mo, d)} không phải ngày có thật` };
  return { ok: true, iso: `${y}-${two(mo)}-${two(d)}` };
}

/** ISO → dd/mm/yyyy for the form; anything else as it is. */
export function showDate(iso: string): string {
  const m = ISO.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** A plan back on one line of the form: `số | dd/mm/yyyy | trích yếu`. */
function planLine(p: ReviewedPlan): string {
  return [p.so, showDate(p.ngay), p.trich_yeu].join(' | ');
}

/** A value as the form's text box shows it. */
export function settingText(key: SettingKey, value: unknown): string {
  const { input } = settingMeta(key);
  if (input === 'date') return showDate(typeof value === 'string' ? value : '');
  if (input === 'lines')
    return Array.isArray(value) ? value.map((v) => (typeof v === 'object' && v !== null ? planLine(v as ReviewedPlan) : String(v))).join('\n') : '';
  return value == null ? '' : String(value);
}

/** The form's text for a field read back to a value, checked; the message names no key. */
export function readSettingText(key: SettingKey, typed: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const { input } = settingMeta(key);
  if (input === 'date') {
    const d = readTypedDate(typed);
    return d.ok ? parseSetting(key, d.iso) : d;
  }
  return parseSetting(key, typed);
}

/** The defaults: the schema's, with the province's name where the header needs it and the year's period. */
export function defaultSettings(province: string, year: number): Settings {
  const base = settingsSchema.parse({});
  return {
    ...base,
    province,
    parent_body: province ? `UBND TỈNH ${province.toLocaleUpperCase('vi')}` : '',
    place: province,
    ...defaultYearSettings(year),
  };
}

/** A year's settings when nothing is known about it: the season 16/11 of the year before to 15/11. */
export function defaultYearSettings(year: number): YearSettings {
  return { ...yearSettingsSchema.parse({}), period_from: `${year - 1}-11-16`, period_to: `${year}-11-15` };
}

function shiftIso(iso: string, years: number): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  const y = Number(m[1]) + years;
  let d = Number(m[3]);
  while (d > 28 && !isRealDate(y, Number(m[2]), d)) d--; // 29/02 → 28/02
  return `${y}-${m[2]}-${two(d)}`;
}

/**
 * A year's settings carried to another year: dates shifted by the years between, the year written in the
 * opening sentence moved too, the report number left for the compiler to fill. A deadline is carried only
 * forward: an earlier season's deadline is not known (and would mark every unit late).
 */
export function carrySettings(from: YearSettings, fromYear: number, toYear: number): YearSettings {
  const n = toYear - fromYear;
  return {
    ...from,
    period_from: shiftIso(from.period_from, n),
    period_to: shiftIso(from.period_to, n),
    report_date: shiftIso(from.report_date, n),
    deadline: n > 0 ? shiftIso(from.deadline, n) : '',
    report_number: '',
    opening: from.opening.replace(new RegExp(`(?<!\\d)${fromYear}(?!\\d)`, 'g'), String(toYear)),
  };
}
