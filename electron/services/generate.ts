// "Xuất báo cáo": the four annexes and the report for a year, refused while validation errors stand
// unless forced, in which case every file is marked DỰ THẢO and the report lists the unresolved errors.
import { blockingErrors } from '../../shared/rules/report.ts';
import type { ValidationReport } from '../../shared/rules/types.ts';
import { periodText, yearPeriod, type ReportPeriod } from '../../shared/periods.ts';
import type { ProgressListener } from '../../shared/types.ts';
import { AppError } from '../errors.ts';
import { generateAnnexes } from './annexes.ts';
import type { ServiceContext } from '../store/context.ts';
import type { MissingSection } from '../report/content-model.ts';
import { generateReport } from './report.ts';
import { validateYear } from './validation.ts';
import path from 'node:path';
import { SOURCES_FILE_NAME, sourcesWorkbook } from '../annex/sources-workbook.ts';
import { allFigureSources } from '../annex/trace.ts';
import { removeStaleTemps } from '../files/atomic-write.ts';
import { lockedView } from '../store/years.ts';
import { sentenceCase } from '../../shared/text.ts';
import { INPUT_SUBJECT } from '../workbook/document-properties.ts';
import { writeWorkbook } from '../workbook/xlsx-writer.ts';
import { agencyName } from '../store/window-info.ts';

export interface GenerateAllRequest {
  year: number;
  /** The report period (shared/periods.ts) when not the year itself ("2026-H1", a range); its season must be `year`. */
  period?: ReportPeriod;
  outDir: string;
  /** Write the files although errors stand; they are then marked as a draft. */
  force?: boolean;
  /** Also write "Nguon so lieu.xlsx": every annex figure with the unit values behind it. */
  sources?: boolean;
  /** Mark every file DỰ THẢO although no error stands (the compiler chose a draft: units have not reported). */
  markDraft?: boolean;
  onProgress?: ProgressListener;
}

export interface GenerateAllResult {
  files: string[];
  draft: boolean;
  validation: ValidationReport;
  /** Report notices (sections without text …), in Vietnamese. */
  notices: string[];
  /** The report is marked DỰ THẢO: errors stand (forced) or sections are missing. */
  reportDraft: boolean;
  /** Report sections still without content, each with how to fill it. */
  missing: MissingSection[];
}

export async function generateAll(ctxNow: ServiceContext, req: GenerateAllRequest): Promise<GenerateAllResult> {
  // A locked year is checked and printed with its unit list as it was at the lock.
  const ctx = lockedView(ctxNow, req.year);
  const period = req.period ?? yearPeriod(req.year);
  const validation = validateYear(ctx, req.year, { period });
  const errors = blockingErrors(validation);
  if (errors.length && !req.force) {
    const first = errors
      .slice(0, 5)
      .map((e) => `- ${e.message}`)
      .join('\n');
    throw new AppError(
      'validation_errors',
      `Chưa thể xuất báo cáo ${periodText(period)}: còn ${errors.length} lỗi số liệu. Hãy sửa số liệu hoặc nhận lại biểu mẫu, hoặc xuất bản dự thảo (--force).\n${first}${errors.length > 5 ? `\n- … và ${errors.length - 5} lỗi khác` : ''}`,
    );
  }
  const draft = errors.length > 0 || req.markDraft === true;
  removeStaleTemps(req.outDir); // what a run killed mid-write left under temporary names
  const total = 5;
  const annexes = await generateAnnexes(ctx, {
    year: req.year,
    period,
    outDir: req.outDir,
    draft,
    onProgress: req.onProgress ? (p) => req.onProgress!({ done: p.done, total, label: p.label }) : undefined,
  });
  req.onProgress?.({ done: 4, total, label: 'Đang tạo báo cáo Word' });
  const report = await generateReport(ctx, { year: req.year, period, outDir: req.outDir, draft: draft ? { errors: errors.map((e) => e.message) } : undefined });
  const files = [...annexes.files, report.file];
  if (req.sources) {
    const file = path.join(req.outDir, SOURCES_FILE_NAME);
    const title = `NGUỒN SỐ LIỆU CỦA CÁC PHỤ LỤC ${periodText(period).toLocaleUpperCase('vi')}`;
    const props = { title: sentenceCase(title), subject: `${INPUT_SUBJECT} ${periodText(period)}`, author: agencyName(ctx) };
    await writeWorkbook(sourcesWorkbook(allFigureSources(ctx, req.year, period), title, props, ctx.now()), file);
    files.push(file);
  }
  req.onProgress?.({ done: total, total, label: 'Xong' });
  return { files, draft, validation, notices: report.notices, reportDraft: report.draft, missing: report.missing };
}
