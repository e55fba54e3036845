// The settings the report and the workbooks print (shared/settings-schema.ts): province-wide ones in table
// settings, year-bound ones in year_settings per reporting year; a locked year reads what it printed when it
// was locked (years.frozen).
import {
  carrySettings,
  defaultYearSettings,
  isSettingKey,
  isYearSetting,
  parseSetting,
  provinceSettingsSchema,
  settingsSchema,
  SETTING_KEYS,
  yearSettingsSchema,
  type Settings,
  type SettingsInput,
  type YearSettings,
} from '../../shared/settings-schema.ts';
import { templateForProvince } from '../../shared/template.ts';
import type { TemplateDefinition } from '../../shared/template-schema.ts';
import { AppError } from '../errors.ts';
import { audit } from './audit.ts';
import type { ServiceContext } from './context.ts';

export { defaultSettings } from '../../shared/settings-schema.ts';

/** The year settings are read and written for when none is named: the view's year, else the last year held. */
export function settingsYear(ctx: ServiceContext): number | null {
  if (ctx.lockedView) return ctx.lockedView.year;
  const row = ctx.db.prepare('SELECT MAX(year) AS y FROM years').get() as { y: number | null };
  return row.y;
}

function readRows(rows: { key: string; value: string }[]): Record<string, unknown> {
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

/** Parses stored values field by field: a value an earlier version stored that no longer parses falls back to the default. */
function parseStored<S extends typeof provinceSettingsSchema | typeof yearSettingsSchema>(schema: S, stored: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = schema.parse({});
  for (const [k, v] of Object.entries(stored)) {
    if (!isSettingKey(k) || !(k in schema.shape)) continue;
    const r = parseSetting(k, v);
    if (r.ok) out[k] = r.value;
  }
  return out;
}

function storedYearSettings(ctx: ServiceContext, year: number): YearSettings | null {
  const rows = ctx.db.prepare('SELECT key, value FROM year_settings WHERE year = ?').all(year) as { key: string; value: string }[];
  if (rows.length === 0) return null;
  return { ...defaultYearSettings(year), ...parseStored(yearSettingsSchema, readRows(rows)) } as YearSettings;
}

/** What a locked year printed when it was locked, if it was locked by this version. */
export function frozenSettings(ctx: ServiceContext, year: number): Settings | null {
  const row = ctx.db.prepare('SELECT locked, frozen FROM years WHERE year = ?').get(year) as { locked: number; frozen: string | null } | undefined;
  if (row?.locked !== 1 || !row.frozen) return null;
  return settingsSchema.parse((JSON.parse(row.frozen) as { settings: unknown }).settings);
}

/** The settings of one year (by default the last year held), province-wide ones included. */
export function getSettings(ctx: ServiceContext, year?: number): Settings {
  const y = year ?? settingsYear(ctx);
  const frozen = y === null ? null : frozenSettings(ctx, y);
  if (frozen) return frozen;
  const province = parseStored(provinceSettingsSchema, readRows(ctx.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]));
  const own = y === null ? null : (storedYearSettings(ctx, y) ?? carriedSettings(ctx, y));
  return { ...province, ...(own ?? yearSettingsSchema.parse({})) } as Settings;
}

