// Trace: the units, submission versions, files, workbook cells, values and corrections behind an annex cell.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAnnexes } from '../../electron/services/annexes.ts';
import type { ServiceContext } from '../../electron/store/context.ts';
import { importFiles } from '../../electron/services/imports.ts';
import { traceAnnexCell } from '../../electron/annex/trace.ts';
import { writeBlankWorkbooks } from '../../electron/services/workbooks.ts';
import { fillWorkbookFile } from '../../electron/workbook/input-filler.ts';
import { sample, sampleDb, tempDir } from '../helpers/fixtures.ts';
import { expectedSum, readWorkbook, sheet, shown, unitsOfKind } from './helpers.ts';

let ctx: ServiceContext;
let tmp: { dir: string; cleanup: () => void };
let resubmittedId = 0;

/** Xã Minh Đức sends a second workbook for 2026 with one more case of sexual abuse; the compiler then corrects a figure of Xã Tân Phú. */
beforeAll(async () => {
  ctx = sampleDb();
  tmp = tempDir('bc121-trace-');
  const [blank] = await writeBlankWorkbooks(ctx, { year: 2026, outDir: path.join(tmp.dir, 'blank'), units: ['X05'] });
  const original = sample.submissions.find((s) => s.unit === 'X05' && s.year === 2026)!;
  const values = { ...original.values, pl01_xhtd_vu: (original.values.pl01_xhtd_vu ?? 0) + 1 };
  const filled = path.join(tmp.dir, path.basename(blank!.file));
  await fillWorkbookFile(blank!.file, filled, { values, documents: original.documents, texts: original.texts });
  const [result] = await importFiles(ctx, [filled]);
  expect(result).toMatchObject({ status: 'accepted', version: 2 });
  resubmittedId = result!.submissionId!;
  const x03 = ctx.db
    .prepare("SELECT s.id FROM submissions s JOIN units u ON u.id = s.unit_id WHERE u.code = 'X03' AND s.year = 2026 AND s.is_current = 1")
    .get() as { id: number };
  const correct = ctx.db.prepare('INSERT INTO corrections (submission_id, code, value, reason, by, at) VALUES (?, ?, ?, ?, ?, ?)');
  correct.run(x03.id, 'pl01_xhtd_vu', 5, 'Gõ nhầm', 'tester', '2026-11-26T08:00:00Z');
  correct.run(x03.id, 'pl01_xhtd_vu', 4, 'Theo công văn bổ sung', 'tester', '2026-11-27T08:00:00Z');
});
afterAll(() => {
  tmp.cleanup();
  ctx.db.close();
});

/** Year rows of PL01 start at 10, 7 rows apart: 2026 is the 4th year, Xâm hại tình dục the 3rd form. */
const XHTD_2026 = 'C34';

