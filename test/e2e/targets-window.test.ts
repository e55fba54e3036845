// The plan's targets in the Báo cáo step at 1366×768: the same rows as the report's table, a level changed and
// kept in the database, a target taken off the report and one added back from the catalogue.
import { describe, expect, it } from 'vitest';
import { importJson } from '../../electron/services/interchange.ts';
import { provinceTargets } from '../../electron/services/targets.ts';
import { sample } from '../helpers/fixtures.ts';
import { hasChromium, screenshot, step, windowAt1366 } from './window.ts';

const at1366 = windowAt1366('targets');

describe.skipIf(!hasChromium)('the targets in the window', () => {
  it('shows đạt / chưa đạt / chưa đủ số liệu, edits a level, removes and adds a target', async () => {
    const { page, errors } = at1366.win;
    importJson(at1366.ctx, sample, 'an-lac.json');
    await step(page, 'Báo cáo');
    const panel = page.getByRole('region', { name: 'Chỉ tiêu của kế hoạch' });
    const table = panel.getByRole('table');
    const row = (label: RegExp) => table.getByRole('row').filter({ hasText: label });
    await row(/Tỷ lệ xét xử/).waitFor();
    expect(
      await row(/Tỷ lệ xét xử/)
        .getByRole('cell')
        .nth(3)
        .innerText(),
    ).toBe('Đạt');
    expect(
      await row(/trả hồ sơ/)
        .getByRole('cell')
        .nth(3)
        .innerText(),
    ).toBe('Chưa đạt');
    expect(
      await row(/khám phá/)
        .getByRole('cell')
        .nth(3)
        .innerText(),
    ).toBe('Chưa đủ số liệu');
    expect(
      await row(/khám phá/)
        .getByRole('cell')
        .nth(2)
        .innerText(),
    ).toBe('Công an tỉnh chưa báo cáo “Số vụ xâm hại trẻ em đã điều tra khám phá”');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'chi-tieu-1366');

    // A level typed as people write it, saved on Enter: "xét xử" now falls short.
    const level = panel.getByLabel('Mức phấn đấu của chỉ tiêu: Tỷ lệ xét xử, giải quyết các vụ án xâm hại trẻ em');
    await level.fill('100,5');
    await level.press('Enter');
    await panel.getByText('Đã đổi mức phấn đấu: Tỷ lệ xét xử, giải quyết các vụ án xâm hại trẻ em.').waitFor();
    await expect
      .poll(() =>
        row(/Tỷ lệ xét xử/)
          .getByRole('cell')
          .nth(3)
          .innerText(),
      )
      .toBe('Chưa đạt');
    expect(provinceTargets(at1366.ctx).find((t) => t.code === 'xet_xu')).toMatchObject({ value: 100.5, overridden: true });
    // Put back to the plan's level.
    await row(/Tỷ lệ xét xử/)
      .getByRole('button', { name: 'Về mức kế hoạch' })
      .click();
    await expect
      .poll(() =>
        row(/Tỷ lệ xét xử/)
          .getByRole('cell')
          .nth(3)
          .innerText(),
      )
      .toBe('Đạt');

    // Off the report, then added back from the catalogue with the one that was off.
    await row(/khám phá/)
      .getByRole('button', { name: 'Bỏ khỏi báo cáo' })
      .click();
    await expect.poll(() => row(/khám phá/).count()).toBe(0);
    expect(provinceTargets(at1366.ctx).find((t) => t.code === 'kham_pha')!.enabled).toBe(false);
    await panel
      .getByLabel('Thêm chỉ tiêu từ danh mục')
      .selectOption({ label: 'Số vụ xâm hại trẻ em (Công an phát hiện) so với năm 2023 (giảm ít nhất 5% so với năm 2023)' });
    await panel.getByRole('button', { name: 'Thêm', exact: true }).click();
    await row(/so với năm 2023/).waitFor();
    expect(
      await row(/so với năm 2023/)
        .getByRole('cell')
        .nth(2)
        .innerText(),
    ).toMatch(/^tăng 26,3% \(24 so với 19 năm 2023\)$/);
    // The same panel on a wide screen.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'chi-tieu-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(errors).toEqual([]);
  });
});
