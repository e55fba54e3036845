// Phụ lục 01 from two sources (issue 16.1): the police workbook carries the full Phụ lục 01 breakdown
// (sheet PL01_CA) and imports; a province setting chooses whose figures the annex and A.1 state; the
// reconciliation sheet PL01_DOI_CHIEU; the per-form police-versus-communes rule. Expected figures are
// computed from the sample JSON (test/annex/helpers.ts expectedSum), never through the aggregation code.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../electron/services/imports.ts';
import { generateReport } from '../../electron/services/report.ts';
import { setSettings } from '../../electron/store/settings.ts';
import { validateYear } from '../../electron/services/validation.ts';
import { emptySampleDb, sample, sampleDb, tempDir } from '../helpers/fixtures.ts';
import { filledWorkbookFile, namedCell, blankWorkbook } from '../helpers/workbooks.ts';
import { expectedSum, generateInto, readWorkbook, sheet, shown, text, YEAR } from '../annex/helpers.ts';
import { bodyParagraphs, cellText, readDocx, tables } from '../report/docx-reader.ts';

const FORMS = ['bl', 'bb', 'xhtd', 'mb', 'br', 'khac'];
const MEASURES = ['vu', 'tre', 'nam', 'nu', 'duoi6', '6den12', '12den16'];
const police = (f: string, m: string) => expectedSum(YEAR, [`ca01_${f}_${m}`], { kind: 'cong_an' });
const communes = (f: string, m: string) => expectedSum(YEAR, [`pl01_${f}_${m}`], { kind: 'dia_phuong' });
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

/** Row of PL01_DOI_CHIEU holding form `f` (index) and measure `m` (index): header on row 6, column numbers on 7, each form a label row and its seven measures. */
const rowOf = (f: number, m: number) => 8 + f * 8 + 1 + m;

describe('the police workbook carries Phụ lục 01', () => {
  it('has the PL01_CA sheet with a named cell per form and measure, and imports its figures', async () => {
    const ctx = emptySampleDb();
    const wb = await blankWorkbook(ctx, 'CA', YEAR);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['HUONG_DAN', 'PL01_CA', 'PL02', 'SO_LIEU', 'BAO_CAO', '_meta']);
    for (const f of FORMS) for (const m of MEASURES) expect(namedCell(wb, `v_ca01_${f}_${m}`).worksheet.name).toBe('PL01_CA');
    const tmp = tempDir('bc121-police-');
    cleanups.push(tmp.cleanup);
    const values: Record<string, number> = {
      ca01_xhtd_vu: 3,
      ca01_xhtd_tre: 4,
      ca01_xhtd_nam: 1,
      ca01_xhtd_nu: 3,
      ca01_xhtd_duoi6: 0,
      ca01_xhtd_6den12: 1,
      ca01_xhtd_12den16: 3,
      ca_tre: 4,
    };
    const file = await filledWorkbookFile(ctx, tmp.dir, 'CA', YEAR, { values });
    const [result] = await importFiles(ctx, [file]);
    expect(result!.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const stored = Object.fromEntries(
      (
        ctx.db
          .prepare(
            "SELECT v.code, v.value FROM submission_values v JOIN submissions s ON s.id = v.submission_id JOIN units u ON u.id = s.unit_id WHERE u.code = 'CA' AND v.code LIKE 'ca01_%' AND v.value IS NOT NULL",
          )
          .all() as { code: string; value: number }[]
      ).map((r) => [r.code, r.value]),
    );
    expect(stored).toEqual(Object.fromEntries(Object.entries(values).filter(([k]) => k.startsWith('ca01_'))));
    expect(path.basename(file)).toMatch(/^CA - /);
    ctx.db.close();
  });
});

