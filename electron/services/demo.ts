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
import { loadSampleProvince, type SampleProvince } from './sample.ts';
import { periodKey, periodSeason, periodSpan, periodText, periodYears, type ReportPeriod } from '../../shared/periods.ts';
import { initDatabase } from './setup.ts';
import { requireUnit } from '../store/units.ts';
import { writeBlankWorkbooks } from './workbooks.ts';
import { generateAll } from './generate.ts';
import { targetsView } from './targets.ts';
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
  /** The six-month report (its own submissions) and the multi-year review (a range over the annual data). */
  periods: DemoPeriodReport[];
}

export interface DemoPeriodReport {
  period: string;
  outDir: string;
  imports: ImportFileResult[];
  validation: ValidationReport;
  files: string[];
}

/** The demo's six-month period and review range, in the sample's reporting year and the three years before it. */
export function demoPeriods(reportingYear: number): { half: Extract<ReportPeriod, { kind: 'half' }>; review: Extract<ReportPeriod, { kind: 'range' }> } {
  return {
    half: { kind: 'half', year: reportingYear, half: 1 },
    review: { kind: 'range', from: `${reportingYear - 3}-01-01`, to: `${reportingYear - 1}-12-31` },
  };
}

/**
 * The sample's six-month submissions, made by code: every other unit that reported both years sends for the
 * first half of the reporting year the figures it reported the year before (consistent figures, different
 * from the year's), with those of its documents of the year dated within the half-year, and no texts.
 */
export function sampleHalfYearSubmissions(sample: SampleProvince, period: ReportPeriod): SampleProvince['submissions'] {
  const year = periodSeason(period);
  const { from, to } = periodSpan(period);
  const before = new Map(sample.submissions.filter((s) => s.year === year - 1).map((s) => [s.unit, s]));
  return sample.submissions
    .filter((s) => s.year === year && before.has(s.unit))
    .filter((_s, i) => i % 2 === 0)
    .map((s) => ({ ...s, values: { ...before.get(s.unit)!.values }, documents: (s.documents ?? []).filter((d) => d.ngay >= from && d.ngay <= to), texts: {} }));
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
      await fillWorkbookFile(
        blank.file,
        path.join(yearDir, name),
        { values: s.values, documents: s.documents, texts: s.texts },
        table?.kind === 'table' ? table : undefined,
      );
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
  // The plan's targets the report assesses (docs/targets.md): the sample has one of each outcome at least.
  const targets = targetsView(ctx, sample.reporting_year);
  if (targets.summary) log(`Chỉ tiêu của kế hoạch — ${targets.summary}`);
  const periods = await demoPeriodReports(ctx, sample, outDir, scratch, options);
  for (const p of periods) log(`${summaryLine(p.validation).replace(/\.$/, '')}; ${p.files.length} tệp trong ${p.outDir}.`);
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
    periods,
  };
}

/** Folder names of the period reports under the demo's folder (no diacritics, as the other file names). */
function periodFolder(period: ReportPeriod): string {
  return period.kind === 'half'
    ? `6 thang ${period.half === 1 ? 'dau' : 'cuoi'} nam ${period.year}`
    : `Giai doan ${periodYears(period)[0]}-${periodSeason(period)}`;
}

/** The six-month report (blank workbooks, filled, imported into their own period) and the review over years. */
async function demoPeriodReports(
  ctx: ServiceContext,
  sample: SampleProvince,
  outDir: string,
  scratch: string,
  options: { onProgress?: ProgressListener },
): Promise<DemoPeriodReport[]> {
  const { half, review } = demoPeriods(sample.reporting_year);
  const halfDir = path.join(outDir, periodFolder(half));
  // Beside the annual returns (nhan-ve/<year>), not inside them: a folder of the year's returns stays the year's.
  const filled = path.join(outDir, 'nhan-ve-6-thang', periodKey(half));
  rmSync(halfDir, { recursive: true, force: true });
  rmSync(path.dirname(filled), { recursive: true, force: true });
  mkdirSync(filled, { recursive: true });
  const submissions = sampleHalfYearSubmissions(sample, half);
  const blanks = await writeBlankWorkbooks(ctx, {
    year: half.year,
    period: half,
    outDir: path.join(scratch, periodKey(half)),
    units: submissions.map((s) => s.unit),
  });
  for (const s of submissions) {
    const unit = requireUnit(ctx, s.unit);
    const table = documentTableForKind(ctx.template, unit.kind);
    const blank = blanks.find((b) => b.unit === unit.code)!;
    await fillWorkbookFile(
      blank.file,
      path.join(filled, inputFileName(unit, periodKey(half))),
      { values: s.values, documents: s.documents, texts: s.texts },
      table?.kind === 'table' ? table : undefined,
    );
  }
  rmSync(scratch, { recursive: true, force: true });
  const imports = await importFiles(ctx, [filled], { period: half, receivedAt: `${half.year}-07-10T08:00:00.000Z`, onProgress: options.onProgress });
  const out: DemoPeriodReport[] = [];
  for (const [period, dir, got] of [
    [half, halfDir, imports],
    [review, path.join(outDir, periodFolder(review)), []],
  ] as const) {
    rmSync(dir, { recursive: true, force: true });
    const r = await generateAll(ctx, { year: periodSeason(period), period, outDir: dir, onProgress: options.onProgress });
    out.push({ period: periodText(period), outDir: dir, imports: [...got], validation: r.validation, files: r.files });
  }
  return out;
}
