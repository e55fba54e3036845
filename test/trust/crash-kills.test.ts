// Kill tests: ten SIGKILLs each during backup, restore and generate, at steps chosen by a seeded PRNG
// among the steps the child reports (crash-child.ts stops dead at the chosen step and is killed there:
// no timing involved). After every kill the database passes integrity_check with every submission
// whole (and holds either the old or the restored content), every listed backup is a whole database,
// and the output folder holds only whole files (each .xlsx/.docx unzips; no 0-byte file; temporary
// names only, never a result's name, and they are cleaned up).
// CRASH_SEED=… replays another sequence; CRASH_KILLS_EACH=… changes the count.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDir, listBackups } from '../../electron/db/backup.ts';
import { isTempName, removeStaleTemps } from '../../electron/files/atomic-write.ts';
import { openContext } from '../../electron/store/context.ts';
import { correctFigures } from '../../electron/services/grid-corrections.ts';
import { sampleDb, tempDir } from '../helpers/fixtures.ts';
import { content, integrity, killPoints, prng, runChild, SEED, submissionShapes, type ChildRun } from './crash-harness.ts';

const KILLS = Number(process.env.CRASH_KILLS_EACH ?? 10);
let dir: string;
let cleanup: () => void;
let base: string;
let source: string;
let baseContent: string;
let sourceContent: string;
let shapes: Map<number, string>;

beforeAll(() => {
  ({ dir, cleanup } = tempDir('bc121-kills-'));
  base = path.join(dir, 'base.sqlite');
  const ctx = sampleDb(base);
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  ctx.db.close();
  // The backup to restore: the same season with a correction (one self-contained file, as backups are).
  source = path.join(dir, 'source.sqlite');
  copyFileSync(base, source);
  const s = openContext(source);
  correctFigures(s, 2026, 'bản sao lưu', [{ unit: 'X03', code: 'pl01_bl_tre', value: 999 }]);
  s.db.pragma('journal_mode = DELETE');
  s.db.close();
  baseContent = content(base);
  sourceContent = content(source);
  shapes = submissionShapes(base);
}, 60_000);
afterAll(() => cleanup());

/** Runs the kills two at a time (two cores); each works on its own files. */
async function inPairs<T>(items: T[], fn: (item: T, i: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += 2) await Promise.all(items.slice(i, i + 2).map((item, j) => fn(item, i + j)));
}

function copyOf(name: string): string {
  const sub = path.join(dir, name);
  mkdirSync(sub, { recursive: true });
  const file = path.join(sub, 'baocao121.sqlite');
  copyFileSync(base, file);
  return file;
}

function expectWholeDatabase(file: string, what: string): void {
  expect(integrity(file), what).toBe('ok');
  expect(submissionShapes(file), `${what}: every submission whole`).toEqual(shapes);
}

function expectOnlyWholeBackups(file: string, what: string, expected: string): number {
  const listed = listBackups(file); // also removes what a killed run left under temporary names
  for (const b of listed) {
    expect(integrity(b.file), `${what}: ${path.basename(b.file)}`).toBe('ok');
    expect(content(b.file) === expected, `${what}: ${path.basename(b.file)} holds the content it saved`).toBe(true);
  }
  expect(
    readdirSync(backupDir(file)).filter((f) => f.startsWith('.')),
    `${what}: temporary files left`,
  ).toEqual([]);
  return listed.length;
}

const timings: string[] = [];
afterAll(() => console.log(`kill tests (seed ${SEED}, ${KILLS} each): ${timings.join('; ')}`));

