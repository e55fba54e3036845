// The period picker beside the year at 1366×768 and 1920×1080: a half-year chosen, Kiểm tra checks the
// half-year's own submissions (none yet: every unit "chưa có báo cáo"), and Báo cáo writes the six-month
// files whose trích yếu names the half-year; back to the whole year, Kiểm tra is the year's again.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importJson } from '../../electron/services/interchange.ts';
import { sample } from '../helpers/fixtures.ts';
import { bodyParagraphs, readDocx } from '../report/docx-reader.ts';
import { hasChromium, screenshot, step, windowAt1366 } from './window.ts';

const at = windowAt1366('periods', async () => {
  importJson(at.ctx, sample, 'an-lac.json');
});

describe.skipIf(!hasChromium)('the report period in the window', () => {
  it('offers the year, its halves and reviews; checks and writes the chosen period', async () => {
    const { page } = at.win;
    try {
      const picker = page.locator('header select[aria-label="Kỳ báo cáo"]');
      const years = (at.ctx.db.prepare('SELECT year FROM years WHERE year < 2026 ORDER BY year').all() as { year: number }[]).map((r) => r.year);
      expect(years.length).toBeGreaterThan(1);
      expect(await picker.locator('option').allTextContents()).toEqual([
        'Cả năm 2026',
        '6 tháng đầu năm 2026',
        '6 tháng cuối năm 2026',
        ...years.map((y) => `Giai đoạn ${y} – 2026`),
      ]);
      await picker.selectOption({ label: '6 tháng đầu năm 2026' });
      await step(page, 'Kiểm tra');
      await page.getByRole('heading', { name: 'Kết quả kiểm tra 6 tháng đầu năm 2026' }).waitFor();
      // No half-year submission yet: nothing to check, said as such (never "no errors").
      await page.getByText('Chưa nhận báo cáo nào của 6 tháng đầu năm 2026: chưa có số liệu để kiểm tra.').waitFor();
      expect(await page.getByText('Không có lỗi hay cảnh báo nào').count()).toBe(0);
      await screenshot(page, 'ky-bao-cao-6-thang-1366');
      await page.setViewportSize({ width: 1920, height: 1080 });
      await screenshot(page, 'ky-bao-cao-6-thang-1920');
      await page.setViewportSize({ width: 1366, height: 768 });

      await step(page, 'Báo cáo');
      const outDir = path.join(at.dir, 'sau-thang');
      await page.getByLabel('Thư mục lưu báo cáo').fill(outDir);
      await page.getByRole('button', { name: 'Xuất báo cáo' }).click();
      // No unit has sent its half-year figures: the window says so first and offers a draft.
      await page.getByRole('button', { name: 'Xuất bản dự thảo' }).click();
      await page.getByText(/Đã ghi \d+ tệp \(bản dự thảo, ghi DỰ THẢO trên mọi tệp\) vào/).waitFor({ timeout: 45_000 });
      expect(existsSync(path.join(outDir, 'Bao cao.docx'))).toBe(true);
      const texts = bodyParagraphs((await readDocx(path.join(outDir, 'Bao cao.docx'))).document).map((p) => p.text);
      expect(texts.find((t) => t.startsWith('Kết quả thực hiện Nghị quyết'))).toMatch(/trẻ em 6 tháng đầu năm 2026$/);

      // Another year resets the period to the whole year.
      await page.getByLabel('Năm báo cáo').selectOption('2025');
      await expect.poll(() => picker.inputValue()).toBe('2025');
    } catch (e) {
      await screenshot(page, 'failure-periods');
      throw e;
    }
    expect(at.win.errors).toEqual([]);
  }, 180_000);
});
