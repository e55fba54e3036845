// Report periods end to end on the sample: a half-year's own workbooks imported into their period (and not
// into the year), its report and annexes from its own submissions; a review over a range summing the annual
// submissions of its years, with year rows in the annexes and its own narrative. Expected figures are summed
// here straight from the data given, not through the app.
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { periodKey, yearPeriod } from '../../shared/periods.ts';
import { documentTableForKind } from '../../shared/template.ts';
import type { ServiceContext } from '../../electron/store/context.ts';
import { demoPeriods, sampleHalfYearSubmissions } from '../../electron/services/demo.ts';
import { generateAll } from '../../electron/services/generate.ts';
import { importFiles } from '../../electron/services/imports.ts';
import { listSubmissions } from '../../electron/store/submissions.ts';
import { requireUnit } from '../../electron/store/units.ts';
import { writeBlankWorkbooks } from '../../electron/services/workbooks.ts';
import { mergedSectionTexts, setSectionText } from '../../electron/services/report.ts';
import { fillWorkbookFile } from '../../electron/workbook/input-filler.ts';
import { inputFileName } from '../../electron/workbook/input-writer.ts';
import { sample, sampleDb, tempDir } from '../helpers/fixtures.ts';
import { readWorkbook, sheet, shown, text } from '../annex/helpers.ts';
import { bodyParagraphs, readDocx } from './docx-reader.ts';

const FORMS = ['bl', 'bb', 'xhtd', 'mb', 'br', 'khac'];
const YEAR = sample.reporting_year;
const { half, review } = demoPeriods(YEAR);
const halfSubs = sampleHalfYearSubmissions(sample, half);

/** Sum of codes over submissions, blanks left out; null when none gave any. */
function sumOf(subs: { values: Record<string, number | null> }[], codes: string[]): number | null {
  let sum: number | null = null;
  for (const s of subs) for (const c of codes) if (typeof s.values[c] === 'number') sum = (sum ?? 0) + s.values[c]!;
  return sum;
}
const annual = (year: number) => sample.submissions.filter((s) => s.year === year);
const communes = (subs: typeof sample.submissions) => subs.filter((s) => sample.units.find((u) => u.code === s.unit)?.kind === 'dia_phuong');

let ctx: ServiceContext;
let tmp: ReturnType<typeof tempDir>;
let halfImports: Awaited<ReturnType<typeof importFiles>>;
let halfFiles: string[];
let reviewFiles: string[];

async function filledHalfYearFiles(dir: string): Promise<void> {
  const blanks = await writeBlankWorkbooks(ctx, { year: YEAR, period: half, outDir: path.join(tmp.dir, 'blank'), units: halfSubs.map((s) => s.unit) });
  for (const s of halfSubs) {
    const unit = requireUnit(ctx, s.unit);
    const table = documentTableForKind(ctx.template, unit.kind);
    await fillWorkbookFile(
      blanks.find((b) => b.unit === s.unit)!.file,
      path.join(dir, inputFileName(unit, periodKey(half))),
      { values: s.values, documents: s.documents, texts: s.texts },
      table?.kind === 'table' ? table : undefined,
    );
  }
}

beforeAll(async () => {
  tmp = tempDir('bc121-periods-');
  ctx = sampleDb();
  const filled = path.join(tmp.dir, 'filled');
  mkdirSync(filled, { recursive: true });
  await filledHalfYearFiles(filled);
  // Expected for the year: refused, nothing stored; then taken into the half-year.
  const asYear = await importFiles(ctx, [filled], { period: yearPeriod(YEAR) });
  expect(asYear.every((r) => r.status === 'rejected' && r.findings[0]?.code === 'wrong_period')).toBe(true);
  halfImports = await importFiles(ctx, [filled]);
  setSectionText(ctx, 2025, 't_b1_kq', 'Giai đoạn 2023 – 2025, các sở, ngành đã rà soát toàn bộ văn bản.', review);
  halfFiles = (await generateAll(ctx, { year: YEAR, period: half, outDir: path.join(tmp.dir, 'half') })).files;
  reviewFiles = (await generateAll(ctx, { year: 2025, period: review, outDir: path.join(tmp.dir, 'review') })).files;
}, 120_000);
afterAll(() => {
  ctx?.db.close();
  tmp?.cleanup();
});

