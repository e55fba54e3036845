// Writing the blank input workbooks for the units of a year ("Tạo biểu mẫu").
import path from 'node:path';
import { runningAgencyName } from '../../shared/running-text.ts';
import { collectsOwnSubmissions, periodKey, periodSeason, periodSpan, periodText, yearPeriod, type ReportPeriod } from '../../shared/periods.ts';
import type { ProgressListener, Unit } from '../../shared/types.ts';
import { APP_VERSION } from '../app-info.ts';
import { AppError } from '../errors.ts';
import { ensureFolder } from '../files/atomic-write.ts';
import { narrativePrompts, promptValues } from '../../shared/outline-schema.ts';
import { planText } from '../../shared/settings-schema.ts';
import { loadOutline } from '../report/outline-store.ts';
import { buildInputWorkbook, inputFileName } from '../workbook/input-writer.ts';
import { writeXlsx } from '../workbook/package.ts';
import { agencyName } from '../store/window-info.ts';
import type { ServiceContext } from '../store/context.ts';
import { getSettings, settingString, templateOfProvince } from '../store/settings.ts';
import { currentValues } from '../store/submissions.ts';
import { listUnits, requireUnit } from '../store/units.ts';
import { ensureYear, yearView } from '../store/years.ts';

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
  ctxAny: ServiceContext,
  request: { year: number; period?: ReportPeriod; outDir: string; units?: string[]; onProgress?: ProgressListener },
): Promise<WrittenWorkbook[]> {
  ensureYear(ctxAny, request.year);
  // A year's workbooks follow the definition the year is collected under.
  const ctx = yearView(ctxAny, request.year);
  // A year's workbooks, or a half-year's (its own submissions); a range sums annual ones and sends none.
  const period = request.period ?? yearPeriod(request.year);
  if (periodSeason(period) !== request.year) throw new AppError('bad_input', `Kỳ báo cáo ${periodKey(period)} không thuộc năm ${request.year}.`);
  if (!collectsOwnSubmissions(period)) {
    throw new AppError(
      'bad_input',
      `Báo cáo ${periodText(period)} tổng hợp từ số liệu hằng năm đã nhận, không gửi biểu mẫu riêng. Hãy tạo biểu mẫu cho một năm (ví dụ 2026) hoặc sáu tháng (ví dụ 2026-H1).`,
    );
  }
  const annual = period.kind === 'year';
  const span = periodSpan(period);
  const units = request.units?.length ? request.units.map((c) => requireUnit(ctx, c)) : reportingUnits(ctx);
  const settings = getSettings(ctx, request.year);
  const outline = loadOutline(ctx.template);
  ensureFolder(request.outDir);
  const written: WrittenWorkbook[] = [];
  for (const [i, unit] of units.entries()) {
    if (!ctx.template.unitKinds.some((k) => k.code === unit.kind && k.sheets.length > 0)) {
      throw new AppError('unit_not_reporting', `Đơn vị ${unit.name} (${unit.code}) không phải đơn vị báo cáo.`);
    }
    request.onProgress?.({ done: i, total: units.length, label: unit.name });
    const wb = await buildInputWorkbook({
      template: templateOfProvince(ctx.template, settings),
      unit,
      year: request.year,
      ...(annual ? {} : { period }),
      periodFrom: annual ? settings.period_from || span.from : span.from,
      periodTo: annual ? settings.period_to || span.to : span.to,
      deadline: settings.deadline || undefined,
      // Running text (Decree 30): "Sở Y tế tỉnh An Lạc", not the header block's capitals.
      recipient: settingString(settings, 'issuing_body')
        ? `${runningAgencyName(
            settingString(settings, 'issuing_body'),
            listUnits(ctx).map((u) => u.name),
          )} ${settingString(settings, 'province_kind', 'tỉnh')} ${settingString(settings, 'province')}`
        : undefined,
      contact: settingString(settings, 'contact') || undefined,
      appVersion: APP_VERSION,
      // Last year's figures beside a year's form; a half-year is not compared with a whole year.
      previous: annual ? currentValues(ctx, unit.code, request.year - 1) : undefined,
      author: agencyName(ctx),
      prompts: narrativePrompts(outline, unit.kind, promptValues(settings)),
      plans: settings.plans.map(planText),
    });
    const file = path.join(request.outDir, inputFileName(unit, periodKey(period)));
    await writeXlsx(wb, file);
    written.push({ unit: unit.code, file });
  }
  request.onProgress?.({ done: units.length, total: units.length, label: 'Xong' });
  return written;
}
