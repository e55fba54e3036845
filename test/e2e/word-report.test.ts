// A unit's Word report in the window (Thu nhận) at 1366×768: read and shown section by section, the unit
// guessed, the unplaced paragraph placed by hand, saved as the unit's texts — and found in the database.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wordReportVersions } from '../../electron/services/word-reports.ts';
import { body, standardReport, wordReport } from '../import/docx-fixtures.ts';
import { hasChromium, screenshot, step, windowAt1366 } from './window.ts';

let file: string;
const at1366 = windowAt1366('word-window', async (dir) => {
  file = path.join(dir, 'bao-cao-121.docx');
  const items = standardReport({ skipRoman: 'V' });
  items.splice(items.length - 11, 0, { h: 'VI. Công tác phối hợp liên ngành', level: 2 }, { p: 'Phối hợp với Công an tỉnh xử lý 4 vụ việc.' });
  writeFileSync(file, await wordReport(items, { agency: ['UBND TỈNH AN LẠC', 'UBND XÃ TÂN PHÚ'], closing: true }));
});

describe.skipIf(!hasChromium)('a Word report in Thu nhận', () => {
  it('shows the sections, lets the compiler place a paragraph, and saves the unit’s texts', async () => {
    const { page } = at1366.win;
    try {
      await step(page, 'Thu nhận');
      await page.getByLabel('Thư mục hoặc tệp cần nhận').fill(file);
      await page.getByRole('button', { name: 'Nhận báo cáo' }).click();
      const review = page.getByLabel('Báo cáo Word bao-cao-121.docx');
      await review.getByText('nhận ra theo tên cơ quan ở đầu văn bản').waitFor();
      await expect.poll(() => review.getByLabel('Đơn vị gửi báo cáo').inputValue()).toBe('X03');
      await expect.poll(() => review.getByLabel('B.II.2. Tuyên truyền — Nguyên nhân').inputValue()).toBe(body('t_b2_nn'));
      await expect.poll(() => review.getByLabel('B.V.1. Bảo đảm nguồn lực — Kết quả đạt được').inputValue()).toBe('');
      await review.getByText('Đoạn chưa xếp được vào mục nào (2)').waitFor();
      await review.getByLabel('Xếp đoạn 2 vào mục').selectOption({ label: 'B.IV.1. Nhiệm vụ bảo vệ trẻ em, phòng, chống xâm hại trẻ em — Kết quả đạt được' });
      await review.getByText('＋ đoạn xếp thêm (dưới "VI. Công tác phối hợp liên ngành")').waitFor();
      await screenshot(page, 'thu-nhan-bao-cao-word');
      await review.getByRole('button', { name: 'Lưu nội dung của Xã Tân Phú năm 2026' }).click();
      await page.getByText('Đã lưu báo cáo Word của Xã Tân Phú năm 2026: phiên bản 1, 27 mục có nội dung.').waitFor();
    } catch (e) {
      await screenshot(page, 'failure-word-report');
      throw e;
    }
    const [v1] = wordReportVersions(at1366.ctx, 'X03', 2026);
    expect(v1!.texts.t_b4_kq).toBe(`${body('t_b4_kq')}\nPhối hợp với Công an tỉnh xử lý 4 vụ việc.`);
    expect(v1!.texts.t_b5_kq).toBeUndefined();
    expect(Object.keys(v1!.texts)).toHaveLength(27);
    expect(at1366.win.errors).toEqual([]);
  }, 120_000);
});
