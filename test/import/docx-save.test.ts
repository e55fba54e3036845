// Saving a unit's Word report: a new version of its texts for the year, logged; the report's merge uses them as
// it uses workbook text cells (a section's Word text over the same unit's cell), the compiler's own text still
// wins; the import of files and folders takes .docx; figures in the text are never figures.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/store/context.ts';
import { importFiles } from '../../electron/services/imports.ts';
import { generateReport, mergedSectionTexts, setSectionText } from '../../electron/services/report.ts';
import { previewWordReport, saveWordReport, wordReportVersions } from '../../electron/services/word-reports.ts';
import { lockYear, unlockYear } from '../../electron/store/years.ts';
import { sampleDb, tempDir } from '../helpers/fixtures.ts';
import { bodyParagraphs, readDocx } from '../report/docx-reader.ts';
import { body, standardReport, standardTexts, wordReport } from './docx-fixtures.ts';

const YEAR = 2026;
let ctx: ServiceContext;
let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir('bc121-docx-save-'));
  ctx = sampleDb();
});
afterAll(() => {
  ctx.db.close();
  cleanup();
});

function figures(): { n: number; sum: number } {
  return ctx.db.prepare('SELECT COUNT(*) AS n, TOTAL(value) AS sum FROM submission_values').get() as { n: number; sum: number };
}
function auditCount(action: string): number {
  return (ctx.db.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number }).n;
}

