// A brand-new province's first season, walked in Chromium over the bridge at 1366×768 against the real
// services (issue 15's Done-when): no database file → the first-run choice (a new province) → the guided
// setup → a unit list .xlsx as officials keep it (title row, "STT, Tên đơn vị, Loại đơn vị", kinds in
// words; previewed with generated codes, then imported) → blank workbooks from Gửi biểu mẫu → the blanks
// filled through their defined names and taken in Thu nhận, one returned unfilled and one broken → 2025
// added and last year's workbooks taken in → Kiểm tra with a group of warnings acknowledged with one reason
// → a correction in Số liệu undone and redone → figures of a unit that wrote a letter → backup → restore →
// lock 2026 → the report generated, Phụ lục 01 holding the sum of the figures filled here. Every step is
// photographed at 1366×768 and 1920×1080 (out/screenshots/walk-NN-<step>-{1366,1920}.png).
import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFigureSources } from '../../electron/annex/trace.ts';
import { correctFigures } from '../../electron/services/grid-corrections.ts';
import { gridData } from '../../electron/services/grid.ts';
import { validateYear } from '../../electron/services/validation.ts';
import { getSettings } from '../../electron/store/settings.ts';
import { currentValues } from '../../electron/store/submissions.ts';
import { listUnits } from '../../electron/store/units.ts';
import { listYears, yearStates } from '../../electron/store/years.ts';
import { fillWorkbook } from '../../electron/workbook/input-filler.ts';
import { filledWorkbookFile } from '../helpers/workbooks.ts';
import { blankBelowContent, hasChromium, screenshot, screenshotBoth, step, unitCodesShown, windowOnFirstLaunch, writeUnitListWorkbook } from './window.ts';

const state = windowOnFirstLaunch('walk', (dir) =>
  writeUnitListWorkbook(path.join(dir, 'Danh sach don vi.xlsx'), 'DANH SÁCH CÁC ĐƠN VỊ BÁO CÁO THỰC HIỆN NGHỊ QUYẾT 121', UNIT_LIST),
);
const ctx = () => state.env.ctx;

// The province's unit list as its officials keep it: a title, a blank row, then the headings.
const UNIT_LIST: [string, string][] = [
  ['Sở Giáo dục và Đào tạo', 'Sở, ngành'],
  ['Sở Tư pháp', 'Sở, ngành'],
  ['Công an tỉnh', 'Công an'],
  ['Viện kiểm sát nhân dân tỉnh', 'Viện kiểm sát'],
  ['Tòa án nhân dân tỉnh', 'Tòa án'],
  ['Xã Lũng Cú', 'Xã'],
  ['Xã Đồng Văn', 'Xã'],
  ['Phường Hà Giang 1', 'Phường'],
  ['Phường Hà Giang 2', 'Phường'],
];

type Figures = Record<string, number>;
/** Cases of violence for a commune: cases, children, boys, girls and the three age groups. */
const violence = (vu: number, nam: number, nu: number, ages: [number, number, number]): Figures => ({
  pl01_bl_vu: vu,
  pl01_bl_tre: nam + nu,
  pl01_bl_nam: nam,
  pl01_bl_nu: nu,
  pl01_bl_duoi6: ages[0],
  pl01_bl_6den12: ages[1],
  pl01_bl_12den16: ages[2],
});
// 2026 as the units fill it. Four units report more reports handled than received (nv_tin_xu_ly >
// nv_tin_tiep_nhan): four warnings of one rule, acknowledged together in Kiểm tra.
const FILLED_2026: Record<string, Figures> = {
  'Sở Y tế': { nv_tap_huan: 5 },
  'Sở Giáo dục và Đào tạo': { nv_tin_tiep_nhan: 1, nv_tin_xu_ly: 2 },
  'Sở Tư pháp': { nv_tap_huan: 3 },
  'Công an tỉnh': { nv_tin_tiep_nhan: 10, nv_tin_xu_ly: 12 },
  'Xã Lũng Cú': { ...violence(2, 1, 2, [0, 1, 2]), nv_tin_tiep_nhan: 4, nv_tin_xu_ly: 6 },
  'Xã Đồng Văn': { ...violence(1, 0, 1, [0, 0, 1]), nv_tin_tiep_nhan: 2, nv_tin_xu_ly: 3 },
  'Phường Hà Giang 1': { ...violence(3, 2, 2, [1, 1, 2]), nv_tin_tiep_nhan: 5, nv_tin_xu_ly: 5 },
};
const UNFILLED = 'Viện kiểm sát nhân dân tỉnh';
const BROKEN = 'Tòa án nhân dân tỉnh';
const PAPER = 'Phường Hà Giang 2';
const FILLED_2025: Record<string, Figures> = {
  'Xã Lũng Cú': violence(1, 0, 1, [0, 0, 1]),
  'Phường Hà Giang 1': violence(2, 1, 1, [0, 1, 1]),
};
const WARNED_RULE = 'so_lieu_reports_handled';
const CORRECTED = { unit: 'Xã Lũng Cú', code: 'pl01_bl_vu', from: 2, to: 3 };
const PAPER_FIGURE = 2;

