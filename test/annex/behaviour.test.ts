// How the annexes follow the database and the settings: the caption, the draft mark, years and units
// that have not reported, a unit tree with subtotals, and the print setup of every sheet.
import type ExcelJS from 'exceljs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { importJson } from '../../electron/services/interchange.ts';
import { generateAnnexes } from '../../electron/services/annexes.ts';
import { setSettings } from '../../electron/store/settings.ts';
import { upsertUnits } from '../../electron/store/units.ts';
import type { Progress } from '../../shared/types.ts';
import { emptySampleDb, sample, sampleDb, tempDir } from '../helpers/fixtures.ts';
import { expectedSum, formulaOf, generateInto, merges, readWorkbook, sheet, shown, text, unitsOfKind } from './helpers.ts';

const FILES = ['Phu luc 01.xlsx', 'Phu luc 02.xlsx', 'Phu luc 03.xlsx', 'Phu luc 04.xlsx'];
const FORMS = ['bl', 'bb', 'xhtd', 'mb', 'br', 'khac'];

/** A database holding the sample without some submissions. */
function sampleWithout(drop: (s: (typeof sample.submissions)[number]) => boolean) {
  const ctx = emptySampleDb();
  importJson(ctx, { ...sample, submissions: sample.submissions.filter((s) => !drop(s)) }, 'an-lac.json');
  return ctx;
}

async function allSheets(dir: string): Promise<ExcelJS.Worksheet[]> {
  const books = await Promise.all(FILES.map((f) => readWorkbook(dir, f)));
  return books.flatMap((b) => b.worksheets);
}

