// Every main screen on the sample province, as a Sở official sees it at 1366×768 and 1920×1080: units named
// by name (no unit code as visible text), sheets said as "Phụ lục 01" (no sheet's internal name), no setting
// key, rule or indicator code (no snake_case word), and no screen wider than the window. Each screen is
// photographed at both sizes (out/screenshots/tu-ngu-<screen>-{1366,1920}.png). A unit is added by its name only.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importJson } from '../../electron/services/interchange.ts';
import { listUnits } from '../../electron/store/units.ts';
import { sample } from '../helpers/fixtures.ts';
import { filledWorkbookFile } from '../helpers/workbooks.ts';
import { hasChromium, screenshot, screenshotBoth, step, textWithoutFileNames, unitCodesShown, windowAt1366 } from './window.ts';

const at = windowAt1366('plain-words', async (dir) => {
  importJson(at.ctx, sample, 'an-lac.json');
  // Two units send their 2026 workbooks again (files named after their codes), taken in Thu nhận below.
  const returned = path.join(dir, 'nhan ve');
  mkdirSync(returned);
  for (const unit of ['X01', 'STP']) {
    const s = sample.submissions.find((x) => x.unit === unit && x.year === 2026)!;
    await filledWorkbookFile(at.ctx, returned, unit, 2026, { values: s.values as never, documents: s.documents as never, texts: s.texts as never });
  }
});

/** What a Sở official should never read on a screen, found in `main`'s visible text. */
async function internalWords(): Promise<{ codes: string[]; sheets: string[]; keys: string[]; tooWide: boolean }> {
  const { page } = at.win;
  const main = page.locator('main');
  const text = await textWithoutFileNames(page, 'main');
  const sheets = at.ctx.template.sheets.map((s) => s.name).filter((n) => new RegExp(`(^|[^\\p{L}\\p{N}_])${n}($|[^\\p{L}\\p{N}_])`, 'u').test(text));
  // snake_case words (setting keys, rule ids, indicator codes); file names and paths are not words.
  const keys = [...text.matchAll(/(?<![\p{L}\p{N}_./\\-])[a-z0-9]+(?:_[a-z0-9]+)+(?![\p{L}\p{N}_./\\-])/gu)].map((m) => m[0]);
  const tooWide = await main.evaluate((m) => m.scrollWidth > m.clientWidth + 1);
  return {
    codes: await unitCodesShown(
      page,
      'main',
      listUnits(at.ctx).map((u) => u.code),
    ),
    sheets,
    keys,
    tooWide,
  };
}

async function look(name: string): Promise<void> {
  const { page } = at.win;
  await page.waitForTimeout(200);
  await screenshotBoth(page, `tu-ngu-${name}`);
  expect({ screen: name, ...(await internalWords()) }).toEqual({ screen: name, codes: [], sheets: [], keys: [], tooWide: false });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(200);
  expect({ screen: `${name} (1920)`, ...(await internalWords()) }).toEqual({ screen: `${name} (1920)`, codes: [], sheets: [], keys: [], tooWide: false });
  await page.setViewportSize({ width: 1366, height: 768 });
}

describe.skipIf(!hasChromium)('every main screen in plain words', () => {
  it('names units, sheets and settings as officials do, on every step of the sample', async () => {
    const { page } = at.win;
    try {
      await step(page, 'Thiết lập');
      await page.getByRole('tree', { name: 'Đơn vị' }).getByText('Phường An Lạc').waitFor();
      // A unit added by its name only: the code (the start of its workbooks' file names) is made from the name.
      await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
      await page.getByLabel('Tên đơn vị', { exact: true }).fill('Xã Hòa Phú');
      await page.getByLabel('Đơn vị cấp trên').selectOption({ label: 'Tỉnh An Lạc' });
      await screenshotBoth(page, 'tu-ngu-them-don-vi');
      await page.getByRole('button', { name: 'Thêm', exact: true }).click();
      await page.getByText('Đã thêm Xã Hòa Phú.').waitFor();
      expect(listUnits(at.ctx).find((u) => u.name === 'Xã Hòa Phú')).toMatchObject({ code: 'X_HOAPHU', kind: 'dia_phuong', parentCode: 'TINH' });
      await look('thiet-lap');

      await step(page, 'Gửi biểu mẫu');
      await page.getByLabel('Thư mục lưu biểu mẫu').fill(path.join(at.dir, 'bieu mau'));
      await page.getByRole('button', { name: 'Tạo biểu mẫu' }).click();
      await page.getByText(/^Đã tạo \d+ biểu mẫu trong/).waitFor({ timeout: 60_000 });
      await look('gui-bieu-mau');

      await step(page, 'Thu nhận');
      await page.getByLabel(/Thư mục hoặc tệp cần nhận/).fill(path.join(at.dir, 'nhan ve'));
      await page.getByRole('button', { name: 'Nhận báo cáo' }).click();
      await page.getByText(/^2 tệp: /).waitFor({ timeout: 45_000 });
      await look('thu-nhan');

      await step(page, 'Kiểm tra');
      await page.getByRole('grid', { name: 'Kết quả kiểm tra' }).waitFor();
      await look('kiem-tra');

      await step(page, 'Số liệu');
      const tabs = await page.getByRole('tab').allTextContents();
      expect(tabs[0]).toBe('Phụ lục 01');
      for (const [i, tab] of tabs.entries()) {
        await page.getByRole('tab', { name: tab, exact: true }).click();
        await page.getByRole('tab', { name: tab, exact: true, selected: true }).waitFor();
        await look(`so-lieu-${i + 1}`);
      }

      await step(page, 'Báo cáo');
      await page.getByRole('img', { name: /Biểu đồ/ }).waitFor();
      await look('bao-cao');

      await step(page, 'Sao lưu, lịch sử');
      const records = await page.getByRole('tab').allTextContents();
      for (const [i, tab] of records.entries()) {
        await page.getByRole('tab', { name: tab, exact: true }).click();
        await look(`lich-su-${i + 1}`);
      }
      expect(at.win.errors).toEqual([]);
    } catch (e) {
      await screenshot(page, 'failure-plain-words');
      throw e;
    }
  }, 240_000);
});
