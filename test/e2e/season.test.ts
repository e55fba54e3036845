// A season walked through the window, in Chromium over the loopback bridge, on a real database and real
// files: a setting changed, blank workbooks written, the demo's returned workbooks imported, the expected
// warnings seen, a figure corrected with a reason, the annexes and report written, and the corrected
// figure found in Phụ lục 01.
import ExcelJS from 'exceljs';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/store/context.ts';
import { runDemo } from '../../electron/services/demo.ts';
import { getSettings } from '../../electron/store/settings.ts';
import { isYearLocked } from '../../electron/store/years.ts';
import { emptySampleDb, tempDir } from '../helpers/fixtures.ts';
import type { Page } from 'playwright-core';
import { buildRenderer, hasChromium, openWindow, screenshot, step, type OpenWindow } from './window.ts';

let dir: string;
let cleanup: () => void;
let ctx: ServiceContext;
let win: OpenWindow;
let returnedDir: string;

beforeAll(async () => {
  if (!hasChromium) return;
  ({ dir, cleanup } = tempDir('bc121-season-'));
  const [staticDir, demo] = await Promise.all([buildRenderer(path.join(dir, 'renderer')), runDemo(path.join(dir, 'demo'))]);
  demo.ctx.db.close();
  returnedDir = demo.filledDir;
  const dbFile = path.join(dir, 'season.sqlite');
  ctx = emptySampleDb(dbFile);
  win = await openWindow(ctx, dbFile, staticDir, dir);
}, 120_000);

afterAll(async () => {
  await win?.close();
  ctx?.db.close();
  cleanup?.();
});

describe.skipIf(!hasChromium)('a season in the window', () => {
  it('walks set up, send, collect, check, correct and produce', async () => {
    const { page } = win;
    try {
      await walkSeason(page);
    } catch (e) {
      await screenshot(page, 'failure-season');
      throw e;
    }
    expect(win.errors).toEqual([]);
  }, 120_000);
});

