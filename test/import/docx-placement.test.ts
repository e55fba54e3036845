// Units' Word reports placed in the outline's narrative sections, in the shapes units send: the outline's
// numbering, numbering dropped, headings bolded instead of styled, an extra section, a missing one, "Kết quả đạt
// được" under another number, a table, lists, TCVN3 text; the unit from the header block or the file name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/store/context.ts';
import { previewWordReport } from '../../electron/services/word-reports.ts';
import { emptySampleDb } from '../helpers/fixtures.ts';
import { body, standardReport, standardTexts, wordReport, type Item } from './docx-fixtures.ts';

let ctx: ServiceContext;
beforeAll(() => {
  ctx = emptySampleDb();
});
afterAll(() => ctx.db.close());

async function preview(items: Item[], options: Parameters<typeof wordReport>[1] = {}, fileName = 'bao-cao.docx') {
  const p = await previewWordReport(ctx, `/nowhere/${fileName}`, await wordReport(items, options));
  expect(p.ok, JSON.stringify(p.findings)).toBe(true);
  return p;
}

function placed(p: Awaited<ReturnType<typeof preview>>): Record<string, string> {
  return Object.fromEntries(p.sections.filter((s) => s.text !== '').map((s) => [s.code, s.text]));
}

describe('a Word report written to the outline', () => {
  it('places every section of the outline’s numbering with styled headings; the figure section’s text is left unplaced', async () => {
    const p = await preview(standardReport(), { agency: ['UBND TỈNH AN LẠC', 'SỞ Y TẾ'], closing: true });
    expect(placed(p)).toEqual(standardTexts());
    expect(p.sections).toHaveLength(32);
    expect(p.sections.every((s) => s.warning === null)).toBe(true);
    // A.1 is the annex's figures: its text is not a narrative and is never read as figures.
    expect(p.unplaced).toEqual([
      { heading: '1. Số lượng trẻ em bị xâm hại', text: 'Năm 2026, trên địa bàn xảy ra 3 vụ xâm hại trẻ em (số liệu tại Phụ lục 01).' },
    ]);
    // The recipients and the signature after "Nơi nhận:" are not C.5's text.
    expect(p.sections.find((s) => s.code === 't_c5')!.text).toBe(body('t_c5'));
    expect(p.unit).toEqual({ code: 'SYT', name: 'Sở Y tế', from: 'header' });
    expect(p.year).toBe(2026); // the title's year, not the date line's 2027
    expect(p.sections.find((s) => s.code === 't_b2_nn')!.label).toBe('B.II.2. Tuyên truyền — Nguyên nhân');
  });

  it('places the same texts when every number is dropped and headings are only bold', async () => {
    const p = await preview(standardReport({ numbers: false }), { headings: 'bold' });
    expect(placed(p)).toEqual(standardTexts());
  });

  it('places the same texts when headings are plain paragraphs that keep their numbers', async () => {
    const p = await preview(standardReport(), { headings: 'plain' });
    expect(placed(p)).toEqual(standardTexts());
  });

  it('keeps an extra section’s text out of the section before it, and resumes at the next heading', async () => {
    const items = standardReport();
    const c = items.findIndex((i) => 'h' in i && i.h.startsWith('PHẦN C'));
    items.splice(c, 0, { h: 'VI. Công tác phối hợp liên ngành', level: 2 }, { p: 'Phối hợp với Công an tỉnh trong 4 vụ việc.' });
    const p = await preview(items);
    expect(placed(p)).toEqual(standardTexts());
    expect(p.unplaced.map((u) => u.heading)).toEqual(['1. Số lượng trẻ em bị xâm hại', 'VI. Công tác phối hợp liên ngành']);
    expect(p.unplaced[1]!.text).toBe('Phối hợp với Công an tỉnh trong 4 vụ việc.');
    expect(p.findings.map((f) => f.code)).toContain('text_unplaced');
  });

  it('warns for every section of a missing part and still places the parts after it', async () => {
    const p = await preview(standardReport({ skipRoman: 'III' }));
    expect(placed(p)).toEqual(standardTexts((code) => code.startsWith('t_b3_')));
    const empty = p.sections.filter((s) => s.warning !== null).map((s) => s.code);
    expect(empty).toEqual(['t_b3_kq', 't_b3_th', 't_b3_kk', 't_b3_nn', 't_b3_gp']);
    expect(p.sections.find((s) => s.code === 't_b3_kq')!.warning).toMatch(/không có nội dung/);
  });

  it('finds "Kết quả đạt được" under another number, other capitalisation, and a point written "a) …:" with its text inline', async () => {
    const items: Item[] = [
      { h: 'B. KẾT QUẢ TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT', level: 1 },
      { h: 'II. CÔNG TÁC TUYÊN TRUYỀN, PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT', level: 2 },
      { h: '2. KẾT QUẢ ĐẠT ĐƯỢC', level: 3 },
      { p: 'Tổ chức 12 buổi tuyên truyền tại trường học.' },
      { h: '3. Tồn tại, hạn chế, khó khăn, vướng mắc', level: 3 },
      { p: 'a) Tồn tại, hạn chế: Hình thức tuyên truyền chưa đa dạng.' },
      { p: 'b) Nguyên nhân: Kinh phí còn hạn hẹp.' },
      { p: 'Nhân lực làm công tác trẻ em còn kiêm nhiệm.' },
    ];
    const p = await preview(items);
    expect(placed(p)).toEqual({
      t_b2_kq: 'Tổ chức 12 buổi tuyên truyền tại trường học.',
      t_b2_th: 'Hình thức tuyên truyền chưa đa dạng.',
      t_b2_nn: 'Kinh phí còn hạn hẹp.\nNhân lực làm công tác trẻ em còn kiêm nhiệm.',
    });
  });

  it('takes "Kết quả đạt được" after a part whose roman heading was left out as the next part’s, not the one already read', async () => {
    const items = standardReport().filter((i) => !('h' in i && i.h.startsWith('III.')));
    const p = await preview(items);
    expect(placed(p)).toEqual(standardTexts());
  });

  it('keeps bold sub-headings inside a section as its text, and an extra "4." section out of it', async () => {
    const p = await preview(
      [
        { h: 'IV. Đẩy mạnh thực hiện các nhiệm vụ liên quan đến bảo vệ trẻ em', level: 2 },
        { h: '1. Kết quả đạt được', level: 3 },
        { p: 'Kết quả cụ thể như sau:' },
        { h: 'a) Công tác tập huấn', level: 3 },
        { p: 'Tổ chức 03 lớp tập huấn cho 120 lượt cán bộ.' },
        { h: 'Công tác hỗ trợ, can thiệp', level: 3 },
        { p: 'Hỗ trợ 05 trẻ em bị xâm hại.' },
        { h: '4. Các nhiệm vụ khác', level: 3 },
        { p: 'Tham gia Tháng hành động vì trẻ em.' },
      ],
      { headings: 'bold' },
    );
    expect(placed(p)).toEqual({
      t_b4_kq: [
        'Kết quả cụ thể như sau:',
        'a) Công tác tập huấn',
        'Tổ chức 03 lớp tập huấn cho 120 lượt cán bộ.',
        'Công tác hỗ trợ, can thiệp',
        'Hỗ trợ 05 trẻ em bị xâm hại.',
      ].join('\n'),
    });
    expect(p.unplaced).toEqual([{ heading: '4. Các nhiệm vụ khác', text: 'Tham gia Tháng hành động vì trẻ em.' }]);
  });

  it('puts the text of "2. Tồn tại, hạn chế; khó khăn, vướng mắc" written without its points in the first point, with a warning', async () => {
    const p = await preview([
      { h: 'IV. Đẩy mạnh thực hiện các nhiệm vụ liên quan đến bảo vệ trẻ em', level: 2 },
      { h: '2. Tồn tại, hạn chế; khó khăn, vướng mắc', level: 3 },
      { p: 'Một số xã chưa bố trí người làm công tác bảo vệ trẻ em.' },
    ]);
    expect(placed(p)).toEqual({ t_b4_th: 'Một số xã chưa bố trí người làm công tác bảo vệ trẻ em.' });
    expect(p.sections.find((s) => s.code === 't_b4_th')!.warning).toMatch(/không chia thành các ý/);
  });

  it('keeps lists and a table as lines: bullets with "- ", numbered items with their number, table rows with " | "', async () => {
    const p = await preview([
      { h: 'II. Nâng cao hiệu quả công tác tuyên truyền', level: 2 },
      { h: '1. Kết quả đạt được', level: 3 },
      { p: 'Các hoạt động chính:' },
      { bullet: 'Tuyên truyền trên loa truyền thanh xã.' },
      { bullet: 'Phát tờ rơi tại chợ.' },
      { numbered: 'Hội nghị triển khai.' },
      { numbered: 'Hội thi tìm hiểu pháp luật.' },
      {
        table: [
          ['Hình thức', 'Số cuộc', 'Số lượt người'],
          ['Hội nghị', '4', '320'],
          ['Tờ rơi', '—', '1.500'],
        ],
      },
      { p: 'Kết quả được duy trì.' },
    ]);
    expect(placed(p).t_b2_kq).toBe(
      [
        'Các hoạt động chính:',
        '- Tuyên truyền trên loa truyền thanh xã.',
        '- Phát tờ rơi tại chợ.',
        '1. Hội nghị triển khai.',
        '2. Hội thi tìm hiểu pháp luật.',
        'Hình thức | Số cuộc | Số lượt người',
        'Hội nghị | 4 | 320',
        'Tờ rơi | — | 1.500',
        'Kết quả được duy trì.',
      ].join('\n'),
    );
  });

  it('converts a report typed in TCVN3 (.VnTime) and places it as the Unicode one', async () => {
    const p = await preview(standardReport(), { tcvn3: true, headings: 'plain', agency: ['UBND TỈNH AN LẠC', 'UBND XÃ TÂN PHÚ'] });
    expect(p.encoding).toBe('tcvn3');
    expect(placed(p)).toEqual(standardTexts());
    expect(p.unit?.code).toBe('X03');
    expect(p.findings.map((f) => f.code)).toContain('legacy_font');
  });

  it('recognises TCVN3 text by its letters when the font does not say so (pasted into Times New Roman)', async () => {
    const p = await preview(standardReport(), { tcvn3: true, font: 'Times New Roman', headings: 'bold', agency: ['UBND TỈNH AN LẠC', 'SỞ TƯ PHÁP'] });
    expect(p.encoding).toBe('tcvn3');
    expect(placed(p)).toEqual(standardTexts());
    expect(p.unit?.code).toBe('STP');
  });
});

