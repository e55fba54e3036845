// The unit list and a year's figures are read once per state of the database (electron/db/change-stamp.ts):
// every change — by this connection, by another one, rolled back or not — must show in the next read.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keptRead } from '../../electron/db/change-stamp.ts';
import { importJson } from '../../electron/services/interchange.ts';
import { openContext } from '../../electron/store/context.ts';
import { documentKey, issuedDocuments, sumIndicators, yearFigures } from '../../electron/store/aggregate.ts';
import { insertSubmissionVersion } from '../../electron/store/submissions.ts';
import { listUnits, renameUnit, upsertUnits } from '../../electron/store/units.ts';
import { documentKey as keyOfFields } from '../../shared/text.ts';
import { emptySampleDb, sample, sampleDb, tempDir } from '../helpers/fixtures.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function fileSample(): { ctx: ReturnType<typeof sampleDb>; file: string } {
  const t = tempDir('bc121-kept-');
  const file = path.join(t.dir, 'season.sqlite');
  const ctx = sampleDb(file);
  cleanups.push(() => {
    ctx.db.close();
    t.cleanup();
  });
  return { ctx, file };
}

const nameOf = (ctx: ReturnType<typeof sampleDb>, code: string) => listUnits(ctx).find((u) => u.code === code)?.name;

