// Phụ lục 01–04 as print-ready .xlsx files: each annex layout of the template planned from the
// database and rendered by the one generic writer (electron/annex/).
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import type { ProgressListener } from '../../shared/types.ts';
import { loadAnnexLayouts } from '../annex/layouts.ts';
import { FigureBook } from '../annex/figure-book.ts';
import { planAnnex } from '../annex/plan.ts';
import { renderAnnex } from '../annex/render.ts';
import { AppError } from '../errors.ts';
import { xlsxBytes } from '../workbook/package.ts';
import { agencyName } from './window-info.ts';
import type { ServiceContext } from './context.ts';

export interface GenerateAnnexesRequest {
  year: number;
  outDir: string;
  /** Marks every annex "DỰ THẢO" at its top right. */
  draft?: boolean;
  onProgress?: ProgressListener;
}

/** Writes the file beside its target first, so an annex open in Excel is never left half written. */
async function writeWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  const partial = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(partial, await xlsxBytes(wb));
    renameSync(partial, file);
  } catch (e) {
    rmSync(partial, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
      throw new AppError('file_locked', `Không ghi được tệp ${file}: tệp đang mở trong Excel hoặc thư mục không cho ghi. Hãy đóng tệp rồi thử lại.`, { cause: e });
    }
    throw e;
  }
}

export async function generateAnnexes(ctx: ServiceContext, req: GenerateAnnexesRequest): Promise<{ files: string[] }> {
  if (!Number.isInteger(req.year)) throw new AppError('bad_year', `Năm báo cáo "${req.year}" không hợp lệ.`);
  const layouts = loadAnnexLayouts(ctx.template);
  mkdirSync(req.outDir, { recursive: true });
  const book = new FigureBook(ctx);
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
