// "Sao lưu, lịch sử" and figures received on paper, in the window at 1366×768 through the bridge: a backup
// made and restored (the data really goes back), a unit's two versions compared cell by cell and the older
// one chosen with a reason, figures of a unit that wrote a letter typed in the grid and found in Phụ lục 01,
// the trace of that figure, the audit log filtered and written to CSV. Each screen is photographed at
// 1366×768 and 1920×1080.
import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { correctFigures } from '../../electron/services/grid-corrections.ts';
import { generateAll } from '../../electron/services/generate.ts';
import { importFiles } from '../../electron/services/imports.ts';
import { importJson } from '../../electron/services/interchange.ts';
import { currentValues } from '../../electron/store/submissions.ts';
import { allFigureSources } from '../../electron/annex/trace.ts';
import { sample } from '../helpers/fixtures.ts';
import { filledWorkbookFile } from '../helpers/workbooks.ts';
import { hasChromium, screenshot, screenshotBoth, step, windowAt1366 } from './window.ts';

const at = windowAt1366('records', async (dir) => {
  importJson(at.ctx, sample, 'an-lac.json');
  // Phường An Lạc sends its 2026 workbook again, with one more case of violence: a second version with cells.
  const x01 = sample.submissions.find((s) => s.unit === 'X01' && s.year === 2026)!;
  const values = { ...(x01.values as Record<string, number | null>) };
  values.pl01_bl_vu = (values.pl01_bl_vu ?? 0) + 1;
  values.pl01_bl_tre = (values.pl01_bl_tre ?? 0) + 1;
  values.pl01_bl_nam = (values.pl01_bl_nam ?? 0) + 1;
  const file = await filledWorkbookFile(at.ctx, dir, 'X01', 2026, { values, documents: x01.documents as never, texts: x01.texts as never });
  const [r] = await importFiles(at.ctx, [file], { receivedAt: '2026-11-20T08:00:00Z' });
  if (r?.status !== 'accepted') throw new Error(`prepare: ${JSON.stringify(r)}`);
});

const figure = (unit: string, code: string) => currentValues(at.ctx, unit, 2026)?.get(code) ?? null;

