// The blank input workbook keeps the contract of docs/forms-and-indicators.md: sheets, _meta, names, protection, validations.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it, beforeAll } from 'vitest';
import { indicatorsForKind, narrativeCodesForKind, sheetsForKind } from '../../shared/template.ts';
import type { ServiceContext } from '../../electron/store/context.ts';
import { emptySampleDb } from '../helpers/fixtures.ts';
import { blankWorkbook, namedCell } from '../helpers/workbooks.ts';
import { inputNameLayout } from '../../electron/workbook/input-layout.ts';

let ctx: ServiceContext;
beforeAll(() => {
  ctx = emptySampleDb();
});

async function roundTrip(wb: ExcelJS.Workbook): Promise<{ wb: ExcelJS.Workbook; zip: JSZip }> {
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return { wb: back, zip: await JSZip.loadAsync(buf) };
}

const cases = [
  ['X03', 'dia_phuong', ['HUONG_DAN', 'PL01', 'PL02', 'SO_LIEU', 'BAO_CAO', '_meta']],
  ['CA', 'cong_an', ['HUONG_DAN', 'PL01_CA', 'PL02', 'SO_LIEU', 'BAO_CAO', '_meta']],
  ['VKS', 'vien_kiem_sat', ['HUONG_DAN', 'PL03', 'CHI_TIEU', 'BAO_CAO', '_meta']],
  ['TAND', 'toa_an', ['HUONG_DAN', 'PL04', 'BAO_CAO', '_meta']],
  ['SGDDT', 'so_nganh', ['HUONG_DAN', 'PL02', 'SO_LIEU', 'BAO_CAO', '_meta']],
] as const;