async function walkSeason(page: Page): Promise<void> {
  {
    // 1 Thiết lập: the signer's name, saved to the database.
    await expect.poll(() => page.getByLabel('Họ và tên người ký').inputValue()).toBe('Nguyễn Văn A');
    await page.getByLabel('Họ và tên người ký').fill('Trần Thị Bình');
    await page.getByRole('button', { name: 'Lưu thiết lập' }).click();
    await page.getByText('Đã lưu 1 thiết lập.').waitFor();
    expect(getSettings(ctx).signer_name).toBe('Trần Thị Bình');
    await screenshot(page, '1-thiet-lap');

    // 2 Gửi biểu mẫu: one workbook per reporting unit, on disk.
    await step(page, 'Gửi biểu mẫu');
    const blankDir = path.join(dir, 'gui-di');
    await page.getByLabel('Thư mục lưu biểu mẫu').fill(blankDir);
    await page.getByRole('button', { name: 'Tạo biểu mẫu' }).click();
    await page.getByText('Đã tạo 25 biểu mẫu').waitFor({ timeout: 30_000 });
    expect(readdirSync(blankDir).filter((f) => f.endsWith('.xlsx'))).toHaveLength(25);
    await screenshot(page, '2-gui-bieu-mau');

    // 3 Thu nhận: the demo's returned workbooks of 2023–2026 (a folder of folders), one line per file.
    await step(page, 'Thu nhận');
    await page.getByLabel('Thư mục hoặc tệp cần nhận').fill(returnedDir);
    await page.getByRole('button', { name: 'Nhận báo cáo' }).click();
    await page.getByText('98 tệp: 98 đã nhận · 0 từ chối · 0 trùng').waitFor({ timeout: 45_000 });
    await page.getByText('— đã nhận 23/25').waitFor();
    const checklist = page.getByRole('table', { name: 'Danh sách đơn vị gửi báo cáo' });
    await expect.poll(() => checklist.getByText('Chưa gửi').count()).toBe(2);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã nhận 23/25 đơn vị' }).count()).toBe(1);
    await screenshot(page, '3-thu-nhan');

    // Importing the same folder again stores nothing new: every file is "Trùng".
    await page.getByRole('button', { name: 'Nhận báo cáo' }).click();
    await page.getByText('98 tệp: 0 đã nhận · 0 từ chối · 98 trùng').waitFor({ timeout: 45_000 });

    // 4 Kiểm tra: the sample's seven warnings and no error, also in the status bar.
    await step(page, 'Kiểm tra');
    await page.getByText('0 lỗi · 8 cảnh báo').first().waitFor();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '0 lỗi · 8 cảnh báo' }).count()).toBe(1);
    await screenshot(page, '4-kiem-tra');

    // A warning acknowledged with a reason, in the line below the list.
    await page.getByRole('gridcell', { name: /Sở Tài chính, năm 2026: chưa có báo cáo/ }).click();
    await page.getByLabel('Lý do xác nhận').fill('Sở Tài chính báo cáo bằng văn bản riêng');
    await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await page.getByText('Đã xác nhận cảnh báo; cảnh báo không còn tính là chưa xem xét.').waitFor();
    const ack = ctx.db.prepare("SELECT reason FROM finding_acks WHERE key LIKE '2026|completeness|STC|%'").get() as { reason: string } | undefined;
    expect(ack?.reason).toBe('Sở Tài chính báo cáo bằng văn bản riêng');

    // "Mở ô" of a year-over-year warning opens its figure in Số liệu.
    await page.getByRole('button', { name: 'Phụ lục 01, ô C8' }).click();
    await page.getByRole('tab', { name: 'Phụ lục 01', exact: true, selected: true }).waitFor();

    // 5 Số liệu: Xã Thanh Sơn, Bạo lực — Số vụ 2 → 1, with a reason; shown as corrected.
    const grid = page.getByRole('grid', { name: 'Số liệu Phụ lục 01' });
    // The cursor stands on the warning's figure: Xã Minh Đức, Xâm hại tình dục — Số vụ.
    const active = grid.locator('[role="gridcell"][aria-selected="true"]');
    await expect.poll(() => active.getAttribute('title').catch(() => null)).toBe(null);
    await expect.poll(() => active.locator('span').getAttribute('title')).toMatch(/^Xã Minh Đức · Xâm hại tình dục — Số vụ\nNguồn: .* · Phụ lục 01, ô C8 · /);
    // Ctrl+F finds a unit and puts the cursor on its first figure.
    await page.keyboard.press('Control+f');
    await page.keyboard.type('thanh son');
    await page.keyboard.press('Enter');
    const row = grid.getByRole('row').filter({ hasText: 'Xã Thanh Sơn' });
    const cell = row.locator('[aria-colindex="2"]');
    await expect.poll(() => cell.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => cell.textContent()).toBe('2');
    await page.keyboard.type('1');
    await expect.poll(() => page.getByLabel('Sửa số liệu').inputValue()).toBe('1');
    await page.keyboard.press('Enter');
    await page.getByLabel('Lý do sửa').fill('Đơn vị đính chính: hai trẻ trong cùng một vụ');
    await page.keyboard.press('Enter');
    await page.getByText('Đã sửa 1 ô. Ctrl+Z để hoàn tác.').waitFor();
    await expect.poll(() => cell.getAttribute('class')).toContain('cell-corrected');
    await expect.poll(() => cell.textContent()).toBe('1');
    const correction = ctx.db.prepare("SELECT value, reason FROM corrections WHERE code = 'pl01_bl_vu' ORDER BY id DESC").get() as {
      value: number;
      reason: string;
    };
    expect(correction).toEqual({ value: 1, reason: 'Đơn vị đính chính: hai trẻ trong cùng một vụ' });
    // The total row follows: 4 cases of violence in the province become 3.
    const totals = grid.getByRole('row').filter({ hasText: 'Tổng cộng' });
    await expect.poll(() => totals.locator('[aria-colindex="2"]').textContent()).toBe('3');
    // The status bar sums the selection: Shift+→ over Số vụ (1) and Tổng số trẻ (2).
    await cell.click();
    await page.keyboard.press('Shift+ArrowRight');
    await page.getByRole('status').filter({ hasText: 'Tổng vùng chọn: 3 · Số ô: 2' }).waitFor();
    await screenshot(page, '5-so-lieu');

    // 6 Báo cáo: the four annexes and the report written, the corrected figure in Phụ lục 01.
    await step(page, 'Báo cáo');
    const outDir = path.join(dir, 'bao-cao');
    await page.getByLabel('Thư mục lưu báo cáo').fill(outDir);
    await page.getByRole('button', { name: 'Xuất báo cáo' }).click();
    // Two units have not reported: the window says so first; the compiler writes the official files anyway.
    const ask = page.getByRole('alertdialog', { name: 'Mùa báo cáo chưa đủ' });
    await ask.getByText('Còn 2/25 đơn vị chưa báo cáo năm 2026').waitFor();
    await ask.getByRole('button', { name: 'Vẫn xuất bản chính thức' }).click();
    await page.getByText(/Đã ghi \d+ tệp vào/).waitFor({ timeout: 45_000 });
    await screenshot(page, '6-bao-cao');
    for (const f of ['Phu luc 01.xlsx', 'Phu luc 02.xlsx', 'Phu luc 03.xlsx', 'Phu luc 04.xlsx', 'Bao cao.docx'])
      expect(existsSync(path.join(outDir, f)), f).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(outDir, 'Phu luc 01.xlsx'));
    const ws = wb.getWorksheet('PL01')!;
    let yearRow = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(2).value === 'Năm 2026') yearRow = n;
    });
    expect(yearRow).toBeGreaterThan(0);
    expect(ws.getRow(yearRow + 1).getCell(2).value).toBe('Bạo lực');
    expect(ws.getRow(yearRow + 1).getCell(3).value).toBe(3); // Số vụ: 4 before the correction

    // "Chốt": confirmed with a reason, the year's figures are locked; the grid becomes read-only.
    await page.getByRole('button', { name: 'Chốt số liệu', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Chốt số liệu năm 2026' });
    await confirm.getByLabel('Lý do chốt').fill('Đã rà soát, trình ký');
    await confirm.getByRole('button', { name: 'Chốt số liệu năm 2026' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã chốt số liệu' }).waitFor();
    expect(isYearLocked(ctx, 2026)).toBe(true);
    await step(page, 'Số liệu');
    await page.getByText('đã chốt, chỉ xem').waitFor();
  }
}
