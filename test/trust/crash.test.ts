// Crash safety: the import process is killed (SIGKILL) inside a file's transaction, at INSERTs chosen by
// a seeded PRNG (crash-child.ts stops dead at the chosen step and is killed there: no timing involved);
// after each kill the database passes integrity_check and exactly the files committed before it are in,
// each whole. CRASH_KILLS=20 runs more kills than the suite does; CRASH_SEED=… another sequence.
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorsForKind } from '../../shared/template.ts';
import { emptySampleDb, sample, tempDir } from '../helpers/fixtures.ts';
import { filledWorkbookFile } from '../helpers/workbooks.ts';
import { collectImportFiles } from '../../electron/services/imports.ts';
import { killPoints, prng, runChild, SEED } from './crash-harness.ts';

const KILLS = Number(process.env.CRASH_KILLS ?? 3);
let dir: string;
let cleanup: () => void;
let seedDb: string;
let folder: string;
const expected = new Map<string, { unit: string; values: number; documents: number }>(); // by sha256

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('bc121-crash-'));
  seedDb = path.join(dir, 'seed.sqlite');
  folder = path.join(dir, 'in');
  mkdirSync(folder);
  const ctx = emptySampleDb(seedDb);
  // A large folder: every 2026 and 2025 submission of the sample (one file per unit and year: two files for
  // one unit and year in one batch are both refused).
  for (const [round, year] of [
    [1, 2026],
    [2, 2025],
  ] as const) {
    for (const s of sample.submissions.filter((x) => x.year === year)) {
      const values = s.values;
      const file = await filledWorkbookFile(
        ctx,
        folder,
        s.unit,
        year,
        { values, documents: s.documents, texts: s.texts },
        undefined,
        `${round}-${s.unit}.xlsx`,
      );
      const unit = sample.units.find((u) => u.code === s.unit)!;
      const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
      expected.set(sha, { unit: s.unit, values: indicatorsForKind(ctx.template, unit.kind).length, documents: s.documents?.length ?? 0 });
    }
  }
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  ctx.db.close();
}, 120_000);
afterAll(() => cleanup());

function storedShas(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT sha256 FROM submissions').all() as { sha256: string }[]).map((r) => r.sha256);
  } finally {
    db.close();
  }
}

describe(`crash safety (seed ${SEED})`, () => {
  it(`survives ${KILLS} SIGKILLs inside the transactions of an import of a folder of two seasons`, async () => {
    // A run to the end first: every file in, and how many steps (INSERTs, progress reports) there are.
    const fullDb = path.join(dir, 'full.sqlite');
    copyFileSync(seedDb, fullDb);
    const full = await runChild('import', fullDb, folder, 0);
    // The files in the order the import takes them, and which of them the full run took (a second copy
    // whose figures are all blank is the same content, not a new version).
    const order = collectImportFiles([folder]).files.map((f: string) => createHash('sha256').update(readFileSync(f)).digest('hex'));
    const taken = new Set(storedShas(fullDb));
    expect(taken.size).toBeGreaterThan(expected.size / 2);
    for (const sha of taken) expect(expected.has(sha)).toBe(true);
    // Seeded kill points among the steps, past the first file's commit: the kill lands inside the batch.
    const firstFileSteps = Math.ceil(full.steps / expected.size);
    const points = killPoints(prng(SEED), firstFileSteps + 1, full.steps - 1, KILLS);
    for (const [k, step] of points.entries()) {
      const db = path.join(dir, `kill-${k}.sqlite`);
      copyFileSync(seedDb, db);
      const run = await runChild('import', db, folder, step);
      const what = `kill ${k} at step ${step} (progress ${run.filesDone + 1} of ${2 * order.length})`;
      expect(run.killedAt, what).toBe(step);
      const conn = new Database(db);
      expect(conn.pragma('integrity_check', { simple: true }), what).toBe('ok');
      const subs = conn.prepare('SELECT s.id, s.sha256, u.code FROM submissions s JOIN units u ON u.id = s.unit_id').all() as {
        id: number;
        sha256: string;
        code: string;
      }[];
      // Exactly the files whose transaction committed before the kill are in; the one being written is not.
      // Progress counts the reading of every file first, then the storing: files stored = done − files read.
      const stored = Math.max(0, run.filesDone - order.length);
      expect(subs.length, what).toBe(order.slice(0, stored).filter((sha) => taken.has(sha)).length);
      for (const s of subs) {
        const exp = expected.get(s.sha256);
        expect(exp, `${what}: a submission from an unknown file`).toBeDefined();
        expect(s.code).toBe(exp!.unit);
        const values = (conn.prepare('SELECT COUNT(*) AS n FROM submission_values WHERE submission_id = ?').get(s.id) as { n: number }).n;
        const docs = (conn.prepare('SELECT COUNT(*) AS n FROM documents WHERE submission_id = ?').get(s.id) as { n: number }).n;
        expect([values, docs], `${what}: ${s.code} is not whole`).toEqual([exp!.values, exp!.documents]);
      }
      // Each unit-year has exactly one current version, and versions are numbered without gaps.
      const current = conn.prepare('SELECT unit_id, COUNT(*) AS n, MAX(version) AS v, SUM(is_current) AS c FROM submissions GROUP BY unit_id, year').all() as {
        n: number;
        v: number;
        c: number;
      }[];
      for (const c of current) expect([c.c, c.v]).toEqual([1, c.n]);
      conn.close();
    }
  }, 600_000);
});
