// The grid at a province's size in Chromium: Số liệu, Phụ lục 01, with every commune × 42 indicators; an edit is
// committed (value, reason, Enter) and the time until the total row shows the new sum is measured in the
// page, from the keydown that commits it. It includes saving the correction through the API.
import path from 'node:path';
import { openContext } from '../electron/store/context.ts';
import { buildRenderer, hasChromium, openWindow, step } from '../test/e2e/window.ts';

export async function measureGridEdit(
  dbFile: string,
  work: string,
  edits = 7,
): Promise<{ samples: number[]; medianMs: number; rows: number } | { skipped: string }> {
  if (!hasChromium) return { skipped: 'không có /usr/bin/chromium' };
  const staticDir = await buildRenderer(path.join(work, 'renderer'));
  const ctx = openContext(dbFile);
  const win = await openWindow(ctx, dbFile, staticDir, work);
  try {
    const { page } = win;
    await step(page, 'Số liệu');
    const grid = page.getByRole('grid', { name: 'Số liệu Phụ lục 01' });
    await grid.waitFor();
    const rows = Number(await grid.getAttribute('aria-rowcount'));
    const samples: number[] = [];
    for (let i = 0; i < edits; i++) {
      const cell = grid.getByRole('row').nth(2).locator('[aria-colindex="2"]');
      await cell.click();
      const before = Number((await cell.textContent())?.replace(/\./g, '') || 0);
      await page.keyboard.type(String(before + 1));
      await page.keyboard.press('Enter');
      await page.getByLabel('Lý do sửa').fill(`Đo thời gian ${i + 1}`);
      // Arm the clock on the keydown that commits, stop it when the total cell's text changes.
      const done = page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const totals = [...document.querySelectorAll('[role="row"]')].find((r) => r.textContent?.includes('Tổng cộng'))!;
            const target = totals.querySelector('[aria-colindex="2"]')!;
            const text = target.textContent;
            let t0 = 0;
            document.addEventListener('keydown', () => (t0 = performance.now()), { capture: true, once: true });
            new MutationObserver((_m, obs) => {
              if (target.textContent !== text) {
                obs.disconnect();
                resolve(performance.now() - t0);
              }
            }).observe(totals, { subtree: true, childList: true, characterData: true });
          }),
      );
      await page.waitForTimeout(50);
      await page.keyboard.press('Enter');
      samples.push(Math.round((await done) * 10) / 10);
    }
    const sorted = [...samples].sort((a, b) => a - b);
    return { samples, medianMs: sorted[Math.floor(sorted.length / 2)]!, rows };
  } finally {
    await win.close();
    ctx.db.close();
  }
}
