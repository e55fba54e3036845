// Never an unsigned placeholder: the report is final only when every section has content or is marked
// "Không có nội dung báo cáo" (which prints nothing under its heading) and no error stands; until then it is
// a draft marked DỰ THẢO that lists what is missing and how to fill it (service, generate, CLI).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/store/context.ts';
import { generateAll } from '../../electron/services/generate.ts';
import { generateReport, mergedSectionTexts, setSectionNoContent, setSectionText } from '../../electron/services/report.ts';
import { NO_CONTENT_TEXT } from '../../shared/section-mark.ts';
import { setSettings } from '../../electron/store/settings.ts';
import { sampleDb, tempDir } from '../helpers/fixtures.ts';
import { cli } from '../helpers/cli.ts';
import { bodyParagraphs, readDocx } from './docx-reader.ts';

const YEAR = 2026;
let ctx: ServiceContext;
let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir('bc121-final-'));
  ctx = sampleDb();
});
afterAll(() => {
  ctx.db.close();
  cleanup();
});

async function texts(outDir: string): Promise<{ texts: string[]; document: string; draft: boolean; missing: { code: string; how: string }[] }> {
  const r = await generateReport(ctx, { year: YEAR, outDir });
  const docx = await readDocx(r.file);
  return {
    texts: bodyParagraphs(docx.document)
      .map((p) => p.text)
      .filter((t) => t !== ''),
    document: docx.document,
    draft: r.draft,
    missing: r.missing,
  };
}

describe('a report with empty sections', () => {
  it('is a draft marked DỰ THẢO that lists every empty section with how to fill it', async () => {
    const empty = mergedSectionTexts(ctx, YEAR).filter((s) => s.source === 'empty');
    expect(empty.length).toBeGreaterThan(0);
    const r = await texts(`${dir}/draft`);
    expect(r.draft).toBe(true);
    expect(r.texts[0]).toBe('DỰ THẢO');
    expect(r.missing.map((m) => m.code)).toEqual(empty.map((s) => s.code));
    expect(r.missing[0]!.how).toBe(`Mục “${empty[0]!.label}”: nhập nội dung tại bước Báo cáo, hoặc đánh dấu mục là “Không có nội dung báo cáo”.`);
  });

  it('generate (service and CLI) says the report is a draft and lists the sections', async () => {
    const g = await generateAll(ctx, { year: YEAR, outDir: `${dir}/all` });
    expect(g.draft).toBe(false); // no validation error: the annexes are final
    expect(g.reportDraft).toBe(true);
    const empty = mergedSectionTexts(ctx, YEAR).filter((s) => s.source === 'empty');
    expect(g.missing.map((m) => m.code)).toEqual(empty.map((s) => s.code));

    const file = `${dir}/cli.sqlite`;
    sampleDb(file).db.close();
    const run = await cli('generate', '--db', file, '--year', String(YEAR), '--out', `${dir}/cli`);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`Báo cáo Word là bản DỰ THẢO: còn ${empty.length} mục chưa có nội dung (được tô vàng trong tệp). Cách bổ sung từng mục:`);
    for (const s of empty) expect(run.out).toContain(`- Mục “${s.label}”: nhập nội dung tại bước Báo cáo, hoặc đánh dấu mục là “Không có nội dung báo cáo”.`);
  });
});

describe('every section written or marked "Không có nội dung báo cáo"', () => {
  it('gives a final report: no DỰ THẢO, no placeholder, nothing printed under a marked heading', async () => {
    const empty = mergedSectionTexts(ctx, YEAR).filter((s) => s.source === 'empty');
    const [first, ...rest] = empty;
    setSectionText(ctx, YEAR, first!.code, 'Đề nghị Quốc hội tiếp tục giám sát việc thực hiện Nghị quyết.');
    for (const s of rest) expect(setSectionNoContent(ctx, YEAR, s.code, true).source).toBe('none');
    const r = await texts(`${dir}/final`);
    expect(r.draft).toBe(false);
    expect(r.missing).toEqual([]);
    expect(r.document).not.toContain('DỰ THẢO');
    expect(r.document).not.toContain('Chưa có nội dung');
    expect(r.document).not.toContain(NO_CONTENT_TEXT);
    expect(r.document).not.toMatch(/w:highlight/);
    // C.3 (bộ, ngành) is marked: its heading is followed directly by the next heading.
    const c3 = r.texts.indexOf('3. Đối với các bộ, ngành');
    expect(rest.map((s) => s.code)).toContain('t_c3');
    expect(r.texts[c3 + 1]).toBe('4. Đối với các tổ chức chính trị - xã hội, tổ chức xã hội');
  });

  it('reads a full "số/ký hiệu" as typed without doubling the symbol, and leads merged texts with unit names on request', async () => {
    setSettings(ctx, { report_number: '456/BC-SYT', narrative_unit_names: true });
    const r = await texts(`${dir}/number`);
    expect(r.document).toContain('Số: 456/BC-SYT');
    expect(r.document).not.toContain('BC-SYT/BC-SYT');
    const a2 = r.texts.indexOf('2. Đánh giá tình hình xâm hại trẻ em');
    expect(r.texts[a2 + 1]).toMatch(/^Sở Y tế: /);
    setSettings(ctx, { report_number: '', narrative_unit_names: false });
  });

  it('taking the mark back makes the section empty again, and the report a draft', async () => {
    expect(setSectionNoContent(ctx, YEAR, 't_c3', false).source).toBe('empty');
    const r = await texts(`${dir}/again`);
    expect(r.draft).toBe(true);
    expect(r.missing.map((m) => m.code)).toEqual(['t_c3']);
    setSectionNoContent(ctx, YEAR, 't_c3', true);
  });
});
