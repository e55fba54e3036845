// Creating a new season database: the template, default settings and the default unit list.
import { existsSync } from 'node:fs';
import { isSettingKey, isYearSetting } from '../../shared/settings-schema.ts';
import type { SettingsInput, UnitInput } from '../../shared/types.ts';
import { openDatabase } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { installTemplate, loadDefaultUnits, loadTemplateFile } from '../template-store.ts';
import { audit } from '../store/audit.ts';
import { contextFor, type ServiceContext } from '../store/context.ts';
import { defaultSettings, setSettings } from '../store/settings.ts';
import { upsertUnits } from '../store/units.ts';
import { ensureYear } from '../store/years.ts';

export interface InitRequest {
  file: string;
  province?: string;
  year?: number;
  settings?: SettingsInput;
  units?: UnitInput[];
  years?: number[];
  now?: () => Date;
}

export function initDatabase(req: InitRequest): ServiceContext {
  if (req.file !== ':memory:' && existsSync(req.file)) {
    throw new AppError('db_exists', `Tệp ${req.file} đã có; không ghi đè. Hãy chọn tên khác hoặc xóa tệp cũ.`);
  }
  const template = loadTemplateFile();
  const db = openDatabase(req.file, { create: true });
  try {
    installTemplate(db, template);
    const ctx = contextFor(db, { template, ...(req.now ? { now: req.now } : {}) });
    const year = req.year ?? ctx.now().getFullYear();
    const province = req.province ?? (typeof req.settings?.province === 'string' ? req.settings.province : 'An Lạc');
    // The settings given are the season's whose period they name (else the year's); the other years get them shifted.
    const given = typeof req.settings?.period_to === 'string' ? Number(req.settings.period_to.slice(0, 4)) : NaN;
    const years = req.years ?? [year];
    const settingsYear = years.includes(given) ? given : years.includes(year) ? year : Math.max(...years);
    db.transaction(() => {
      const settings = { ...defaultSettings(province, settingsYear), ...(req.settings ?? {}) };
      if (years.length) {
        ensureYear(ctx, settingsYear);
        setSettings(ctx, settings, { year: settingsYear, audit: false });
      } else {
        // No year yet: the province's settings only; a year added later starts from the defaults.
        setSettings(ctx, Object.fromEntries(Object.entries(settings).filter(([k]) => isSettingKey(k) && !isYearSetting(k))), { audit: false });
      }
      const units = req.units ?? loadDefaultUnits().map((u) => ({ ...u, name: u.name.replace('{province}', province) }));
      upsertUnits(ctx, units);
      for (const y of years) ensureYear(ctx, y);
      audit(ctx, { action: 'database.init', entity: 'database', newValue: { province, template: `${template.id}@${template.version}` } });
    })();
    return ctx;
  } catch (e) {
    db.close();
    throw e;
  }
}
