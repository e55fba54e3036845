// The figures of a matrix only one unit reports (Phụ lục 03, 04) shown as the annex shows them: its row items
// as rows, its measures as columns — derived from the grid's columns — and a figure corrected there lands on
// the right unit and indicator in the database. Screenshots of every tab at 1366×768 and 1920×1080.
import { describe, expect, it } from 'vitest';
import { gridData } from '../../electron/services/grid.ts';
import { importJson } from '../../electron/services/interchange.ts';
import { sample } from '../helpers/fixtures.ts';
import { hasChromium, screenshot, step, windowAt1366 } from './window.ts';

const at = windowAt1366('unit-annex-shape', async () => {
  importJson(at.ctx, sample, 'an-lac.json');
});

describe.skipIf(!hasChromium)('one unit’s matrix, as its annex', () => {
  it('lays Phụ lục 03 and 04 out as row items × measures, and corrects through that shape', async () => {
    const { page } = at.win;
    try {
      await step(page, 'Số liệu');
      for (const [sheet, tab] of [
        ['PL03', 'Phụ lục 03'],
        ['PL04', 'Phụ lục 04'],
      ] as const) {
        const real = gridData(at.ctx, 2026, sheet);
        const reporting = real.rows.filter((r) => r.applicable.some(Boolean));
        expect(reporting.length).toBe(1);
        const groups = [...new Set(real.columns.map((c) => c.group))];
        const measures = [...new Set(real.columns.map((c) => c.short))];
        await page.getByRole('tab', { name: tab, exact: true }).click();
        const grid = page.getByRole('grid', { name: `Số liệu ${tab}`, exact: true });
        await grid.waitFor();
        await page.getByText(`Số liệu của ${reporting[0]!.unitName}`).waitFor();
        // Rows: the header row, a row per group, the total; columns: the first, then a measure each.
        expect(Number(await grid.getAttribute('aria-rowcount'))).toBe(1 + groups.length + 1);
        expect(Number(await grid.getAttribute('aria-colcount'))).toBe(1 + measures.length);
        await expect.poll(() => grid.locator('[role="row"] [aria-colindex="1"].unit-cell').allTextContents()).toEqual(groups);
        await screenshot(page, `so-lieu-${sheet}-1366`);
        await page.setViewportSize({ width: 1920, height: 1080 });
        await screenshot(page, `so-lieu-${sheet}-1920`);
        await page.setViewportSize({ width: 1366, height: 768 });
      }
      // A correction in Phụ lục 04's shape: the last group, the second measure.
      const real = gridData(at.ctx, 2026, 'PL04');
      const unit = real.rows.find((r) => r.applicable.some(Boolean))!;
      const groups = [...new Set(real.columns.map((c) => c.group))];
      const measures = [...new Set(real.columns.map((c) => c.short))];
      const [g, m] = [groups.at(-1)!, measures[1]!];
      const i = real.columns.findIndex((c) => c.group === g && c.short === m);
      const next = (unit.values[i] ?? 0) + 5;
      const grid = page.getByRole('grid', { name: 'Số liệu Phụ lục 04', exact: true });
      await grid
        .getByRole('row')
        .filter({ has: page.getByRole('gridcell', { name: g!, exact: true }) })
        .locator('[aria-colindex="3"]')
        .click();
      await page.keyboard.type(String(next));
      await page.keyboard.press('Enter');
      await page.getByText(`Sửa ${g} · ${m}:`).waitFor();
      await page.getByLabel('Lý do sửa').fill('Theo công văn của Tòa án');
      await page.keyboard.press('Enter');
      await page.getByText(/^Đã sửa 1 ô/).waitFor();
      await expect.poll(() => gridData(at.ctx, 2026, 'PL04').rows.find((r) => r.unit === unit.unit)!.values[i]).toBe(next);
      // Nothing else of the unit moved.
      const after = gridData(at.ctx, 2026, 'PL04').rows.find((r) => r.unit === unit.unit)!;
      expect(after.values.filter((v, k) => k !== i && v !== unit.values[k])).toEqual([]);
      for (const [tab, name] of [
        ['Phụ lục 01', 'so-lieu-PL01'],
        ['Phụ lục 02', 'so-lieu-PL02'],
        ['Số liệu khác', 'so-lieu-khac'],
      ]) {
        await page.getByRole('tab', { name: tab, exact: true }).click();
        await page.waitForTimeout(300);
        await screenshot(page, `${name}-1366`);
        await page.setViewportSize({ width: 1920, height: 1080 });
        await screenshot(page, `${name}-1920`);
        await page.setViewportSize({ width: 1366, height: 768 });
      }
      // Each tab says its annex as titled ("PHỤ LỤC 01 — …" → "Phụ lục 01"), never a sheet's internal name.
      const tabs = await page.getByRole('tab').allTextContents();
      expect(tabs).toEqual(['Phụ lục 01', 'Phụ lục 01 (Công an)', 'Phụ lục 02', 'Phụ lục 03', 'Phụ lục 04', 'Số liệu khác', 'Số liệu chỉ tiêu']);
      for (const s of at.ctx.template.sheets) expect(tabs).not.toContain(s.name);
      expect(at.win.errors).toEqual([]);
    } catch (e) {
      await screenshot(page, 'failure-unit-annex-shape');
      throw e;
    }
  }, 120_000);
});
