// Bounds as definition data: each indicator has a ceiling (a default per type in template.json, overrides per
// indicator), numbers must be finite, text that could mean 1 or 1000 is asked about, not guessed, and no
// Infinity or NaN reaches the store (and so no file).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctFigure } from '../../electron/services/corrections.ts';
import type { ServiceContext } from '../../electron/store/context.ts';
import { gridData } from '../../electron/services/grid.ts';
import { importFiles } from '../../electron/services/imports.ts';
import { exportYear, importJson } from '../../electron/services/interchange.ts';
import { insertSubmissionVersion } from '../../electron/store/submissions.ts';
import { loadTemplateFile, parseTemplate } from '../../electron/template-store.ts';
import { allIndicators } from '../../shared/template.ts';
import { checkNumber } from '../../shared/values/check-value.ts';
import { emptySampleDb, sampleDb, tempDir } from '../helpers/fixtures.ts';
import { dbSnapshot, filledWorkbookFile, namedCell } from '../helpers/workbooks.ts';

describe('ceilings are definition data', () => {
  const template = loadTemplateFile();
  it('template.json declares a ceiling per type; one indicator overrides it', () => {
    expect(template.bounds).toEqual({ count: 1_000_000_000, money: 10_000_000 });
    const byCode = new Map(allIndicators(template).map((i) => [i.code, i]));
    expect(byCode.get('pl01_bl_tre')!.max).toBe(1_000_000_000);
    expect(byCode.get('nl_kinh_phi_nsnn')!.max).toBe(10_000_000);
    expect(byCode.get('ktr_tien_phat')!.max).toBe(1_000_000);
    expect(allIndicators(template).every((i) => Number.isFinite(i.max) && i.max > 0)).toBe(true);
  });
  it('a template stored before bounds existed reads with the defaults', () => {
    const { bounds: _bounds, ...old } = JSON.parse(JSON.stringify(template)) as Record<string, unknown>;
    expect(parseTemplate(old).bounds).toEqual({ count: 1_000_000_000, money: 10_000_000 });
  });
  it('the grid is given each column ceiling, to check before asking for a reason', () => {
    const columns = gridData(sampleDb(), 2026, 'SO_LIEU').columns;
    expect(columns.find((c) => c.code === 'ktr_tien_phat')!.max).toBe(1_000_000);
  });
});

describe('the checker: finite, bounded, unambiguous', () => {
  const count = { type: 'count' as const, max: 1_000_000_000 };
  const money = { type: 'money' as const, max: 10_000_000 };
  it.each([1e308, Infinity, -Infinity, NaN])('%s is refused', (v) => expect(checkNumber(count, v).ok).toBe(false));
  it('the ceiling itself is taken, one more is not', () => {
    expect(checkNumber(count, 1_000_000_000)).toMatchObject({ ok: true, value: 1_000_000_000 });
    expect(checkNumber(count, 1_000_000_001)).toMatchObject({
      ok: false,
      code: 'value_too_large',
      reason: '1.000.000.001 vượt mức tối đa 1.000.000.000 của chỉ tiêu này; đề nghị đơn vị kiểm tra lại số liệu.',
    });
  });
  it('"1,000" and "1.000" are asked about, in both types', () => {
    for (const def of [count, money]) {
      expect(checkNumber(def, '1,000')).toMatchObject({
        ok: false,
        code: 'ambiguous_number',
        reason: expect.stringMatching(/^không rõ "1,000" là 1000 \(dấu ngăn cách hàng nghìn\) hay 1 \(dấu thập phân\)\. Đề nghị đơn vị/),
      });
      expect(checkNumber(def, '1.000')).toMatchObject({ ok: false, code: 'ambiguous_number' });
    }
  });
  it('unambiguous forms are read: "12", "12,5", "1.234.567", "1.234,5", and "1.234" for a count (1,234 children cannot be)', () => {
    expect(checkNumber(count, '12')).toMatchObject({ ok: true, value: 12 });
    expect(checkNumber(money, '12,5')).toMatchObject({ ok: true, value: 12.5 });
    expect(checkNumber(money, '0,125')).toMatchObject({ ok: true, value: 0.125 });
    expect(checkNumber(count, '1.234.567')).toMatchObject({ ok: true, value: 1_234_567 });
    expect(checkNumber(money, '1.234,5')).toMatchObject({ ok: true, value: 1234.5 });
    expect(checkNumber(count, '1.234')).toMatchObject({ ok: true, value: 1234 });
    // Money can be 1,234 (triệu đồng) as well as 1234: asked. A comma before three digits is always asked.
    expect(checkNumber(money, '1.234')).toMatchObject({
      ok: false,
      code: 'ambiguous_number',
      reason: expect.stringContaining('là 1234 (dấu ngăn cách hàng nghìn) hay 1,234 (dấu thập phân)'),
    });
    expect(checkNumber(count, '1,234')).toMatchObject({ ok: false, code: 'ambiguous_number' });
  });
});

