// The settings form at 1366×768 in Chromium over the bridge: "Lưu thiết lập" in sight, each wrong field
// marked and explained while the right ones are saved, unsaved text kept across steps, settings following
// the selected year.
import { describe, expect, it } from 'vitest';
import { getSettings } from '../../electron/store/settings.ts';
import { hasChromium, screenshot, step, windowAt1366 } from './window.ts';

const at1366 = windowAt1366('settings');

describe.skipIf(!hasChromium)('the settings form', () => {
  it('saves the right fields, explains the wrong ones, keeps a draft across steps and follows the year', async () => {
    const { page } = at1366.win;
    try {
      const save = page.getByRole('button', { name: 'Lưu thiết lập' });
      await expect.poll(() => page.getByLabel('Họ và tên người ký').inputValue()).toBe('Nguyễn Văn A');
      // In sight at 1366×768 without scrolling, and still after scrolling to the top of the form.
      const box = await save.boundingBox();
      expect(box!.y + box!.height).toBeLessThanOrEqual(768);

      await page.getByLabel('Họ và tên người ký').fill('Trần Thị Bình');
      await page.getByLabel('Ngày báo cáo').fill('31/11/2026');
      await page.getByLabel('Hạn gửi báo cáo').fill('mười lăm');
      await save.click();
      await page.getByText('Đã lưu 1 thiết lập. 2 ô chưa lưu').waitFor();
      expect(getSettings(at1366.ctx, 2026)).toMatchObject({ signer_name: 'Trần Thị Bình', report_date: '2026-12-20', deadline: '2026-12-15' });
      await expect.poll(() => page.getByLabel('Ngày báo cáo').getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => page.getByLabel('Hạn gửi báo cáo').getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => page.getByLabel('Họ và tên người ký').getAttribute('aria-invalid')).toBe(null);
      await page.getByText('31/11/2026 không phải ngày có thật').waitFor();
      await page.getByText('"mười lăm" không phải ngày').waitFor();
      await screenshot(page, 'thiet-lap-1366-loi');

      // The wrong text stays through a change of step, and so does a new unsaved edit.
      await page.getByLabel('Số báo cáo').fill('215');
      await step(page, 'Gửi biểu mẫu');
      await step(page, 'Thiết lập');
      await expect.poll(() => page.getByLabel('Số báo cáo').inputValue()).toBe('215');
      await expect.poll(() => page.getByLabel('Ngày báo cáo').inputValue()).toBe('31/11/2026');
      await page.getByLabel('Ngày báo cáo').fill('30/11/2026');
      await page.getByLabel('Hạn gửi báo cáo').fill('15/12/2026');
      await save.click();
      await page.getByText('Đã lưu 2 thiết lập.').waitFor();
      expect(getSettings(at1366.ctx, 2026)).toMatchObject({ report_number: '215', report_date: '2026-11-30', deadline: '2026-12-15' });

      // 2025 selected: its own period and signer; a change there leaves 2026 as it is.
      await page.getByLabel('Năm báo cáo').selectOption('2025');
      await expect.poll(() => page.getByLabel('Đến ngày').inputValue()).toBe('15/11/2025');
      await expect.poll(() => page.getByLabel('Họ và tên người ký').inputValue()).toBe('Nguyễn Văn A');
      await page.getByText('Kỳ báo cáo — năm 2025').waitFor();
      await page.getByLabel('Họ và tên người ký').fill('Lê Văn C');
      await save.click();
      await page.getByText('Đã lưu 1 thiết lập.').waitFor();
      expect(getSettings(at1366.ctx, 2025).signer_name).toBe('Lê Văn C');
      expect(getSettings(at1366.ctx, 2026).signer_name).toBe('Trần Thị Bình');
      await screenshot(page, 'thiet-lap-1366-2025');
    } catch (e) {
      await screenshot(page, 'failure-settings');
      throw e;
    }
    expect(at1366.win.errors).toEqual([]);
  }, 120_000);
});
