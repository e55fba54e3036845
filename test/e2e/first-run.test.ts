// A brand-new user in Chromium over the bridge at 1366×768: an empty database → the first-run choice →
// the guided setup → a unit list .xlsx as officials keep it (title row, "STT, Tên đơn vị, Loại đơn vị"),
// previewed with its columns and generated codes → the units listed. The sample opens in its own file.
// Screenshots of each new screen at 1366×768 and 1920×1080.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBridge } from '../../electron/bridge/http-bridge.ts';
import { inProcessHost, openHandlerEnv } from '../../electron/ipc/service-host.ts';
import { getSettings } from '../../electron/store/settings.ts';
import { listUnits } from '../../electron/store/units.ts';
import { hasChromium, screenshotBoth, windowOnFirstLaunch, writeUnitListWorkbook } from './window.ts';

const UNIT_LIST: [string, string][] = [
  ['Sở Giáo dục và Đào tạo', 'Sở, ngành'],
  ['Sở Tư pháp', 'Sở, ngành'],
  ['Tỉnh đoàn', 'Đoàn thể'],
  ['Công an tỉnh', 'Công an'],
  ['Viện kiểm sát nhân dân tỉnh', 'Viện kiểm sát'],
  ['Tòa án nhân dân tỉnh', 'Tòa án'],
  ['Xã Lũng Cú', 'Xã'],
  ['Phường Hà Giang 1', 'Phường'],
  ['Xã Lũng Cú', 'Xã'],
];

const state = windowOnFirstLaunch('firstrun-e2e', (dir) =>
  writeUnitListWorkbook(path.join(dir, 'Danh sach don vi.xlsx'), 'DANH SÁCH ĐƠN VỊ BÁO CÁO NGHỊ QUYẾT 121 NĂM 2026', UNIT_LIST),
);

