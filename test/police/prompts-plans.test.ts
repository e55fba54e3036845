// The outline's bullets as prompts (issue 16.2), the plans under review and the documents' due dates (16.3):
// prompts reach each unit's workbook by its kind and the window's report step, never the printed report;
// the province's plans are listed in HUONG_DAN and fill "Rà soát theo nhiệm vụ được giao tại …"; a due date
// typed in Phụ lục 02 is imported, stored and counted by B.I.
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../electron/services/imports.ts';
import { generateReport, mergedSectionTexts } from '../../electron/services/report.ts';
import { setSettings } from '../../electron/store/settings.ts';
import { writeBlankWorkbooks } from '../../electron/services/workbooks.ts';
import { readSettingText, settingText } from '../../shared/settings-schema.ts';
import { emptySampleDb, sampleDb, tempDir } from '../helpers/fixtures.ts';
import { filledWorkbookFile, namedCell } from '../helpers/workbooks.ts';
import { bodyParagraphs, readDocx } from '../report/docx-reader.ts';

const YEAR = 2026;
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

/** Bullets of the outline (templates/nq121/outline.json, worded from the Đề cương), each meant for some kinds. */
const HDND = 'khoản 3 Điều 90 Luật Trẻ em';
const VBG = 'khoản 5 Điều 35 Luật Phòng, chống bạo lực gia đình';
const SURVEILLANCE = 'từng bước trang bị hệ thống kỹ thuật giám sát an ninh';
const SERVICES = 'Đầu tư, phát triển hệ thống dịch vụ bảo vệ trẻ em';
const IMPACT = 'Kết quả tác động đối với nhận thức và hành động của trẻ em trong nâng cao kỹ năng tự bảo vệ bản thân';
const DIRECTION = 'Công tác chỉ đạo, điều hành, tổ chức triển khai thực hiện các chương trình, đề án, kế hoạch';

const PLAN_LINE = '03/KH-UBND | 07/01/2021 | về triển khai thực hiện Quyết định số 1472/QĐ-TTg ngày 28/9/2020 của Thủ tướng Chính phủ';
const PLAN_TEXT = 'Kế hoạch số 03/KH-UBND ngày 07/01/2021 về triển khai thực hiện Quyết định số 1472/QĐ-TTg ngày 28/9/2020 của Thủ tướng Chính phủ';

async function workbooksFor(units: string[], plans: string | null): Promise<Map<string, ExcelJS.Workbook>> {
  const ctx = emptySampleDb();
  setSettings(ctx, { plans: plans ?? '' });
  const tmp = tempDir('bc121-prompts-');
  cleanups.push(tmp.cleanup);
  const written = await writeBlankWorkbooks(ctx, { year: YEAR, outDir: tmp.dir, units });
  ctx.db.close();
  const out = new Map<string, ExcelJS.Workbook>();
  for (const w of written) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(w.file);
    out.set(w.unit, wb);
  }
  return out;
}

/** The prompt column (B) beside a narrative cell (C) of BAO_CAO. */
const promptOf = (wb: ExcelJS.Workbook, code: string) => {
  const cell = namedCell(wb, code);
  return String(cell.worksheet.getCell(`B${cell.row}`).value ?? '');
};

describe('outline bullets as prompts in the units’ workbooks, by kind', () => {
  it('a commune is asked about its report to the HĐND, the police about surveillance, the standing agency about services; all about impact and direction', async () => {
    const books = await workbooksFor(['X01', 'CA', 'SYT', 'SGDDT'], null);
    const b4 = (u: string) => promptOf(books.get(u)!, 't_b4_kq');
    expect(b4('X01')).toContain(HDND);
    expect(b4('X01')).toContain(VBG);
    expect(b4('X01')).not.toContain(SURVEILLANCE);
    expect(b4('CA')).toContain(SURVEILLANCE);
    expect(b4('CA')).not.toContain(HDND);
    expect(b4('SGDDT')).toContain(SURVEILLANCE);
    expect(b4('SYT')).toContain(SERVICES);
    for (const u of ['X01', 'CA', 'SGDDT']) expect(b4(u)).not.toContain(SERVICES);
    for (const u of ['X01', 'CA', 'SYT', 'SGDDT']) {
      expect(b4(u)).toContain(DIRECTION);
      expect(promptOf(books.get(u)!, 't_b2_kq')).toContain(IMPACT);
      // Without plans in the settings, no prompt to review against them.
      expect(b4(u)).not.toContain('Rà soát theo nhiệm vụ được giao');
    }
    // One bullet a line, "Ủy ban nhân dân tỉnh" from the province's kind.
    expect(
      b4('X01')
        .split('\n')
        .every((l) => l.startsWith('- ')),
    ).toBe(true);
    expect(b4('X01')).toContain('được Ủy ban nhân dân tỉnh ban hành');
  });

  it('the window’s report step shows every bullet, those for some kinds led by the kinds', () => {
    const ctx = sampleDb();
    const b4 = mergedSectionTexts(ctx, YEAR).find((s) => s.code === 't_b4_kq')!;
    ctx.db.close();
    expect(b4.prompts.some((p) => p.startsWith('Địa phương (xã, phường): ') && p.includes(HDND))).toBe(true);
    expect(b4.prompts.some((p) => p.startsWith('Công an tỉnh, Sở, ngành, đoàn thể: ') && p.includes(SURVEILLANCE))).toBe(true);
    expect(b4.prompts.some((p) => p.startsWith(DIRECTION))).toBe(true);
  });

  it('prompts stay out of the printed report', async () => {
    const ctx = sampleDb();
    const tmp = tempDir('bc121-noprompt-');
    cleanups.push(tmp.cleanup);
    const { file } = await generateReport(ctx, { year: YEAR, outDir: tmp.dir });
    ctx.db.close();
    const text = bodyParagraphs((await readDocx(file)).document)
      .map((p) => p.text)
      .join('\n');
    for (const bullet of [HDND, VBG, SURVEILLANCE, SERVICES, IMPACT, DIRECTION, 'Rà soát theo nhiệm vụ được giao']) expect(text).not.toContain(bullet);
  });
});

