// Re-import makes a new version (never a silent overwrite); an identical file is recognised by its hash;
// blank and 0 stay distinct from the workbook to the database.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/store/context.ts';
import { importFiles } from '../../electron/services/imports.ts';
import { currentValues, listSubmissions } from '../../electron/store/submissions.ts';
import { correctFigure } from '../../electron/services/corrections.ts';
import { emptySampleDb, sample, tempDir } from '../helpers/fixtures.ts';
import { filledWorkbookFile } from '../helpers/workbooks.ts';

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

describe('versions', () => {
  it('a second, different file for the same unit and year is version 2; the first stays, superseded', async () => {
    const v1 = await filledWorkbookFile(ctx, dir, 'X05', 2026, { values: { pl01_xhtd_tre: 8, pl01_xhtd_vu: 7 } }, undefined, 'v1.xlsx');
    const v2 = await filledWorkbookFile(ctx, dir, 'X05', 2026, { values: { pl01_xhtd_tre: 9, pl01_xhtd_vu: 7 } }, undefined, 'v2.xlsx');
    const [r1] = await importFiles(ctx, [v1]);
    const [r2] = await importFiles(ctx, [v2]);
    expect([r1!.status, r1!.version, r2!.status, r2!.version]).toEqual(['accepted', 1, 'accepted', 2]);
    const subs = listSubmissions(ctx, { year: 2026 }).filter((s) => s.unit === 'X05');
    expect(subs.map((s) => [s.version, s.isCurrent, s.fileName])).toEqual([
      [1, false, 'v1.xlsx'],
      [2, true, 'v2.xlsx'],
    ]);
    expect(currentValues(ctx, 'X05', 2026)!.get('pl01_xhtd_tre')).toBe(9);
    // The first version's figures are still there.
    const old = ctx.db.prepare('SELECT value FROM submission_values WHERE submission_id = ? AND code = ?').get(r1!.submissionId, 'pl01_xhtd_tre') as {
      value: number;
    };
    expect(old.value).toBe(8);
    const log = ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'submission.import'").get() as { n: number };
    expect(log.n).toBe(2);
  });

  it('the identical file again is "same_file": nothing new stored', async () => {
    const f = await filledWorkbookFile(ctx, dir, 'X06', 2026, { values: { pl01_bl_tre: 1 } }, undefined, 'same.xlsx');
    const [a] = await importFiles(ctx, [f]);
    const count = () => (ctx.db.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n;
    const before = count();
    const [b] = await importFiles(ctx, [f]);
    expect(a!.status).toBe('accepted');
    expect(b!.status).toBe('same_file');
    expect(b!.findings[0]).toMatchObject({ code: 'same_file', severity: 'info' });
    expect(b!.findings[0]!.message).toMatch(/giống hệt phiên bản 1/);
    expect(count()).toBe(before);
  });

  it('blank is stored as NULL, 0 as 0, and every input cell of the unit has its row with its address', async () => {
    const f = await filledWorkbookFile(ctx, dir, 'X07', 2026, { values: { pl01_bl_tre: 0, pl01_bb_tre: 5 } }, undefined, 'blank0.xlsx');
    const [r] = await importFiles(ctx, [f]);
    const rows = ctx.db.prepare('SELECT code, value, cell FROM submission_values WHERE submission_id = ?').all(r!.submissionId) as {
      code: string;
      value: number | null;
      cell: string;
    }[];
    const byCode = new Map(rows.map((x) => [x.code, x]));
    expect(byCode.get('pl01_bl_tre')!.value).toBe(0);
    expect(byCode.get('pl01_bb_tre')!.value).toBe(5);
    expect(byCode.get('pl01_mb_tre')!.value).toBeNull();
    expect(byCode.has('pl01_mb_tre')).toBe(true);
    expect(byCode.get('pl01_bl_tre')!.cell).toMatch(/^PL01![A-Z]+\d+$/);
    expect(rows).toHaveLength(42 + 19); // PL01 matrix + SO_LIEU without the police block
  });

  it('a rejected file among accepted ones does not stop them; the batch reports each', async () => {
    const good = await filledWorkbookFile(ctx, dir, 'X08', 2026, { values: { pl01_bl_tre: 2 } }, undefined, 'good.xlsx');
    const bad = await filledWorkbookFile(ctx, dir, 'X09', 2026, { values: { pl01_bl_tre: 'hai' } }, undefined, 'bad.xlsx');
    const results = await importFiles(ctx, [bad, good]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'accepted']);
    expect(currentValues(ctx, 'X09', 2026)).toBeUndefined();
    expect(currentValues(ctx, 'X08', 2026)!.get('pl01_bl_tre')).toBe(2);
  });
});

