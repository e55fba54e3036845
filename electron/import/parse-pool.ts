// Parsing import files on both cores: worker threads read and check the workbooks while the main
// thread writes the database (one writer, in file order). Where a worker cannot start (no worker entry
// next to a bundle, no TypeScript loader) or dies, files are parsed in the calling thread instead, so the
// answer never depends on the threads.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportLookup } from './read-input-workbook.ts';
import { parseImportFile, type ParsedFile } from './parse-file.ts';

/** Below this many files a batch is parsed in the calling thread (starting workers costs more). */
export const MIN_FILES_FOR_WORKERS = 12;

/**
 * How many parsing workers by default: from 4 cores up, one fewer than the cores (at most 4). Measured on
 * the 2-core bench machine (194 workbooks): parsing took 0.5–0.8 s in the calling thread and 0.75 s with
 * two workers from the bundle (0.1–0.15 s to start both, then each parsing cold code while the other
 * core is shared), 0.85 s with one; from TypeScript sources a worker must load tsx and compile the reader
 * first (0.6–0.8 s each). So two cores parse in the calling thread. BC121_PARSE_THREADS sets the number
 * (0: never).
 */
function defaultThreads(): number {
  const env = process.env['BC121_PARSE_THREADS'];
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  const cores = availableParallelism();
  return cores >= 4 ? Math.min(cores - 1, 4) : 0;
}

/** Set by the build (scripts/build-electron.mjs) in a bundle: the URL of parse-worker.cjs beside it. */
declare const __BC121_PARSE_WORKER__: string | undefined;

function bundledWorker(): URL | null {
  if (typeof __BC121_PARSE_WORKER__ !== 'string') return null;
  const url = new URL(__BC121_PARSE_WORKER__);
  return existsSync(fileURLToPath(url)) ? url : null;
}

let workerEntryOverride: URL | null = null;
/** A worker entry other than the bundle's own (the bench and the tests name a bundle built elsewhere). */
export function setParseWorkerEntry(url: URL | null): void {
  workerEntryOverride = url;
}

function workerSpec(): { url: URL } | null {
  if (workerEntryOverride) return existsSync(fileURLToPath(workerEntryOverride)) ? { url: workerEntryOverride } : null;
  const bundled = bundledWorker();
  if (bundled) return { url: bundled };
  const here = import.meta.url;
  if (!here.startsWith('file:')) return null;
  // From sources, a small .mjs registers tsx (a dependency of the app) in the worker, then loads the .ts entry.
  const boot = new URL('./parse-worker-boot.mjs', here);
  return existsSync(fileURLToPath(boot)) && existsSync(fileURLToPath(new URL('./parse-worker.ts', here))) ? { url: boot } : null;
}

interface Pending {
  file: string;
  resolve: (p: ParsedFile) => void;
  reject: (e: unknown) => void;
}

export interface ParsePool {
  parse(file: string): Promise<ParsedFile>;
  /** How many worker threads actually run (0: everything parsed in the calling thread). */
  readonly threads: number;
  close(): Promise<void>;
}

/** A pool for a batch of `fileCount` files; in-thread parsing when workers do not pay or cannot start. */
export async function startParsePool(lookup: ImportLookup, fileCount: number, threads = defaultThreads()): Promise<ParsePool> {
  const inThread: ParsePool = { parse: (f) => parseImportFile(f, lookup), threads: 0, close: async () => {} };
  const size = Math.min(threads, Math.floor(fileCount / (MIN_FILES_FOR_WORKERS / 2)));
  const spec = lookup.data && fileCount >= MIN_FILES_FOR_WORKERS && size > 0 ? workerSpec() : null;
  if (!spec) return inThread;
  const workers: Worker[] = [];
  const started = await Promise.all(
    Array.from(
      { length: size },
      () =>
        new Promise<Worker | null>((resolve) => {
          let w: Worker;
          try {
            w = new Worker(spec.url, { workerData: lookup.data });
          } catch {
            resolve(null);
            return;
          }
          const fail = () => {
            void w.terminate();
            resolve(null);
          };
          w.once('error', fail);
          w.once('exit', fail);
          w.once('message', (m: { ready?: boolean }) => {
            w.off('error', fail);
            w.off('exit', fail);
            resolve(m.ready ? w : null);
          });
        }),
    ),
  );
  for (const w of started) if (w) workers.push(w);
  if (!workers.length) return inThread;

  const queue: Pending[] = [];
  const busy = new Map<Worker, Pending & { id: number }>();
  let nextId = 1;
  const alive = new Set(workers);
  const pump = () => {
    for (const w of alive) {
      if (busy.has(w) || !queue.length) continue;
      const job = { ...queue.shift()!, id: nextId++ };
      busy.set(w, job);
      w.postMessage({ id: job.id, file: job.file });
    }
    // No worker left: what remains is parsed here.
    if (!alive.size)
      while (queue.length) {
        const job = queue.shift()!;
        void parseImportFile(job.file, lookup).then(job.resolve, job.reject);
      }
  };
  for (const w of workers) {
    w.on('message', (m: { id: number; parsed?: ParsedFile; error?: string }) => {
      const job = busy.get(w);
      if (!job || job.id !== m.id) return;
      busy.delete(w);
      if (m.parsed) job.resolve(m.parsed);
      else void parseImportFile(job.file, lookup).then(job.resolve, job.reject); // the worker failed on it: same answer as in-thread
      pump();
    });
    const lost = () => {
      if (!alive.delete(w)) return;
      const job = busy.get(w);
      busy.delete(w);
      if (job) void parseImportFile(job.file, lookup).then(job.resolve, job.reject);
      pump();
    };
    w.on('error', lost);
    w.on('exit', lost);
  }
  return {
    threads: workers.length,
    parse(file) {
      return new Promise<ParsedFile>((resolve, reject) => {
        queue.push({ file, resolve, reject });
        pump();
      });
    },
    async close() {
      const all = [...alive];
      alive.clear();
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