describe('every way in refuses them', () => {
  let ctx: ServiceContext;
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    ctx = emptySampleDb();
  });
  afterAll(() => {
    ctx.db.close();
    cleanup();
  });
  const refusedWorkbook = async (name: string, cell: string, value: string | number, code: string, message: RegExp) => {
    const file = await filledWorkbookFile(
      ctx,
      dir,
      'X03',
      2026,
      { values: { pl01_bl_vu: 1 }, documents: [], texts: {} },
      (w) => {
        namedCell(w, cell).value = value;
      },
      `${name}.xlsx`,
    );
    const before = dbSnapshot(ctx);
    const [r] = await importFiles(ctx, [file]);
    expect(r!.status).toBe('rejected');
    expect(r!.findings.find((f) => f.code === code)?.message, JSON.stringify(r!.findings)).toMatch(message);
    expect(dbSnapshot(ctx)).toBe(before);
  };
  it('workbook: 1e308, a count over its ceiling, money over the overridden ceiling', async () => {
    await refusedWorkbook('huge', 'v_pl01_bl_tre', 1e308, 'value_too_large', /PL01!.* vượt mức tối đa 1\.000\.000\.000/);
    await refusedWorkbook('fine', 'v_ktr_tien_phat', 1_000_001, 'value_too_large', /vượt mức tối đa 1\.000\.000 của chỉ tiêu này/);
  });
  it('workbook: "1,000" is no longer read as 1 with a warning; it is refused with a question to the unit', async () => {
    await refusedWorkbook('thousand-comma', 'v_tt_cuoc', '1,000', 'ambiguous_number', /"1,000" là 1000 .* hay 1 .*Đề nghị đơn vị xác nhận/);
    await refusedWorkbook('thousand-dot', 'v_nl_kinh_phi_nsnn', '1.000', 'ambiguous_number', /"1\.000" là 1000/);
  });
  it('import-json and corrections', () => {
    const exported = exportYear(sampleDb(), 2026);
    const x01 = exported.submissions.find((s) => s.unit === 'X01')!;
    expect(() => importJson(emptySampleDb(), { ...exported, submissions: [{ ...x01, values: { ...x01.values, pl01_bl_tre: 1e308 } }] }, 'a.json')).toThrow(
      /pl01_bl_tre = 1e\+308 không hợp lệ.*vượt mức tối đa/,
    );
    const s = sampleDb();
    expect(() => correctFigure(s, { unit: 'X01', year: 2026, code: 'pl01_bl_tre', value: 1e308, reason: 'thử' })).toThrow(/vượt mức tối đa/);
    expect(() => correctFigure(s, { unit: 'X01', year: 2026, code: 'pl01_bl_tre', value: Infinity, reason: 'thử' })).toThrow(/không phải là số hữu hạn/);
  });
  it('the store itself refuses Infinity and NaN, whatever path they took', () => {
    for (const bad of [Infinity, NaN]) {
      const before = dbSnapshot(ctx);
      expect(() =>
        ctx.db.transaction(() =>
          insertSubmissionVersion(ctx, {
            unitCode: 'X03',
            year: 2026,
            source: 'json',
            fileName: null,
            sha256: null,
            workbookId: null,
            templateVersion: 1,
            values: [{ code: 'pl01_bl_tre', value: bad }],
            documents: [],
            narratives: [],
            findings: [],
          }),
        )(),
      ).toThrow(/không phải là số hữu hạn; không lưu/);
      expect(dbSnapshot(ctx)).toBe(before);
    }
  });
});