describe.skipIf(!hasChromium)('first run in the window', () => {
  it('empty database → choice → guided setup → unit list with preview → units listed', async () => {
    const { page } = state;
    await page.getByRole('button', { name: 'Khai báo tỉnh, thành phố' }).waitFor();
    await page.getByText('Dữ liệu mẫu', { exact: true }).first().waitFor();
    expect(await page.getByText('An Lạc').count()).toBe(1); // only in the sample's description
    await screenshotBoth(page, 'lan-dau-chon');

    await page.getByRole('button', { name: 'Khai báo tỉnh, thành phố' }).click();
    await page.getByLabel('Tên tỉnh').fill('Hà Giang');
    await page.getByLabel('Họ và tên').fill('Lò Thị Mai');
    await page.getByLabel('Hạn đơn vị gửi báo cáo').fill('31/11/2026');
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
    await page.getByText('31/11/2026 không phải ngày có thật').waitFor();
    expect(listUnits(state.env.ctx)).toEqual([]); // nothing saved while a field is wrong
    await screenshotBoth(page, 'lan-dau-thiet-lap');
    await page.getByLabel('Hạn đơn vị gửi báo cáo').fill('05/12/2026');
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
    await page.getByText('Đã lưu thông tin Sở Y tế tỉnh Hà Giang').waitFor();
    expect(listUnits(state.env.ctx).map((u) => u.name)).toEqual(['Tỉnh Hà Giang', 'Sở Y tế']);
    expect(getSettings(state.env.ctx)).toMatchObject({ province: 'Hà Giang', signer_name: 'Lò Thị Mai', deadline: '2026-12-05' });

    await page.getByLabel('Tệp danh sách đơn vị (.xlsx hoặc .csv)').fill(path.join(state.dir, 'Danh sach don vi.xlsx'));
    await page.getByRole('button', { name: 'Xem trước' }).click();
    const preview = page.getByRole('region', { name: 'Xem trước danh sách đơn vị' });
    await preview.waitFor();
    await preview.getByText('Khi nhập sẽ thêm 8 đơn vị, bỏ qua 1 dòng.').waitFor();
    await preview.getByText('trùng tên với dòng 10; bỏ qua dòng này').waitFor();
    const mapping = preview.getByRole('table', { name: 'Các cột đã nhận ra' });
    expect(await mapping.getByRole('row').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^B\s+Tên đơn vị\s+Tên đơn vị$/), expect.stringMatching(/^C\s+Loại đơn vị\s+Loại đơn vị$/)]),
    );
    // The code made from the name is in the row's tooltip, not on screen: officials know units by name.
    await expect.poll(() => preview.locator('tr[title="Mã đơn vị: X_LUNGCU (tự đặt)"]').filter({ hasText: 'Xã Lũng Cú' }).count()).toBe(1);
    expect(await preview.getByText('X_LUNGCU').count()).toBe(0);
    expect(listUnits(state.env.ctx)).toHaveLength(2); // the preview saved nothing
    await screenshotBoth(page, 'lan-dau-xem-truoc-danh-sach');

    await page.getByRole('button', { name: 'Nhập danh sách' }).click();
    // The season's window opens on Thiết lập with the units listed.
    const tree = page.getByRole('tree', { name: 'Đơn vị' });
    await tree.getByText('Phường Hà Giang 1').waitFor();
    expect(await tree.getByRole('treeitem').count()).toBe(10);
    expect(listUnits(state.env.ctx).filter((u) => u.name === 'Xã Lũng Cú')).toHaveLength(1);
    await screenshotBoth(page, 'lan-dau-danh-sach-don-vi');
    expect(await page.getByText('An Lạc').count()).toBe(0);
    expect(state.errors).toEqual([]);
  }, 120_000);

  it('the unit list import from Thiết lập offers a sample list to fill', async () => {
    const { page } = state;
    await page.getByRole('button', { name: 'Nhập danh sách…' }).click();
    await page.getByText('Chưa có danh sách? Lưu một danh sách mẫu để điền').click();
    const sampleList = path.join(state.dir, 'mau', 'Danh sach don vi mau.xlsx');
    await page.getByLabel('Nơi lưu danh sách mẫu').fill(sampleList);
    await page.getByRole('button', { name: 'Lưu danh sách mẫu…' }).click();
    await page.getByText(/Đã lưu danh sách mẫu/).waitFor();
    expect(existsSync(sampleList)).toBe(true);
    await screenshotBoth(page, 'thiet-lap-nhap-danh-sach');
    // The sample list read back: its headings found below the title rows.
    await page.getByLabel('Tệp danh sách đơn vị (.xlsx hoặc .csv)').fill(sampleList);
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByText('Tiêu đề ở dòng 4').waitFor();
    await screenshotBoth(page, 'thiet-lap-xem-truoc-danh-sach');
    await page.getByRole('button', { name: 'Chọn tệp khác' }).click();
    await page.getByRole('button', { name: 'Hủy' }).click();
    expect(state.errors).toEqual([]);
  }, 60_000);

  it('the sample opens from a new database in a file of its own, marked, and the window goes back', async () => {
    const dbFile = path.join(state.dir, 'tinh-khac', 'baocao121.sqlite');
    const env = openHandlerEnv({ dbFile, desktop: false });
    const host = inProcessHost(env);
    const bridge = await startBridge({ host, staticDir: path.join(state.dir, 'renderer'), port: 0, dbFile });
    const page = await state.browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    try {
      await page.goto(bridge.url);
      await page.getByRole('button', { name: 'Mở dữ liệu mẫu' }).click();
      await page.getByText('Đang xem tỉnh giả định để thử phần mềm').waitFor();
      await page.getByRole('tree', { name: 'Đơn vị' }).getByText('Tỉnh An Lạc').waitFor();
      expect(env.dbFile).toBe(path.join(state.dir, 'tinh-khac', 'du-lieu-mau.sqlite'));
      await screenshotBoth(page, 'du-lieu-mau');
      await page.getByRole('button', { name: 'Trở về dữ liệu của tỉnh' }).click();
      await page.getByRole('button', { name: 'Khai báo tỉnh, thành phố' }).waitFor();
      expect(env.dbFile).toBe(dbFile);
      expect(listUnits(env.ctx)).toEqual([]);
    } finally {
      await page.close();
      await bridge.close();
      await host.close();
    }
  }, 120_000);
});
