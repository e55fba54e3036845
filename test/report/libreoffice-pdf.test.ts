// LibreOffice opens the report and prints it to PDF: A4, the header on page 1 without a page number, "2" at the
// top of page 2, the chart as a picture, Vietnamese text intact. Page 1 and the chart's page are rendered to
// PNG in test-output/report/ for a person to look at. Skipped when LibreOffice or poppler is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/store/context.ts';
import { generateReport } from '../../electron/services/report.ts';
import { sampleDb, tempDir } from '../helpers/fixtures.ts';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const ready = has('soffice') && has('pdftoppm') && has('pdftotext') && has('pdfinfo');
if (!ready) console.warn('Bỏ qua kiểm tra LibreOffice: chưa cài soffice hoặc poppler-utils (pdftoppm, pdftotext, pdfinfo).');

const OUTPUT = path.resolve('test-output/report');
let ctx: ServiceContext;
let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir('bc121-lo-'));
  ctx = sampleDb();
});
afterAll(() => {
  ctx.db.close();
  cleanup();
});

const pageText = (pdf: string, page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' });

describe.skipIf(!ready)('LibreOffice converts Bao cao.docx to PDF', () => {
  it('without error, as a Vietnamese administrative report', async () => {
    const { file } = await generateReport(ctx, { year: 2026, outDir: dir });
    const profile = `file://${dir}/lo-${process.pid}-${Date.now()}`;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    const pdf = path.join(dir, 'Bao cao.pdf');
    expect(existsSync(pdf)).toBe(true);

    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);

    const first = pageText(pdf, 1);
    const firstLines = first.split('\n').filter((l) => l.trim() !== '');
    // The sample leaves sections without text: the report is a draft, marked at the top right.
    expect(firstLines[0]!.trim()).toBe('DỰ THẢO');
    expect(firstLines[1]).toMatch(/UBND TỈNH AN LẠC\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(first).toMatch(/SỞ Y TẾ\s+Độc lập - Tự do - Hạnh phúc/);
    expect(first).toMatch(/Số: …\/BC-SYT\s+An Lạc, ngày 20 tháng 12 năm 2026/);
    expect(first).toContain('BÁO CÁO');
    expect(first).not.toMatch(/^\s*1\s*$/m); // no page number on page 1
    expect(
      pageText(pdf, 2)
        .split('\n')
        .find((l) => l.trim() !== '')!
        .trim(),
    ).toBe('2');
    const last = pageText(pdf, pages);
    expect(last).toMatch(/Nơi nhận:/);
    expect(last).toMatch(/Nguyễn Văn A/);

    const chartPage = Array.from({ length: pages }, (_v, i) => i + 1).find((p) => pageText(pdf, p).includes('Biểu đồ: Số trẻ em bị xâm hại'))!;
    expect(chartPage).toBeDefined();
    const images = execFileSync('pdfimages', ['-list', '-f', String(chartPage), '-l', String(chartPage), pdf], { encoding: 'utf8' });
    expect(images.split('\n').filter((l) => /^\s*\d+\s+\d+\s+image/.test(l)).length).toBeGreaterThanOrEqual(1);

    mkdirSync(OUTPUT, { recursive: true });
    copyFileSync(pdf, path.join(OUTPUT, 'Bao cao.pdf'));
    for (const [page, name] of [
      [1, 'page-1'],
      [chartPage, 'chart-page'],
    ] as const) {
      execFileSync('pdftoppm', ['-r', '70', '-png', '-singlefile', '-f', String(page), '-l', String(page), pdf, path.join(OUTPUT, name)]);
      expect(statSync(path.join(OUTPUT, `${name}.png`)).size).toBeGreaterThan(10_000);
    }
  }, 120_000);
});
