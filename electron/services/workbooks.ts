// Writing the blank input workbooks for the units of a year ("Tạo biểu mẫu").
import path from 'node:path';
import { runningAgencyName } from '../../shared/running-text.ts';
import type { ProgressListener, Unit } from '../../shared/types.ts';
import { APP_VERSION } from '../app-info.ts';
import { AppError } from '../errors.ts';
import { ensureFolder } from '../files/atomic-write.ts';
import { buildInputWorkbook, inputFileName } from '../workbook/input-writer.ts';
import { writeXlsx } from '../workbook/package.ts';
import { agencyName } from '../store/window-info.ts';
import type { ServiceContext } from '../store/context.ts';
import { getSettings, settingString } from '../store/settings.ts';
import { currentValues } from '../store/submissions.ts';
import { listUnits, requireUnit } from '../store/units.ts';
import { ensureYear } from '../store/years.ts';

export interface WrittenWorkbook {
  unit: string;
  file: string;
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
  const settings = getSettings(ctx, request.year);
  ensureFolder(request.outDir);
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
      periodFrom: settings.period_from || `${request.year}-01-01`,
      periodTo: settings.period_to || `${request.year}-12-31`,
      deadline: settings.deadline || undefined,
      // Running text (Decree 30): "Sở Y tế tỉnh An Lạc", not the header block's capitals.
      recipient: settingString(settings, 'issuing_body') ? `${runningAgencyName(settingString(settings, 'issuing_body'), listUnits(ctx).map((u) => u.name))} ${settingString(settings, 'province_kind', 'tỉnh')} ${settingString(settings, 'province')}` : undefined,
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
