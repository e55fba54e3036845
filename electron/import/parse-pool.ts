// Parsing import files on every core: worker threads and the calling thread read and check the
// workbooks of a batch side by side (workers take files from the front of the batch, the calling thread
// from the back), and the calling thread alone writes the database afterwards, in file order. Where a
// worker cannot start (no worker entry next to a bundle, no TypeScript loader) or dies, its files are
// parsed by the others or in the calling thread, so the answer never depends on the threads.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportLookup } from './read-input-workbook.ts';
import { parseImportFile, type ParsedFile } from './parse-file.ts';

/** Below this many files a batch is parsed in the calling thread (starting workers costs more). */
export const MIN_FILES_FOR_WORKERS = 12;

/** Files sent to a worker before it answers: the next one waits in its port while it parses one. */
const IN_FLIGHT = 2;

/**
 * How many parsing workers by default: from 4 cores up, one fewer than the cores (at most 4), beside the
 * calling thread. On the 2-core bench machine (194 workbooks, docs/measured.md) a worker did not pay, alone
 * or beside the calling thread: each thread compiles the reader for itself and parses cold code, and the
 * compiler threads share the two cores. BC121_PARSE_THREADS sets the number (0: never).
 */
function defaultThreads(fromSources: boolean): number {
  const env = process.env['BC121_PARSE_THREADS'];
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  // From TypeScript sources (a developer's checkout, the tests) a worker compiles the reader first, which
  // costs more than most batches take: there workers start only when asked for.
  const cores = availableParallelism();
  return fromSources || cores < 4 ? 0 : Math.min(cores - 1, 4);
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

function workerSpec(): { url: URL; fromSources: boolean } | null {
  if (workerEntryOverride) return existsSync(fileURLToPath(workerEntryOverride)) ? { url: workerEntryOverride, fromSources: false } : null;
  const bundled = bundledWorker();
  if (bundled) return { url: bundled, fromSources: false };
  const here = import.meta.url;
  if (!here.startsWith('file:')) return null;
  // From sources, a small .mjs registers tsx (a dependency of the app) in the worker, then loads the .ts entry.
  const boot = new URL('./parse-worker-boot.mjs', here);
  return existsSync(fileURLToPath(boot)) && existsSync(fileURLToPath(new URL('./parse-worker.ts', here))) ? { url: boot, fromSources: true } : null;
}

interface Pending {
  file: string;
  resolve: (p: ParsedFile) => void;
  reject: (e: unknown) => void;
}

export interface ParsePoolOptions {
  /**
   * Worker threads to start (default: one fewer than the cores, at most 4, and none from TypeScript sources;
   * BC121_PARSE_THREADS overrides).
   */
  threads?: number;
  /** Whether the calling thread parses too (default true; false only to test the workers on their own). */
  inThread?: boolean;
}

export interface ParsePool {
  parse(file: string): Promise<ParsedFile>;
  /** How many files were parsed in worker threads and in the calling thread so far. */
  counts(): { inWorkers: number; inThread: number };
  close(): Promise<void>;
}

/** A pool for a batch of `fileCount` files; returns at once, the workers join as they become ready. */
export function startParsePool(lookup: ImportLookup, fileCount: number, options: ParsePoolOptions = {}): ParsePool {
  const inThread = options.inThread ?? true;
  const spec = lookup.data && fileCount >= MIN_FILES_FOR_WORKERS ? workerSpec() : null;
  const size = spec ? Math.min(options.threads ?? defaultThreads(spec.fromSources), Math.floor(fileCount / (MIN_FILES_FOR_WORKERS / 2))) : 0;
  const counts = { inWorkers: 0, inThread: 0 };
  const queue: Pending[] = [];
  const starting = new Set<Worker>();
  const ready = new Set<Worker>();
  const sent = new Map<Worker, Map<number, Pending>>();
  let nextId = 1;
  let closed = false;
  let localScheduled = false;

  const parseHere = (job: Pending) => {
    counts.inThread++;
    return parseImportFile(job.file, lookup).then(job.resolve, job.reject);
  };
  // The calling thread parses one file at a time, between turns of the event loop, so that a worker's
  // answer is taken (and its next file sent) in between. Beside workers it takes files from the back of
  // the batch; alone, from the front, so that progress moves file by file.
  const scheduleLocal = () => {
    if (localScheduled || !queue.length || (!inThread && ready.size + starting.size > 0)) return;
    localScheduled = true;
    setImmediate(() => {
      localScheduled = false;
      const job = ready.size + starting.size > 0 ? queue.pop() : queue.shift();
      if (job) void parseHere(job).then(scheduleLocal);
    });
  };
  const pump = () => {
    for (const w of ready) {
      const jobs = sent.get(w)!;
      while (jobs.size < IN_FLIGHT && queue.length) {
        const job = queue.shift()!;
        const id = nextId++;
        jobs.set(id, job);
        w.postMessage({ id, file: job.file });
      }
    }
    scheduleLocal();
  };
  const lost = (w: Worker) => {
    if (!starting.delete(w) && !ready.delete(w)) return;
    // What it was given goes back to the front of the batch, for the others or the calling thread.
    queue.unshift(...(sent.get(w)?.values() ?? []));
    sent.delete(w);
    void w.terminate();
    pump();
  };

  for (let i = 0; i < size; i++) {
    let w: Worker;
    try {
      w = new Worker(spec!.url, { workerData: lookup.data });
    } catch {
      break;
    }
    starting.add(w);
    w.on('message', (m: { ready?: boolean; id?: number; parsed?: ParsedFile; error?: string }) => {
      if (m.ready) {
        if (!starting.delete(w) || closed) return;
        ready.add(w);
        sent.set(w, new Map());
        pump();
        return;
      }
      const jobs = sent.get(w);
      const job = m.id === undefined ? undefined : jobs?.get(m.id);
      if (!job) return;
      jobs!.delete(m.id!);
      if (m.parsed) {
        counts.inWorkers++;
        job.resolve(m.parsed);
      } else void parseHere(job); // the worker failed on it: the same answer as in-thread
      pump();
    });
    w.on('error', () => lost(w));
    w.on('exit', () => lost(w));
  }

  return {
    parse(file) {
      return new Promise<ParsedFile>((resolve, reject) => {
        queue.push({ file, resolve, reject });
        pump();
      });
    },
    counts: () => ({ ...counts }),
    async close() {
      closed = true;
      const all = [...starting, ...ready];
      starting.clear();
      ready.clear();
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
