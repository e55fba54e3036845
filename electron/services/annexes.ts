// Phụ lục 01–04 as print-ready .xlsx files: each annex layout of the template planned from the
// database and rendered by the one generic writer (electron/annex/).
import path from 'node:path';
import type { ReportPeriod } from '../../shared/periods.ts';
import type { ProgressListener } from '../../shared/types.ts';
import { loadAnnexLayouts } from '../annex/layouts.ts';
import { FigureBook } from '../annex/figure-book.ts';
import { planAnnex } from '../annex/plan.ts';
import { renderAnnex } from '../annex/render.ts';
import { AppError } from '../errors.ts';
import { ensureFolder } from '../files/atomic-write.ts';
import { writeWorkbook } from '../workbook/xlsx-writer.ts';
import { agencyName } from '../store/window-info.ts';
import type { ServiceContext } from '../store/context.ts';
import { lockedView } from '../store/years.ts';

export interface GenerateAnnexesRequest {
  year: number;
  /** The report period (shared/periods.ts) when not the year itself; its season must be `year`. */
  period?: ReportPeriod;
  outDir: string;
  /** Marks every annex "DỰ THẢO" at its top right. */
  draft?: boolean;
  onProgress?: ProgressListener;
}

export async function generateAnnexes(ctxNow: ServiceContext, req: GenerateAnnexesRequest): Promise<{ files: string[] }> {
  if (!Number.isInteger(req.year)) throw new AppError('bad_year', `Năm báo cáo "${req.year}" không hợp lệ.`);
  // A locked year prints its unit list as it was at the lock.
  const ctx = lockedView(ctxNow, req.year);
  const layouts = loadAnnexLayouts(ctx.template);
  ensureFolder(req.outDir);
  const book = new FigureBook(ctx, req.period);
  const files: string[] = [];
  for (const [i, layout] of layouts.entries()) {
    req.onProgress?.({ done: i, total: layouts.length, label: `Đang tạo ${layout.label}` });
    const plan = planAnnex(ctx, layout, req.year, book);
    const file = path.join(req.outDir, layout.file);
    await writeWorkbook(renderAnnex(plan, { draft: req.draft ?? false, created: ctx.now(), author: agencyName(ctx) }), file);
    files.push(file);
  }
  req.onProgress?.({ done: layouts.length, total: layouts.length, label: `Đã tạo ${layouts.length} phụ lục` });
  return { files };
}