describe('traceAnnexCell', () => {
  it('lists every local unit behind a form figure, with versions, files, workbook cells, submitted and corrected values', () => {
    const t = traceAnnexCell(ctx, { annex: 'PL01', cell: XHTD_2026, year: 2026 });
    expect(t).toMatchObject({ annex: 'PL01', sheet: 'PL01', cell: 'C34', year: 2026, formula: null, label: 'Năm 2026 — Xâm hại tình dục — Số vụ' });
    const reporters = unitsOfKind('dia_phuong').filter((u) => sample.submissions.some((s) => s.unit === u && s.year === 2026));
    expect(t.values.map((v) => v.unit.code)).toEqual(reporters);
    expect(t.values.every((v) => v.code === 'pl01_xhtd_vu' && v.year === 2026)).toBe(true);

    const x05 = t.values.find((v) => v.unit.code === 'X05')!;
    expect(x05).toMatchObject({ submissionId: resubmittedId, version: 2, fileName: 'X05 - Xã Minh Đức - 2026.xlsx', correction: null });
    expect(x05.cell).toMatch(/^PL01!\$?C\$?\d+$/); // vu is the first measure column of the input sheet
    expect(x05.value).toBe(expectedSum(2026, ['pl01_xhtd_vu'], { unit: 'X05' })! + 1);

    const x03 = t.values.find((v) => v.unit.code === 'X03')!;
    expect(x03).toMatchObject({ version: 1, submitted: expectedSum(2026, ['pl01_xhtd_vu'], { unit: 'X03' }), value: 4 });
    expect(x03.correction).toMatchObject({ value: 4, reason: 'Theo công văn bổ sung' });

    const sumOfValues = t.values.reduce((n, v) => n + (v.value ?? 0), 0);
    expect(t.value).toBe(sumOfValues);
    expect(t.missing).toEqual([{ code: 'X12', name: 'Xã Vĩnh Lộc', year: 2026 }]);
  });

  it('agrees with the written annex, which counts the new version and the correction', async () => {
    const out = path.join(tmp.dir, 'out');
    await generateAnnexes(ctx, { year: 2026, outDir: out });
    const ws = sheet(await readWorkbook(out, 'Phu luc 01.xlsx'), 'PL01');
    const t = traceAnnexCell(ctx, { annex: 'PL01', cell: XHTD_2026, year: 2026 });
    expect(shown(ws, XHTD_2026)).toBe(t.value);
    const fromSample = expectedSum(2026, ['pl01_xhtd_vu'], { kind: 'dia_phuong' })!;
    const x03 = expectedSum(2026, ['pl01_xhtd_vu'], { unit: 'X03' })!;
    expect(t.value).toBe(fromSample + 1 - x03 + 4);
  });

  it('expands a total into the figures under it and gives its formula', () => {
    const t = traceAnnexCell(ctx, { annex: 'pl01', cell: '$C$31', year: 2026 });
    expect(t.formula).toBe('SUM(C32:C37)');
    expect(new Set(t.values.map((v) => v.code))).toEqual(new Set(['bl', 'bb', 'xhtd', 'mb', 'br', 'khac'].map((f) => `pl01_${f}_vu`)));
    expect(t.value).toBe(t.values.reduce((n, v) => n + (v.value ?? 0), 0));
  });

  it('traces a cell of the by-unit sheet to that unit alone, and a procuracy figure to the procuracy', () => {
    const local = traceAnnexCell(ctx, { annex: 'PL01', sheet: 'PL01_DIA_BAN', cell: 'D13', year: 2026 });
    expect(new Set(local.values.map((v) => v.unit.code))).toEqual(new Set(['X05']));
    expect(local.values.map((v) => v.code)).toHaveLength(6);
    const vks = traceAnnexCell(ctx, { annex: 'PL03', cell: 'E40', year: 2026 });
    expect(vks.label).toBe('Năm 2026 — Hiếp dâm người dưới 16 tuổi (Điều 142) — Khởi tố — Vụ');
    expect(vks.values).toHaveLength(1);
    expect(vks.values[0]).toMatchObject({
      unit: { code: 'VKS' },
      code: 'pl03_d142_kt_vu',
      value: expectedSum(2026, ['pl03_d142_kt_vu'], { kind: 'vien_kiem_sat' }),
    });
  });

  it('traces a listed document to every unit that reported it', () => {
    const ws45 = traceAnnexCell(ctx, { annex: 'PL02', cell: 'C11', year: 2026 });
    expect(ws45.value).toBe('45/KH-UBND');
    expect(new Set(ws45.documents.map((d) => d.unit.code))).toEqual(new Set(['SYT', 'MTTQ']));
  });

  it('refuses a cell that holds no figure, in Vietnamese', () => {
    expect(() => traceAnnexCell(ctx, { annex: 'PL01', cell: 'B11', year: 2026 })).toThrow(/không phải là số liệu/);
    expect(() => traceAnnexCell(ctx, { annex: 'PL09', cell: 'C11', year: 2026 })).toThrow(/Không có phụ lục/);
  });
});
