// The first run: a new database holds nothing but the report's definition; the window then offers a new
// province (the guided setup below) or the sample province, which lives in a file of its own.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ProvinceSetupAnswers } from '../../shared/api-types.ts';
import { parseSetting, type SettingKey } from '../../shared/settings-schema.ts';
import { AppError } from '../errors.ts';
import { writeAtomicWith } from '../files/atomic-write.ts';
import { audit } from '../store/audit.ts';
import { openContext, type ServiceContext } from '../store/context.ts';
import { importJson } from './interchange.ts';
import { loadSampleProvince } from './sample.ts';
import { getSettings, setSettings, settingString } from '../store/settings.ts';
import { initDatabase } from './setup.ts';
import { listUnits, renameUnit, upsertUnits } from '../store/units.ts';
import { ensureYear } from '../store/years.ts';

/** The sample province's own file, beside the season's database; never the same file. */
export const SAMPLE_DB_FILE_NAME = 'du-lieu-mau.sqlite';

/** A database is at its first run while it holds no unit and names no province. */
export function isFirstRun(ctx: ServiceContext): boolean {
  const units = (ctx.db.prepare('SELECT COUNT(*) AS n FROM units').get() as { n: number }).n;
  return units === 0 && settingString(getSettings(ctx), 'province') === '';
}

/** A new database: the report's definition only, no unit, no province, no year. */
export function createEmptyDatabase(file: string): ServiceContext {
  return initDatabase({ file, years: [] });
}

/**
 * Opens the sample province's database, making it from the embedded sample the first time: built under a
 * temporary name and renamed only when complete, so a run killed (or a disk filled) half-way leaves no
 * half-made sample that later opens as if it were whole.
 */
export async function openSampleDatabase(file: string): Promise<ServiceContext> {
  if (!existsSync(file)) {
    const sample = loadSampleProvince();
    await writeAtomicWith(file, (tmp) => {
      const ctx = initDatabase({ file: tmp, settings: sample.settings, units: sample.units, years: sample.years });
      try {
        importJson(ctx, sample, 'du-lieu-mau.json');
        // Everything into the main file (no -wal beside the temporary name) before it is renamed.
        ctx.db.pragma('journal_mode = DELETE');
      } finally {
        ctx.db.close();
      }
    });
  }
  return openContext(file);
}

/** "Tỉnh Hà Giang", "Thành phố Hải Phòng": the province's own unit as people write it. */
export function provinceUnitName(kind: string, province: string): string {
  const k = kind || 'tỉnh';
  return `${k.charAt(0).toLocaleUpperCase('vi')}${k.slice(1)} ${province}`.trim();
}

/** Initials of an agency's name, "Sở Y tế" → "SYT". */
function initials(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w && w.toLowerCase() !== 'va')
    .map((w) => w[0]!.toUpperCase())
    .join('')
    .slice(0, 12);
}

const ROOT_CODE = 'TINH';

/**
 * The guided setup's answers written where they belong: the province-wide settings, the year's settings,
 * the province's own unit and the standing agency. Only at the first run (a database without units).
 */
export function setupProvince(ctx: ServiceContext, answers: ProvinceSetupAnswers): void {
  if ((ctx.db.prepare('SELECT COUNT(*) AS n FROM units').get() as { n: number }).n > 0) {
    throw new AppError('already_set_up', 'Cơ sở dữ liệu này đã có danh sách đơn vị. Hãy sửa tên tỉnh, cơ quan và người ký ở bước Thiết lập.');
  }
  const province = answers.province.normalize('NFC').replace(/\s+/g, ' ').trim();
  const kind = answers.provinceKind;
  const standing = answers.standingAgency.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!province) throw new AppError('bad_setting', 'Hãy nhập tên tỉnh hoặc thành phố.');
  if (!standing) throw new AppError('bad_setting', 'Hãy nhập tên cơ quan thường trực về trẻ em (ví dụ: Sở Y tế).');
  const upper = (s: string) => s.toLocaleUpperCase('vi');
  const given: Partial<Record<SettingKey, unknown>> = {
    province,
    province_kind: kind,
    parent_body: `UBND ${upper(kind)} ${upper(province)}`,
    issuing_body: answers.issuingBody?.trim() || upper(standing),
    abbreviation: answers.abbreviation?.trim() || initials(standing),
    place: province,
    signer_name: answers.signerName,
    signer_title: answers.signerTitle,
    ...(answers.signerAuthority !== undefined ? { signer_authority: answers.signerAuthority } : {}),
    period_from: answers.periodFrom,
    period_to: answers.periodTo,
    deadline: answers.deadline ?? '',
  };
  // Every answer checked before anything is written; the message names the field as the form does.
  const labels: Partial<Record<SettingKey, string>> = {
    period_from: 'Số liệu từ ngày',
    period_to: 'Đến ngày',
    deadline: 'Hạn gửi báo cáo',
    signer_name: 'Họ và tên người ký',
  };
  for (const [key, value] of Object.entries(given) as [SettingKey, unknown][]) {
    const r = parseSetting(key, value);
    if (!r.ok) throw new AppError('bad_setting', `${labels[key] ?? 'Thông tin'}: ${r.message}.`);
  }
  if (answers.periodFrom > answers.periodTo) throw new AppError('bad_setting', 'Kỳ báo cáo: ngày bắt đầu phải trước ngày kết thúc.');
  const standingCode = initials(standing) || 'TT';
  ctx.db.transaction(() => {
    ensureYear(ctx, answers.year);
    setSettings(ctx, given, { year: answers.year });
    upsertUnits(ctx, [
      { code: ROOT_CODE, name: provinceUnitName(kind, province), kind: 'tinh', parent: null, order: 0 },
      { code: standingCode === ROOT_CODE ? 'TT' : standingCode, name: standing, kind: 'thuong_truc', parent: ROOT_CODE, order: 1 },
    ]);
    audit(ctx, { action: 'database.setup', entity: 'database', newValue: { province, kind, standing, year: answers.year } });
  })();
}

/**
 * After the province or its kind is changed in the settings: the province's own unit follows when its name
 * is the one made from the old values ("Tỉnh An Lạc" → "Thành phố Hải Phòng"); a name the user wrote stays.
 */
export function followProvinceName(ctx: ServiceContext, before: { province: string; kind: string }): void {
  const now = getSettings(ctx);
  const province = settingString(now, 'province');
  const kind = settingString(now, 'province_kind', 'tỉnh');
  if (province === before.province && kind === before.kind) return;
  const root = listUnits(ctx).find((u) => u.kind === 'tinh' && !u.parentCode);
  if (!root || !province) return;
  if (root.name !== provinceUnitName(before.kind, before.province) && root.name !== `Tỉnh ${before.province}`) return;
  renameUnit(ctx, root.code, provinceUnitName(kind, province), 'Đổi tên tỉnh, thành phố trong thiết lập');
}

export function sampleDbFile(dataDir: string): string {
  return path.join(dataDir, SAMPLE_DB_FILE_NAME);
}