describe('generateAnnexes', () => {
  it('writes the four files, reports progress, and prints every sheet A4 landscape one page wide with repeated header rows', async () => {
    const ctx = sampleDb();
    const tmp = tempDir('bc121-annex-');
    onTestFinished(() => {
      tmp.cleanup();
      ctx.db.close();
    });
    const events: Progress[] = [];
    const { files } = await generateAnnexes(ctx, { year: 2026, outDir: tmp.dir, onProgress: (p) => events.push(p) });
    expect(files.map((f) => f.slice(tmp.dir.length + 1))).toEqual(FILES);
    expect(events.at(-1)).toMatchObject({ done: 4, total: 4 });
    expect(events.map((e) => e.label)).toContain('Đang tạo Phụ lục 03');
    const sheets = await allSheets(tmp.dir);
    expect(sheets).toHaveLength(6);
    for (const ws of sheets) {
      const p = ws.pageSetup;
      // One page wide by the column widths at 100 % (a "fit to page" shrink printed the text at 8–10 pt):
      // the columns add up to at most the printable width (297 − 2 × 15 mm) as Excel (7 px a character
      // + 5 px) and LibreOffice (5.5 pt a character of Times New Roman 11) measure them.
      expect(p, ws.name).toMatchObject({ paperSize: 9, orientation: 'landscape', scale: 100 });
      expect(p.fitToPage, ws.name).toBeFalsy();
      const chars = ws.columns.map((c) => c.width ?? 9);
      const printable = ((297 - 30) / 25.4) * 72;
      expect(
        chars.reduce((a, c) => a + (c * 7 + 5) * 0.75, 0),
        ws.name,
      ).toBeLessThanOrEqual(printable);
      expect(
        chars.reduce((a, c) => a + c * 5.5, 0),
        ws.name,
      ).toBeLessThanOrEqual(printable);
      const mm = (inches: number | undefined) => (inches ?? 0) * 25.4;
      expect(mm(p.margins?.top)).toBeCloseTo(20, 1);
      expect(mm(p.margins?.bottom)).toBeCloseTo(20, 1);
      expect(mm(p.margins?.left)).toBeCloseTo(15, 1);
      expect(mm(p.margins?.right)).toBeCloseTo(15, 1);
      const headerEnd = ws.name === 'PL01' ? 9 : ws.name === 'PL02' || ws.name === 'PL01_DOI_CHIEU' ? 7 : 8;
      expect(p.printTitlesRow).toBe(`6:${headerEnd}`);
      expect(ws.headerFooter.oddFooter).toMatch(/^&C.*Trang &P\/&N$/);
      expect(ws.headerFooter.oddHeader ?? '').not.toContain('DỰ THẢO');
      expect(ws.views[0]?.showGridLines).toBe(false);
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.font?.name, `${ws.name}!${cell.address}`).toBe('Times New Roman');
          expect(cell.font?.size ?? 0).toBeGreaterThanOrEqual(11);
          if (typeof cell.value === 'string') expect(cell.value).toBe(cell.value.normalize('NFC'));
        }),
      );
    }
  });

  it('marks a draft DỰ THẢO at the top right of every sheet and in the page header', async () => {
    const ctx = sampleDb();
    const out = await generateInto(ctx, { draft: true });
    onTestFinished(() => out.cleanup());
    for (const ws of await allSheets(out.dir)) {
      const lastCol = ws.getRow(6).cellCount;
      expect(text(ws, `${ws.getColumn(lastCol).letter}5`), ws.name).toBe('DỰ THẢO');
      expect(ws.getCell(5, lastCol).alignment?.horizontal).toBe('right');
      expect(ws.headerFooter.oddHeader).toMatch(/^&R.*DỰ THẢO$/);
    }
  });

  it('fills the caption from the report number and date in settings (Decree 30 leading zeros)', async () => {
    const ctx = sampleDb();
    setSettings(ctx, { report_number: '5', report_date: '2026-02-05', abbreviation: 'SYT', issuing_body: 'SỞ Y TẾ' });
    const known = await generateInto(ctx);
    onTestFinished(() => known.cleanup());
    const captions = (await allSheets(known.dir)).map((ws) => text(ws, 'A4'));
    // The agency in running-text case (Decree 30), not the capitals of the header block.
    expect(new Set(captions)).toEqual(new Set(['(Kèm theo Báo cáo số 05/BC-SYT ngày 05 tháng 02 năm 2026 của Sở Y tế tỉnh An Lạc)']));
    setSettings(ctx, { report_number: '123', report_date: '' });
    const undated = await generateInto(ctx);
    onTestFinished(() => undated.cleanup());
    expect(text(sheet(await readWorkbook(undated.dir, 'Phu luc 03.xlsx'), 'PL03'), 'A4')).toBe(
      '(Kèm theo Báo cáo số 123/BC-SYT ngày … tháng … năm … của Sở Y tế tỉnh An Lạc)',
    );
    // A full số/ký hiệu typed as the number comes out once, not "456/BC-SYT/BC-SYT".
    setSettings(ctx, { report_number: '456/BC-SYT' });
    const full = await generateInto(ctx);
    onTestFinished(() => full.cleanup());
    expect(text(sheet(await readWorkbook(full.dir, 'Phu luc 01.xlsx'), 'PL01'), 'A4')).toBe(
      '(Kèm theo Báo cáo số 456/BC-SYT ngày … tháng … năm … của Sở Y tế tỉnh An Lạc)',
    );
  });

  it('makes last year’s annexes again with last year’s period, years and documents', async () => {
    const ctx = sampleDb();
    const out = await generateInto(ctx, { year: 2025 });
    onTestFinished(() => out.cleanup());
    const pl01 = await readWorkbook(out.dir, 'Phu luc 01.xlsx');
    expect(text(sheet(pl01, 'PL01'), 'A3')).toBe('(Từ năm 2023 đến năm 2025)');
    expect(text(sheet(pl01, 'PL01'), 'B31')).toBe('TỔNG CỘNG');
    expect(text(sheet(pl01, 'PL01'), 'A32')).toBe('');
    expect(text(sheet(pl01, 'PL01_DIA_BAN'), 'A2')).toBe('SỐ LIỆU TRẺ EM BỊ XÂM HẠI THEO ĐỊA BÀN NĂM 2025');
    expect(text(sheet(pl01, 'PL01_DIA_BAN'), 'A3')).toBe('(Từ ngày 16/11/2024 đến ngày 15/11/2025)');
    const pl02 = sheet(await readWorkbook(out.dir, 'Phu luc 02.xlsx'), 'PL02');
    expect(text(pl02, 'A3')).toBe('(Từ ngày 07/01/2021 đến ngày 15/11/2025)');
    const listed: Date[] = [];
    pl02.eachRow((row) => {
      const v = row.getCell(4).value;
      if (v instanceof Date) listed.push(v);
    });
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((d) => d.toISOString().slice(0, 10) <= '2025-11-15')).toBe(true);
  });

  it('leaves out a year without data, and names the source that has not reported', async () => {
    const ctx = sampleWithout((s) => s.unit === 'VKS' && s.year === 2026);
    const out = await generateInto(ctx);
    onTestFinished(() => out.cleanup());
    const ws = sheet(await readWorkbook(out.dir, 'Phu luc 03.xlsx'), 'PL03');
    expect(text(ws, 'A3')).toBe('(Từ năm 2023 đến năm 2025)');
    expect(['B9', 'B19', 'B29', 'B39'].map((a) => text(ws, a))).toEqual(['Năm 2023', 'Năm 2024', 'Năm 2025', 'TỔNG CỘNG']);
    expect(text(ws, 'A40')).toBe('Ghi chú: Số liệu chưa bao gồm Viện kiểm sát nhân dân tỉnh.');
  });

  it('names a unit missing in an earlier year with that year', async () => {
    const ctx = sampleWithout((s) => s.unit === 'X03' && s.year === 2024);
    const out = await generateInto(ctx);
    onTestFinished(() => out.cleanup());
    const ws = sheet(await readWorkbook(out.dir, 'Phu luc 01.xlsx'), 'PL01');
    expect(text(ws, 'A39')).toBe('Ghi chú: Số liệu chưa bao gồm xã Tân Phú (năm 2024), xã Vĩnh Lộc.');
    // 2024 is shown without Xã Tân Phú's figures.
    const others = unitsOfKind('dia_phuong').filter((u) => u !== 'X03');
    const children2024 = others.reduce(
      (n, u) =>
        n +
        (expectedSum(
          2024,
          FORMS.map((f) => `pl01_${f}_tre`),
          { unit: u },
        ) ?? 0),
      0,
    );
    expect(shown(ws, 'D17')).toBe(children2024);
  });

  it('puts communes under their district with a subtotal row when the unit list has levels', async () => {
    const ctx = emptySampleDb();
    upsertUnits(ctx, [
      { code: 'H01', name: 'Huyện Sông Cầu', kind: 'dia_phuong', parent: 'TINH', order: 14 },
      { code: 'X01', name: 'Phường An Lạc', kind: 'dia_phuong', parent: 'H01' },
      { code: 'X02', name: 'Phường Đông Sơn', kind: 'dia_phuong', parent: 'H01' },
    ]);
    importJson(ctx, sample, 'an-lac.json');
    const out = await generateInto(ctx);
    onTestFinished(() => out.cleanup());
    const ws = sheet(await readWorkbook(out.dir, 'Phu luc 01.xlsx'), 'PL01_DIA_BAN');
    expect([text(ws, 'A9'), text(ws, 'B9'), text(ws, 'A10'), text(ws, 'B10'), text(ws, 'A11'), text(ws, 'B11'), text(ws, 'A12'), text(ws, 'B12')]).toEqual([
      '1',
      'Huyện Sông Cầu',
      '1.1',
      'Phường An Lạc',
      '1.2',
      'Phường Đông Sơn',
      '2',
      'Xã Tân Phú',
    ]);
    expect(ws.getCell('B9').font).toMatchObject({ bold: true });
    expect(ws.getCell('B10').alignment?.indent).toBe(1);
    expect(formulaOf(ws, 'D9')).toBe('SUM(D10:D11)');
    const own = (unit: string) =>
      expectedSum(
        2026,
        FORMS.map((f) => `pl01_${f}_tre`),
        { unit },
      );
    expect(shown(ws, 'D9')).toBe(own('X01')! + own('X02')!);
    expect(text(ws, 'M9')).toBe('');
    const total = 9 + 3 + 10;
    expect(text(ws, `B${total}`)).toBe('TỔNG CỘNG');
    expect(formulaOf(ws, `D${total}`)).toBe(`SUM(D9,D12:D${total - 1})`);
    expect(shown(ws, `D${total}`)).toBe(
      expectedSum(
        2026,
        FORMS.map((f) => `pl01_${f}_tre`),
        { kind: 'dia_phuong' },
      ),
    );
    // The district reports nothing itself: it is not "missing".
    expect(text(ws, `A${total + 1}`)).toBe('Ghi chú: Số liệu chưa bao gồm xã Vĩnh Lộc.');
    expect(merges(ws)).toContain(`A${total + 1}:M${total + 1}`);
  });
});