export function settingString(settings: Settings, key: string, fallback = ''): string {
  const v = (settings as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : v == null ? fallback : String(v);
}

/** A year without settings of its own gets the nearest year's (an earlier one first), shifted; else the defaults. */
function carriedSettings(ctx: ServiceContext, year: number): YearSettings {
  const held = (ctx.db.prepare('SELECT DISTINCT year FROM year_settings').all() as { year: number }[]).map((r) => r.year);
  const nearest = held.sort((a, b) => Math.abs(a - year) - Math.abs(b - year) || a - b)[0];
  if (nearest === undefined) return defaultYearSettings(year);
  return carrySettings(storedYearSettings(ctx, nearest)!, nearest, year);
}

/** Gives a year just added its own settings, carried from the nearest year. Runs inside the caller's transaction. */
export function seedYearSettings(ctx: ServiceContext, year: number): void {
  if (storedYearSettings(ctx, year)) return;
  const hasAny = ctx.db.prepare('SELECT 1 FROM year_settings LIMIT 1').get();
  if (!hasAny) return;
  writeYearSettings(ctx, year, carriedSettings(ctx, year));
}

function writeYearSettings(ctx: ServiceContext, year: number, values: Partial<YearSettings>): void {
  const stmt = ctx.db.prepare('INSERT INTO year_settings (year, key, value) VALUES (?, ?, ?) ON CONFLICT(year, key) DO UPDATE SET value = excluded.value');
  for (const [k, v] of Object.entries(values)) stmt.run(year, k, JSON.stringify(v));
}

/**
 * Checks every change and refuses them all, naming each bad one, when one is wrong: unknown keys, values
 * the schema does not take, a year-bound setting of a locked year.
 */
function checkChanges(changes: SettingsInput | Record<string, unknown>): Map<keyof Settings, unknown> {
  const parsed = new Map<keyof Settings, unknown>();
  const problems: string[] = [];
  for (const [key, value] of Object.entries(changes)) {
    if (!isSettingKey(key)) {
      problems.push(`Không có thiết lập "${key}". Các thiết lập: ${SETTING_KEYS.join(', ')}.`);
      continue;
    }
    const r = parseSetting(key, value);
    if (r.ok) parsed.set(key, r.value);
    else problems.push(`Giá trị của "${key}" không hợp lệ: ${r.message}`);
  }
  if (problems.length) throw new AppError(problems.some((p) => p.startsWith('Không có')) ? 'unknown_setting' : 'bad_setting', problems.join('\n'));
  return parsed;
}

/**
 * Sets several settings in one transaction; each change is logged. Year-bound ones are the year's (by
 * default the last year held); a locked year's are refused. Province-wide ones change every open year;
 * a locked year keeps printing what it printed.
 */
export function setSettings(ctx: ServiceContext, changes: SettingsInput | Record<string, unknown>, options: { year?: number; audit?: boolean } = {}): Settings {
  const parsed = checkChanges(changes);
  const year = options.year ?? settingsYear(ctx);
  const yearBound = [...parsed.keys()].filter(isYearSetting);
  if (yearBound.length) {
    if (year === null || !ctx.db.prepare('SELECT 1 FROM years WHERE year = ?').get(year)) {
      throw new AppError('unknown_year', `Cơ sở dữ liệu không có năm ${year ?? ''}: hãy thêm năm trước khi ghi thiết lập của năm đó.`);
    }
    if ((ctx.db.prepare('SELECT locked FROM years WHERE year = ?').get(year) as { locked: number }).locked === 1) {
      throw new AppError(
        'year_locked',
        `Năm ${year} đã chốt số liệu: không sửa được thiết lập của báo cáo năm ${year} (số, ngày, người ký, kỳ báo cáo…). Hãy mở khóa năm ${year} (kèm lý do) nếu cần sửa.`,
      );
    }
  }
  const before = getSettings(ctx, year ?? undefined) as Record<string, unknown>;
  ctx.db.transaction(() => {
    if (year !== null && yearBound.length && !storedYearSettings(ctx, year)) writeYearSettings(ctx, year, carriedSettings(ctx, year));
    const province = ctx.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    for (const [k, v] of parsed) {
      if (isYearSetting(k)) writeYearSettings(ctx, year!, { [k]: v });
      else province.run(k, JSON.stringify(v));
      if (options.audit !== false)
        audit(ctx, { action: 'setting.set', entity: 'setting', entityId: isYearSetting(k) ? `${year}:${k}` : k, oldValue: before[k], newValue: v });
    }
  })();
  return getSettings(ctx, year ?? undefined);
}

/** The deadline of a year's season, or null when none is set. */
/** The definition's words as this province reads them (`{province_kind}` filled: "Công an tỉnh"). */
export function provinceTemplate(ctx: ServiceContext): TemplateDefinition {
  return templateOfProvince(ctx.template, getSettings(ctx));
}

/** A template's labels as the province reads them ("Công an thành phố" for a city), from its settings. */
export function templateOfProvince(template: TemplateDefinition, settings: Settings): TemplateDefinition {
  return templateForProvince(template, settingString(settings, 'province_kind', 'tỉnh'));
}

export function deadlineFor(ctx: ServiceContext, year: number): string | null {
  const deadline = getSettings(ctx, year).deadline;
  return /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? deadline : null;
}