describe('which unit sent it', () => {
  it('reads a header block written as paragraphs (not a table), which is never taken for a section', async () => {
    const p = await preview(standardReport(), { headings: 'bold', headerParagraphs: true, agency: ['ỦY BAN NHÂN DÂN TỈNH AN LẠC', 'UBND XÃ TÂN PHÚ'] });
    expect(placed(p)).toEqual(standardTexts());
    expect(p.unit).toEqual({ code: 'X03', name: 'Xã Tân Phú', from: 'header' });
  });

  it('reads the unit from the file name when the report has no header block, ignoring units named in the opening', async () => {
    const p = await preview(standardReport(), {}, 'Xa Tan Phu - BC NQ121 nam 2026.docx');
    expect(p.unit).toEqual({ code: 'X03', name: 'Xã Tân Phú', from: 'file_name' });
    const q = await preview(standardReport(), {}, 'X12_baocao.docx');
    expect(q.unit).toEqual({ code: 'X12', name: 'Xã Vĩnh Lộc', from: 'file_name' });
  });

  it('leaves the unit to be chosen when neither the header nor the file name names one', async () => {
    const p = await preview(standardReport(), {}, 'bao-cao-nq121.docx');
    expect(p.unit).toBeNull();
    expect(p.findings.find((f) => f.code === 'unit_unknown')?.message).toMatch(/hãy chọn đơn vị/);
  });
});