describe.skipIf(!hasChromium)('Sao lưu, lịch sử and paper figures in the window', () => {
  it('backs up and restores: the figures changed after the backup go back', async () => {
    const { page } = at.win;
    try {
      await step(page, 'Sao lưu, lịch sử');
      await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
      await page.getByText(/^Đã sao lưu lúc/).waitFor();
      const table = page.getByRole('table', { name: 'Các bản sao lưu' });
      await table.getByRole('row').filter({ hasText: 'Sao lưu thủ công' }).waitFor();
      await screenshotBoth(page, 'sao-luu');

      // After the backup: Phường Đông Sơn's cases of violence changed to 99.
      const before = figure('X02', 'pl01_bl_vu');
      correctFigures(at.ctx, 2026, 'Thử khôi phục', [{ unit: 'X02', code: 'pl01_bl_vu', value: 99 }]);
      expect(figure('X02', 'pl01_bl_vu')).toBe(99);

      await table.getByRole('row').filter({ hasText: 'Sao lưu thủ công' }).getByRole('button', { name: 'Khôi phục…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Xác nhận khôi phục' });
      await dialog.getByText('sẽ được thay bằng nội dung của bản sao lưu này').waitFor();
      await dialog.getByText('Tự động, trước khi khôi phục').waitFor();
      await screenshotBoth(page, 'khoi-phuc-xac-nhan');
      await dialog.getByRole('button', { name: 'Khôi phục bản này' }).click();
      await page.getByText(/^Đã khôi phục dữ liệu như lúc/).waitFor();
      expect(figure('X02', 'pl01_bl_vu')).toBe(before);
      await table.getByRole('row').filter({ hasText: 'Tự động, trước khi khôi phục' }).waitFor();
      await screenshotBoth(page, 'khoi-phuc-xong');

      // A file that is not a backup (named by hand) is refused, and nothing changes.
      const notBackup = path.join(at.dir, 'khong-phai-sao-luu.sqlite');
      writeFileSync(notBackup, 'đây không phải cơ sở dữ liệu');
      const corrections = (at.ctx.db.prepare('SELECT COUNT(*) AS n FROM corrections').get() as { n: number }).n;
      await page.getByLabel(/^Khôi phục từ một bản sao lưu khác/).fill(notBackup);
      await page.getByRole('button', { name: 'Khôi phục từ tệp…' }).click();
      await page.getByRole('dialog', { name: 'Xác nhận khôi phục' }).getByRole('button', { name: 'Khôi phục từ tệp này' }).click();
      await page.getByRole('alert').filter({ hasText: 'không phải bản sao lưu cơ sở dữ liệu của Báo cáo 121' }).waitFor();
      expect((at.ctx.db.prepare('SELECT COUNT(*) AS n FROM corrections').get() as { n: number }).n).toBe(corrections);
      expect(figure('X02', 'pl01_bl_vu')).toBe(before);

      // Deleting a backup asks first, then the file and its line are gone.
      const manual = table.getByRole('row').filter({ hasText: 'Sao lưu thủ công' });
      const manualFile = path.join(path.dirname(at.ctx.db.name), 'backups', (await manual.locator('td').nth(3).textContent())!);
      expect(existsSync(manualFile)).toBe(true);
      await manual.getByRole('button', { name: 'Xóa…' }).click();
      await page.getByRole('dialog', { name: 'Xác nhận xóa bản sao lưu' }).getByRole('button', { name: 'Xóa bản sao lưu' }).click();
      await page.getByText(/^Đã xóa bản sao lưu lúc/).waitFor();
      await expect.poll(() => manual.count()).toBe(0);
      expect(existsSync(manualFile)).toBe(false);
    } catch (e) {
      await screenshot(page, 'failure-records-backup');
      throw e;
    }
  }, 120_000);

  it('compares two versions of a unit cell by cell and uses the older one, with a reason', async () => {
    const { page } = at.win;
    try {
      await step(page, 'Sao lưu, lịch sử');
      await page.getByRole('tab', { name: 'Phiên bản báo cáo của đơn vị' }).click();
      await page.getByLabel('Đơn vị').selectOption({ label: 'Phường An Lạc (2 phiên bản)' });
      const diff = page.getByRole('list', { name: 'Các ô khác nhau' });
      await diff
        .getByText(/^Phụ lục 01, ô [A-Z]+\d+: \d+ → \d+/)
        .first()
        .waitFor();
      const lines = await diff.getByRole('listitem').allTextContents();
      const vu = sample.submissions.find((s) => s.unit === 'X01' && s.year === 2026)!.values.pl01_bl_vu as number;
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^Phụ lục 01, ô [A-Z]+\\d+: ${vu} → ${vu + 1} — Bạo lực — Số vụ$`)));
      expect(lines).toHaveLength(3);
      await screenshotBoth(page, 'phien-ban');
      await page.getByRole('row').filter({ hasText: 'an-lac.json' }).getByRole('button', { name: 'Dùng phiên bản này…' }).click();
      const choose = page.getByRole('dialog', { name: 'Chọn phiên bản dùng' });
      expect(await choose.getByRole('button', { name: 'Dùng phiên bản 1' }).isDisabled()).toBe(true);
      await choose.getByLabel('Lý do chọn phiên bản').fill('Đơn vị đề nghị dùng bản gửi lần đầu');
      await choose.getByRole('button', { name: 'Dùng phiên bản 1' }).click();
      await page.getByText('từ nay dùng phiên bản 1 của Phường An Lạc').waitFor();
      expect(figure('X01', 'pl01_bl_vu')).toBe(vu);
      const current = at.ctx.db
        .prepare("SELECT s.version FROM submissions s JOIN units u ON u.id = s.unit_id WHERE u.code = 'X01' AND s.year = 2026 AND s.is_current = 1")
        .get();
      expect(current).toEqual({ version: 1 });
    } catch (e) {
      await screenshot(page, 'failure-records-versions');
      throw e;
    }
  }, 120_000);

  it('takes the figures of a unit that wrote a letter, typed in the grid, into Phụ lục 01 and its trace', async () => {
    const { page } = at.win;
    try {
      await step(page, 'Số liệu');
      await page.getByRole('button', { name: 'Nhập số liệu nhận bằng văn bản…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nhập số liệu nhận bằng văn bản' });
      await dialog.getByLabel('Đơn vị').selectOption({ label: 'Xã Vĩnh Lộc' });
      await dialog.getByLabel('Nhận qua').selectOption({ label: 'Công văn' });
      await dialog.getByLabel('Nguồn số liệu').fill('125/UBND-VX ngày 10/12/2026');
      await dialog.getByText('ghi lý do "Công văn số 125/UBND-VX ngày 10/12/2026"').waitFor();
      await screenshotBoth(page, 'ban-giay-hop-thoai');
      await dialog.getByRole('button', { name: 'Mở dòng để nhập số liệu' }).click();
      await dialog.waitFor({ state: 'detached' });

      const grid = page.getByRole('grid', { name: 'Số liệu Phụ lục 01' });
      const row = grid.getByRole('row').filter({ hasText: 'Xã Vĩnh Lộc' });
      const cell = row.locator('[aria-colindex="2"]');
      await expect.poll(() => cell.getAttribute('aria-selected')).toBe('true');
      await page.keyboard.type('3');
      await page.keyboard.press('Enter');
      // The reason is the letter, offered already.
      await expect.poll(() => page.getByLabel('Lý do sửa').inputValue()).toBe('Công văn số 125/UBND-VX ngày 10/12/2026');
      await screenshotBoth(page, 'ban-giay-nhap');
      await page.keyboard.press('Enter');
      await expect.poll(() => cell.textContent()).toBe('3');
      // Three cases and no child typed: the rules say so at once, once the correction is saved.
      await page.getByText(/Xã Vĩnh Lộc, năm 2026: Bạo lực — có 3 vụ nhưng số trẻ em bị xâm hại để trống hoặc bằng 0/).waitFor();
      expect(figure('X12', 'pl01_bl_vu')).toBe(3);

      // Thu nhận says how the figures came.
      await step(page, 'Thu nhận');
      await page.getByRole('row').filter({ hasText: 'Xã Vĩnh Lộc' }).getByText('Đã nhận (bản giấy)').waitFor();
      await page.getByRole('row').filter({ hasText: 'Xã Vĩnh Lộc' }).getByText('Công văn số 125/UBND-VX ngày 10/12/2026').waitFor();
      await screenshotBoth(page, 'ban-giay-thu-nhan');

      // Phụ lục 01 as written counts the 3 cases.
      const fed = allFigureSources(at.ctx, 2026).find(
        (c) => c.annex === 'PL01' && c.values.some((v) => v.year === 2026 && v.unit.code === 'X12' && v.code === 'pl01_bl_vu'),
      )!;
      const expected = fed.values.reduce((sum, v) => sum + (v.value ?? 0), 0);
      expect(fed.values.find((v) => v.unit.code === 'X12' && v.year === 2026)?.value).toBe(3);
      const out = path.join(at.dir, 'out');
      const generated = await generateAll(at.ctx, { year: 2026, outDir: out, force: true });
      const annexFile = generated.files.find((f) => /Phu luc 01\.xlsx$/.test(f))!;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(annexFile) as never);
      const written = wb.getWorksheet(fed.sheet)!.getCell(fed.cell).value;
      expect(typeof written === 'object' && written !== null && 'result' in written ? written.result : written).toBe(expected);

      // Nguồn số liệu of that figure names the letter.
      await step(page, 'Sao lưu, lịch sử');
      await page.getByRole('tab', { name: 'Nguồn số liệu phụ lục' }).click();
      await page.getByLabel('Phụ lục', { exact: true }).selectOption({ label: fed.annexLabel });
      await page.getByLabel('Tìm số liệu').fill(fed.cell);
      await page.getByRole('button', { name: `Nguồn số liệu ô ${fed.cell}` }).click();
      const sources = page.getByRole('table', { name: 'Số liệu của các đơn vị' });
      const paperLine = sources.getByRole('row').filter({ hasText: 'Xã Vĩnh Lộc' }).filter({ hasText: '2026' });
      await paperLine.getByText('bản giấy').waitFor();
      await paperLine.getByText('Công văn số 125/UBND-VX ngày 10/12/2026').first().waitFor();
      await page.getByText(/số nhận bằng văn bản \(không có tệp\)/).waitFor();
      await screenshotBoth(page, 'nguon-so-lieu');
    } catch (e) {
      await screenshot(page, 'failure-records-paper');
      throw e;
    }
  }, 180_000);

  it('filters the audit log by year, unit, action and dates, and writes the lines to CSV', async () => {
    const { page } = at.win;
    try {
      await step(page, 'Sao lưu, lịch sử');
      await page.getByRole('tab', { name: 'Nhật ký thao tác' }).click();
      const log = page.getByRole('table', { name: 'Nhật ký thao tác' });
      await log.getByRole('row').nth(1).waitFor();
      const filters = page.getByRole('group', { name: 'Lọc nhật ký' });
      await filters.getByLabel('Lọc theo đơn vị').selectOption({ label: 'Xã Vĩnh Lộc' });
      await log.getByRole('row').filter({ hasText: 'Nhận số liệu bản giấy' }).waitFor();
      const rows = log.getByRole('row');
      await expect.poll(async () => (await rows.allTextContents()).slice(1).every((t) => t.includes('Xã Vĩnh Lộc'))).toBe(true);
      await filters.getByLabel('Lọc theo thao tác').selectOption({ label: 'Sửa số liệu' });
      await expect.poll(() => rows.count()).toBe(2);
      const line = await rows.nth(1).textContent();
      expect(line).toContain('Sửa số liệu');
      expect(line).toContain('Xã Vĩnh Lộc, năm 2026: Bạo lực — Số vụ');
      expect(line).toContain('(trống) → 3');
      expect(line).toContain('Công văn số 125/UBND-VX ngày 10/12/2026');
      // A date range that ends before today leaves nothing.
      await filters.getByLabel('Đến ngày').fill('31/02/2026');
      await page.getByText('"31/02/2026" không phải một ngày có thật').waitFor();
      await filters.getByLabel('Đến ngày').fill('01/01/2020');
      await page.getByText('Không có dòng nhật ký nào khớp bộ lọc').waitFor();
      await filters.getByLabel('Đến ngày').fill('');
      await expect.poll(() => rows.count()).toBe(2);
      await screenshotBoth(page, 'nhat-ky');

      const csv = path.join(at.dir, 'nhat-ky.csv');
      await page.getByLabel('Xuất các dòng đang lọc ra tệp CSV (mở bằng Excel)').fill(csv);
      await page.getByRole('button', { name: 'Xuất tệp CSV' }).click();
      await page.getByText(`Đã ghi 1 dòng nhật ký vào ${csv}`).waitFor();
      const text = readFileSync(csv, 'utf8');
      const csvLines = text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(csvLines).toHaveLength(2);
      expect(csvLines[1]).toContain('"Sửa số liệu","Xã Vĩnh Lộc, năm 2026: Bạo lực — Số vụ","(trống) → 3"');
      expect(csvLines[1]).toContain('"figure.correct","figure:X12/2026/pl01_bl_vu"');
      expect(csvLines[1]).toContain('"Công văn số 125/UBND-VX ngày 10/12/2026"');

      await page.getByRole('tab', { name: 'Tệp dữ liệu của tỉnh' }).click();
      await page.getByRole('button', { name: 'Xuất tệp' }).click();
      await page.getByText(/^Đã ghi dữ liệu năm 2026/).waitFor();
      const exported = await page.getByLabel('Lưu vào tệp (đường dẫn trên máy này)').inputValue();
      const inFile = JSON.parse(readFileSync(exported, 'utf8')) as { submissions: { unit: string }[] };
      expect(inFile.submissions.some((s) => s.unit === 'X12')).toBe(true);
      // Taken in again after a confirmation: every report in it is the one in use already.
      const before = (at.ctx.db.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n;
      await page.getByLabel('Tệp cần nhận (đường dẫn trên máy này)').fill(exported);
      await page.getByRole('button', { name: 'Nhận tệp…' }).click();
      const confirm = page.getByRole('dialog', { name: 'Xác nhận nhận tệp dữ liệu' });
      await confirm.getByText('sẽ thành phiên bản đang dùng của từng đơn vị').waitFor();
      await screenshotBoth(page, 'tep-du-lieu-tinh');
      await confirm.getByRole('button', { name: 'Nhận tệp' }).click();
      await page
        .getByText(
          `Đã nhận tệp ${path.basename(exported)}: 0 báo cáo mới, ${inFile.submissions.length} báo cáo giống bản đã có (bỏ qua). Dữ liệu không thay đổi`,
        )
        .waitFor();
      expect((at.ctx.db.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n).toBe(before);
    } catch (e) {
      await screenshot(page, 'failure-records-audit');
      throw e;
    }
    expect(at.win.errors).toEqual([]);
  }, 120_000);
});
