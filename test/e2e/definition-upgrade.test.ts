// A year on an older report definition than the app's, in the window at 1366×768: a small notice beside
// the year; nothing changes until confirmed; confirmed, the database is backed up and the year moves.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listBackups } from '../../electron/db/backup.ts';
import { activeTemplate, definitionForYear, TEMPLATES_DIR, useTemplatesDir } from '../../electron/template-store.ts';
import { hasChromium, screenshot, windowAt1366 } from './window.ts';

const builtin = TEMPLATES_DIR;
const at1366 = windowAt1366('definition', async (dir) => {
  // The app moves to definition 2 (an outline sentence changed) after the database was made under 1.
  const v2 = path.join(dir, 'templates-v2');
  cpSync(builtin, v2, { recursive: true });
  const manifest = path.join(v2, 'nq121', 'manifest.json');
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"version": 1', '"version": 2'));
  const outline = path.join(v2, 'nq121', 'outline.json');
  writeFileSync(outline, readFileSync(outline, 'utf8').replace('Năm {year}, trên địa bàn', 'Trong năm {year}, trên địa bàn'));
  useTemplatesDir(v2);
  at1366.ctx.template = activeTemplate(at1366.ctx.db);
});
afterAll(() => useTemplatesDir());

describe.skipIf(!hasChromium)('moving a year to the app’s report definition in the window', () => {
  it('shows a notice for the year, asks before acting, backs up, then moves the year', async () => {
    const { page } = at1366.win;
    const dbFile = at1366.ctx.db.name;
    expect(definitionForYear(at1366.ctx.db, 2026).version).toBe(1);
    const notice = page.getByRole('button', { name: 'Có mẫu báo cáo mới' });
    await notice.waitFor();
    await screenshot(page, 'mau-moi-1366');

    // "Hủy": nothing changes.
    await notice.click();
    const dialog = page.getByRole('dialog', { name: 'Chuyển năm 2026 sang mẫu báo cáo mới' });
    await dialog.getByText('Năm 2026 được thu số liệu theo mẫu báo cáo phiên bản 1; phần mềm này có phiên bản 2.', { exact: false }).waitFor();
    await screenshot(page, 'mau-moi-hoi-1366');
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    expect(definitionForYear(at1366.ctx.db, 2026).version).toBe(1);
    expect(listBackups(dbFile).filter((b) => b.kind === 'before_upgrade')).toEqual([]);

    // Confirmed: a backup first, then the year is on version 2 and the notice is gone.
    await notice.click();
    await dialog.getByRole('button', { name: 'Chuyển năm 2026 sang phiên bản 2' }).click();
    await page.getByText('Năm 2026 đã chuyển sang mẫu báo cáo phiên bản 2', { exact: false }).waitFor();
    expect(definitionForYear(at1366.ctx.db, 2026).version).toBe(2);
    expect(listBackups(dbFile).filter((b) => b.kind === 'before_upgrade')).toHaveLength(1);
    expect(await notice.count()).toBe(0);
    // Another open year still on version 1 shows the notice.
    await page.getByLabel('Năm báo cáo').selectOption('2025');
    await notice.waitFor();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'mau-moi-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(at1366.win.errors).toEqual([]);
  }, 120_000);
});
