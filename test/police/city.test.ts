// "thành phố" wherever the province's kind says so (issue 16.6): a centrally-run city reads "thành phố" in
// its workbooks (labels, guide, prompts), the report (headings, sentences, the window's prompts) and the
// annexes (group titles), and no "tỉnh" where the kind is meant.
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { generateReport, mergedSectionTexts } from '../../electron/services/report.ts';
import { setSettings } from '../../electron/store/settings.ts';
import { templateInfo } from '../../electron/store/window-info.ts';
import { writeBlankWorkbooks } from '../../electron/services/workbooks.ts';
import { sampleDb, tempDir } from '../helpers/fixtures.ts';
import { namedCell } from '../helpers/workbooks.ts';
import { generateInto, readWorkbook } from '../annex/helpers.ts';
import { bodyParagraphs, readDocx } from '../report/docx-reader.ts';

const YEAR = 2026;
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function cityDb() {
  const ctx = sampleDb();
  setSettings(ctx, { province_kind: 'thành phố', parent_body: 'UBND THÀNH PHỐ AN LẠC' });
  return ctx;
}

describe('a centrally-run city', () => {
  it('reads "thành phố" in the report: title block, headings, sentences', async () => {
    const ctx = cityDb();
    const tmp = tempDir('bc121-city-');
    cleanups.push(tmp.cleanup);
    const { file } = await generateReport(ctx, { year: YEAR, outDir: tmp.dir });
    const sections = mergedSectionTexts(ctx, YEAR);
    ctx.db.close();
    const docx = await readDocx(file);
    const texts = bodyParagraphs(docx.document).map((p) => p.text);
    expect(docx.document).toContain('UBND THÀNH PHỐ AN LẠC');
    expect(texts).toContain('5. Đối với Ủy ban nhân dân thành phố');
    expect(texts.some((t) => t.startsWith(`Năm ${YEAR}, trên địa bàn thành phố xảy ra`))).toBe(true);
    expect(texts.some((t) => t.includes('HĐND, UBND thành phố'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Toàn thành phố có'))).toBe(true);
    // The outline's own words never say "tỉnh" for a city (unit names and the units' texts are theirs).
    for (const phrase of ['trên địa bàn tỉnh xảy ra', 'Toàn tỉnh', 'HĐND, UBND tỉnh', 'Đối với Ủy ban nhân dân tỉnh'])
      expect(texts.filter((t) => t.includes(phrase))).toEqual([]);
    // The window's report step: the label of C.5 and the prompts.
    expect(sections.find((s) => s.code === 't_c5')!.label).toBe('C.5. Kiến nghị đối với Ủy ban nhân dân thành phố');
    expect(sections.find((s) => s.code === 't_b4_kq')!.prompts.some((p) => p.includes('được Ủy ban nhân dân thành phố ban hành'))).toBe(true);
    expect(sections.find((s) => s.code === 't_b4_kq')!.prompts.some((p) => p.startsWith('Công an thành phố, '))).toBe(true);
  });

  it('reads "thành phố" in the workbooks: guide, labels, prompts', async () => {
    const ctx = cityDb();
    const tmp = tempDir('bc121-city-wb-');
    cleanups.push(tmp.cleanup);
    const [written] = await writeBlankWorkbooks(ctx, { year: YEAR, outDir: tmp.dir, units: ['CA'] });
    expect(templateInfo(ctx).unitKinds.find((k) => k.code === 'cong_an')!.label).toBe('Công an thành phố');
    ctx.db.close();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(written!.file);
    const c5 = namedCell(wb, 't_c5');
    expect(c5.worksheet.getCell(`A${c5.row}`).value).toBe('C.5. Kiến nghị đối với Ủy ban nhân dân thành phố');
    const b4 = namedCell(wb, 't_b4_kq');
    expect(String(b4.worksheet.getCell(`B${b4.row}`).value)).toContain('được Ủy ban nhân dân thành phố ban hành');
    const guide: string[] = [];
    wb.getWorksheet('HUONG_DAN')!.eachRow((row) => row.eachCell((cell) => guide.push(String(cell.value))));
    expect(guide.some((g) => g.includes('Viện kiểm sát nhân dân thành phố báo cáo'))).toBe(true);
    expect(guide.filter((g) => g.includes('{province_kind}'))).toEqual([]);
  });

  it('reads "thành phố" in the annexes’ group titles', async () => {
    const ctx = cityDb();
    const out = await generateInto(ctx);
    cleanups.push(out.cleanup);
    ctx.db.close();
    const ws = (await readWorkbook(out.dir, 'Phu luc 02.xlsx')).getWorksheet('PL02')!;
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toContain('HĐND THÀNH PHỐ');
    expect(cells.filter((c) => c.includes('TỈNH'))).toEqual([]);
  });
});