describe('PL01_DOI_CHIEU: per form and measure, the police, the communes and the difference', () => {
  it('holds the sample’s figures and their differences, with the totals', async () => {
    const ctx = sampleDb();
    const out = await generateInto(ctx);
    cleanups.push(out.cleanup);
    ctx.db.close();
    const ws = sheet(await readWorkbook(out.dir, 'Phu luc 01.xlsx'), 'PL01_DOI_CHIEU');
    expect(text(ws, 'A2')).toBe(`ĐỐI CHIẾU SỐ LIỆU TRẺ EM BỊ XÂM HẠI GIỮA CÔNG AN VÀ CẤP XÃ NĂM ${YEAR}`);
    expect(['C6', 'D6', 'E6'].map((c) => text(ws, c))).toEqual(['Số liệu của Công an', 'Tổng số liệu các xã, phường', 'Chênh lệch (Công an − các xã)']);
    FORMS.forEach((f, i) => {
      expect(text(ws, `B${8 + i * 8}`)).toBe(['Bạo lực', 'Bóc lột', 'Xâm hại tình dục', 'Mua bán', 'Bỏ rơi, bỏ mặc', 'Các hình thức gây tổn hại khác'][i]);
      MEASURES.forEach((m, j) => {
        const r = rowOf(i, j);
        expect(shown(ws, `C${r}`)).toBe(police(f, m));
        expect(shown(ws, `D${r}`)).toBe(communes(f, m));
        expect(shown(ws, `E${r}`)).toBe(police(f, m)! - communes(f, m)!);
        expect(ws.getCell(`E${r}`).formula).toBe(`C${r}-D${r}`);
      });
    });
    // The sample's police differ from the communes in one form only (xâm hại tình dục).
    expect(FORMS.filter((f) => MEASURES.some((m) => police(f, m) !== communes(f, m)))).toEqual(['xhtd']);
    const totalRow = 8 + FORMS.length * 8;
    expect(text(ws, `B${totalRow}`)).toBe('TỔNG CỘNG');
    const sum = (fn: (f: string, m: string) => number | null, m: string) => FORMS.reduce((acc, f) => acc + (fn(f, m) ?? 0), 0);
    MEASURES.forEach((m, j) => {
      const r = totalRow + 1 + j;
      expect([shown(ws, `C${r}`), shown(ws, `D${r}`), shown(ws, `E${r}`)]).toEqual([sum(police, m), sum(communes, m), sum(police, m) - sum(communes, m)]);
    });
  });
});

describe('the police-versus-communes rule compares per form', () => {
  it('fires on the differing form only, on the measure beyond the tolerance', () => {
    const ctx = sampleDb();
    const findings = validateYear(ctx, YEAR).findings.filter((f) => f.rule === 'police_vs_local_form');
    // Independently: forms and measures (vụ, trẻ em) whose police and communes figures differ by more than 10% and 2.
    const expected = FORMS.flatMap((f) =>
      ['vu', 'tre'].flatMap((m) => {
        const [p, c] = [police(f, m)!, communes(f, m)!];
        return Math.abs(p - c) > 2 && Math.abs(p - c) > 0.1 * Math.max(Math.abs(p), Math.abs(c)) ? [[p, c]] : [];
      }),
    );
    expect(expected).toHaveLength(1);
    expect(findings.map((f) => [f.left, f.right])).toEqual(expected);
    expect(findings[0]!.message).toContain('Xâm hại tình dục');
    ctx.db.close();
  });
});

