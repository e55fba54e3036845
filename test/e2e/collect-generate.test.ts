// Thu nhận and Báo cáo on a season where nothing has come back yet, at 1366×768: a folder pasted with the
// quotes of Windows' "Copy as path" is taken; each line names its unit and the next step (a blank workbook
// returned unfilled, a broken file named after its unit); a folder that does not exist is said as such; and
// "Xuất báo cáo" on the empty season asks first, writes nothing until asked, then writes a draft.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listUnits } from '../../electron/store/units.ts';
import { writeBlankWorkbooks } from '../../electron/services/workbooks.ts';
import { hasChromium, screenshot, step, windowAt1366 } from './window.ts';

let broken = { file: '', unitName: '' };
let blanks = 0;
const at = windowAt1366('collect-generate', async (dir) => {
  const written = await writeBlankWorkbooks(at.ctx, { year: 2026, outDir: path.join(dir, 'nhan ve') });
  blanks = written.length;
  // One workbook spoiled on the way: its content unreadable, its name still the unit's.
  const spoiled = written.at(-1)!;
  writeFileSync(spoiled.file, 'không phải tệp Excel');
  broken = { file: path.basename(spoiled.file), unitName: listUnits(at.ctx).find((u) => u.code === spoiled.unit)!.name };
});

describe.skipIf(!hasChromium)('Thu nhận and Báo cáo on an empty season', () => {
  it('names units and next steps, takes a quoted path, says a missing folder, and asks before an empty report', async () => {
    const { page } = at.win;
    try {
      expect(broken.unitName.length).toBeGreaterThan(0);
      await step(page, 'Thu nhận');
      const folder = path.join(at.dir, 'nhan ve');
      await page.getByLabel(/Thư mục hoặc tệp cần nhận/).fill(`"${folder}"`);
      await page.getByRole('button', { name: 'Nhận báo cáo' }).click();
      await page.getByText(`${blanks} tệp: 0 đã nhận · ${blanks} từ chối · 0 trùng`).waitFor({ timeout: 45_000 });
      const table = page.getByRole('table', { name: 'Kết quả nhận tệp' });
      // The unfilled blank of the provincial health department: named, with what to ask.
      const health = table.getByRole('row').filter({ hasText: 'Sở Y tế' }).first();
      await expect.poll(() => health.textContent()).toContain('Đề nghị Sở Y tế điền số liệu vào biểu mẫu rồi gửi lại.');
      // The broken file: its unit found from its name, and said to be so.
      const line = table.getByRole('row').filter({ hasText: broken.file });
      await expect.poll(() => line.textContent()).toContain(`${broken.unitName}theo tên tệp`);
      await expect.poll(() => line.textContent()).toContain(`Đề nghị ${broken.unitName} sửa theo lý do bên cạnh rồi gửi lại biểu mẫu.`);
      await screenshot(page, 'thu-nhan-1366');
      await page.setViewportSize({ width: 1920, height: 1080 });
      await screenshot(page, 'thu-nhan-1920');
      await page.setViewportSize({ width: 1366, height: 768 });

      // A folder that is not there: said as a folder, no file counted.
      await page.getByLabel(/Thư mục hoặc tệp cần nhận/).fill(path.join(at.dir, 'khong co thu muc'));
      await page.getByRole('button', { name: 'Nhận báo cáo' }).click();
      await page.getByText('Không có tệp nào được đọc. Không tìm thấy thư mục đã ghi: hãy kiểm tra lại đường dẫn.').waitFor();
      await expect.poll(() => table.textContent()).toContain(`Không tìm thấy thư mục ${path.join(at.dir, 'khong co thu muc')}`);
      expect(await page.getByText(/tệp từ chối|1 từ chối/).count()).toBe(0);

      // Báo cáo on the empty season: asked first, nothing written until the choice, then a draft.
      await step(page, 'Báo cáo');
      const out = path.join(at.dir, 'bao cao');
      await page.getByLabel('Thư mục lưu báo cáo').fill(out);
      await page.getByRole('button', { name: 'Xuất báo cáo' }).click();
      const ask = page.getByRole('alertdialog', { name: 'Mùa báo cáo chưa đủ' });
      await ask.getByText(/^Chưa có đơn vị nào báo cáo năm 2026 \(0\/\d+\)/).waitFor();
      expect(await ask.getByRole('button', { name: 'Vẫn xuất bản chính thức' }).count()).toBe(0);
      expect(existsSync(out)).toBe(false);
      await screenshot(page, 'bao-cao-mua-trong-1366');
      await ask.getByRole('button', { name: 'Xuất bản dự thảo' }).click();
      await page.getByText(/Đã ghi 5 tệp \(bản dự thảo, ghi DỰ THẢO trên mọi tệp\) vào/).waitFor({ timeout: 45_000 });
      expect(existsSync(path.join(out, 'Bao cao.docx'))).toBe(true);
      expect(await page.getByText(/^Đã ghi 5 tệp vào/).count()).toBe(0);
      // The sections still empty: said once how to fill them, then their names folded in a list.
      const summary = page.getByText(/^Xem \d+ mục còn thiếu$/);
      const count = Number((await summary.textContent())!.match(/\d+/)![0]);
      expect(count).toBeGreaterThan(0);
      await summary.click();
      const items = await page.getByRole('list', { name: 'Mục còn thiếu' }).getByRole('listitem').allTextContents();
      expect(items).toHaveLength(count);
      expect(items.filter((t) => t.includes('nhập nội dung'))).toEqual([]);
      await screenshot(page, 'bao-cao-muc-con-thieu-1366');
      expect(at.win.errors).toEqual([]);
    } catch (e) {
      await screenshot(page, 'failure-collect-generate');
      throw e;
    }
  }, 120_000);
});