describe('saving a Word report', () => {
  it('saves the previewed texts (with a paragraph placed by hand) as version 1, logged, and figures untouched', async () => {
    const before = figures();
    const file = path.join(dir, 'So Y te.docx');
    writeFileSync(file, await wordReport(standardReport(), { agency: ['UBND TỈNH AN LẠC', 'SỞ Y TẾ'] }));
    const p = await previewWordReport(ctx, file);
    expect(p.unit?.code).toBe('SYT');
    const texts = Object.fromEntries(p.sections.map((s) => [s.code, s.text]));
    texts.t_a2 = `${texts.t_a2}\n${p.unplaced[0]!.text}`; // the compiler places the A.1 paragraph by hand
    const saved = saveWordReport(ctx, { file, unit: 'SYT', year: YEAR, texts, sha256: p.sha256 });
    expect(saved).toMatchObject({ status: 'accepted', unit: 'SYT', year: YEAR, version: 1, sections: 32 });
    const [v1] = wordReportVersions(ctx, 'SYT', YEAR);
    expect(v1).toMatchObject({ version: 1, fileName: 'So Y te.docx', current: true });
    expect(v1!.texts.t_a2).toBe(`${body('t_a2')}\nNăm 2026, trên địa bàn xảy ra 3 vụ xâm hại trẻ em (số liệu tại Phụ lục 01).`);
    expect(auditCount('word_report.import')).toBe(1);
    // "12 cuộc, 340 lượt" in the texts are words, not figures: no value was stored or changed.
    expect(figures()).toEqual(before);
  });

  it('merges the Word text in the report step over the unit’s own cell, other units unchanged; the compiler’s text still wins', () => {
    const section = mergedSectionTexts(ctx, YEAR).find((s) => s.code === 't_b2_kq')!;
    const syt = section.contributions.filter((c) => c.unitCode === 'SYT');
    expect(syt).toEqual([{ unitCode: 'SYT', unitName: 'Sở Y tế', text: body('t_b2_kq') }]);
    expect(section.contributions.length).toBeGreaterThan(1);
    expect(section.mergedText).toContain(body('t_b2_kq'));
    setSectionText(ctx, YEAR, 't_b2_kq', 'Văn bản của cơ quan tổng hợp.');
    const own = mergedSectionTexts(ctx, YEAR).find((s) => s.code === 't_b2_kq')!;
    expect(own.source).toBe('compiler');
    setSectionText(ctx, YEAR, 't_b2_kq', null);
  });

  it('brings the Word texts into Bao cao.docx', async () => {
    const r = await generateReport(ctx, { year: YEAR, outDir: path.join(dir, 'out') });
    const texts = bodyParagraphs((await readDocx(r.file)).document).map((p) => p.text);
    // A point's first text follows its lead on the same line: "- Nguyên nhân. …" (no unit-name prefix by default).
    expect(texts).toContain(`- Nguyên nhân. ${body('t_b3_nn')}`);
    expect(texts).toContain(body('t_c1'));
  });

  it('recognises the same texts again, saves a changed report as version 2, and refuses a locked year', async () => {
    const same = saveWordReport(ctx, { file: 'x.docx', unit: 'SYT', year: YEAR, texts: wordReportVersions(ctx, 'SYT', YEAR)[0]!.texts });
    expect(same).toMatchObject({ status: 'same_file', version: 1 });
    const v2 = saveWordReport(ctx, { file: 'y.docx', unit: 'SYT', year: YEAR, texts: { t_c2: 'Kiến nghị mới.' } });
    expect(v2).toMatchObject({ status: 'accepted', version: 2, sections: 1 });
    const versions = wordReportVersions(ctx, 'SYT', YEAR);
    expect(versions.map((v) => [v.version, v.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    // Only the current version counts: SYT's t_b3_nn comes back from its workbook cell, if any.
    expect(
      mergedSectionTexts(ctx, YEAR)
        .find((s) => s.code === 't_b3_nn')!
        .contributions.find((c) => c.unitCode === 'SYT')?.text,
    ).not.toBe(body('t_b3_nn'));
    lockYear(ctx, YEAR, 'chốt');
    expect(() => saveWordReport(ctx, { file: 'z.docx', unit: 'SYT', year: YEAR, texts: { t_c2: 'Khác.' } })).toThrow(/đã chốt/);
    unlockYear(ctx, YEAR, 'mở lại');
    expect(() => saveWordReport(ctx, { file: 'z.docx', unit: 'TINH', year: YEAR, texts: { t_c2: 'Khác.' } })).toThrow(/Không có đơn vị báo cáo/);
    expect(() => saveWordReport(ctx, { file: 'z.docx', unit: 'SYT', year: YEAR, texts: { t_zz: 'Khác.' } })).toThrow(/không có trong đề cương/);
    expect(() => saveWordReport(ctx, { file: 'z.docx', unit: 'SYT', year: YEAR, texts: { t_c2: '  ' } })).toThrow(/Chưa có nội dung/);
  });
});

describe('importing Word reports with the files and folders', () => {
  it('imports a folder’s .docx (unit from its header block) and refuses its .doc, beside workbooks', async () => {
    const folder = path.join(dir, 'nhan-ve');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'bao-cao-xa.docx'), await wordReport(standardReport(), { agency: ['UBND TỈNH AN LẠC', 'UBND XÃ TÂN PHÚ'], closing: true }));
    writeFileSync(path.join(folder, 'cu.doc'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]));
    const before = figures();
    const results = await importFiles(ctx, [folder]);
    expect(results.map((r) => [path.basename(r.file), r.status])).toEqual([
      ['bao-cao-xa.docx', 'accepted'],
      ['cu.doc', 'rejected'],
    ]);
    const docx = results[0]!;
    expect(docx).toMatchObject({ unit: 'X03', unitName: 'Xã Tân Phú', year: YEAR, version: 1 });
    // The A.1 paragraph could not be placed: not saved, said so.
    expect(docx.findings.find((f) => f.code === 'text_unplaced')?.message).toMatch(/không được lưu/);
    expect(results[1]!.findings[0]!.message).toMatch(/định dạng Word cũ \(\.doc\)/);
    expect(wordReportVersions(ctx, 'X03', YEAR)[0]!.texts).toEqual(standardTexts());
    expect(figures()).toEqual(before);
    // The same file again: recognised, nothing saved.
    const again = await importFiles(ctx, [path.join(folder, 'bao-cao-xa.docx')]);
    expect(again[0]).toMatchObject({ status: 'same_file', version: 1 });
  });

  it('refuses a .docx whose unit cannot be told, saying how to choose it', async () => {
    const file = path.join(dir, 'bao-cao.docx');
    writeFileSync(file, await wordReport(standardReport()));
    const [r] = await importFiles(ctx, [file]);
    expect(r!.status).toBe('rejected');
    expect(r!.findings[0]!.message).toMatch(/Không nhận ra đơn vị.*Thu nhận/);
  });
});
