// The compiler's own section texts (they win over the units' merge, are logged, and can be cleared) and the
// draft version of the report (DỰ THẢO at the top, the unresolved errors boxed at the end).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/store/context.ts';
import { generateReport, mergedSectionTexts, setSectionText } from '../../electron/services/report.ts';
import { sampleDb, tempDir } from '../helpers/fixtures.ts';
import { bodyParagraphs, readDocx, tables } from './docx-reader.ts';
import { unitTextsOf } from './sample-figures.ts';

const YEAR = 2026;
let ctx: ServiceContext;
let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir('bc121-texts-'));
  ctx = sampleDb();
});
afterAll(() => {
  ctx.db.close();
  cleanup();
});

async function reportTexts(outDir: string, draft?: { errors: string[] }): Promise<{ texts: string[]; document: string; notices: string[] }> {
  const r = await generateReport(ctx, { year: YEAR, outDir, draft });
  const docx = await readDocx(r.file);
  return { texts: bodyParagraphs(docx.document).map((p) => p.text), document: docx.document, notices: r.notices };
}

describe('section texts for the report step', () => {
  it('lists every narrative section in printing order with the units’ texts in unit-list order', () => {
    const sections = mergedSectionTexts(ctx, YEAR);
    expect(sections.map((s) => s.code).slice(0, 3)).toEqual(['t_a2', 't_b1_kq', 't_b1_th']);
    expect(sections.at(-1)!.code).toBe('t_c5');
    expect(sections).toHaveLength(32);
    const a2 = sections.find((s) => s.code === 't_a2')!;
    expect(a2.contributions.map((c) => c.unitName)).toEqual(unitTextsOf(YEAR, 't_a2').map((u) => u.name));
    expect(a2.source).toBe('units');
    expect(a2.mergedText).toBe(
      unitTextsOf(YEAR, 't_a2')
        .map((u) => u.text)
        .join('\n'),
    );
    expect(a2.label).toBe('A.2. Đánh giá tình hình xâm hại trẻ em');
    expect(a2.prompt).toMatch(/Nhận định tình hình/);
    expect(sections.find((s) => s.code === 't_c1')!.source).toBe('empty');
    expect(sections.find((s) => s.code === 't_b1_th')).toMatchObject({
      sectionCode: 'b1_hc',
      heading: '2. Tồn tại, hạn chế; khó khăn, vướng mắc',
      lead: '- Tồn tại, hạn chế.',
    });
    expect(sections.find((s) => s.code === 't_b1_kq')!.prompts).toContain(
      'Thời gian, tiến độ ban hành (ghi thời hạn ban hành của văn bản được giao tại cột “Thời hạn ban hành” của trang PL02).',
    );
  });

  it('the compiler’s text wins over the merge, is logged, and clearing it brings the merge back', async () => {
    const own = 'Tình hình xâm hại trẻ em năm 2026 có chiều hướng tăng, chủ yếu là xâm hại tình dục.\nCần tăng cường phát hiện sớm tại cộng đồng.';
    const s = setSectionText(ctx, YEAR, 't_a2', own);
    expect(s).toMatchObject({ source: 'compiler', compilerText: own, updatedBy: ctx.user });
    const c1 = setSectionText(ctx, YEAR, 't_c1', 'Đề nghị Quốc hội tăng cường giám sát việc thực hiện Nghị quyết số 121/2020/QH14.');
    expect(c1.source).toBe('compiler');

    const withOwn = await reportTexts(`${dir}/own`);
    const start = withOwn.texts.indexOf('2. Đánh giá tình hình xâm hại trẻ em');
    expect(withOwn.texts.slice(start + 1, start + 3)).toEqual(own.split('\n'));
    for (const u of unitTextsOf(YEAR, 't_a2')) expect(withOwn.texts.some((t) => t.includes(u.text))).toBe(false);
    const c1Start = withOwn.texts.indexOf('1. Đối với Quốc hội');
    expect(withOwn.texts[c1Start + 1]).toBe('Đề nghị Quốc hội tăng cường giám sát việc thực hiện Nghị quyết số 121/2020/QH14.');
    expect(withOwn.notices.some((n) => n.includes('C.1.'))).toBe(false);

    const log = ctx.db.prepare("SELECT action, entity_id, old_value, new_value, user FROM audit_log WHERE entity = 'section_text' ORDER BY id").all() as Record<
      string,
      string
    >[];
    expect(log[0]).toMatchObject({ action: 'section_text.set', entity_id: '2026/t_a2', old_value: null, new_value: JSON.stringify(own), user: ctx.user });

    expect(setSectionText(ctx, YEAR, 't_a2', '   ').source).toBe('units');
    expect(setSectionText(ctx, YEAR, 't_c1', null).source).toBe('empty');
    const cleared = ctx.db.prepare("SELECT action, old_value FROM audit_log WHERE entity = 'section_text' ORDER BY id DESC LIMIT 2").all() as Record<
      string,
      string
    >[];
    expect(cleared.map((r) => r.action)).toEqual(['section_text.clear', 'section_text.clear']);
    const back = await reportTexts(`${dir}/back`);
    const a2 = back.texts.indexOf('2. Đánh giá tình hình xâm hại trẻ em');
    expect(back.texts[a2 + 1]).toBe(unitTextsOf(YEAR, 't_a2')[0]!.text);
    expect(back.texts[back.texts.indexOf('1. Đối với Quốc hội') + 1]).toBe('[Chưa có nội dung — cần bổ sung]');
  });

  it('refuses a section the outline does not have, and a year the database does not hold', () => {
    expect(() => setSectionText(ctx, YEAR, 't_zz', 'x')).toThrow(/không có mục nội dung/);
    expect(() => setSectionText(ctx, 2019, 't_a2', 'x')).toThrow(/không có năm 2019/);
  });
});

describe('draft version', () => {
  it('carries DỰ THẢO at the top and boxes the unresolved errors at the end', async () => {
    const errors = ['Xã Tân Phú: tổng trẻ em nam và nữ (7) khác tổng số trẻ em (8).', 'Công an tỉnh: số vụ âm.'];
    const draft = await reportTexts(`${dir}/draft`, { errors });
    expect(draft.texts[0]).toBe('DỰ THẢO');
    const box = tables(draft.document).at(-1)!;
    expect(box.rows[0]!.cells[0]!.map((p) => p.text)).toEqual(['Các lỗi chưa được xử lý (bản dự thảo):', ...errors.map((e) => `- ${e}`)]);
    expect(box.xml).toMatch(/<w:top w:val="single"/);
  });

  it('a draft without errors to list has the mark but no box', async () => {
    const draft = await reportTexts(`${dir}/draft-empty`, { errors: [] });
    expect(draft.texts[0]).toBe('DỰ THẢO');
    expect(draft.document).not.toContain('Các lỗi chưa được xử lý');
  });
});
