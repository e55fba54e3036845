// Writing the blank input workbooks for the units of a year ("Tạo biểu mẫu").
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ProgressListener, Unit } from '../../shared/types.ts';
import { APP_VERSION } from '../app-info.ts';
import { AppError } from '../errors.ts';
import { buildInputWorkbook, inputFileName } from '../workbook/input-writer.ts';
import { writeXlsx } from '../workbook/package.ts';
import { agencyName } from './window-info.ts';
import type { ServiceContext } from './context.ts';
import { getSettings, settingString } from './settings.ts';
import { currentValues } from './submissions.ts';
import { listUnits, requireUnit } from './units.ts';
import { ensureYear } from './years.ts';

export interface WrittenWorkbook {
  unit: string;
  file: string;
}

function periodFor(settings: Record<string, unknown>, year: number): { from: string; to: string } {
  const to = settingString(settings, 'period_to');
  const from = settingString(settings, 'period_from');
  // Settings hold the reporting period of the current season; other years get the same days.
  const shift = (iso: string, fallback: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${year - (Number(to.slice(0, 4)) - Number(iso.slice(0, 4)))}${iso.slice(4)}` : fallback);
  return { from: shift(from, `${year}-01-01`), to: shift(to, `${year}-12-31`) };
}

export function reportingUnits(ctx: ServiceContext): Unit[] {
  const kinds = new Set(ctx.template.unitKinds.filter((k) => k.sheets.length > 0).map((k) => k.code));
  return listUnits(ctx, { activeOnly: true }).filter((u) => kinds.has(u.kind));
}

/** Writes one blank workbook per active reporting unit (or the given units) into `outDir`. */
export async function writeBlankWorkbooks(
  ctx: ServiceContext,
  request: { year: number; outDir: string; units?: string[]; onProgress?: ProgressListener },
): Promise<WrittenWorkbook[]> {
  ensureYear(ctx, request.year);
  const units = request.units?.length ? request.units.map((c) => requireUnit(ctx, c)) : reportingUnits(ctx);
  const settings = getSettings(ctx);
  const period = periodFor(settings, request.year);
  mkdirSync(request.outDir, { recursive: true });
  const written: WrittenWorkbook[] = [];
  for (const [i, unit] of units.entries()) {
    if (!ctx.template.unitKinds.some((k) => k.code === unit.kind && k.sheets.length > 0)) {
      throw new AppError('unit_not_reporting', `Đơn vị ${unit.name} (${unit.code}) không phải đơn vị báo cáo.`);
    }
    request.onProgress?.({ done: i, total: units.length, label: unit.name });
    const wb = await buildInputWorkbook({
      template: ctx.template,
      unit,
      year: request.year,
      periodFrom: period.from,
      periodTo: period.to,
      deadline: request.year === Number(settingString(settings, 'period_to').slice(0, 4)) ? settingString(settings, 'deadline') || undefined : undefined,
      recipient: settingString(settings, 'issuing_body') ? `${settingString(settings, 'issuing_body')} ${settingString(settings, 'province_kind', 'tỉnh')} ${settingString(settings, 'province')}` : undefined,
      contact: settingString(settings, 'contact') || undefined,
      appVersion: APP_VERSION,
      previous: currentValues(ctx, unit.code, request.year - 1),
      author: agencyName(ctx),
    });
    const file = path.join(request.outDir, inputFileName(unit, request.year));
    await writeXlsx(wb, file);
    written.push({ unit: unit.code, file });
  }
  request.onProgress?.({ done: units.length, total: units.length, label: 'Xong' });
  return written;
}