describe('re-saved files and corrections', () => {
  it('a workbook re-saved with the same content is "same_file"; a changed one over a corrected version warns', async () => {
    const ctx = emptySampleDb();
    const { dir: d, cleanup: c } = tempDir();
    try {
      const answers = { values: { pl01_xhtd_tre: 3, pl01_xhtd_nam: 3 } };
      const a = await filledWorkbookFile(ctx, d, 'X10', 2026, answers, undefined, 'a.xlsx');
      // The same answers written again: a different file (new workbook_id, new bytes), the same content.
      const b = await filledWorkbookFile(ctx, d, 'X10', 2026, answers, undefined, 'b.xlsx');
      expect((await importFiles(ctx, [a]))[0]!.status).toBe('accepted');
      const [same] = await importFiles(ctx, [b]);
      expect(same!.status).toBe('same_file');
      expect(same!.findings[0]!.message).toMatch(/nội dung giống hệt phiên bản 1/);
      correctFigure(ctx, { unit: 'X10', year: 2026, code: 'pl01_xhtd_nam', value: 2, reason: 'Đính chính' });
      const changed = await filledWorkbookFile(ctx, d, 'X10', 2026, { values: { pl01_xhtd_tre: 4, pl01_xhtd_nam: 3 } }, undefined, 'c.xlsx');
      const [r] = await importFiles(ctx, [changed]);
      expect(r!.status).toBe('accepted');
      expect(r!.findings.find((f) => f.code === 'corrections_superseded')!.message).toMatch(
        /^Phiên bản 1 của Xã Trung Hà có 1 số liệu đã được sửa \(pl01_xhtd_nam\)/,
      );
    } finally {
      ctx.db.close();
      c();
    }
  });

  it("each stored submission's content hash is its own content's, as read back from the store (one batch of several units)", async () => {
    const ctx = emptySampleDb();
    const { dir: d, cleanup: c } = tempDir();
    try {
      const units = ['X01', 'X02', 'X03'];
      const files = [];
      for (const unit of units) {
        const s = sample.submissions.find((x) => x.unit === unit && x.year === 2026)!;
        files.push(await filledWorkbookFile(ctx, d, unit, 2026, { values: s.values, documents: s.documents, texts: s.texts }, undefined, `${unit}.xlsx`));
      }
      const results = await importFiles(ctx, files);
      expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
      const hashes = new Set<string>();
      for (const r of results) {
        const id = r.submissionId!;
        // The hash as its definition says (store/submissions.ts contentHash), written here from the stored rows.
        const values = ctx.db.prepare('SELECT code, value FROM submission_values WHERE submission_id = ?').all(id) as { code: string; value: number | null }[];
        values.sort((a, b) => a.code.localeCompare(b.code));
        const documents = (
          ctx.db
            .prepare('SELECT cap, loai, so_ky_hieu, ngay, co_quan, trich_yeu, ghi_chu, han FROM documents WHERE submission_id = ? ORDER BY row_no')
            .all(id) as Record<string, string | null>[]
        ).map((x) => [x.cap, x.loai, x.so_ky_hieu, x.ngay, x.co_quan, x.trich_yeu, x.ghi_chu, ...(x.han ? [x.han] : [])]);
        const narratives = ctx.db.prepare('SELECT code, text FROM narratives WHERE submission_id = ?').all(id) as { code: string; text: string }[];
        narratives.sort((a, b) => a.code.localeCompare(b.code));
        const text = JSON.stringify({ values: values.map((v) => [v.code, v.value]), documents, narratives: narratives.map((n) => [n.code, n.text]) });
        const stored = ctx.db.prepare('SELECT content_sha256 AS h FROM submissions WHERE id = ?').get(id) as { h: string };
        expect(stored.h).toBe(createHash('sha256').update(text).digest('hex'));
        hashes.add(stored.h);
      }
      expect(hashes.size).toBe(3);
      expect(
        results.some((r) => (ctx.db.prepare('SELECT COUNT(*) AS n FROM documents WHERE submission_id = ?').get(r.submissionId) as { n: number }).n > 0),
      ).toBe(true);
    } finally {
      ctx.db.close();
      c();
    }
  });
});
