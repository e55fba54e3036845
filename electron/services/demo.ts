// The main job on the embedded sample province, start to end, through the real path a unit's
// workbook takes: blank workbooks written, filled through their defined names, imported.
import { mkdirSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { ImportFileResult, ProgressListener } from '../../shared/types.ts';
import { documentTableForKind } from '../../shared/template.ts';
import { fillWorkbookFile } from '../workbook/input-filler.ts';
import { inputFileName } from '../workbook/input-writer.ts';
import type { ServiceContext } from '../store/context.ts';
import { importFiles } from './imports.ts';
import { loadSampleProvince } from './sample.ts';
import { initDatabase } from './setup.ts';
import { requireUnit } from '../store/units.ts';
import { writeBlankWorkbooks } from './workbooks.ts';
import { generateAll } from './generate.ts';
import { writeSampleWordReports } from './demo-word-reports.ts';
import { formatReportText, summaryLine } from '../../shared/rules/report.ts';
import type { ValidationReport } from '../../shared/rules/types.ts';
import { missingSectionLines } from '../../shared/section-mark.ts';
import type { MissingSection } from '../report/content-model.ts';

export interface DemoResult {
  ctx: ServiceContext;
  dbFile: string;
  year: number;
  blankDir: string;
  blankWorkbooks: number;
  filledDir: string;
  imports: ImportFileResult[];
  /** The sample's Word reports (.docx) of two units, written and imported beside their workbooks. */
  wordDir: string;
  wordImports: ImportFileResult[];
  validation: ValidationReport;
  /** The four annexes and the report. */
  files: string[];
  notices: string[];
  /** The report is a marked draft: the sample leaves sections without text (listed in `missing`). */
  reportDraft: boolean;
  missing: MissingSection[];
}

export async function runDemo(outDir: string, options: { onProgress?: ProgressListener; log?: (line: string) => void } = {}): Promise<DemoResult> {
  const log = options.log ?? (() => {});
  const sample = loadSampleProvince();
  const dbFile = path.join(outDir, 'baocao121.sqlite');
  const blankDir = path.join(outDir, 'bieu-mau');
  const filledDir = path.join(outDir, 'nhan-ve');
  const scratch = path.join(outDir, '.tam');
  const wordDir = path.join(outDir, 'bao-cao-word');
  mkdirSync(outDir, { recursive: true });
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) if (existsSync(f)) rmSync(f);
  for (const d of [blankDir, filledDir, scratch, wordDir]) rmSync(d, { recursive: true, force: true });

  const ctx = initDatabase({ file: dbFile, settings: sample.settings, units: sample.units, years: sample.years });
  log(`Cơ sở dữ liệu: ${dbFile} (tỉnh ${String(sample.settings?.province ?? '')}, ${sample.units.length - 1} đơn vị báo cáo)`);
  const imports: ImportFileResult[] = [];
  let blankWorkbooks = 0;
  const years = [...sample.years].sort((a, b) => a - b);
  for (const year of years) {
    // The reporting year's blank workbooks are what the compiler sends out; earlier years' are scratch.
    const isReportingYear = year === sample.reporting_year;
    const blanks = await writeBlankWorkbooks(ctx, { year, outDir: isReportingYear ? blankDir : path.join(scratch, String(year)) });
    if (isReportingYear) blankWorkbooks = blanks.length;
    const yearDir = path.join(filledDir, String(year));
    mkdirSync(yearDir, { recursive: true });
    for (const s of sample.submissions.filter((x) => x.year === year)) {
      const unit = requireUnit(ctx, s.unit);
      const name = inputFileName(unit, year);
      const blank = blanks.find((b) => b.unit === unit.code);
      if (!blank) throw new Error(`Không có biểu mẫu trống của ${unit.code}`);
      const table = documentTableForKind(ctx.template, unit.kind);
      await fillWorkbookFile(blank.file, path.join(yearDir, name), { values: s.values, documents: s.documents, texts: s.texts }, table?.kind === 'table' ? table : undefined);
    }
    const results = await importFiles(ctx, [yearDir], { receivedAt: `${year}-11-25T08:00:00.000Z`, onProgress: options.onProgress });
    imports.push(...results);
    const rejected = results.filter((r) => r.status === 'rejected').length;
    log(`Năm ${year}: nhập ${results.length - rejected}/${results.length} báo cáo${rejected ? `, ${rejected} tệp bị từ chối` : ''}.`);
  }
  rmSync(scratch, { recursive: true, force: true });
  log(`Biểu mẫu trống năm ${sample.reporting_year}: ${blankWorkbooks} tệp trong ${blankDir}`);
  // Two units also send a Word report with their texts: read section by section into the report's narrative.
  await writeSampleWordReports(ctx, wordDir);
  const wordImports = await importFiles(ctx, [wordDir], { onProgress: options.onProgress });
  log(`Báo cáo Word: nhập ${wordImports.filter((r) => r.status === 'accepted').length}/${wordImports.length} tệp trong ${wordDir}.`);
  // The sample has warnings but no error, so the annexes are final; its units wrote texts for some sections
  // only, so the report is a marked draft that lists the sections still to write (or to mark empty).
  const generated = await generateAll(ctx, { year: sample.reporting_year, outDir, onProgress: options.onProgress });
  log(`Kiểm tra số liệu — ${summaryLine(generated.validation)}`);
  for (const line of formatReportText(generated.validation).slice(0, -1)) log(`  ${line}`);
  for (const f of generated.files) log(`Đã tạo: ${f}`);
  for (const line of missingSectionLines(generated.missing)) log(line);
  return {
    ctx,
    dbFile,
    year: sample.reporting_year,
    blankDir,
    blankWorkbooks,
    filledDir,
    imports,
    wordDir,
    wordImports,
    validation: generated.validation,
    files: generated.files,
    notices: generated.notices,
    reportDraft: generated.reportDraft,
    missing: generated.missing,
  };
}
