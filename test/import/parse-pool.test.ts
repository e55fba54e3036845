// Parsing in worker threads gives the same answers as parsing in the calling thread, file by file, and
// the worker entry starts from TypeScript sources (vitest, tsx); the database is written on one thread.
// Workers beside the calling thread, and a worker that dies with files in hand, change no answer.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseImportFile } from '../../electron/import/parse-file.ts';
import { pathToFileURL } from 'node:url';
import { MIN_FILES_FOR_WORKERS, setParseWorkerEntry, startParsePool } from '../../electron/import/parse-pool.ts';
import type { ServiceContext } from '../../electron/store/context.ts';
import { importFiles, importLookup } from '../../electron/services/imports.ts';
import { emptySampleDb, sample, tempDir } from '../helpers/fixtures.ts';
import { filledWorkbookFile } from '../helpers/workbooks.ts';

let ctx: ServiceContext;
let dir: string;
let cleanup: () => void;
let files: string[] = [];
beforeAll(async () => {
  ({ dir, cleanup } = tempDir('bc121-pool-'));
  ctx = emptySampleDb();
  const folder = path.join(dir, 'in');
  mkdirSync(folder);
  const picks = sample.submissions.filter((s) => s.year === 2026).slice(0, MIN_FILES_FOR_WORKERS + 2);
  for (const s of picks) files.push(await filledWorkbookFile(ctx, folder, s.unit, 2026, { values: s.values, documents: s.documents, texts: s.texts }));
  files.push(path.join(folder, 'khong-co.xlsx'));
  files = files.sort();
}, 120_000);
afterAll(() => {
  ctx?.db.close();
  cleanup?.();
});

describe('parse pool', () => {
  it('worker threads start from the .ts entry and answer exactly as in-thread parsing', async () => {
    const lookup = importLookup(ctx);
    const pool = startParsePool(lookup, files.length, { threads: 2, inThread: false });
    try {
      const inWorkers = await Promise.all(files.map((f) => pool.parse(f)));
      expect(pool.counts()).toEqual({ inWorkers: files.length, inThread: 0 });
      const inThread = await Promise.all(files.map((f) => parseImportFile(f, lookup)));
      expect(inWorkers).toEqual(inThread);
      expect(inWorkers.filter((p) => p.ok && p.read.ok).length).toBe(files.length - 1);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('a worker beside the calling thread: every file parsed once, the same answers', async () => {
    const lookup = importLookup(ctx);
    const pool = startParsePool(lookup, files.length, { threads: 1 });
    try {
      const both = await Promise.all(files.map((f) => pool.parse(f)));
      const c = pool.counts();
      expect(c.inWorkers + c.inThread).toBe(files.length);
      expect(both).toEqual(await Promise.all(files.map((f) => parseImportFile(f, lookup))));
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('a worker that dies with files in hand: they are parsed in the calling thread', async () => {
    // A worker that says it is ready, then exits at the first file it is sent.
    const entry = path.join(dir, 'dying-worker.mjs');
    writeFileSync(
      entry,
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\nparentPort.postMessage({ ready: true });\n",
    );
    setParseWorkerEntry(pathToFileURL(entry));
    const lookup = importLookup(ctx);
    const pool = startParsePool(lookup, files.length, { threads: 1, inThread: false });
    try {
      const got = await Promise.all(files.map((f) => pool.parse(f)));
      expect(pool.counts()).toEqual({ inWorkers: 0, inThread: files.length });
      expect(got).toEqual(await Promise.all(files.map((f) => parseImportFile(f, lookup))));
    } finally {
      setParseWorkerEntry(null);
      await pool.close();
    }
  }, 120_000);

  it('a batch imports every file in order, with progress for each', async () => {
    const progress: number[] = [];
    const results = await importFiles(ctx, files, { onProgress: (p) => progress.push(p.done) });
    expect(results.map((r) => r.file)).toEqual(files);
    expect(results.filter((r) => r.status === 'accepted').length).toBe(files.length - 1);
    // Every file is read and checked first, then stored: two steps a file, then the end.
    expect(progress).toEqual([...Array.from({ length: 2 * files.length }, (_v, i) => i), 2 * files.length]);
  }, 120_000);
});