describe('the setting chooses whose figures Phụ lục 01 and A.1 state', () => {
  const a1 = async (source: string | null) => {
    const ctx = sampleDb();
    if (source) setSettings(ctx, { pl01_source: source });
    const tmp = tempDir('bc121-a1-');
    cleanups.push(tmp.cleanup);
    const { file: out } = await generateReport(ctx, { year: YEAR, outDir: tmp.dir });
    const annex = await generateInto(ctx);
    cleanups.push(annex.cleanup);
    ctx.db.close();
    const docx = await readDocx(out);
    const texts = bodyParagraphs(docx.document).map((p) => p.text);
    const from = texts.findIndex((t) => t.startsWith('1. Số lượng trẻ em bị xâm hại'));
    const to = texts.findIndex((t) => t.startsWith('2. Đánh giá tình hình'));
    return { a1: texts.slice(from + 1, to), tables: tables(docx.document), annex: await readWorkbook(annex.dir, 'Phu luc 01.xlsx') };
  };
  const sumOver = (fn: (f: string, m: string) => number | null, m: string) => FORMS.reduce((acc, f) => acc + (fn(f, m) ?? 0), 0);
  const xhtdDiff = Math.abs(police('xhtd', 'tre')! - communes('xhtd', 'tre')!);
  const diffSentence = `Số liệu của Công an tỉnh khác tổng số liệu các xã, phường báo cáo ở hình thức “Xâm hại tình dục” chênh lệch ${String(xhtdDiff).padStart(2, '0')} em (chi tiết tại Phụ lục 01, trang đối chiếu PL01_DOI_CHIEU).`;

  it('by default: the communes’ figures, named as such, and the difference with the police', async () => {
    const r = await a1(null);
    expect(r.annex.worksheets.map((w) => w.name)).toEqual(['PL01', 'PL01_DIA_BAN', 'PL01_DOI_CHIEU']);
    expect(r.a1.some((t) => t.includes(`xảy ra ${sumOver(communes, 'vu')} vụ xâm hại trẻ em với ${sumOver(communes, 'tre')} trẻ em`))).toBe(true);
    expect(r.a1).toContain('Số liệu tại mục này và Phụ lục 01 theo báo cáo của Ủy ban nhân dân các xã, phường.');
    expect(r.a1).toContain(diffSentence);
    expect(r.a1.some((t) => t.startsWith('Theo Phụ lục 01 do Công an tỉnh báo cáo'))).toBe(false);
  });

  it('police: the police sheet and sentence instead of the communes’', async () => {
    const r = await a1('Công an');
    expect(r.annex.worksheets.map((w) => w.name)).toEqual(['PL01_CONG_AN', 'PL01_DIA_BAN', 'PL01_DOI_CHIEU']);
    const ws = sheet(r.annex, 'PL01_CONG_AN');
    expect(text(ws, 'A2')).toBe('SỐ LIỆU TRẺ EM BỊ XÂM HẠI THEO BÁO CÁO CỦA CÔNG AN');
    // The police reported 2026 only: one year row (row 10), its forms from row 11, columns C–I.
    expect(text(ws, 'B10')).toBe(`Năm ${YEAR}`);
    FORMS.forEach((f, i) => MEASURES.forEach((m, j) => expect(shown(ws, `${String.fromCharCode(67 + j)}${11 + i}`)).toBe(police(f, m))));
    expect(
      r.a1.some((t) =>
        t.startsWith(
          `Theo Phụ lục 01 do Công an tỉnh báo cáo, năm ${YEAR} trên địa bàn tỉnh xảy ra ${sumOver(police, 'vu')} vụ xâm hại trẻ em với ${sumOver(police, 'tre')} trẻ em`,
        ),
      ),
    ).toBe(true);
    expect(r.a1).toContain('Số liệu tại mục này và Phụ lục 01 theo báo cáo của Công an tỉnh.');
    expect(r.a1.some((t) => t.includes(`xảy ra ${sumOver(communes, 'vu')} vụ xâm hại trẻ em với ${sumOver(communes, 'tre')} trẻ em`))).toBe(false);
    expect(r.a1).toContain(diffSentence);
    const caption = r.tables.find((t) => t.rows.some((row) => row.cells.some((c) => cellText(c) === 'Hình thức xâm hại')));
    expect(caption).toBeDefined();
  });

  it('both: the two sheets side by side and both sentences', async () => {
    const r = await a1('Cả hai (đặt cạnh nhau)');
    expect(r.annex.worksheets.map((w) => w.name)).toEqual(['PL01', 'PL01_CONG_AN', 'PL01_DIA_BAN', 'PL01_DOI_CHIEU']);
    expect(r.a1.some((t) => t.includes(`xảy ra ${sumOver(communes, 'vu')} vụ xâm hại trẻ em với ${sumOver(communes, 'tre')} trẻ em`))).toBe(true);
    expect(r.a1.some((t) => t.startsWith('Theo Phụ lục 01 do Công an tỉnh báo cáo'))).toBe(true);
    expect(r.a1).toContain('Mục này và Phụ lục 01 nêu cạnh nhau số liệu do Ủy ban nhân dân các xã, phường báo cáo và số liệu do Công an tỉnh báo cáo.');
  });
});

describe('the sample carries the police figures', () => {
  it('differs from the communes in one form and keeps the police’s own cross-check figures', () => {
    const ca = sample.submissions.find((s) => s.unit === 'CA' && s.year === YEAR)!;
    expect(ca.values.ca_tre).toBe(FORMS.reduce((a, f) => a + (police(f, 'tre') ?? 0), 0));
  });
});
