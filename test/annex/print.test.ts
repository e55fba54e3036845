// The annexes as they come out of a printer, read back from the PDF LibreOffice makes of them: for the
// demo province and for a province of 170 communes (made by code, seeded), every page is A4 landscape,
// the text is at 11 pt or more and the titles at 13 pt or more, and no block of rows (a year, a crime
// group, a group of documents) is split across pages when it fits on one.
//
// How sizes are measured: pdftotext -bbox gives each word's box; its height is the font's ascent +
// descent, a fixed multiple of the point size for one font. The multiple is measured, not assumed: a
// calibration workbook with Times New Roman text at known sizes, printed at 100 % in the same run.
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplateFile } from '../../electron/template-store.ts';
import type { ServiceContext } from '../../electron/store/context.ts';
import { generateAnnexes } from '../../electron/services/annexes.ts';
import { importJson } from '../../electron/services/interchange.ts';
import { initDatabase } from '../../electron/services/setup.ts';
import { writeXlsx } from '../../electron/workbook/package.ts';
import { sampleDb, tempDir, TEST_NOW } from '../helpers/fixtures.ts';
import { convert, hasPdfTools, pageSizes, pdfPages, type PdfPage, type PdfWord } from './pdf.ts';
import { largeProvince } from './province.ts';

const FILES = ['Phu luc 01.xlsx', 'Phu luc 02.xlsx', 'Phu luc 03.xlsx', 'Phu luc 04.xlsx'];
const PRINTABLE_HEIGHT = ((210 - 20 - 20) / 25.4) * 72;
const LO_CHAR_PT = 5.5;
const STT = /^([IVXLC]+|\d+(\.\d+)*)$/;
const ROMAN = /^[IVXLC]+$/;

const title = hasPdfTools
  ? 'annexes read back from their PDF'
  : 'annexes read back from their PDF — SKIPPED: soffice/pdfinfo/pdftotext not on PATH (CI installs LibreOffice and poppler-utils)';

function province170(): ServiceContext {
  const template = loadTemplateFile();
  const p = largeProvince(template, { name: 'Thạnh Phú', communes: 170, years: [2023, 2024, 2025, 2026], seed: 121 });
  const ctx = initDatabase({ file: ':memory:', province: 'Thạnh Phú', settings: p.settings, units: p.units, years: p.years, now: TEST_NOW });
  importJson(ctx, p, 'province-170.json');
  return ctx;
}

interface Printed {
  name: string;
  dir: string;
}

let work: { dir: string; cleanup: () => void };
const provinces: Printed[] = [];
/** Word box height per point of font size, measured on the calibration sheet. */
let ratio = 0;
const measured: string[] = [];

async function calibrate(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('CAL');
  [11, 12, 13, 14].forEach((size, i) => {
    ws.getCell(i + 1, 1).value = `Kiểm tra cỡ chữ ${size}`;
    ws.getCell(i + 1, 1).font = { name: 'Times New Roman', size, bold: i % 2 === 1 };
    ws.getRow(i + 1).height = size * 2;
  });
  ws.getColumn(1).width = 60;
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', scale: 100, fitToPage: false };
  const file = path.join(dir, 'cal.xlsx');
  await writeXlsx(wb, file);
  return file;
}

function size(w: PdfWord): number {
  return (w.yMax - w.yMin) / ratio;
}

/** Words grouped into lines by their top. */
function lines(page: PdfPage): PdfWord[][] {
  const out: PdfWord[][] = [];
  for (const w of [...page.words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    const last = out.at(-1);
    if (last && Math.abs(last[0]!.yMin - w.yMin) < 2) last.push(w);
    else out.push([w]);
  }
  return out;
}

beforeAll(async () => {
  if (!hasPdfTools) return;
  work = tempDir('bc121-print-');
  const cal = await calibrate(work.dir);
  const jobs: Promise<void>[] = [];
  for (const [name, make] of [
    ['demo', sampleDb],
    ['170 xã', province170],
  ] as const) {
    const dir = path.join(work.dir, name);
    mkdirSync(dir, { recursive: true });
    const ctx = make();
    const { files } = await generateAnnexes(ctx, { year: 2026, outDir: dir });
    ctx.db.close();
    provinces.push({ name, dir });
    jobs.push(convert('pdf', [...files, ...(name === 'demo' ? [cal] : [])], path.join(dir, 'pdf'), path.join(work.dir, `lo-${provinces.length}`)));
  }
  await Promise.all(jobs);
  const calPage = (await pdfPages(path.join(work.dir, 'demo', 'pdf', 'cal.pdf')))[0]!;
  const ratios = lines(calPage).map((line, i) => (line[0]!.yMax - line[0]!.yMin) / [11, 12, 13, 14][i]!);
  expect(ratios).toHaveLength(4);
  ratio = ratios.reduce((a, b) => a + b, 0) / ratios.length;
  for (const r of ratios) expect(Math.abs(r - ratio) / ratio).toBeLessThan(0.01);
}, 300_000);

afterAll(() => {
  if (measured.length) console.log(`Cỡ chữ đo từ PDF (pt):\n${measured.join('\n')}`);
  work?.cleanup();
});

/** STT values of the body rows of each sheet in order, each with the block it belongs to, from the workbook. */
async function sttRows(file: string): Promise<{ stt: string; block: number; height: number; sheet: string; first: number; repeated: number }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: { stt: string; block: number; height: number; sheet: string; first: number; repeated: number }[] = [];
  let block = 0;
  for (const ws of wb.worksheets) {
    const [from, to] = ws.pageSetup.printTitlesRow!.split(':').map(Number) as [number, number];
    let first = 0;
    let repeated = 0;
    for (let r = 1; r <= to; r++) first += ws.getRow(r).height ?? 15;
    for (let r = from; r <= to; r++) repeated += ws.getRow(r).height ?? 15;
    const values: { stt: string; height: number }[] = [];
    for (let r = to + 1; r <= ws.rowCount; r++) {
      const v = ws.getCell(r, 1).value;
      const stt = v === null || v === undefined ? '' : String(v);
      if (STT.test(stt) && !ws.getCell(r, 1).isMerged) values.push({ stt, height: ws.getRow(r).height ?? 15 });
    }
    const romans = values.some((v) => ROMAN.test(v.stt));
    for (const v of values) {
      if (ROMAN.test(v.stt) || (!romans && !v.stt.includes('.'))) block++;
      out.push({ ...v, block, sheet: ws.name, first, repeated });
    }
  }
  return out;
}

