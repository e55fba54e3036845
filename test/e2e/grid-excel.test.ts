// The "Số liệu" grid as Excel users expect, at 1366×768 on the sample's figures: a figure the value checker
// refuses is refused before any reason is asked, the cursor stays in the grid after every action, Ctrl+Z and
// Ctrl+Y take a correction back and forth in the database (also after moving to another step and back, and
// with the cursor outside the grid), a correction that breaks a rule is said at once, a header click sorts,
// the filter keeps the units asked for, Ctrl+D fills down.
import { describe, expect, it } from 'vitest';
import { gridData } from '../../electron/services/grid.ts';
import { importJson } from '../../electron/services/interchange.ts';
import { sample } from '../helpers/fixtures.ts';
import { hasChromium, screenshot, step, windowAt1366 } from './window.ts';

const at = windowAt1366('grid-excel', async () => {
  importJson(at.ctx, sample, 'an-lac.json');
});

/** The figure the database holds now for a unit and indicator (corrections applied). */
function stored(unit: string, code: string): number | null {
  const g = gridData(at.ctx, 2026, 'PL01');
  const row = g.rows.find((r) => r.unit === unit)!;
  return row.values[g.columns.findIndex((c) => c.code === code)] ?? null;
}

describe.skipIf(!hasChromium)('the figure grid, as in Excel', () => {
  it('refuses bad figures at once, keeps the cursor, undoes and redoes, warns, sorts, filters and fills down', async () => {
    const { page } = at.win;
    try {
      const g0 = gridData(at.ctx, 2026, 'PL01');
      const unitName = (code: string) => g0.rows.find((r) => r.unit === code)!.unitName;
      const colOf = (code: string) => g0.columns.findIndex((c) => c.code === code);
      await step(page, 'Số liệu');
      const grid = page.getByRole('grid', { name: 'Số liệu Phụ lục 01' });
      await grid.waitFor();
      const cell = (unit: string, code: string) =>
        grid
          .getByRole('row')
          .filter({ has: page.getByRole('gridcell', { name: unitName(unit), exact: true }) })
          .locator(`[aria-colindex="${colOf(code) + 2}"]`);
      const focusInGrid = () => page.evaluate(() => !!document.activeElement?.closest('[role="grid"]'));

      // The unit with children reported in the first form: its total of children.
      const unit = g0.rows.find((r) => r.submissionId !== null && (r.values[colOf('pl01_bl_tre')] ?? 0) > 0)!.unit;
      const before = stored(unit, 'pl01_bl_tre')!;

      // -1 and 2,5 are refused the moment Enter is pressed: no reason asked, the cursor still in the grid.
      for (const bad of ['-1', '2,5']) {
        await cell(unit, 'pl01_bl_tre').click();
        await page.keyboard.type(bad);
        await page.keyboard.press('Enter');
        await page
          .getByRole('alert')
          .filter({ hasText: `${unitName(unit)}, Bạo lực — Tổng số trẻ em bị xâm hại:` })
          .waitFor();
        expect(await page.getByLabel('Lý do sửa').count()).toBe(0);
        await expect.poll(focusInGrid).toBe(true);
      }
      expect(stored(unit, 'pl01_bl_tre')).toBe(before);

      // A correction that breaks "nam + nữ = tổng": saved, said at once, the cursor back in the grid.
      await cell(unit, 'pl01_bl_tre').click();
      await page.keyboard.type(String(before + 1));
      await page.keyboard.press('Enter');
      await page.getByLabel('Lý do sửa').fill('Theo điện thoại của xã');
      await page.keyboard.press('Enter');
      await page
        .getByRole('alert')
        .filter({ hasText: /Đã sửa 1 ô, nhưng số liệu vừa sửa có lỗi: .*số trẻ em nam \+ nữ .* khác tổng số trẻ em.*Ctrl\+Z/ })
        .waitFor();
      expect(stored(unit, 'pl01_bl_tre')).toBe(before + 1);
      await expect.poll(focusInGrid).toBe(true);
      await screenshot(page, 'so-lieu-loi-ngay-1366');

      // Ctrl+Z straight away (the cursor is in the grid), then Ctrl+Y: the database follows.
      await page.keyboard.press('Control+z');
      await page.getByText('Đã hoàn tác 1 ô. Ctrl+Y để làm lại.').waitFor();
      await expect.poll(() => stored(unit, 'pl01_bl_tre')).toBe(before);
      await expect.poll(() => cell(unit, 'pl01_bl_tre').textContent()).toBe(String(before));
      await page.keyboard.press('Control+y');
      await page
        .getByText(/Đã làm lại 1 ô/)
        .first()
        .waitFor();
      await expect.poll(() => stored(unit, 'pl01_bl_tre')).toBe(before + 1);

      // Another step and back: the history is still there; Ctrl+Z with the cursor outside the grid.
      await step(page, 'Kiểm tra');
      await page.getByRole('grid', { name: 'Kết quả kiểm tra' }).waitFor();
      await step(page, 'Số liệu');
      await grid.waitFor();
      await page.locator('.grid-title').click();
      await page.keyboard.press('Control+z');
      await page.getByText('Đã hoàn tác 1 ô. Ctrl+Y để làm lại.').waitFor();
      await expect.poll(() => stored(unit, 'pl01_bl_tre')).toBe(before);

      // Delete then the reason: the cursor comes back to the grid, arrows work at once.
      await cell(unit, 'pl01_bl_vu').click();
      await page.keyboard.press('Delete');
      await page.getByLabel('Lý do sửa').fill('Xã chưa thống kê');
      await page.keyboard.press('Enter');
      await expect.poll(() => stored(unit, 'pl01_bl_vu')).toBe(null);
      await expect.poll(focusInGrid).toBe(true);
      await page.keyboard.press('Control+z');
      await expect.poll(() => stored(unit, 'pl01_bl_vu')).toBe(g0.rows.find((r) => r.unit === unit)!.values[colOf('pl01_bl_vu')]);

      // A click on "Số vụ" sorts up, another down: the unit with the most cases comes first.
      const header = grid.locator(`[role="row"][aria-rowindex="2"] [aria-colindex="${colOf('pl01_bl_vu') + 2}"]`);
      await header.click();
      await header.click();
      const most = [...g0.rows]
        .filter((r) => r.values[colOf('pl01_bl_vu')] !== null)
        .sort((a, b) => b.values[colOf('pl01_bl_vu')]! - a.values[colOf('pl01_bl_vu')]! || 0)[0]!;
      const firstRow = grid.locator('[role="row"][aria-rowindex="3"] [aria-colindex="1"]');
      await expect.poll(() => firstRow.textContent()).toBe(most.unitName);
      await expect.poll(() => header.textContent()).toContain('▼');
      // The filter: only the units that sent nothing.
      await page.getByLabel('Lọc đơn vị').selectOption('missing');
      const missing = g0.rows.filter((r) => r.submissionId === null).map((r) => r.unitName);
      expect(missing.length).toBeGreaterThan(0);
      await expect.poll(() => grid.locator('[role="row"] [aria-colindex="1"].unit-cell').allTextContents()).toEqual(missing);
      await screenshot(page, 'so-lieu-loc-1366');
      await page.getByRole('button', { name: 'Bỏ lọc và sắp xếp' }).click();
      await expect.poll(() => grid.locator('[role="row"] [aria-colindex="1"].unit-cell').count()).toBe(g0.rows.length);

      // Ctrl+D: the top cell of a block copied down to the two below.
      const sent = g0.rows.filter((r) => r.submissionId !== null);
      const i = sent.findIndex((r, k) => k + 2 < sent.length && r.values[colOf('pl01_bl_duoi6')] !== sent[k + 1]!.values[colOf('pl01_bl_duoi6')]);
      const [top, second, third] = [sent[i]!, sent[i + 1]!, sent[i + 2]!];
      expect(g0.rows.indexOf(third) - g0.rows.indexOf(top)).toBe(2);
      await cell(top.unit, 'pl01_bl_duoi6').click();
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Control+d');
      await page.locator('.reason-what').waitFor();
      await page.getByLabel('Lý do sửa').fill('Chép xuống theo biên bản');
      await page.keyboard.press('Enter');
      const topValue = top.values[colOf('pl01_bl_duoi6')];
      await expect.poll(() => [stored(second.unit, 'pl01_bl_duoi6'), stored(third.unit, 'pl01_bl_duoi6')]).toEqual([topValue, topValue]);
      await expect.poll(focusInGrid).toBe(true);
      await screenshot(page, 'so-lieu-1366');
      await page.setViewportSize({ width: 1920, height: 1080 });
      await screenshot(page, 'so-lieu-1920');
      await page.setViewportSize({ width: 1366, height: 768 });
      expect(at.win.errors).toEqual([]);
    } catch (e) {
      await screenshot(page, 'failure-grid-excel');
      throw e;
    }
  }, 120_000);
});