describe('the plans under review', () => {
  it('are read from lines of the settings form and shown back the same way', () => {
    const read = readSettingText('plans', `${PLAN_LINE}\n76/KH-UBND | 13/03/2020 | về phòng, chống bạo lực, xâm hại trẻ em`);
    expect(read).toEqual({
      ok: true,
      value: [
        { so: '03/KH-UBND', ngay: '2021-01-07', trich_yeu: 'về triển khai thực hiện Quyết định số 1472/QĐ-TTg ngày 28/9/2020 của Thủ tướng Chính phủ' },
        { so: '76/KH-UBND', ngay: '2020-03-13', trich_yeu: 'về phòng, chống bạo lực, xâm hại trẻ em' },
      ],
    });
    expect(settingText('plans', read.ok ? read.value : [])).toBe(`${PLAN_LINE}\n76/KH-UBND | 13/03/2020 | về phòng, chống bạo lực, xâm hại trẻ em`);
    expect(readSettingText('plans', '03/KH-UBND | 31/02/2021 | x')).toEqual({
      ok: false,
      message: 'dòng "03/KH-UBND | 31/02/2021 | x": 31/02/2021 không phải ngày có thật',
    });
  });

  it('are listed in HUONG_DAN and fill the prompts "Rà soát theo nhiệm vụ được giao tại …"', async () => {
    const books = await workbooksFor(['X01', 'CA'], PLAN_LINE);
    for (const [unit, wb] of books) {
      const guide = wb.getWorksheet('HUONG_DAN')!;
      const rows: string[] = [];
      guide.eachRow((row) => rows.push(row.values instanceof Array ? row.values.filter(Boolean).map(String).join(' | ') : ''));
      expect(rows, unit).toContain(`Kế hoạch giao nhiệm vụ | - ${PLAN_TEXT}`);
      expect(promptOf(wb, 't_b4_kq'), unit).toContain(`- Rà soát theo nhiệm vụ được giao tại ${PLAN_TEXT}.`);
      expect(promptOf(wb, 't_b1_kq'), unit).toContain(`- Rà soát theo nhiệm vụ được giao tại ${PLAN_TEXT}.`);
    }
  });
});

describe('Phụ lục 02 documents with a due date', () => {
  it('imports "Thời hạn ban hành", stores it, and B.I says how many were issued on time', async () => {
    const ctx = emptySampleDb();
    const tmp = tempDir('bc121-due-');
    cleanups.push(tmp.cleanup);
    const doc = (so: string, ngay: string, han: string | null) => ({
      cap: 'Sở, ngành, đoàn thể',
      loai: 'Kế hoạch',
      so_ky_hieu: so,
      ngay,
      co_quan: 'Sở Y tế',
      trich_yeu: `Kế hoạch ${so}`,
      ghi_chu: null,
      han,
    });
    const documents = [
      doc('10/KH-SYT', '2026-02-10', '2026-02-28'),
      doc('11/KH-SYT', '2026-03-20', '2026-03-15'),
      doc('12/KH-SYT', '2026-04-01', '2026-04-01'),
      doc('13/KH-SYT', '2026-05-05', null),
    ];
    const file = await filledWorkbookFile(ctx, tmp.dir, 'SYT', YEAR, { values: { tt_cuoc: 1 }, documents });
    const [result] = await importFiles(ctx, [file]);
    expect(result!.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const stored = ctx.db.prepare('SELECT so_ky_hieu, han FROM documents ORDER BY row_no').all();
    expect(stored).toEqual(documents.map((d) => ({ so_ky_hieu: d.so_ky_hieu, han: d.han })));
    const { file: report } = await generateReport(ctx, { year: YEAR, outDir: tmp.dir });
    ctx.db.close();
    const withDue = documents.filter((d) => d.han);
    const onTime = withDue.filter((d) => d.ngay <= d.han!);
    expect([withDue.length, onTime.length]).toEqual([3, 2]);
    const texts = bodyParagraphs((await readDocx(report)).document).map((p) => p.text);
    expect(texts.some((t) => t.includes(`Trong số 0${withDue.length} văn bản có thời hạn ban hành, 0${onTime.length} văn bản ban hành đúng hạn.`))).toBe(true);
  });
});