describe.skipIf(!hasPdfTools)(title, () => {
  for (const name of ['demo', '170 xã']) {
    describe(name, () => {
      const dir = () => provinces.find((p) => p.name === name)!.dir;

      it.each(FILES)('%s: every page A4 landscape', async (file) => {
        const sizes = await pageSizes(path.join(dir(), 'pdf', file.replace('.xlsx', '.pdf')));
        expect(sizes.length).toBeGreaterThan(0);
        for (const [w, h] of sizes) {
          expect(w).toBeCloseTo(841.89, 0);
          expect(h).toBeCloseTo(595.3, 0);
        }
      });

      it.each(FILES)('%s: text at 11 pt or more, titles at 13 pt or more', async (file) => {
        const pages = await pdfPages(path.join(dir(), 'pdf', file.replace('.xlsx', '.pdf')));
        let smallest = Infinity;
        let smallestTitle = Infinity;
        let smallestBody = Infinity;
        for (const page of pages) {
          for (const w of page.words) smallest = Math.min(smallest, size(w));
          // Above the footer ("Trang x/y", 11 pt, in the bottom margin).
          for (const w of page.words) if (w.yMax < page.height - 20 * (72 / 25.4)) smallestBody = Math.min(smallestBody, size(w));
          // The title block: on the first page of a sheet ("Phụ lục …" on top), the lines above the
          // unit-of-measure line ("Đơn vị tính: …", at table size, just over the table).
          const all = lines(page);
          const unitLine = all.findIndex((l) => l.some((w) => w.text === 'tính:'));
          if (unitLine > 0 && all[0]!.some((w) => w.text.startsWith('Ph'))) {
            for (const l of all.slice(0, unitLine)) for (const w of l) smallestTitle = Math.min(smallestTitle, size(w));
          }
        }
        measured.push(
          `${name}, ${file}: ${pages.length} trang; chữ nhỏ nhất ${smallest.toFixed(2)} (trừ chân trang ${smallestBody.toFixed(2)}), tiêu đề nhỏ nhất ${smallestTitle.toFixed(2)}`,
        );
        expect(smallest).toBeGreaterThanOrEqual(10.9);
        expect(smallestTitle).toBeGreaterThanOrEqual(12.9);
        expect(smallestTitle).toBeLessThan(Infinity);
      });

      it.each(FILES)('%s: no block of rows split across pages when it fits on one', async (file) => {
        const xlsx = path.join(dir(), file);
        const rows = await sttRows(xlsx);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(xlsx);
        const pages = await pdfPages(path.join(dir(), 'pdf', file.replace('.xlsx', '.pdf')));
        // The STT column on each page: words centred where "(1)" is, within half the column's width.
        const printed: { stt: string; page: number }[] = [];
        let sheetIndex = 0;
        pages.forEach((page, p) => {
          const one = page.words.find((w) => w.text === '(1)');
          if (!one) return;
          if (page.words.some((w) => w.text.startsWith('Ph') && w.yMin < one.yMin - 60) && p > 0) sheetIndex++;
          const ws = wb.worksheets[Math.min(sheetIndex, wb.worksheets.length - 1)]!;
          const half = ((ws.getColumn(1).width ?? 9) * LO_CHAR_PT) / 2;
          const centre = (one.xMin + one.xMax) / 2;
          for (const w of page.words.filter((x) => x.yMin > one.yMax && STT.test(x.text)).sort((a, b) => a.yMin - b.yMin)) {
            if (Math.abs((w.xMin + w.xMax) / 2 - centre) < half) printed.push({ stt: w.text, page: p });
          }
        });
        expect(printed.map((x) => x.stt)).toEqual(rows.map((r) => r.stt));
        const blocks = new Map<number, { pages: Set<number>; height: number; first: boolean; sheet: string; firstRows: number; repeated: number }>();
        rows.forEach((r, i) => {
          const b = blocks.get(r.block) ?? {
            pages: new Set(),
            height: 0,
            first: ![...blocks.values()].some((x) => x.sheet === r.sheet),
            sheet: r.sheet,
            firstRows: r.first,
            repeated: r.repeated,
          };
          b.pages.add(printed[i]!.page);
          b.height += r.height;
          blocks.set(r.block, b);
        });
        expect(blocks.size).toBeGreaterThan(0);
        for (const [id, b] of blocks) {
          // Fits on a page under the repeated header; the first block of a sheet must also fit under the titles.
          const fits = b.height + b.repeated <= PRINTABLE_HEIGHT && (!b.first || b.height + b.firstRows <= PRINTABLE_HEIGHT);
          const where = `${file} block ${id} (${b.sheet}) on pages ${[...b.pages].map((p) => p + 1).join(', ')}`;
          if (fits) expect(b.pages.size, where).toBe(1);
          // A block split because it must be never leaves its heading row alone at the foot of a page.
          const own = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.block === id);
          if (own.length > 1) expect(printed[own[0]!.i]!.page, where).toBe(printed[own[1]!.i]!.page);
        }
      });
    });
  }
});
