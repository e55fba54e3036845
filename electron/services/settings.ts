// Settings the report and the workbooks need (decree-30.md), stored as JSON values by key.
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { audit } from './audit.ts';
import type { ServiceContext } from './context.ts';
import type { Settings } from '../../shared/types.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày theo dạng yyyy-mm-dd');

/** Known settings, with how a value typed on the command line is read. */
export const settingSchemas: Record<string, z.ZodType> = {
  province: z.string().min(1),
  province_kind: z.enum(['tỉnh', 'thành phố']),
  parent_body: z.string(),
  issuing_body: z.string(),
  abbreviation: z.string(),
  place: z.string(),
  report_number: z.string(),
  report_date: z.union([isoDate, z.literal('')]),
  from_year: z.coerce.number().int().min(2000).max(2100),
  documents_from: isoDate,
  period_from: isoDate,
  period_to: isoDate,
  deadline: z.union([isoDate, z.literal('')]),
  opening: z.string(),
  signer_authority: z.string(),
  signer_title: z.string(),
  signer_name: z.string(),
  recipients: z.array(z.string()),
  contact: z.string(),
  leading_zero: z.union([z.boolean(), z.enum(['true', 'false', '1', '0', 'có', 'không']).transform((v) => ['true', '1', 'có'].includes(v))]),
  /** The report's merged section texts lead each unit's paragraph with the unit's name ("Sở Y tế: …"). */
  narrative_unit_names: z.union([z.boolean(), z.enum(['true', 'false', '1', '0', 'có', 'không']).transform((v) => ['true', '1', 'có'].includes(v))]),
};

export function defaultSettings(province: string, year: number): Settings {
  return {
    province,
    province_kind: 'tỉnh',
    parent_body: `UBND TỈNH ${province.toUpperCase()}`,
    issuing_body: 'SỞ Y TẾ',
    abbreviation: 'SYT',
    place: province,
    report_number: '',
    report_date: '',
    from_year: 2021,
    documents_from: '2021-01-07',
    period_from: `${year - 1}-11-16`,
    period_to: `${year}-11-15`,
    deadline: '',
    opening: '',
    signer_authority: 'KT. GIÁM ĐỐC',
    signer_title: 'PHÓ GIÁM ĐỐC',
    signer_name: '',
    recipients: [],
    contact: '',
    leading_zero: true,
    narrative_unit_names: false,
  };
}

export function getSettings(ctx: ServiceContext): Settings {
  const rows = ctx.db.prepare('SELECT key, value FROM settings ORDER BY key').all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

export function settingString(settings: Settings, key: string, fallback = ''): string {
  const v = settings[key];
  return typeof v === 'string' ? v : v == null ? fallback : String(v);
}

function parseSetting(key: string, value: unknown): unknown {
  const schema = settingSchemas[key];
  if (!schema) throw new AppError('unknown_setting', `Không có thiết lập "${key}". Các thiết lập: ${Object.keys(settingSchemas).join(', ')}.`);
  let input = value;
  if (key === 'recipients' && typeof value === 'string') input = value.split(';').map((s) => s.trim()).filter(Boolean);
  const parsed = schema.safeParse(typeof input === 'string' ? input.normalize('NFC') : input);
  if (!parsed.success) throw new AppError('bad_setting', `Giá trị của "${key}" không hợp lệ: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** Sets several settings in one transaction; each change is logged. Unknown keys are refused. */
export function setSettings(ctx: ServiceContext, changes: Record<string, unknown>, options: { audit?: boolean } = {}): Settings {
  const parsed = Object.entries(changes).map(([k, v]) => [k, parseSetting(k, v)] as const);
  const before = getSettings(ctx);
  ctx.db.transaction(() => {
    const stmt = ctx.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    for (const [k, v] of parsed) {
      stmt.run(k, JSON.stringify(v));
      if (options.audit !== false) audit(ctx, { action: 'setting.set', entity: 'setting', entityId: k, oldValue: before[k], newValue: v });
    }
  })();
  return getSettings(ctx);
}

/** The deadline of a year: the settings' deadline belongs to the season whose period ends that year. */
export function deadlineFor(ctx: ServiceContext, year: number): string | null {
  const settings = getSettings(ctx);
  const deadline = settingString(settings, 'deadline');
  const periodYear = Number(settingString(settings, 'period_to').slice(0, 4));
  return /^\d{4}-\d{2}-\d{2}$/.test(deadline) && periodYear === year ? deadline : null;
}
