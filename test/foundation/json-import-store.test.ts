// The store's shortcuts for a roll-up's JSON import give the rows and figures of its plain paths: units read in one
// query and inserted with their parents, a submission stored with its unit and current version handed over, a
// period's figures read as lists; and a file refused part way leaves nothing behind.
import { describe, expect, it } from 'vitest';
import { exportYear, importJson } from '../../electron/services/interchange.ts';
import { yearFigures } from '../../electron/store/aggregate.ts';
import type { ServiceContext } from '../../electron/store/context.ts';
import {
  contentHash,
  currentSubmissionId,
  insertSubmissionVersion,
  submissionValues,
  type NewSubmission,
  type SubmissionContent,
} from '../../electron/store/submissions.ts';
import { upsertUnits } from '../../electron/store/units.ts';
import { openDatabase } from '../../electron/db/database.ts';
import { emptySampleDb, sample, sampleDb, tempDir } from '../helpers/fixtures.ts';
import path from 'node:path';
import { createHash } from 'node:crypto';

/** Every row of the tables a submission or a unit list writes, without the moments they were written at. */
function rowsOf(ctx: ServiceContext): Record<string, unknown[]> {
  const tables = {
    units: 'SELECT u.code, u.name, u.kind, p.code AS parent, u.sort_order, u.active FROM units u LEFT JOIN units p ON p.id = u.parent_id ORDER BY u.id',
    unit_history: 'SELECT u.code, h.change, h.old_value, h.new_value FROM unit_history h JOIN units u ON u.id = h.unit_id ORDER BY h.id',
    submissions:
      'SELECT id, unit_id, year, period, version, source, file_name, sha256, content_sha256, workbook_id, template_version, received_at, is_current FROM submissions ORDER BY id',
    submission_values: 'SELECT submission_id, code, value, raw, cell, formula FROM submission_values ORDER BY submission_id, code',
    documents: 'SELECT submission_id, row_no, cap, loai, so_ky_hieu, ngay, co_quan, trich_yeu, ghi_chu, cell, han FROM documents ORDER BY id',
    narratives: 'SELECT submission_id, code, text, cell FROM narratives ORDER BY submission_id, code',
    corrections: 'SELECT submission_id, code, value, reason, by, at FROM corrections ORDER BY id',
    audit_log: 'SELECT user, action, entity, entity_id, old_value, new_value, reason FROM audit_log ORDER BY id',
  };
  return Object.fromEntries(Object.entries(tables).map(([name, sql]) => [name, ctx.db.prepare(sql).all()]));
}

const submission = (unitCode: string, values: NewSubmission['values']): NewSubmission => ({
  unitCode,
  year: 2026,
  source: 'json',
  fileName: 'x.json',
  sha256: null,
  workbookId: null,
  templateVersion: 1,
  receivedAt: '2026-11-20T08:00:00.000Z',
  findings: [],
  values,
  documents: [{ cap: 'Cấp xã', loai: 'Kế hoạch', so_ky_hieu: '1/KH', ngay: '2026-02-03', co_quan: null, trich_yeu: 'Kế hoạch', ghi_chu: null }],
  narratives: [{ code: 't_a2', text: 'Nội dung' }],
  corrections: [{ code: 'a', value: 3, reason: 'bổ sung', by: 'tester', at: '2026-11-21T08:00:00Z' }],
});