describe(`SIGKILLs at seeded steps (seed ${SEED})`, () => {
  it(`${KILLS} kills during a backup leave the database intact and list only whole backups`, async () => {
    const t0 = Date.now();
    const full = await runChild('backup', copyOf('backup-full'), '-', 0);
    const points = killPoints(prng(SEED), 1, full.steps, KILLS);
    const listed: number[] = [];
    await inPairs(points, async (k, i) => {
      const db = copyOf(`backup-${i}`);
      const run = await runChild('backup', db, '-', k);
      expect(run.killedAt, `kill at step ${k}`).toBe(k);
      expectWholeDatabase(db, `backup killed at step ${k}`);
      expect(content(db) === baseContent).toBe(true);
      listed.push(expectOnlyWholeBackups(db, `backup killed at step ${k}`, baseContent));
    });
    expect(listed).toHaveLength(points.length);
    timings.push(
      `backup: ${full.steps} steps, killed at ${points.join(',')}, backup listed after ${listed.filter((n) => n === 1).length} kills, ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  }, 300_000);

  it(`${KILLS} kills during a restore leave either the old or the restored content, never a mix`, async () => {
    const t0 = Date.now();
    const full = await runChild('restore', copyOf('restore-full'), source, 0);
    const points = killPoints(prng(SEED + 1), 1, full.steps, KILLS);
    const outcomes = { old: 0, restored: 0 };
    await inPairs(points, async (k, i) => {
      const db = copyOf(`restore-${i}`);
      const run: ChildRun = await runChild('restore', db, source, k);
      expect(run.killedAt).toBe(k);
      const what = `restore killed at step ${k}`;
      expectWholeDatabase(db, what);
      const now = content(db);
      expect(now === baseContent || now === sourceContent, `${what}: old or restored content`).toBe(true);
      outcomes[now === baseContent ? 'old' : 'restored']++;
      // Backups of what it replaced (made before the copy) hold the old content, whole.
      expectOnlyWholeBackups(db, what, baseContent);
    });
    expect(content(path.join(dir, 'restore-full', 'baocao121.sqlite'))).toBe(sourceContent);
    timings.push(
      `restore: ${full.steps} steps, killed at ${points.join(',')}, old content after ${outcomes.old}, restored after ${outcomes.restored}, ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  }, 300_000);

  it(`${KILLS} kills during generate leave only whole files (the previous ones or the new ones)`, async () => {
    const t0 = Date.now();
    const db = copyOf('generate');
    const previous = path.join(dir, 'generate-previous');
    const full = await runChild('generate', db, previous, 0);
    const names = readdirSync(previous).sort();
    expect(names).toEqual(['Bao cao.docx', 'Nguon so lieu.xlsx', 'Phu luc 01.xlsx', 'Phu luc 02.xlsx', 'Phu luc 03.xlsx', 'Phu luc 04.xlsx']);
    const points = killPoints(prng(SEED + 2), 1, full.steps, KILLS);
    let replaced = 0;
    await inPairs(points, async (k, i) => {
      const out = path.join(dir, `generate-${i}`);
      mkdirSync(out);
      for (const n of names) copyFileSync(path.join(previous, n), path.join(out, n));
      const run = await runChild('generate', db, out, k);
      expect(run.killedAt).toBe(k);
      const what = `generate killed at step ${k}`;
      const files = readdirSync(out);
      expect(files.filter((f) => !isTempName(f)).sort(), `${what}: results`).toEqual(names);
      for (const f of names) {
        const bytes = readFileSync(path.join(out, f));
        expect(bytes.length, `${what}: ${f} is empty`).toBeGreaterThan(0);
        const zip = await JSZip.loadAsync(bytes);
        expect(zip.file('[Content_Types].xml'), `${what}: ${f} is not a whole package`).not.toBeNull();
        if (!bytes.equals(readFileSync(path.join(previous, f)))) replaced++;
      }
      removeStaleTemps(out);
      expect(readdirSync(out).sort(), `${what}: temporary files cleaned up`).toEqual(names);
      for (const f of names) expect(statSync(path.join(out, f)).size).toBeGreaterThan(0);
    });
    expect(integrity(db)).toBe('ok');
    timings.push(
      `generate: ${full.steps} steps, killed at ${points.join(',')}, ${replaced} files already replaced by new whole ones at the kills, ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  }, 600_000);
});
