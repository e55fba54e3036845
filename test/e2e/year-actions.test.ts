// "+ Thêm năm" and "Chốt số liệu" in the window at 1366×768: nothing happens until confirmed; any year can be added,
// an earlier one too, with its settings carried from the nearest year; a lock needs a reason and freezes
// the year's settings in the form.
import { describe, expect, it } from 'vitest';
import { getSettings } from '../../electron/store/settings.ts';
import { listYears, yearStates } from '../../electron/store/years.ts';
import { hasChromium, screenshot, windowAt1366 } from './window.ts';

const at1366 = windowAt1366('years');

describe.skipIf(!hasChromium)('adding a year and locking one in the window', () => {
  it('asks before acting, adds an earlier year, and locks only with a reason', async () => {
    const { page } = at1366.win;
    try {
      // "+ Thêm năm" then "Hủy": nothing added.
      await page.getByRole('button', { name: '+ Thêm năm' }).click();
      const add = page.getByRole('dialog', { name: 'Thêm năm báo cáo' });
      await expect.poll(() => add.getByLabel('Năm cần thêm').inputValue()).toBe('2027');
      await add.getByRole('button', { name: 'Hủy' }).click();
      expect(listYears(at1366.ctx)).toEqual([2023, 2024, 2025, 2026]);

      // An earlier year: 2022, its period carried back from 2023.
      await page.getByRole('button', { name: '+ Thêm năm' }).click();
      await add.getByLabel('Năm cần thêm').fill('2022');
      await add.getByText('Năm 2022 sẽ lấy kỳ báo cáo, người ký, nơi nhận của năm 2023').waitFor();
      await screenshot(page, 'them-nam-1366');
      await add.getByRole('button', { name: 'Thêm năm' }).click();
      await add.waitFor({ state: 'detached' });
      expect(listYears(at1366.ctx)).toEqual([2022, 2023, 2024, 2025, 2026]);
      await expect.poll(() => page.getByLabel('Năm báo cáo').inputValue()).toBe('2022');
      await expect.poll(() => page.getByLabel('Đến ngày').inputValue()).toBe('15/11/2022');
      expect(getSettings(at1366.ctx, 2022)).toMatchObject({ period_from: '2021-11-16', period_to: '2022-11-15', deadline: '' });

      // "Chốt" needs a reason; "Hủy" leaves the year open.
      await page.getByLabel('Năm báo cáo').selectOption('2026');
      await page.getByRole('button', { name: 'Chốt số liệu', exact: true }).click();
      const lock = page.getByRole('dialog', { name: 'Chốt số liệu năm 2026' });
      const confirm = lock.getByRole('button', { name: 'Chốt số liệu năm 2026' });
      expect(await confirm.isDisabled()).toBe(true);
      await lock.getByRole('button', { name: 'Hủy' }).click();
      expect(yearStates(at1366.ctx).find((y) => y.year === 2026)!.locked).toBe(false);
      await page.getByRole('button', { name: 'Chốt số liệu', exact: true }).click();
      await lock.getByLabel('Lý do chốt').fill('Đã rà soát, trình ký');
      await screenshot(page, 'chot-1366');
      await confirm.click();
      await lock.waitFor({ state: 'detached' });
      expect(yearStates(at1366.ctx).find((y) => y.year === 2026)).toMatchObject({ locked: true, lockReason: 'Đã rà soát, trình ký' });
      // The year's own settings are read-only in the form, and say how to unlock.
      await page.getByText('Năm 2026 đã chốt số liệu: số, ngày, người ký').waitFor();
      expect(await page.getByLabel('Họ và tên người ký').isDisabled()).toBe(true);
      expect(await page.getByLabel('Tên tỉnh, thành phố').isDisabled()).toBe(false);
      await screenshot(page, 'thiet-lap-da-chot-1366');
    } catch (e) {
      await screenshot(page, 'failure-years');
      throw e;
    }
    expect(at1366.win.errors).toEqual([]);
  }, 120_000);
});