describe('a half-year collects its own submissions', () => {
  it('the demo data gives some units, not all, with figures of their own', () => {
    expect(halfSubs.length).toBeGreaterThan(3);
    expect(halfSubs.length).toBeLessThan(annual(YEAR).length);
  });

  it("a half-year workbook is refused as the year's report with the reason, and taken into its own period", () => {
    expect(halfImports.map((r) => r.status)).toEqual(halfSubs.map(() => 'accepted'));
    expect(new Set(halfImports.map((r) => r.period))).toEqual(new Set(['2026-H1']));
    expect(
      listSubmissions(ctx, { period: '2026-H1', currentOnly: true })
        .map((s) => s.unit)
        .sort(),
    ).toEqual(halfSubs.map((s) => s.unit).sort());
    // The year's annual submissions are untouched: the same units, each still its version 1.
    const year = listSubmissions(ctx, { year: YEAR, currentOnly: true });
    expect(year.map((s) => s.unit).sort()).toEqual(
      annual(YEAR)
        .map((s) => s.unit)
        .sort(),
    );
  });

  it('a workbook expected for the half-year but made for the year is refused, saying both periods', async () => {
    const dir = path.join(tmp.dir, 'year-file');
    mkdirSync(dir, { recursive: true });
    const s = annual(YEAR).find((x) => x.unit === halfSubs[0]!.unit)!;
    const [blank] = await writeBlankWorkbooks(ctx, { year: YEAR, outDir: dir, units: [s.unit] });
    const table = documentTableForKind(ctx.template, requireUnit(ctx, s.unit).kind);
    const file = path.join(dir, 'nam.xlsx');
    await fillWorkbookFile(blank!.file, file, { values: s.values, documents: s.documents, texts: s.texts }, table?.kind === 'table' ? table : undefined);
    const [r] = await importFiles(ctx, [file], { period: half });
    expect(r!.status).toBe('rejected');
    expect(r!.findings[0]!.message).toMatch(/là báo cáo năm 2026 của .*, không phải báo cáo 6 tháng đầu năm 2026 đang nhận: không nhận tệp\./);
  });

  it("the six-month report's title and trích yếu name the half-year", async () => {
    const doc = await readDocx(halfFiles.find((f) => f.endsWith('Bao cao.docx'))!);
    const texts = bodyParagraphs(doc.document).map((p) => p.text);
    const subject = texts.find((t) => t.startsWith('Kết quả thực hiện Nghị quyết'))!;
    expect(subject).toMatch(/phòng, chống xâm hại trẻ em 6 tháng đầu năm 2026$/);
    expect(texts).toContain('Thực hiện Nghị quyết số 121/2020/QH14 ngày 19/6/2020 của Quốc hội, báo cáo kết quả thực hiện 6 tháng đầu năm 2026 như sau:');
    const vu = sumOf(
      communes(halfSubs),
      FORMS.map((f) => `pl01_${f}_vu`),
    )!;
    const tre = sumOf(
      communes(halfSubs),
      FORMS.map((f) => `pl01_${f}_tre`),
    )!;
    expect(
      texts.some((t) =>
        t.startsWith(
          `6 tháng đầu năm 2026, trên địa bàn tỉnh xảy ra ${String(vu).padStart(2, '0')} vụ xâm hại trẻ em với ${String(tre).padStart(2, '0')} trẻ em`,
        ),
      ),
    ).toBe(true);
  });

  it("Phụ lục 01's figures are the half-year submissions' sums, in one block named by the period", async () => {
    const wb = await readWorkbook(path.join(tmp.dir, 'half'), 'Phu luc 01.xlsx');
    const ws = sheet(wb, 'PL01');
    expect(text(ws, 'A3')).toBe('(6 tháng đầu năm 2026)');
    const labels = column(ws, 'B');
    expect(labels.filter((l) => /^(Năm \d{4}|6 tháng)/.test(l.text)).map((l) => l.text)).toEqual(['6 tháng đầu năm 2026']);
    FORMS.forEach((f, i) => {
      const row = labels.find((l) => l.text === 'TỔNG CỘNG')!.row - FORMS.length + i;
      expect(shown(ws, `C${row}`)).toBe(sumOf(communes(halfSubs), [`pl01_${f}_vu`]));
      expect(shown(ws, `D${row}`)).toBe(sumOf(communes(halfSubs), [`pl01_${f}_tre`]));
    });
    const units = sheet(wb, 'PL01_DIA_BAN');
    expect(text(units, 'A2')).toBe('SỐ LIỆU TRẺ EM BỊ XÂM HẠI THEO ĐỊA BÀN 6 THÁNG ĐẦU NĂM 2026');
    expect(text(units, 'A3')).toBe('(Từ ngày 01/01/2026 đến ngày 30/06/2026)');
    const total = column(units, 'B').find((l) => l.text === 'TỔNG CỘNG')!.row;
    expect(shown(units, `C${total}`)).toBe(
      sumOf(
        communes(halfSubs),
        FORMS.map((f) => `pl01_${f}_vu`),
      ),
    );
  });
});

