// The annexes as a compiler's office suite prints and recalculates them: LibreOffice headless converts
// them to PDF (every page A4 landscape, the table one page wide) and re-saves them after recalculating
// every formula (the values it computes equal the cached ones the app wrote).
import ExcelJS from 'exceljs';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNEX_MARGINS_MM } from '../../electron/annex/page-setup.ts';
import { sampleDb, tempDir } from '../helpers/fixtures.ts';
import { generateInto, readWorkbook } from './helpers.ts';
import { convert, onPath, run } from './pdf.ts';

const FILES = ['Phu luc 01.xlsx', 'Phu luc 02.xlsx', 'Phu luc 03.xlsx', 'Phu luc 04.xlsx'];
const PT_PER_MM = 72 / 25.4;

const hasTools = onPath('soffice') && onPath('pdfinfo') && onPath('pdftotext');
const title = hasTools
  ? 'LibreOffice print and recalculation'
  : 'LibreOffice print and recalculation — SKIPPED: soffice/pdfinfo/pdftotext not on PATH (CI installs LibreOffice and poppler-utils)';

interface PdfPage {
  width: number;
  height: number;
  words: { xMin: number; xMax: number; text: string }[];
}

async function pdfPages(file: string): Promise<PdfPage[]> {
  const { stdout } = await run('pdftotext', ['-bbox', file, '-']);
  return [...stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((p) => ({
    width: Number(p[1]),
    height: Number(p[2]),
    words: [...p[3]!.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((w) => ({
      xMin: Number(w[1]),
      xMax: Number(w[2]),
      text: w[3]!,
    })),
  }));
}

/** Every formula cell with its cached value, by sheet!address. */
function formulaResults(wb: ExcelJS.Workbook): Map<string, number | undefined> {
  const out = new Map<string, number | undefined>();
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) out.set(`${ws.name}!${cell.address}`, cell.result as number | undefined);
      }),
    );
  }
  return out;
}

describe.skipIf(!hasTools)(title, () => {
  let work: { dir: string; cleanup: () => void };
  let annexDir: string;
  let cleanupAnnexes: () => void;
  const pdfDir = () => path.join(work.dir, 'pdf');
  const recalcDir = () => path.join(work.dir, 'recalc');
  const CONTROL = 'Kiem tra.xlsx';

  beforeAll(async () => {
    const ctx = sampleDb();
    const out = await generateInto(ctx);
    ctx.db.close();
    annexDir = out.dir;
    cleanupAnnexes = out.cleanup;
    work = tempDir('bc121-lo-');
    // A copy whose cached total is wrong on purpose: if LibreOffice did not recalculate, it would keep 99999.
    const control = await readWorkbook(annexDir, 'Phu luc 03.xlsx');
    const cell = control.getWorksheet('PL03')!.getCell('C49');
    cell.value = { formula: (cell.value as ExcelJS.CellFormulaValue).formula, result: 99999 };
    const controlDir = path.join(work.dir, 'control');
    mkdirSync(controlDir, { recursive: true });
    await control.xlsx.writeFile(path.join(controlDir, CONTROL));
    const sources = FILES.map((f) => path.join(annexDir, f));
    mkdirSync(path.join(work.dir, 'copies'), { recursive: true });
    for (const f of FILES) copyFileSync(path.join(annexDir, f), path.join(work.dir, 'copies', f));
    await Promise.all([
      convert('pdf', sources, pdfDir(), path.join(work.dir, 'lo-pdf')),
      convert(
        'xlsx:Calc MS Excel 2007 XML',
        [...FILES.map((f) => path.join(work.dir, 'copies', f)), path.join(controlDir, CONTROL)],
        recalcDir(),
        path.join(work.dir, 'lo-xlsx'),
      ),
    ]);
  }, 180_000);

  afterAll(() => {
    cleanupAnnexes?.();
    work?.cleanup();
  });

  it.each(FILES)('prints %s on A4 landscape pages, the table one page wide with its header on every page', async (file) => {
    const pdf = path.join(pdfDir(), file.replace(/\.xlsx$/, '.pdf'));
    const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '999', pdf]);
    const sizes = [...stdout.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const pageCount = Number(/Pages:\s+(\d+)/.exec(stdout)![1]);
    expect(sizes).toHaveLength(pageCount);
    for (const [w, h] of sizes) {
      expect(w).toBeCloseTo(841.89, 0);
      expect(h).toBeCloseTo(595.3, 0);
    }
    const columnCounts = (await readWorkbook(annexDir, file)).worksheets.map((ws) => ws.getRow(6).cellCount);
    const pages = await pdfPages(pdf);
    expect(pages).toHaveLength(pageCount);
    pages.forEach((page, i) => {
      const words = page.words.map((w) => w.text);
      // The header rows and the column numbers repeat on every page, first column to last: nothing is cut off to the right.
      expect(words, `page ${i + 1}`).toContain('STT');
      expect(words).toContain('(1)');
      expect(
        columnCounts.some((n) => words.includes(`(${n})`)),
        `page ${i + 1} shows the last column`,
      ).toBe(true);
      const left = ANNEX_MARGINS_MM.left * PT_PER_MM - 2;
      const right = page.width - ANNEX_MARGINS_MM.right * PT_PER_MM + 2;
      for (const w of page.words) {
        expect(w.xMin, `"${w.text}" on page ${i + 1}`).toBeGreaterThanOrEqual(left);
        expect(w.xMax, `"${w.text}" on page ${i + 1}`).toBeLessThanOrEqual(right);
      }
    });
  });

  it('recalculates every formula to the value the app cached', async () => {
    let compared = 0;
    for (const file of FILES) {
      const ours = formulaResults(await readWorkbook(annexDir, file));
      const theirs = formulaResults(await readWorkbook(recalcDir(), file));
      expect(ours.size).toBeGreaterThan(0);
      for (const [address, value] of ours) {
        expect(theirs.get(address), `${file} ${address}`).toBe(value);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(150);
    const control = (await readWorkbook(recalcDir(), CONTROL)).getWorksheet('PL03')!.getCell('C49');
    const truth = (await readWorkbook(annexDir, 'Phu luc 03.xlsx')).getWorksheet('PL03')!.getCell('C49');
    expect(control.result).toBe(truth.result);
    expect(control.result).not.toBe(99999);
  });
});
