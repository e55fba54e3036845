// A workbook filled and re-saved by LibreOffice (as by Excel) imports with the same figures:
// cells are found by defined name, never by position.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/store/context.ts';
import { importFiles } from '../../electron/services/imports.ts';
import { emptySampleDb, sample, tempDir } from '../helpers/fixtures.ts';
import { filledWorkbookFile } from '../helpers/workbooks.ts';

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
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

describe.skipIf(!hasSoffice)('LibreOffice re-save (skipped: soffice not installed)', () => {
  it('a commune and the court workbook re-saved by LibreOffice import with every figure, document and text', async () => {
    const picks = sample.submissions.filter((s) => s.year === 2026 && ['X01', 'TAND', 'SYT'].includes(s.unit));
    const filled = path.join(dir, 'filled');
    const resaved = path.join(dir, 'resaved');
    mkdirSync(filled);
    mkdirSync(resaved);
    const files = [];
    for (const s of picks) files.push(await filledWorkbookFile(ctx, filled, s.unit, 2026, { values: s.values, documents: s.documents, texts: s.texts }));
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', resaved, ...files],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const results = await importFiles(ctx, [resaved]);
    expect(results.map((r) => [r.unit, r.status])).toEqual(expect.arrayContaining(picks.map((p) => [p.unit, 'accepted'])));
    for (const s of picks) {
      const r = results.find((x) => x.unit === s.unit)!;
      const rows = ctx.db.prepare('SELECT code, value FROM submission_values WHERE submission_id = ?').all(r.submissionId) as {
        code: string;
        value: number | null;
      }[];
      const stored = new Map(rows.map((x) => [x.code, x.value]));
      for (const [code, v] of Object.entries(s.values)) expect(stored.get(code), `${s.unit} ${code}`).toBe(v);
      for (const [code, v] of stored) if (!(code in s.values)) expect(v, `${s.unit} ${code} stays blank`).toBeNull();
      const docs = ctx.db.prepare('SELECT so_ky_hieu, ngay, trich_yeu FROM documents WHERE submission_id = ? ORDER BY row_no').all(r.submissionId);
      expect(docs).toEqual((s.documents ?? []).map((d) => ({ so_ky_hieu: d.so_ky_hieu, ngay: d.ngay, trich_yeu: d.trich_yeu })));
      const texts = Object.fromEntries(
        (ctx.db.prepare('SELECT code, text FROM narratives WHERE submission_id = ?').all(r.submissionId) as { code: string; text: string }[]).map((t) => [
          t.code,
          t.text,
        ]),
      );
      expect(texts).toEqual(s.texts ?? {});
    }
  }, 180_000);
});