describe('kept reads of the store', () => {
  it('the unit list follows renames, raw writes, rollbacks and another connection; each call gives its own array', () => {
    const { ctx, file } = fileSample();
    const first = listUnits(ctx);
    const code = first[3]!.code;
    const original = first[3]!.name;
    const kind = first.find((u) => u.kind !== 'tinh')!.kind;

    // A caller sorting or emptying its array does not change the next caller's.
    first.reverse().length = 0;
    expect(listUnits(ctx)[3]!.code).toBe(code);
    expect(Object.isFrozen(listUnits(ctx)[0])).toBe(true);

    renameUnit(ctx, code, 'Tên mới một');
    expect(nameOf(ctx, code)).toBe('Tên mới một');

    ctx.db.prepare('UPDATE units SET name = ? WHERE code = ?').run('Tên mới hai', code);
    expect(nameOf(ctx, code)).toBe('Tên mới hai');

    // A rename rolled back leaves the name as it was, and a later change still shows.
    expect(() =>
      ctx.db.transaction(() => {
        ctx.db.prepare('UPDATE units SET name = ? WHERE code = ?').run('Tên bị hủy', code);
        expect(nameOf(ctx, code)).toBe('Tên bị hủy');
        throw new Error('rollback');
      })(),
    ).toThrow('rollback');
    expect(nameOf(ctx, code)).toBe('Tên mới hai');
    ctx.db.prepare('UPDATE units SET name = ? WHERE code = ?').run(original, code);
    expect(nameOf(ctx, code)).toBe(original);

    // Another connection (another window or the command line) renames and adds a unit.
    const other = new Database(file);
    other.prepare('UPDATE units SET name = ? WHERE code = ?').run('Đổi từ nơi khác', code);
    other.close();
    expect(nameOf(ctx, code)).toBe('Đổi từ nơi khác');
    const count = listUnits(ctx).length;
    const again = openContext(file);
    upsertUnits(again, [{ code: 'X_NEW', name: 'Xã Mới', kind, parent: null }]);
    again.db.close();
    expect(listUnits(ctx)).toHaveLength(count + 1);
    expect(listUnits(ctx, { activeOnly: true }).map((u) => u.code)).toContain('X_NEW');
  });

  it("a year's figures follow a correction, a new version and another connection's import", () => {
    const { ctx, file } = fileSample();
    const year = 2026;
    const fig = yearFigures(ctx, year);
    const [code, unit] = [...fig.byUnit.entries()].find(([, f]) => f.values.get('pl01_bl_tre') != null)!;
    const submitted = unit.values.get('pl01_bl_tre')!;
    expect(yearFigures(ctx, year)).toBe(fig);

    ctx.db
      .prepare("INSERT INTO corrections (submission_id, code, value, reason, by, at) VALUES (?, 'pl01_bl_tre', ?, 'bổ sung', 't', '2026-11-20T08:00:00Z')")
      .run(unit.submissionId, submitted + 7);
    expect(yearFigures(ctx, year).byUnit.get(code)!.values.get('pl01_bl_tre')).toBe(submitted + 7);

    // Another connection takes a unit's figures away (its submission no longer current).
    const other = new Database(file);
    other.prepare('UPDATE submissions SET is_current = 0 WHERE id = ?').run(unit.submissionId);
    other.close();
    expect(yearFigures(ctx, year).byUnit.has(code)).toBe(false);
    expect(yearFigures(ctx, year).byUnit.size).toBe(fig.byUnit.size - 1);
  });

  it('a slot keeps the values of its last few keys, oldest let go first, all let go when the database changes', () => {
    const db = new Database(':memory:');
    cleanups.push(() => db.close());
    db.exec('CREATE TABLE t (x INTEGER)');
    const reads: string[] = [];
    const read = (key: string) => keptRead(db, 'slot', key, () => (reads.push(key), { key }), 2);
    const a = read('a');
    expect(read('b')).toEqual({ key: 'b' });
    expect(read('a')).toBe(a);
    expect(reads).toEqual(['a', 'b']);
    // A third key lets the oldest go (a, read first), not the one read last.
    read('c');
    expect(read('b')).toEqual({ key: 'b' });
    expect(reads).toEqual(['a', 'b', 'c']);
    expect(read('a')).not.toBe(a);
    expect(reads).toEqual(['a', 'b', 'c', 'a']);
    // A write lets every kept value go.
    db.prepare('INSERT INTO t VALUES (1)').run();
    read('a');
    read('c');
    expect(reads).toEqual(['a', 'b', 'c', 'a', 'a', 'c']);
    // Another slot keeps its own; a read inside a transaction is not kept.
    expect(keptRead(db, 'other', 'a', () => 1)).toBe(1);
    expect(read('a')).toEqual({ key: 'a' });
    db.transaction(() => read('d'))();
    read('d');
    expect(reads).toEqual(['a', 'b', 'c', 'a', 'a', 'c', 'd', 'd']);
  });

  it("the years' figures the annexes read are all kept for the report (not only the last year read)", () => {
    const ctx = sampleDb();
    const years = (ctx.db.prepare('SELECT DISTINCT year FROM submissions WHERE is_current = 1 ORDER BY year').all() as { year: number }[]).map((r) => r.year);
    expect(years.length).toBeGreaterThan(1);
    const first = years.map((y) => yearFigures(ctx, y));
    expect(years.map((y) => yearFigures(ctx, y))).toEqual(first);
    years.forEach((y, i) => expect(yearFigures(ctx, y)).toBe(first[i]));
  });

  it("the issued documents are read once per state of the database and follow another connection's change", () => {
    const { ctx, file } = fileSample();
    const [from, to] = ['2000-01-01', '2099-12-31'];
    const first = issuedDocuments(ctx, from, to);
    expect(first.length).toBeGreaterThan(0);
    expect(issuedDocuments(ctx, from, to)).toBe(first);
    // Another window might be given other dates: its own read.
    expect(issuedDocuments(ctx, from, '2026-06-30')).not.toBe(first);

    // Another connection changes a document's summary: the next read shows it.
    const target = first[0]!;
    const other = new Database(file);
    other.prepare('UPDATE documents SET trich_yeu = ? WHERE so_ky_hieu = ? AND ngay = ?').run('Trích yếu mới', target.so_ky_hieu, target.ngay);
    other.close();
    const again = issuedDocuments(ctx, from, to);
    expect(again).not.toBe(first);
    expect(again.find((d) => d.so_ky_hieu === target.so_ky_hieu && d.ngay === target.ngay)!.trich_yeu).toBe('Trích yếu mới');
  });

  it('a listed document keeps the key it was grouped by: the same key its fields give, and each key once', () => {
    const ctx = sampleDb();
    const docs = issuedDocuments(ctx, '2000-01-01', '2099-12-31');
    expect(docs.length).toBeGreaterThan(1);
    const keys = docs.map((d) => documentKey(d));
    // Computed afresh from the identifying fields (shared/text.ts), not from the kept key.
    expect(keys).toEqual(docs.map((d) => keyOfFields({ so_ky_hieu: d.so_ky_hieu, ngay: d.ngay, co_quan: d.co_quan }, ['so_ky_hieu', 'ngay', 'co_quan'])));
    expect(new Set(keys).size).toBe(docs.length);
    // A document the store did not list (another object with the same fields but a different number) has its own key.
    expect(documentKey({ ...docs[0]!, so_ky_hieu: `${docs[0]!.so_ky_hieu}-1` })).not.toBe(keys[0]);
  });

  it('sumIndicators: the same sums and coverage whichever unit of a kind asks whether the kind is expected', () => {
    const ctx = sampleDb();
    const fig = yearFigures(ctx, 2026);
    const asked: string[] = [];
    const kinds = [...new Set([...fig.byUnit.values()].map((f) => f.unit.kind))];
    const expectedKind = kinds[0]!;
    const sum = sumIndicators(fig, ['pl01_bl_tre', 'pl01_mb_tre'], (u) => (asked.push(u.kind), u.kind === expectedKind));
    expect(asked.sort()).toEqual([...kinds].sort());
    // Recomputed by hand over every unit of the figures.
    const units = [...fig.byUnit.values()].filter((f) => f.unit.kind === expectedKind);
    const given = units.filter((f) => f.values.get('pl01_bl_tre') != null || f.values.get('pl01_mb_tre') != null);
    const total = given.length ? given.reduce((t, f) => t + (f.values.get('pl01_bl_tre') ?? 0) + (f.values.get('pl01_mb_tre') ?? 0), 0) : null;
    expect(sum.total).toBe(total);
    expect(sum.reported.map((f) => f.unit.code)).toEqual(given.map((f) => f.unit.code));
    expect(sum.blank.map((f) => f.unit.code)).toEqual(units.filter((f) => !given.includes(f)).map((f) => f.unit.code));
  });

  it('a submission of more figures than one INSERT holds keeps every figure exactly, blanks as null', () => {
    const ctx = emptySampleDb();
    const unit = sample.units.find((u) => u.kind !== 'tinh')!;
    const values = Array.from({ length: 150 }, (_, i) => ({ code: `c${String(i).padStart(3, '0')}`, value: i % 7 === 0 ? null : i / 3 + 0.1 }));
    const { id } = ctx.db.transaction(() =>
      insertSubmissionVersion(ctx, {
        unitCode: unit.code,
        year: 2026,
        source: 'json',
        fileName: 'x.json',
        sha256: null,
        workbookId: null,
        templateVersion: ctx.template.version,
        findings: [],
        values,
        documents: [],
        narratives: [],
      }),
    )();
    const stored = ctx.db.prepare('SELECT code, value FROM submission_values WHERE submission_id = ? ORDER BY code').all(id);
    expect(stored).toEqual(values);
  });

  it('a unit list that makes a loop of parents is refused whole, naming a unit of the loop; a long chain is not a loop', () => {
    const ctx = emptySampleDb();
    const kind = sample.units.find((u) => u.kind !== 'tinh')!.kind;
    const chain = Array.from({ length: 30 }, (_, i) => ({ code: `C${i}`, name: `Đơn vị ${i}`, kind, parent: i === 0 ? null : `C${i - 1}` }));
    expect(upsertUnits(ctx, chain).added).toBe(30);
    const before = listUnits(ctx).length;
    expect(() => upsertUnits(ctx, [{ code: 'C0', name: 'Đơn vị 0', kind, parent: 'C29' }])).toThrow(/C\d+ nằm trong một vòng lặp cấp trên/);
    expect(listUnits(ctx)).toHaveLength(before);
    expect(listUnits(ctx).find((u) => u.code === 'C0')!.parentCode).toBeNull();
  });

  it('importing a file whose units name a parent later in the file keeps the parent', () => {
    const ctx = emptySampleDb();
    const kind = sample.units.find((u) => u.kind !== 'tinh')!.kind;
    importJson(
      ctx,
      {
        years: [2026],
        units: [
          { code: 'K1', name: 'Con', kind, parent: 'K0' },
          { code: 'K0', name: 'Cha', kind, parent: null },
          { code: 'K2', name: 'Mồ côi', kind, parent: 'KHONG_CO' },
        ],
        submissions: [],
      },
      'k.json',
    );
    const byCode = new Map(listUnits(ctx).map((u) => [u.code, u]));
    expect(byCode.get('K1')!.parentCode).toBe('K0');
    expect(byCode.get('K2')!.parentCode).toBeNull();
  });
});
