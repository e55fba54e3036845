// export then import-json into a fresh database gives identical figures, documents, texts and corrections.
import { describe, expect, it } from 'vitest';
import { exportYear, importJson, interchangeSchema } from '../../electron/services/interchange.ts';
import { currentValues, listSubmissions } from '../../electron/store/submissions.ts';
import { emptySampleDb, sample, sampleDb, TEST_NOW } from '../helpers/fixtures.ts';
import { initDatabase } from '../../electron/services/setup.ts';

function strip(e: ReturnType<typeof exportYear>) {
  // What must survive the trip: everything but the export time and the version numbers of the target.
  return { ...e, exported_at: undefined, submissions: e.submissions.map((s) => ({ ...s, version: undefined })) };
}

describe('JSON interchange', () => {
  it('the sample loads: 98 submissions over 4 years, blanks kept as null', () => {
    const ctx = sampleDb();
    expect(listSubmissions(ctx, { currentOnly: true })).toHaveLength(98);
    const x09 = sample.submissions.find((s) => s.unit === 'X09' && s.year === 2026)!;
    const stored = exportYear(ctx, 2026).submissions.find((s) => s.unit === 'X09')!;
    expect(stored.values).toEqual(x09.values);
    expect(stored.values['pl01_mb_tre']).toBeNull();
  });

  it.each([2023, 2026])('export %i → import-json into a fresh database → export: identical', (year) => {
    const a = sampleDb();
    a.db
      .prepare(
        "INSERT INTO corrections (submission_id, code, value, reason, by, at) SELECT s.id, 'pl01_bl_tre', 5, 'Xã báo cáo bổ sung', 'tester', '2026-11-20T08:00:00Z' FROM submissions s JOIN units u ON u.id = s.unit_id WHERE s.is_current = 1 AND s.year = ? AND u.code = 'X01'",
      )
      .run(year);
    const first = exportYear(a, year);
    const b = initDatabase({ file: ':memory:', province: 'An Lạc', years: [], now: TEST_NOW });
    const r = importJson(b, JSON.parse(JSON.stringify(first)), 'export.json');
    expect(r.submissions).toBe(first.submissions.length);
    const second = exportYear(b, year);
    expect(strip(second)).toEqual(strip(first));
    expect(second.submissions.some((s) => s.corrections?.length)).toBe(true);
  });

  it('importing the same export again stores nothing new; a malformed file is refused whole', () => {
    const a = sampleDb();
    const exported = exportYear(a, 2026);
    const b = emptySampleDb();
    importJson(b, exported);
    const again = importJson(b, exported);
    expect(again).toMatchObject({ submissions: 0, unchanged: exported.submissions.length });
    const count = (b.db.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n;
    expect(() => importJson(b, { ...exported, submissions: [{ unit: 'X01', year: 2026, values: { pl01_bl_tre: 'ba' } }] }, 'hong.json')).toThrow(
      /hong\.json không đúng định dạng/,
    );
    expect(() => importJson(b, { ...exported, submissions: [...exported.submissions, { unit: 'KHONG_CO', year: 2026, values: {} }] }, 'x.json')).toThrow(
      /"KHONG_CO"/,
    );
    expect(() =>
      importJson(
        b,
        {
          ...exported,
          submissions: [
            { unit: 'X01', year: 2026, values: {}, documents: [{ cap: 'Cấp xã', loai: 'Kế hoạch', so_ky_hieu: '1/KH', ngay: '2026-02-31', trich_yeu: 'x' }] },
          ],
        },
        'ngay.json',
      ),
    ).toThrow(/ngày "2026-02-31" không có thật/);
    expect((b.db.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n).toBe(count);
  });

  it('another province’s export under the same unit codes is refused whole, not merged into this one’s units', () => {
    const ctx = sampleDb();
    const before = exportYear(ctx, 2026);
    const other = exportYear(sampleDb(), 2026);
    other.units = other.units.map((u) => (u.parent === null ? { ...u, name: 'Tỉnh Bình Sơn' } : u));
    const communes = other.submissions.filter((s) => 'pl01_bl_tre' in s.values).length;
    other.submissions = other.submissions.map((s) => ('pl01_bl_tre' in s.values ? { ...s, values: { ...s.values, pl01_bl_tre: 99 } } : s));
    expect(() => importJson(ctx, other, 'binh-son.json')).toThrow(/binh-son\.json là số liệu của Tỉnh Bình Sơn, nhưng mã đơn vị "TINH" ở đây là Tỉnh An Lạc/);
    expect(strip(exportYear(ctx, 2026))).toEqual(strip(before));
    // The same province's file (its top-level unit's name written with other spacing and case) still imports.
    const same = { ...other, units: other.units.map((u) => (u.parent === null ? { ...u, name: ' tỉnh  An Lạc' } : u)) };
    expect(importJson(ctx, same, 'an-lac.json')).toMatchObject({ submissions: communes, unchanged: before.submissions.length - communes });
  });

  it('an export carrying corrections imported twice stores it once', () => {
    const a = sampleDb();
    a.db
      .prepare(
        "INSERT INTO corrections (submission_id, code, value, reason, by, at) SELECT s.id, 'pl01_bl_tre', 7, 'Bổ sung', 'x', '2026-11-20T08:00:00Z' FROM submissions s JOIN units u ON u.id = s.unit_id WHERE s.is_current = 1 AND s.year = 2026 AND u.code = 'X02'",
      )
      .run();
    const exported = exportYear(a, 2026);
    const b = emptySampleDb();
    expect(importJson(b, exported).submissions).toBe(exported.submissions.length);
    expect(importJson(b, exported)).toMatchObject({ submissions: 0, unchanged: exported.submissions.length });
  });

  it('figures are judged as the full schema judges them: its first issue reported, a "__proto__" figure dropped', () => {
    const exported = exportYear(sampleDb(), 2026);
    const first = exported.submissions[0]!;
    const code = Object.keys(first.values)[0]!;
    // What the schema itself says of a file, worded as importJson words it.
    const schemaSays = (data: unknown) => {
      const r = interchangeSchema.safeParse(data);
      if (r.success) throw new Error('the schema accepts this file');
      return `${r.error.issues[0]!.path.join('.')} — ${r.error.issues[0]!.message}`;
    };
    for (const values of [{ ...first.values, [code]: 'ba' }, [1, 2], null, { ...first.values, [code]: { n: 1 } }]) {
      const file = { ...exported, submissions: [{ ...first, values }] };
      const said = schemaSays(file);
      expect(said).toMatch(/^submissions\.0\.values/);
      expect(() => importJson(emptySampleDb(), file, 'hong.json')).toThrow(`Tệp hong.json không đúng định dạng dữ liệu Báo cáo 121: ${said}`);
    }
    // An own "__proto__" key (JSON.parse makes one) is no figure: the schema's record drops it.
    const withProto = JSON.parse(JSON.stringify({ ...exported, submissions: [first] }).replace('"values":{', '"values":{"__proto__":5,')) as typeof exported;
    expect(Object.keys(withProto.submissions[0]!.values)).toContain('__proto__');
    const a = emptySampleDb();
    importJson(a, withProto);
    const b = emptySampleDb();
    importJson(b, { ...exported, submissions: [first] });
    const stored = currentValues(a, first.unit, 2026);
    expect(stored?.size).toBe(Object.keys(first.values).length);
    expect(stored).toEqual(currentValues(b, first.unit, 2026));
  });

  it('a symbol key among the figures (only a JavaScript caller can make one) is refused with the schema’s reason, not a TypeError', () => {
    const exported = exportYear(sampleDb(), 2026);
    const first = exported.submissions[0]!;
    const withSymbol = { ...first.values, [Symbol('x')]: 5 };
    const file = { ...exported, submissions: [{ ...first, values: withSymbol }] };
    const r = interchangeSchema.safeParse(file);
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0]!;
    expect(() => importJson(emptySampleDb(), file, 'hong.json')).toThrow(
      `Tệp hong.json không đúng định dạng dữ liệu Báo cáo 121: ${issue.path.map(String).join('.')} — ${issue.message}`,
    );
  });

  it('a hidden (not enumerable) key among the figures is no figure, as the schema reads them', () => {
    const exported = exportYear(sampleDb(), 2026);
    const first = exported.submissions[0]!;
    const withHidden = Object.defineProperty({ ...first.values }, 'an', { value: 5, enumerable: false });
    const a = emptySampleDb();
    importJson(a, { ...exported, submissions: [{ ...first, values: withHidden }] });
    const b = emptySampleDb();
    importJson(b, { ...exported, submissions: [first] });
    expect(currentValues(a, first.unit, 2026)).toEqual(currentValues(b, first.unit, 2026));
    expect(currentValues(a, first.unit, 2026)?.size).toBe(Object.keys(first.values).length);
  });
});
