// generate refuses while validation errors stand (exit 1, the message names the commune, sheet and cell);
// --force writes a draft: every annex marked DỰ THẢO and the report listing the unresolved errors.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';
import { importFiles } from '../../electron/services/imports.ts';
import { sample, sampleDb, tempDir } from '../helpers/fixtures.ts';
import { filledWorkbookFile } from '../helpers/workbooks.ts';

let dir: string;
let cleanup: () => void;
let db: string;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  db = path.join(dir, 'season.sqlite');
  const ctx = sampleDb(db);
  // Xã Tân Phú resends its 2026 workbook with one figure changed: boys + girls ≠ total for sexual abuse.
  const x03 = sample.submissions.find((s) => s.unit === 'X03' && s.year === 2026)!;
  const values = { ...x03.values, pl01_xhtd_nam: (x03.values['pl01_xhtd_nam'] ?? 0) + 1 };
  const file = await filledWorkbookFile(ctx, dir, 'X03', 2026, { values, documents: x03.documents, texts: x03.texts });
  const [r] = await importFiles(ctx, [file]);
  expect(r!.status).toBe('accepted');
  ctx.db.close();
});
afterAll(() => cleanup());

describe('generation gated on errors', () => {
  it('validate exits 1 and names the commune, the sheet and the cell', async () => {
    const v = await cli('validate', '--db', db, '--year', '2026', '--json');
    expect(v.code).toBe(1);
    const report = JSON.parse(v.out) as {
      errors: number;
      findings: { rule: string; unit: string; message: string; cells: { sheet: string; address: string }[] }[];
    };
    const sex = report.findings.find((f) => f.rule === 'pl01_sex_sum')!;
    expect(sex.unit).toBe('X03');
    expect(sex.message).toMatch(
      /^Xã Tân Phú, năm 2026: Xâm hại tình dục — số trẻ em nam \+ nữ \(\d+\) khác tổng số trẻ em \(\d+\) \(Phụ lục 01, các ô E\d+, F\d+, D\d+\)\.$/,
    );
    expect(sex.cells.map((c) => c.sheet)).toEqual(['PL01', 'PL01', 'PL01']);
  });

  it('generate refuses with exit 1 and writes nothing', async () => {
    const out = path.join(dir, 'refused');
    const g = await cli('generate', '--db', db, '--year', '2026', '--out', out);
    expect(g.code).toBe(1);
    expect(g.err).toMatch(/Chưa thể xuất báo cáo năm 2026: còn \d+ lỗi/);
    expect(g.err).toMatch(/Xã Tân Phú.*\(Phụ lục 01, các ô E\d+, F\d+, D\d+\)/);
    expect(existsSync(out)).toBe(false);
  });

  it('--force writes a draft: DỰ THẢO on the annexes and the report, which lists the errors', async () => {
    const out = path.join(dir, 'draft');
    const g = await cli('generate', '--db', db, '--year', '2026', '--out', out, '--force');
    expect(g.code).toBe(0);
    expect(g.out).toMatch(/bản DỰ THẢO/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'Phu luc 01.xlsx'));
    const texts: string[] = [];
    wb.getWorksheet('PL01')!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.some((t) => t.includes('DỰ THẢO'))).toBe(true);
    const xml = await (await JSZip.loadAsync(readFileSync(path.join(out, 'Bao cao.docx')))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('DỰ THẢO');
    expect(text).toMatch(/Xã Tân Phú, năm 2026: Xâm hại tình dục — số trẻ em nam \+ nữ/);
  });
});