describe('a review over a range sums the annual submissions of its years', () => {
  it('title and trích yếu: "giai đoạn 2023 – 2025"; its own narrative', async () => {
    const doc = await readDocx(reviewFiles.find((f) => f.endsWith('Bao cao.docx'))!);
    const texts = bodyParagraphs(doc.document).map((p) => p.text);
    expect(texts.find((t) => t.startsWith('Kết quả thực hiện Nghị quyết'))).toMatch(/phòng, chống xâm hại trẻ em giai đoạn 2023 – 2025$/);
    expect(texts.some((t) => t.includes('Giai đoạn 2023 – 2025, các sở, ngành đã rà soát toàn bộ văn bản.'))).toBe(true);
    // The review's text is its own: the year 2025 keeps its units' merge.
    expect(mergedSectionTexts(ctx, 2025, review).find((x) => x.code === 't_b1_kq')!.compilerText).toBe(
      'Giai đoạn 2023 – 2025, các sở, ngành đã rà soát toàn bộ văn bản.',
    );
    expect(mergedSectionTexts(ctx, 2025).find((x) => x.code === 't_b1_kq')!.compilerText).toBeNull();
    const vu = sumOf(
      communes([...annual(2023), ...annual(2024), ...annual(2025)]),
      FORMS.map((f) => `pl01_${f}_vu`),
    )!;
    expect(texts.some((t) => t.startsWith(`Giai đoạn 2023 – 2025, trên địa bàn tỉnh xảy ra ${vu} vụ`))).toBe(true);
  });

  it("Phụ lục 01 has a year row for each of 2023, 2024, 2025 with that year's sums, and their total", async () => {
    const wb = await readWorkbook(path.join(tmp.dir, 'review'), 'Phu luc 01.xlsx');
    const ws = sheet(wb, 'PL01');
    expect(text(ws, 'A3')).toBe('(Giai đoạn 2023 – 2025)');
    const labels = column(ws, 'B');
    const yearRows = labels.filter((l) => /^Năm \d{4}$/.test(l.text));
    expect(yearRows.map((l) => l.text)).toEqual(['Năm 2023', 'Năm 2024', 'Năm 2025']);
    const vuCodes = FORMS.map((f) => `pl01_${f}_vu`);
    const treCodes = FORMS.map((f) => `pl01_${f}_tre`);
    [2023, 2024, 2025].forEach((y, i) => {
      expect(shown(ws, `C${yearRows[i]!.row}`)).toBe(sumOf(communes(annual(y)), vuCodes));
      expect(shown(ws, `D${yearRows[i]!.row}`)).toBe(sumOf(communes(annual(y)), treCodes));
    });
    const three = communes([...annual(2023), ...annual(2024), ...annual(2025)]);
    const total = labels.find((l) => l.text === 'TỔNG CỘNG')!.row;
    expect(shown(ws, `C${total}`)).toBe(sumOf(three, vuCodes));
    // By commune: each one's three years summed.
    const units = sheet(wb, 'PL01_DIA_BAN');
    expect(text(units, 'A2')).toBe('SỐ LIỆU TRẺ EM BỊ XÂM HẠI THEO ĐỊA BÀN GIAI ĐOẠN 2023 – 2025');
    const communeRows = column(units, 'B').flatMap((l) =>
      sample.units.filter((u) => u.kind === 'dia_phuong' && u.name === l.text).map((u) => ({ row: l.row, code: u.code })),
    );
    expect(communeRows.length).toBe(sample.units.filter((u) => u.kind === 'dia_phuong').length);
    for (const { row, code } of communeRows) {
      const l = { row };
      expect(shown(units, `D${l.row}`)).toBe(
        sumOf(
          three.filter((s) => s.unit === code),
          treCodes,
        ),
      );
    }
    expect(shown(units, `D${column(units, 'B').find((l) => l.text === 'TỔNG CỘNG')!.row}`)).toBe(sumOf(three, treCodes));
  });
});

function column(ws: ExcelJS.Worksheet, col: string): { row: number; text: string }[] {
  const out: { row: number; text: string }[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const t = text(ws, `${col}${r}`);
    if (t) out.push({ row: r, text: t });
  }
  return out;
}