describe('the JSON import path of the store', () => {
  it("a submission's content hash is the SHA-256 of its canonical JSON, whatever lists of codes were hashed before", () => {
    // The definition of the hash, written out: each list sorted by code with localeCompare (stably), then JSON.stringify.
    const sorted = <T extends { code: string }>(items: T[]) =>
      items
        .map((item, i) => ({ item, i }))
        .sort((a, b) => a.item.code.localeCompare(b.item.code) || a.i - b.i)
        .map((x) => x.item);
    const expected = (c: SubmissionContent) =>
      createHash('sha256')
        .update(
          JSON.stringify({
            values: sorted(c.values).map((v) => [v.code, v.value]),
            documents: c.documents.map((d) => [
              d.cap,
              d.loai,
              d.so_ky_hieu,
              d.ngay,
              d.co_quan ?? null,
              d.trich_yeu,
              d.ghi_chu ?? null,
              ...(d.han ? [d.han] : []),
            ]),
            narratives: sorted(c.narratives).map((n) => [n.code, n.text]),
          }),
        )
        .digest('hex');
    const doc = {
      cap: 'Cấp xã',
      loai: 'Kế hoạch',
      so_ky_hieu: '1/KH',
      ngay: '2026-02-03',
      co_quan: null,
      trich_yeu: 'Kế "hoạch"',
      ghi_chu: null,
      han: '2026-12-31',
    };
    // Codes that need escaping, sort alike under localeCompare (a code twice), or share a length, first and last code.
    const odd = ['b"\\q', 'B', 'a', 'á', 'A', '\u2028', 'a', 'đ', 'z'];
    const figures = [-0, 1e21, Infinity, NaN, 1.5e-7, null, 3, 123456.789, 0.1 + 0.2];
    const contents: SubmissionContent[] = [
      {
        values: odd.map((code, i) => ({ code, value: figures[i]! })),
        documents: [doc],
        narratives: [
          { code: 't_b', text: 'Hai' },
          { code: 't_a', text: 'Một' },
        ],
      },
      // The same length, first and last code as the list above, another code between: its own order.
      { values: ['b"\\q', 'y', 'x', 'c', 'b', 'a', 'a', 'đ', 'z'].map((code, i) => ({ code, value: i })), documents: [], narratives: [] },
      { values: odd.map((code, i) => ({ code, value: i * 2.5 })), documents: [{ ...doc, han: null }], narratives: [] },
      { values: [], documents: [], narratives: [] },
    ];
    for (const c of [...contents, ...contents]) expect(contentHash(c)).toBe(expected(c));
  });

  it('a submission stored with its unit and current version handed over gives the rows of the plain path', () => {
    const unit = sample.units.find((u) => u.kind !== 'tinh')!.code;
    // 70 figures: a full statement of 64 rows and one of 6; cell and raw text in one chunk only.
    const values = Array.from({ length: 70 }, (_, i) => ({ code: `c${String(i).padStart(2, '0')}`, value: i % 7 === 0 ? null : i * 1.5 }));
    const withCells = values.map((v, i) => (i === 66 ? { ...v, raw: '99,5', cell: 'PL01!E10', formula: null } : v));
    const store = (known: boolean) => {
      const ctx = emptySampleDb();
      ctx.db.transaction(() => {
        for (const vs of [values, withCells]) {
          const s = submission(unit, vs);
          const current = currentSubmissionId(ctx, unit, 2026);
          const unitId = (ctx.db.prepare('SELECT id FROM units WHERE code = ?').get(unit) as { id: number }).id;
          insertSubmissionVersion(ctx, s, known ? { unitId, current } : undefined);
        }
      })();
      return rowsOf(ctx);
    };
    const plain = store(false);
    expect(store(true)).toEqual(plain);
    // What the rows must be, written out: two versions, the second current, its raw text and cell kept.
    expect((plain.submissions as { version: number; is_current: number }[]).map((s) => [s.version, s.is_current])).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expect(plain.submission_values).toHaveLength(140);
    expect(plain.submission_values).toContainEqual({ submission_id: 2, code: 'c66', value: 99, raw: '99,5', cell: 'PL01!E10', formula: null });
    expect(plain.submission_values).toContainEqual({ submission_id: 1, code: 'c66', value: 99, raw: null, cell: null, formula: null });
    expect(plain.submission_values).toContainEqual({ submission_id: 1, code: 'c07', value: null, raw: null, cell: null, formula: null });
  });

  it("a file holding a unit's year twice stores two versions numbered after those held (a half-year's counted), the last current", () => {
    const ctx = sampleDb();
    const exported = exportYear(ctx, 2026);
    const first = exported.submissions[0]!;
    const code = Object.keys(first.values)[0]!;
    // A half-year's version of the same unit-year: numbered with the year's, current for its own period only.
    ctx.db.transaction(() => insertSubmissionVersion(ctx, { ...submission(first.unit, [{ code, value: 9 }]), period: '2026-H1', corrections: [] }))();
    const versions = () =>
      ctx.db
        .prepare(
          'SELECT s.period, s.version, s.is_current FROM submissions s JOIN units u ON u.id = s.unit_id WHERE u.code = ? AND s.year = 2026 ORDER BY s.version',
        )
        .raw()
        .all(first.unit);
    expect(versions()).toEqual([
      ['2026', 1, 1],
      ['2026-H1', 2, 1],
    ]);
    const twice = { ...exported, submissions: [1, 2].map((value) => ({ ...first, values: { ...first.values, [code]: value } })) };
    expect(importJson(ctx, twice, 'twice.json')).toMatchObject({ submissions: 2, unchanged: 0 });
    expect(versions()).toEqual([
      ['2026', 1, 0],
      ['2026-H1', 2, 1],
      ['2026', 3, 0],
      ['2026', 4, 1],
    ]);
    expect(currentSubmissionId(ctx, first.unit, 2026)).toMatchObject({ version: 4 });
    expect(submissionValues(ctx, currentSubmissionId(ctx, first.unit, 2026)!.id).get(code)).toBe(2);
    // The last one again is what is held; the first again is a new version, and the last after it another.
    expect(importJson(ctx, { ...twice, submissions: [twice.submissions[1]!] })).toMatchObject({ submissions: 0, unchanged: 1 });
    expect(importJson(ctx, twice)).toMatchObject({ submissions: 2, unchanged: 0 });
    expect(versions().slice(-2)).toEqual([
      ['2026', 5, 0],
      ['2026', 6, 1],
    ]);
  });

  it('a unit list takes parents listed before or after a unit, held ones and a code listed twice; a moved unit is recorded', () => {
    const ctx = emptySampleDb();
    const kind = sample.units.find((u) => u.kind !== 'tinh')!.kind;
    const held = sample.units.find((u) => u.kind === 'tinh')!.code;
    upsertUnits(ctx, [{ code: 'OLD', name: 'Cũ', kind, parent: null }]);
    const r = upsertUnits(ctx, [
      { code: 'CHILD', name: 'Con', kind, parent: 'LATER' },
      { code: 'LATER', name: 'Cha đến sau', kind, parent: 'FIRST' },
      { code: 'FIRST', name: 'Cha', kind, parent: held },
      { code: 'UNDER_FIRST', name: 'Con của cha', kind, parent: 'FIRST' },
      { code: 'OLD', name: 'Cũ', kind, parent: 'FIRST' },
      { code: 'TWICE', name: 'Hai lần', kind, parent: null },
      { code: 'TWICE', name: 'Hai lần, tên mới', kind, parent: 'FIRST' },
    ]);
    expect(r).toEqual({ added: 5, updated: 1 });
    const parentOf = (code: string) =>
      (ctx.db.prepare('SELECT p.code FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.code = ?').pluck().get(code) as string | null) ?? null;
    expect(['CHILD', 'LATER', 'FIRST', 'UNDER_FIRST', 'OLD', 'TWICE'].map(parentOf)).toEqual(['LATER', 'FIRST', held, 'FIRST', 'FIRST', 'FIRST']);
    const history = rowsOf(ctx).unit_history as { code: string; change: string; old_value: string | null; new_value: string | null }[];
    // A new unit is "created" only; a held unit given a parent (none before) is not "moved"; the twice-listed one is renamed.
    expect(history.filter((h) => h.change !== 'created')).toEqual([{ code: 'TWICE', change: 'renamed', old_value: 'Hai lần', new_value: 'Hai lần, tên mới' }]);
    // Moved again, from one parent to another: recorded.
    upsertUnits(ctx, [{ code: 'OLD', name: 'Cũ', kind, parent: 'LATER' }]);
    expect(parentOf('OLD')).toBe('LATER');
    expect((rowsOf(ctx).unit_history as { change: string }[]).at(-1)).toMatchObject({ code: 'OLD', change: 'moved', old_value: 'FIRST', new_value: 'LATER' });
  });

  it('a loop made through held units or among new ones is refused whole, naming the first unit (in the store) whose chain has one', () => {
    const ctx = emptySampleDb();
    const kind = sample.units.find((u) => u.kind !== 'tinh')!.kind;
    upsertUnits(ctx, [
      { code: 'A', name: 'A', kind, parent: null },
      { code: 'B', name: 'B', kind, parent: 'A' },
      { code: 'C', name: 'C', kind, parent: 'B' },
    ]);
    const before = rowsOf(ctx);
    // C (held) above A: A → C → B → A. A is the first unit read whose chain runs into it.
    expect(() => upsertUnits(ctx, [{ code: 'A', name: 'A', kind, parent: 'C' }])).toThrow(/đơn vị A nằm trong một vòng lặp cấp trên/);
    expect(rowsOf(ctx)).toEqual(before);
    // Two new units, each the other's parent, below a new one added in the same list.
    expect(() =>
      upsertUnits(ctx, [
        { code: 'N0', name: 'N0', kind, parent: 'N1' },
        { code: 'N1', name: 'N1', kind, parent: 'N2' },
        { code: 'N2', name: 'N2', kind, parent: 'N1' },
      ]),
    ).toThrow(/đơn vị N0 nằm trong một vòng lặp cấp trên/);
    expect(rowsOf(ctx)).toEqual(before);
  });

  it("a period's figures are each current submission's own, corrections applied, in code order", () => {
    const ctx = sampleDb();
    const x = sample.units.find((u) => u.kind !== 'tinh')!.code;
    const current = currentSubmissionId(ctx, x, 2026)!;
    // A code holding the separator of the codes' list, and a correction over a figure.
    ctx.db.prepare("INSERT INTO submission_values (submission_id, code, value) VALUES (?, 'odd' || char(31) || 'code', 7.25)").run(current.id);
    ctx.db
      .prepare(
        "INSERT INTO corrections (submission_id, code, value, reason, by, at) SELECT ?, code, 1234, 'r', 'b', 'a' FROM submission_values WHERE submission_id = ? LIMIT 1",
      )
      .run(current.id, current.id);
    for (const year of sample.years) {
      const fig = yearFigures(ctx, year);
      const ids = ctx.db.prepare('SELECT id FROM submissions WHERE period = ? AND is_current = 1').pluck().all(String(year)) as number[];
      expect(fig.byUnit.size).toBe(ids.length);
      for (const f of fig.byUnit.values()) expect([...f.values]).toEqual([...submissionValues(ctx, f.submissionId)]);
    }
    expect(yearFigures(ctx, 2026).byUnit.get(x)!.values.get('odd\x1fcode')).toBe(7.25);
  });

  it('a file refused at its last submission leaves the database as it was: no unit, submission, figure or audit line', () => {
    const ctx = emptySampleDb();
    const before = rowsOf(ctx);
    const subs = sample.submissions.filter((s) => s.year === 2026);
    const last = subs.at(-1)!;
    const code = Object.keys(last.values)[0]!;
    const file = {
      ...sample,
      units: [...sample.units, { code: 'NEW_UNIT', name: 'Đơn vị mới', kind: sample.units.at(-1)!.kind, parent: sample.units[0]!.code }],
      submissions: [...subs.slice(0, -1), { ...last, values: { ...last.values, [code]: -5 } }],
    };
    expect(() => importJson(ctx, file, 'hong.json')).toThrow(/hong\.json.*số âm/);
    expect(rowsOf(ctx)).toEqual(before);
  });

  it('a database file keeps its statement journals in memory (temp_store 2), its WAL and synchronous setting as before', () => {
    const { dir, cleanup } = tempDir();
    try {
      const db = openDatabase(path.join(dir, 'x.sqlite'), { create: true });
      expect([db.pragma('temp_store', { simple: true }), db.pragma('journal_mode', { simple: true }), db.pragma('synchronous', { simple: true })]).toEqual([
        2,
        'wal',
        1,
      ]);
      db.close();
    } finally {
      cleanup();
    }
  });
});