describe('input workbook contract', () => {
  it.each(cases)('%s (%s): sheets in order, _meta veryHidden with its keys', async (code, kind, sheets) => {
    const { wb, zip } = await roundTrip(await blankWorkbook(ctx, code, 2026));
    expect(wb.worksheets.map((w) => w.name)).toEqual(sheets);
    const meta = wb.getWorksheet('_meta')!;
    expect(meta.state).toBe('veryHidden');
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toMatch(/<sheet [^>]*name="_meta"[^>]*state="veryHidden"/);
    const pairs = new Map<string, unknown>();
    for (let r = 2; r <= 12; r++) pairs.set(String(meta.getCell(r, 1).value), meta.getCell(r, 2).value);
    expect([...pairs.keys()]).toEqual([
      'template_id',
      'template_version',
      'unit_code',
      'unit_name',
      'year',
      'period',
      'period_from',
      'period_to',
      'generated_at',
      'app_version',
      'workbook_id',
    ]);
    expect(pairs.get('template_id')).toBe('nq121');
    expect(pairs.get('template_version')).toBe(1);
    expect(pairs.get('unit_code')).toBe(code);
    expect(pairs.get('year')).toBe(2026);
    // The report period's key: an annual workbook's is its year (docs/workbook-contract.md).
    expect(pairs.get('period')).toBe('2026');
    expect(String(pairs.get('workbook_id'))).toMatch(/^[0-9a-f-]{36}$/);
    expect(kind).toBeTruthy();
  });

  it.each(cases)('%s (%s): a workbook-scoped name for every input cell, unlocked; everything else locked; sheets protected', async (code, kind) => {
    const { wb, zip } = await roundTrip(await blankWorkbook(ctx, code, 2026));
    const indicators = indicatorsForKind(ctx.template, kind);
    const names = new Set(wb.definedNames.model.map((d) => d.name));
    for (const ind of indicators) {
      expect(names.has(`v_${ind.code}`), ind.code).toBe(true);
      const cell = namedCell(wb, `v_${ind.code}`);
      expect(cell.value).toBeNull();
      expect(cell.protection?.locked, ind.code).toBe(false);
      expect(cell.dataValidation?.type).toBe(ind.type === 'count' ? 'whole' : 'decimal');
      expect(cell.dataValidation?.operator).toBe('greaterThanOrEqual');
    }
    for (const t of narrativeCodesForKind(ctx.template, kind)) {
      expect(names.has(t)).toBe(true);
      expect(namedCell(wb, t).protection?.locked).toBe(false);
    }
    // No name is sheet-scoped (localSheetId) — import finds cells by workbook-scoped names.
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbookXml).not.toMatch(/definedName name="[vtr]_[^"]*" localSheetId/);
    const inputCount = indicators.length + narrativeCodesForKind(ctx.template, kind).length;
    expect(names.size).toBeGreaterThanOrEqual(inputCount);
    for (const ws of wb.worksheets.filter((w) => w.name !== '_meta')) {
      expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet, ws.name).toBe(true);
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.fitToWidth).toBe(1);
    }
    // A label cell is locked and set in Times New Roman.
    const label = wb.getWorksheet(sheetsForKind(ctx.template, kind)[0]!.name)!.getCell('A1');
    expect(label.protection?.locked).not.toBe(false);
    expect(label.font?.name).toBe('Times New Roman');
    // Sheet names are ASCII, as the contract and LibreOffice round trips want.
    expect(wb.worksheets.every((w) => /^[A-Za-z0-9_]+$/.test(w.name))).toBe(true);
    const sheetXml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    expect(sheetXml).toMatch(/<sheetProtection [^>]*sheet="1"/);
  });

  it.each(cases)(
    "%s (%s): the layout the import checks names against is exactly the written workbook's names, with and without last year",
    async (code, kind) => {
      const indicators = indicatorsForKind(ctx.template, kind);
      const previous = new Map(indicators.map((i, n) => [i.code, n + 1]));
      for (const prev of [undefined, previous]) {
        const { wb } = await roundTrip(await blankWorkbook(ctx, code, 2026, prev));
        const written = new Map(wb.definedNames.model.filter((d) => /^[vtr]_/.test(d.name)).map((d) => [d.name, d.ranges[0]!.replace(/[$']/g, '')]));
        const layout = new Map(
          [...inputNameLayout(ctx.template, kind)].map(([name, { sheet, rect }]) => {
            const a = (r: number, c: number) => `${String.fromCharCode(64 + c)}${r}`;
            const one = rect.top === rect.bottom && rect.left === rect.right;
            return [name, `${sheet}!${a(rect.top, rect.left)}${one ? '' : `:${a(rect.bottom, rect.right)}`}`];
          }),
        );
        expect(layout, `${code} ${prev ? 'with' : 'without'} last year`).toEqual(written);
        // Every single-cell name is an empty, unlocked input cell (last year's block carries no name).
        for (const [name, ref] of layout) if (!ref.includes(':')) expect(namedCell(wb, name).protection?.locked, `${code} ${name}`).toBe(false);
      }
    },
  );

  it('the PL02 list: r_pl02 covers the header row and 300 empty rows with dropdowns and a date validation', async () => {
    const { wb } = await roundTrip(await blankWorkbook(ctx, 'X03', 2026));
    const ref = wb.definedNames.model.find((d) => d.name === 'r_pl02')!.ranges[0]!;
    const m = /PL02'?!\$A\$(\d+):\$H\$(\d+)/.exec(ref)!;
    expect(Number(m[2]) - Number(m[1])).toBe(300);
    const ws = wb.getWorksheet('PL02')!;
    const headerRow = Number(m[1]);
    expect(ws.getCell(headerRow, 1).value).toBe('Cấp ban hành (*)');
    expect(ws.getCell(headerRow, 3).value).toBe('Số, ký hiệu (*)');
    const first = ws.getCell(headerRow + 1, 1);
    expect(first.protection?.locked).toBe(false);
    expect(first.dataValidation?.type).toBe('list');
    expect(first.dataValidation?.formulae?.[0]).toMatch(/_meta!\$[A-Z]+\$2:\$[A-Z]+\$6/);
    expect(ws.getCell(headerRow + 300, 4).dataValidation?.type).toBe('date');
    expect(ws.getCell(headerRow + 300, 2).dataValidation?.type).toBe('list');
  });

  it('convenience totals are formulas on locked cells; "Năm trước" appears only with last year\'s figures', async () => {
    const plain = await blankWorkbook(ctx, 'X03', 2026);
    const ws = plain.getWorksheet('PL01')!;
    const first = namedCell(plain, 'v_pl01_bl_vu');
    const totalRow = Number(first.row) + 6;
    const total = ws.getCell(totalRow, Number(first.col));
    expect(ws.getCell(totalRow, 2).value).toBe('Tổng cộng');
    expect((total.value as ExcelJS.CellFormulaValue).formula).toContain(`SUM(C${first.row}:C${totalRow - 1})`);
    expect(total.protection?.locked).not.toBe(false);
    const hasPrevCaption = (wb: ExcelJS.Workbook) => {
      let found = false;
      wb.getWorksheet('PL01')!.eachRow((row) => row.eachCell((c) => (found ||= String(c.value).startsWith('Năm trước'))));
      return found;
    };
    expect(hasPrevCaption(plain)).toBe(false);
    const withPrev = await blankWorkbook(
      ctx,
      'X03',
      2026,
      new Map([
        ['pl01_bl_vu', 4],
        ['tt_cuoc', 12],
      ]),
    );
    expect(hasPrevCaption(withPrev)).toBe(true);
    const so = withPrev.getWorksheet('SO_LIEU')!;
    const tt = namedCell(withPrev, 'v_tt_cuoc');
    expect(so.getCell(Number(tt.row), Number(tt.col) + 1).value).toBe(12);
    expect(so.getCell(Number(tt.row), Number(tt.col) + 1).protection?.locked).not.toBe(false);
  });
});