const codeOf = (name: string) => listUnits(ctx()).find((u) => u.name === name)!.code;
const figure = (name: string, code: string, year = 2026) => currentValues(ctx(), codeOf(name), year)?.get(code) ?? null;
const count = (sql: string, ...args: unknown[]) =>
  (
    ctx()
      .db.prepare(sql)
      .get(...args) as { n: number }
  ).n;

let shot = 0;
/** The step's screen at both sizes, numbered in walking order; no placeholder of the definition shows through. */
async function photo(name: string): Promise<void> {
  expect(await state.page.locator('body').innerText()).not.toMatch(/\{[a-z_]+\}/);
  await screenshotBoth(state.page, `walk-${String(++shot).padStart(2, '0')}-${name}`);
}

describe.skipIf(!hasChromium)('a new province walked through its first season in the window', () => {
  it('from an empty database to the generated report', async () => {
    const { page } = state;
    const started = Date.now();
    try {
      // 1. The first-run choice: nothing in the database, nothing fictional on screen but the sample's card.
      await page.getByRole('button', { name: 'Khai báo tỉnh, thành phố' }).waitFor();
      expect(listUnits(ctx())).toEqual([]);
      expect(listYears(ctx())).toEqual([]);
      // The screen is laid out (its stylesheet applies): the two choices side by side.
      expect(await page.getByRole('region', { name: 'Chọn cách bắt đầu' }).evaluate((e) => getComputedStyle(e).display)).toBe('grid');
      await photo('lan-dau-chon');

      // 2. The guided setup: province, standing agency, signer, year, period, deadline.
      await page.getByRole('button', { name: 'Khai báo tỉnh, thành phố' }).click();
      await page.getByLabel('Tên tỉnh').fill('Hà Giang');
      await page.getByLabel('Cơ quan thường trực về trẻ em').fill('Sở Y tế');
      await page.getByLabel('Họ và tên').fill('Lò Thị Mai');
      await page.getByLabel('Năm báo cáo').fill('2026');
      await page.getByLabel('Số liệu từ ngày').fill('16/11/2025');
      await page.getByLabel('Đến ngày').fill('15/11/2026');
      await page.getByLabel('Hạn đơn vị gửi báo cáo').fill('05/12/2026');
      await photo('thiet-lap-ban-dau');
      await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
      await page.getByText('Đã lưu thông tin Sở Y tế tỉnh Hà Giang').waitFor();
      expect(listUnits(ctx()).map((u) => u.name)).toEqual(['Tỉnh Hà Giang', 'Sở Y tế']);
      expect(getSettings(ctx(), 2026)).toMatchObject({
        province: 'Hà Giang',
        signer_name: 'Lò Thị Mai',
        period_from: '2025-11-16',
        period_to: '2026-11-15',
        deadline: '2026-12-05',
      });

      // 3. The unit list: previewed with its columns and generated codes (nothing saved), then imported.
      await page.getByLabel('Tệp danh sách đơn vị (.xlsx hoặc .csv)').fill(path.join(state.dir, 'Danh sach don vi.xlsx'));
      await page.getByRole('button', { name: 'Xem trước' }).click();
      const preview = page.getByRole('region', { name: 'Xem trước danh sách đơn vị' });
      await preview.getByText(`Khi nhập sẽ thêm ${UNIT_LIST.length} đơn vị`).first().waitFor();
      // The code made from the name is in the row's tooltip, not on screen: officials know units by name.
      await expect.poll(() => preview.locator('tr[title="Mã đơn vị: X_LUNGCU (tự đặt)"]').filter({ hasText: 'Xã Lũng Cú' }).count()).toBe(1);
      expect(await preview.getByText('X_LUNGCU').count()).toBe(0);
      await preview.getByRole('row').filter({ hasText: 'Công an tỉnh' }).getByText('Công an tỉnh (ghi “Công an”)').waitFor();
      expect(listUnits(ctx())).toHaveLength(2);
      await photo('xem-truoc-danh-sach');
      await page.getByRole('button', { name: 'Nhập danh sách' }).click();
      const tree = page.getByRole('tree', { name: 'Đơn vị' });
      await tree.getByText('Phường Hà Giang 2').waitFor();
      expect(await tree.getByRole('treeitem').count()).toBe(UNIT_LIST.length + 2);
      const units = listUnits(ctx());
      for (const [name] of UNIT_LIST) expect(units.filter((u) => u.name === name)).toHaveLength(1);
      expect(await page.getByText('An Lạc').count()).toBe(0);
      // The tree names units only: no code as a label (each row's code in its tooltip).
      const allCodes = () => listUnits(ctx()).map((u) => u.code);
      expect(await unitCodesShown(page, '[role="tree"]', allCodes())).toEqual([]);
      expect(await tree.getByRole('treeitem').filter({ hasText: 'Xã Lũng Cú' }).getAttribute('title')).toBe(`Mã đơn vị: ${codeOf('Xã Lũng Cú')}`);
      await photo('danh-sach-don-vi');

      // 4. Gửi biểu mẫu: a blank workbook for every reporting unit.
      const blanksDir = path.join(state.dir, 'bieu mau');
      await step(page, 'Gửi biểu mẫu');
      await page.getByLabel('Thư mục lưu biểu mẫu').fill(blanksDir);
      await page.getByRole('button', { name: 'Tạo biểu mẫu' }).click();
      const reporting = UNIT_LIST.length + 1; // the list and the standing agency
      await page.getByText(`Đã tạo ${reporting} biểu mẫu trong`).waitFor({ timeout: 45_000 });
      const blanks = readdirSync(blanksDir).filter((f) => f.endsWith('.xlsx'));
      expect(blanks).toHaveLength(reporting);
      // The files made are listed by their units' names; the file's name (after the code) in the tooltip.
      const made = page.getByRole('list', { name: 'Biểu mẫu đã tạo' });
      expect((await made.getByRole('listitem').allInnerTexts()).sort()).toEqual([...UNIT_LIST.map(([n]) => n), 'Sở Y tế'].sort());
      expect(await unitCodesShown(page, 'main', allCodes())).toEqual([]);
      expect(blanks).toContain(await made.getByRole('listitem').filter({ hasText: 'Xã Lũng Cú' }).getAttribute('title'));
      await photo('gui-bieu-mau');

      // 5. The blanks come back: filled through their defined names, one unfilled, one broken.
      const returned = path.join(state.dir, 'nhan ve 2026');
      mkdirSync(returned);
      const blankOf = (name: string) =>
        path.join(
          blanksDir,
          blanks.find((f) => f.includes(codeOf(name)))!,
        );
      for (const [name, values] of Object.entries(FILLED_2026)) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(blankOf(name));
        fillWorkbook(wb, { values });
        writeFileSync(path.join(returned, path.basename(blankOf(name))), Buffer.from(await wb.xlsx.writeBuffer()));
      }
      copyFileSync(blankOf(UNFILLED), path.join(returned, path.basename(blankOf(UNFILLED))));
      const brokenFile = path.basename(blankOf(BROKEN));
      writeFileSync(path.join(returned, brokenFile), 'tệp hỏng trên đường gửi');
      const sent = Object.keys(FILLED_2026).length;
      await step(page, 'Thu nhận');
      await page.getByLabel(/Thư mục hoặc tệp cần nhận/).fill(returned);
      await page.getByRole('button', { name: 'Nhận báo cáo' }).click();
      await page.getByText(`${sent + 2} tệp: ${sent} đã nhận · 2 từ chối · 0 trùng`).waitFor({ timeout: 45_000 });
      const results = page.getByRole('table', { name: 'Kết quả nhận tệp' });
      await expect.poll(() => results.getByRole('row').filter({ hasText: UNFILLED }).first().textContent()).toContain('chưa điền số liệu');
      await expect.poll(() => results.getByRole('row').filter({ hasText: brokenFile }).textContent()).toContain(BROKEN);
      expect(count('SELECT COUNT(*) AS n FROM submissions WHERE year = 2026')).toBe(sent);
      expect(currentValues(ctx(), codeOf(UNFILLED), 2026)).toBeFalsy();
      expect(figure('Xã Lũng Cú', 'pl01_bl_vu')).toBe(2);
      await photo('thu-nhan');
      const checklist = page.getByRole('table', { name: 'Danh sách đơn vị gửi báo cáo' });
      await expect.poll(() => checklist.getByRole('row').filter({ hasText: UNFILLED }).textContent()).toContain('Chưa gửi');
      await checklist.getByRole('row').filter({ hasText: UNFILLED }).scrollIntoViewIfNeeded();
      await photo('thu-nhan-danh-sach');

      // 6. 2025 added (an earlier year, confirmed) and last year's workbooks taken in.
      await page.getByRole('button', { name: '+ Thêm năm' }).click();
      const add = page.getByRole('dialog', { name: 'Thêm năm báo cáo' });
      await add.getByLabel('Năm cần thêm').fill('2025');
      await add.getByText('Năm 2025 sẽ lấy kỳ báo cáo').waitFor();
      await photo('them-nam-2025');
      await add.getByRole('button', { name: 'Thêm năm' }).click();
      await add.waitFor({ state: 'detached' });
      expect(listYears(ctx())).toEqual([2025, 2026]);
      const lastYear = path.join(state.dir, 'nam 2025');
      mkdirSync(lastYear);
      for (const [name, values] of Object.entries(FILLED_2025)) await filledWorkbookFile(ctx(), lastYear, codeOf(name), 2025, { values });
      await page.getByLabel(/Thư mục hoặc tệp cần nhận/).fill(lastYear);
      await page.getByRole('button', { name: 'Nhận báo cáo' }).click();
      const n25 = Object.keys(FILLED_2025).length;
      await page.getByText(`${n25} tệp: ${n25} đã nhận · 0 từ chối · 0 trùng`).waitFor({ timeout: 45_000 });
      expect(figure('Phường Hà Giang 1', 'pl01_bl_vu', 2025)).toBe(2);
      await photo('nhan-nam-2025');
      await page.getByLabel('Năm báo cáo').first().selectOption('2026');

      // 7. Kiểm tra: the four warnings of one rule acknowledged at once with one reason; the count drops.
      const report = validateYear(ctx(), 2026);
      const warnings = report.findings.filter((f) => f.severity === 'warning');
      const errors = report.findings.filter((f) => f.severity === 'error').length;
      const infos = report.findings.filter((f) => f.severity === 'info').length;
      const tail = infos > 0 ? ` · ${infos} thông tin` : '';
      const group = warnings.filter((f) => f.rule === WARNED_RULE);
      expect(group.map((f) => f.message).sort()).toHaveLength(4);
      await step(page, 'Kiểm tra');
      const summary = page.locator('.summary-line');
      await expect.poll(() => summary.textContent()).toBe(`${errors} lỗi · ${warnings.length} cảnh báo chưa xem xét${tail}`);
      const list = page.getByRole('grid', { name: 'Kết quả kiểm tra' });
      await list.getByRole('gridcell', { name: new RegExp(`^Cảnh báo · ${group[0]!.ruleTitle!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
      const pane = page.getByRole('form', { name: 'Xác nhận cảnh báo' });
      await pane.getByText(`${group.length} cảnh báo chưa xác nhận`).waitFor();
      await pane.getByLabel('Lý do xác nhận').fill('Các đơn vị tính cả tin của năm trước chuyển sang');
      await photo('kiem-tra-nhom');
      await pane.getByRole('button', { name: `Xác nhận cả ${group.length} cảnh báo` }).click();
      await page.getByText(`Đã xác nhận ${group.length} cảnh báo với cùng một lý do.`).waitFor();
      await expect
        .poll(() => summary.textContent())
        .toBe(`${errors} lỗi · ${warnings.length - group.length} cảnh báo chưa xem xét (${group.length} cảnh báo đã xác nhận)${tail}`);
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: `${warnings.length - group.length} cảnh báo chưa xem xét` })
            .count(),
        )
        .toBe(1);
      expect(count('SELECT COUNT(*) AS n FROM finding_acks WHERE rule = ?', WARNED_RULE)).toBe(group.length);
      await photo('kiem-tra-da-xac-nhan');

      // 8. Số liệu: a correction, Ctrl+Z and Ctrl+Y; the database follows each time.
      await step(page, 'Số liệu');
      const grid = page.getByRole('grid', { name: 'Số liệu Phụ lục 01' });
      await grid.waitFor();
      // Tabs say the annexes as titled, the first one open.
      await page.getByRole('tab', { name: 'Phụ lục 01', exact: true, selected: true }).waitFor();
      for (const tab of ['Phụ lục 02', 'Phụ lục 03', 'Phụ lục 04']) expect(await page.getByRole('tab', { name: tab, exact: true }).count()).toBe(1);
      expect(await page.getByRole('tab', { name: /^PL\d/ }).count()).toBe(0);
      const columns = gridData(ctx(), 2026, 'PL01').columns;
      const cellOf = (unit: string, code: string) =>
        grid
          .getByRole('row')
          .filter({ has: page.getByRole('gridcell', { name: unit, exact: true }) })
          .locator(`[aria-colindex="${columns.findIndex((c) => c.code === code) + 2}"]`);
      await cellOf(CORRECTED.unit, CORRECTED.code).click();
      await page.keyboard.type(String(CORRECTED.to));
      await page.keyboard.press('Enter');
      await page.getByLabel('Lý do sửa').fill('Xã báo lại qua điện thoại');
      await page.keyboard.press('Enter');
      await expect.poll(() => figure(CORRECTED.unit, CORRECTED.code)).toBe(CORRECTED.to);
      await photo('so-lieu-sua');
      await page.keyboard.press('Control+z');
      await page.getByText('Đã hoàn tác 1 ô. Ctrl+Y để làm lại.').waitFor();
      await expect.poll(() => figure(CORRECTED.unit, CORRECTED.code)).toBe(CORRECTED.from);
      await expect.poll(() => cellOf(CORRECTED.unit, CORRECTED.code).textContent()).toBe(String(CORRECTED.from));
      await photo('so-lieu-hoan-tac');
      await page.keyboard.press('Control+y');
      await page
        .getByText(/Đã làm lại 1 ô/)
        .first()
        .waitFor();
      await expect.poll(() => figure(CORRECTED.unit, CORRECTED.code)).toBe(CORRECTED.to);

      // 9. The unit that wrote a letter: its figure typed in the grid with the letter as the reason.
      await page.getByRole('button', { name: 'Nhập số liệu nhận bằng văn bản…' }).click();
      const paper = page.getByRole('dialog', { name: 'Nhập số liệu nhận bằng văn bản' });
      await paper.getByLabel('Đơn vị').selectOption({ label: PAPER });
      await paper.getByLabel('Nhận qua').selectOption({ label: 'Công văn' });
      await paper.getByLabel('Nguồn số liệu').fill('58/UBND-VX ngày 08/12/2026');
      await photo('ban-giay');
      await paper.getByRole('button', { name: 'Mở dòng để nhập số liệu' }).click();
      await paper.waitFor({ state: 'detached' });
      const paperCell = cellOf(PAPER, 'pl01_bl_vu');
      await expect.poll(() => paperCell.getAttribute('aria-selected')).toBe('true');
      await page.keyboard.type(String(PAPER_FIGURE));
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByLabel('Lý do sửa').inputValue()).toBe('Công văn số 58/UBND-VX ngày 08/12/2026');
      await page.keyboard.press('Enter');
      await expect.poll(() => paperCell.textContent()).toBe(String(PAPER_FIGURE));
      expect(figure(PAPER, 'pl01_bl_vu')).toBe(PAPER_FIGURE);
      // The letter gives the children of those cases too (cases with no child are an error of the rules).
      await page.getByText(/nhưng số trẻ em bị xâm hại để trống hoặc bằng 0/).waitFor();
      await cellOf(PAPER, 'pl01_bl_tre').click();
      await page.keyboard.type(String(PAPER_FIGURE));
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByLabel('Lý do sửa').inputValue()).toBe('Công văn số 58/UBND-VX ngày 08/12/2026');
      await page.keyboard.press('Enter');
      await expect.poll(() => figure(PAPER, 'pl01_bl_tre')).toBe(PAPER_FIGURE);
      await page.getByText(/^Đã sửa 1 ô\. Ctrl\+Z để hoàn tác\.$/).waitFor();
      await photo('ban-giay-nhap');

      // 10. Backup, a change after it, then the restore (confirmed): the change is gone.
      await step(page, 'Sao lưu, lịch sử');
      await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
      await page.getByText(/^Đã sao lưu lúc/).waitFor();
      const backups = page.getByRole('table', { name: 'Các bản sao lưu' });
      const manual = backups.getByRole('row').filter({ hasText: 'Sao lưu thủ công' });
      await manual.waitFor();
      expect(existsSync(path.join(state.dir, 'backups', (await manual.locator('td').nth(3).textContent())!))).toBe(true);
      await photo('sao-luu');
      correctFigures(ctx(), 2026, 'Sửa nhầm sau khi sao lưu', [{ unit: codeOf('Xã Đồng Văn'), code: 'pl01_bl_vu', value: 40 }]);
      expect(figure('Xã Đồng Văn', 'pl01_bl_vu')).toBe(40);
      await manual.getByRole('button', { name: 'Khôi phục…' }).click();
      const restore = page.getByRole('dialog', { name: 'Xác nhận khôi phục' });
      await restore.getByText('sẽ được thay bằng nội dung của bản sao lưu này').waitFor();
      await photo('khoi-phuc-xac-nhan');
      await restore.getByRole('button', { name: 'Khôi phục bản này' }).click();
      await page.getByText(/^Đã khôi phục dữ liệu như lúc/).waitFor();
      expect(figure('Xã Đồng Văn', 'pl01_bl_vu')).toBe(FILLED_2026['Xã Đồng Văn']!.pl01_bl_vu);
      expect(figure(PAPER, 'pl01_bl_vu')).toBe(PAPER_FIGURE);
      expect(figure(CORRECTED.unit, CORRECTED.code)).toBe(CORRECTED.to);
      await photo('khoi-phuc-xong');

      // 11. Lock 2026, confirmed with a reason.
      await page.getByRole('button', { name: 'Chốt số liệu', exact: true }).click();
      const lock = page.getByRole('dialog', { name: 'Chốt số liệu năm 2026' });
      await lock.getByLabel('Lý do chốt').fill('Đã rà soát, trình lãnh đạo ký');
      // The panel has room at 1366: inside the window, its reason box as wide as the panel's text, its name above it.
      const panelBox = (await lock.boundingBox())!;
      const reasonBox = (await lock.getByLabel('Lý do chốt').boundingBox())!;
      const textBox = (await lock.locator('p').first().boundingBox())!;
      expect(panelBox.x).toBeGreaterThanOrEqual(0);
      expect(panelBox.x + panelBox.width).toBeLessThanOrEqual(1366);
      expect(reasonBox.width).toBeGreaterThanOrEqual(textBox.width - 1);
      const labelText = (await lock.getByText('Lý do chốt', { exact: true }).boundingBox())!;
      expect(labelText.y + labelText.height).toBeLessThanOrEqual(reasonBox.y);
      await photo('chot-nam');
      await lock.getByRole('button', { name: 'Chốt số liệu năm 2026' }).click();
      await lock.waitFor({ state: 'detached' });
      expect(yearStates(ctx()).find((y) => y.year === 2026)).toMatchObject({ locked: true, lockReason: 'Đã rà soát, trình lãnh đạo ký' });

      // 12. The report: two units still missing, so it asks; the draft is written; Phụ lục 01 adds up.
      await step(page, 'Báo cáo');
      const out = path.join(state.dir, 'bao cao 2026');
      await page.getByLabel('Thư mục lưu báo cáo').fill(out);
      await page.getByRole('button', { name: 'Xuất báo cáo' }).click();
      const ask = page.getByRole('alertdialog', { name: 'Mùa báo cáo chưa đủ' });
      await ask.getByText(new RegExp(`^Còn 2/${reporting} đơn vị chưa báo cáo năm 2026: `)).waitFor();
      await photo('bao-cao-hoi');
      await ask.getByRole('button', { name: 'Xuất bản dự thảo' }).click();
      await page.getByText(/Đã ghi \d+ tệp \(bản dự thảo/).waitFor({ timeout: 60_000 });
      // Beside the long export panel, the chart's panel is as tall as the chart: no blank box.
      await page.getByRole('img', { name: /Biểu đồ/ }).waitFor();
      expect(await blankBelowContent(page, '.chart-panel')).toBeLessThanOrEqual(2);
      expect((await page.locator('.export-panel').boundingBox())!.height).toBeGreaterThan((await page.locator('.chart-panel').boundingBox())!.height);
      await photo('bao-cao-xong');
      const annexFile = path.join(
        out,
        readdirSync(out).find((f) => /Phu luc 01\.xlsx$/.test(f))!,
      );
      const cases = allFigureSources(ctx(), 2026).find(
        (c) => c.annex === 'PL01' && c.values.length > 0 && c.values.every((v) => v.year === 2026 && v.code === 'pl01_bl_vu'),
      )!;
      const communes = ['Xã Lũng Cú', 'Xã Đồng Văn', 'Phường Hà Giang 1'];
      const expected = communes.reduce((sum, u) => sum + (u === CORRECTED.unit ? CORRECTED.to : FILLED_2026[u]!.pl01_bl_vu!), 0) + PAPER_FIGURE;
      expect(expected).toBe(9);
      expect(new Set(cases.values.filter((v) => v.value !== null).map((v) => v.unit.name))).toEqual(new Set([...communes, PAPER]));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(annexFile) as never);
      const written = wb.getWorksheet(cases.sheet)!.getCell(cases.cell).value;
      expect(typeof written === 'object' && written !== null && 'result' in written ? written.result : written).toBe(expected);
      expect(existsSync(path.join(out, 'Bao cao.docx'))).toBe(true);
      expect(state.errors).toEqual([]);
      console.log(`new-user walk: ${((Date.now() - started) / 1000).toFixed(1)} s, ${shot} screens at two sizes`);
    } catch (e) {
      await screenshot(page, 'failure-new-user-walk');
      throw e;
    }
  }, 170_000);
});
