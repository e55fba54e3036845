// Kiểm tra at 1366×768 on the sample's figures: labelled counts, the whole message of a finding in the
// pane above the list (in view without scrolling), and a group of warnings with one cause acknowledged at
// once with one reason — the count of warnings still to review drops, in the screen and the status bar.
import { describe, expect, it } from 'vitest';
import { importJson } from '../../electron/services/interchange.ts';
import { validateYear } from '../../electron/services/validation.ts';
import { sample } from '../helpers/fixtures.ts';
import { hasChromium, screenshot, step, windowAt1366 } from './window.ts';

const at = windowAt1366('check-groups', async () => {
  importJson(at.ctx, sample, 'an-lac.json');
});

describe.skipIf(!hasChromium)('Kiểm tra', () => {
  it('labels its counts, shows whole messages and acknowledges a group with one reason', async () => {
    const { page } = at.win;
    try {
      const report = validateYear(at.ctx, 2026);
      const warnings = report.findings.filter((f) => f.severity === 'warning');
      const errors = report.findings.filter((f) => f.severity === 'error').length;
      const infos = report.findings.filter((f) => f.severity === 'info').length;
      const tail = infos > 0 ? ` · ${infos} thông tin` : '';
      const byRule = new Map<string, typeof warnings>();
      for (const f of warnings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
      const [rule, group] = [...byRule.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
      expect(group.length).toBeGreaterThan(1);

      await step(page, 'Kiểm tra');
      const summary = page.locator('.summary-line');
      await expect.poll(() => summary.textContent()).toBe(`${errors} lỗi · ${warnings.length} cảnh báo chưa xem xét${tail}`);

      // The longest message, whole, in the pane above the list once its line is chosen.
      const longest = [...report.findings].sort((a, b) => b.message.length - a.message.length)[0]!;
      const list = page.getByRole('grid', { name: 'Kết quả kiểm tra' });
      await list.getByRole('gridcell', { name: longest.message, exact: true }).click();
      const pane = page.getByRole('form', { name: 'Xác nhận cảnh báo' });
      await expect.poll(() => pane.locator('.ack-subject').textContent()).toContain(longest.message);
      // The line in the list is not cut either: its cell is as tall as its text.
      const cellBox = await list
        .getByRole('gridcell', { name: longest.message, exact: true })
        .evaluate((e) => ({ client: e.clientHeight, scroll: e.scrollHeight }));
      expect(cellBox.scroll).toBeLessThanOrEqual(cellBox.client);
      const box = await pane.boundingBox();
      expect(box!.y + box!.height).toBeLessThanOrEqual(768);

      // The group's line: one reason acknowledges all its warnings.
      const title = group[0]!.ruleTitle ?? rule;
      await list.getByRole('gridcell', { name: new RegExp(`^Cảnh báo · ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
      await pane.getByText(`${group.length} cảnh báo chưa xác nhận`).waitFor();
      await pane.getByLabel('Lý do xác nhận').fill('Cùng một nguyên nhân: đã hỏi các đơn vị');
      await screenshot(page, 'kiem-tra-nhom-1366');
      await pane.getByRole('button', { name: `Xác nhận cả ${group.length} cảnh báo` }).click();
      await page.getByText(`Đã xác nhận ${group.length} cảnh báo với cùng một lý do.`).waitFor();
      const left = warnings.length - group.length;
      await expect.poll(() => summary.textContent()).toBe(`${errors} lỗi · ${left} cảnh báo chưa xem xét (${group.length} cảnh báo đã xác nhận)${tail}`);
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: `${left} cảnh báo chưa xem xét` })
            .count(),
        )
        .toBe(1);
      const stored = at.ctx.db
        .prepare('SELECT COUNT(*) AS n FROM finding_acks WHERE rule = ? AND reason = ?')
        .get(rule, 'Cùng một nguyên nhân: đã hỏi các đơn vị') as { n: number };
      expect(stored.n).toBe(group.length);
      await screenshot(page, 'kiem-tra-1366');
      await page.setViewportSize({ width: 1920, height: 1080 });
      await screenshot(page, 'kiem-tra-1920');
      await page.setViewportSize({ width: 1366, height: 768 });
      expect(at.win.errors).toEqual([]);
    } catch (e) {
      await screenshot(page, 'failure-check-groups');
      throw e;
    }
  }, 120_000);
});
