// Gửi biểu mẫu and Báo cáo on the sample at 1366×768 and 1920×1080: the units to send to as a list (one unit
// a line, in columns), "Bỏ chọn tất cả" and "Chọn tất cả"; the report screen with its chart, each panel as tall as its content. Screenshots of both.
import { describe, expect, it } from 'vitest';
import { importJson } from '../../electron/services/interchange.ts';
import { sample } from '../helpers/fixtures.ts';
import { blankBelowContent, hasChromium, screenshot, step, windowAt1366 } from './window.ts';

const at = windowAt1366('screens-layout', async () => {
  importJson(at.ctx, sample, 'an-lac.json');
});

describe.skipIf(!hasChromium)('layout at 1366 and 1920', () => {
  it('lists the units to send to one a line and shows the report screen', async () => {
    const { page } = at.win;
    try {
      await step(page, 'Gửi biểu mẫu');
      await page.getByText(/Đơn vị nhận biểu mẫu: tất cả \d+ đơn vị/).click();
      const list = page.getByRole('group', { name: 'Đơn vị nhận biểu mẫu' });
      const labels = list.locator('label');
      const n = await labels.count();
      expect(n).toBeGreaterThan(10);
      // One unit a line: no two labels share a line within a column, and the list has several columns.
      const boxes = await labels.evaluateAll((els) =>
        els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: Math.round(r.x), y: Math.round(r.y), h: r.height })),
      );
      const columns = new Set(boxes.map((b) => b.x));
      expect(columns.size).toBeGreaterThan(1);
      for (const x of columns) {
        const ys = boxes.filter((b) => b.x === x).map((b) => b.y);
        expect(new Set(ys).size).toBe(ys.length);
      }
      await page.getByRole('button', { name: 'Bỏ chọn tất cả', exact: true }).click();
      await page.getByText(`Đơn vị nhận biểu mẫu: 0/${n} đơn vị`).waitFor();
      expect(await page.getByRole('button', { name: 'Tạo biểu mẫu' }).isDisabled()).toBe(true);
      await page.getByRole('button', { name: 'Chọn tất cả', exact: true }).click();
      await page.getByText(`Đơn vị nhận biểu mẫu: tất cả ${n} đơn vị`).waitFor();
      await screenshot(page, 'gui-bieu-mau-1366');
      await page.setViewportSize({ width: 1920, height: 1080 });
      await screenshot(page, 'gui-bieu-mau-1920');
      await page.setViewportSize({ width: 1366, height: 768 });

      await step(page, 'Báo cáo');
      await page.getByRole('img', { name: 'Biểu đồ: Tổng số trẻ em bị xâm hại theo năm và hình thức' }).waitFor();
      await page.waitForTimeout(300);
      // Each panel of the top row as tall as its content: no blank box under the chart or the export form.
      expect(await blankBelowContent(page, '.chart-panel')).toBeLessThanOrEqual(2);
      expect(await blankBelowContent(page, '.export-panel')).toBeLessThanOrEqual(2);
      await screenshot(page, 'bao-cao-1366');
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.waitForTimeout(300);
      expect(await blankBelowContent(page, '.chart-panel')).toBeLessThanOrEqual(2);
      await screenshot(page, 'bao-cao-1920');
      await page.setViewportSize({ width: 1366, height: 768 });
      expect(at.win.errors).toEqual([]);
    } catch (e) {
      await screenshot(page, 'failure-screens-layout');
      throw e;
    }
  }, 120_000);
});
