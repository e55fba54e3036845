// What the kill tests share: a seeded PRNG (the seed is in each test's name, so a failure can be
// replayed with CRASH_SEED=…) and a child (crash-child.ts) killed exactly at a step it reports.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { rng } from '../../bench/generate-province.ts';

export const SEED = Number(process.env.CRASH_SEED ?? 121);

/** The bench's seeded PRNG (mulberry32), numbers in [0, 1). */
export const prng = rng;

/** `count` distinct steps in [from, to] (all of them, repeated in order, when there are fewer). */
export function killPoints(random: () => number, from: number, to: number, count: number): number[] {
  const all = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  const out: number[] = [];
  while (out.length < count && all.length) out.push(all[out.length % all.length]!);
  return out;
}

export interface ChildRun {
  /** The step the child stopped at and was killed (null: it ran to the end). */
  killedAt: number | null;
  /** Progress reported before the kill (files done). */
  filesDone: number;
  /** Steps counted by a run to the end. */
  steps: number;
  stderr: string;
}

/** Runs crash-child.ts; when it reports it has paused at `pauseAt`, kills it with SIGKILL. */
export function runChild(mode: string, db: string, arg: string, pauseAt: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/trust/crash-child.ts'), mode, db, arg, String(pauseAt)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    const run: ChildRun = { killedAt: null, filesDone: 0, steps: 0, stderr: '' };
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const paused = /paused (\d+) (\d+)/.exec(out);
      if (paused && run.killedAt === null) {
        run.killedAt = Number(paused[1]);
        run.filesDone = Number(paused[2]);
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      run.stderr = stderr;
      const done = /done (\d+)/.exec(out);
      if (done) run.steps = Number(done[1]);
      if (run.killedAt !== null ? signal !== 'SIGKILL' : code !== 0) reject(new Error(`child ${mode} ended with ${code ?? signal}: ${stderr}`));
      else resolve(run);
    });
  });
}

/** integrity_check of a database file, opened as the app opens it (a -wal left by a kill is recovered). */
export function integrity(file: string): string {
  const db = new Database(file);
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

/** Every table's rows (as JSON) but the audit log's: two databases with the same content agree. */
export function content(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log' ORDER BY name")
      .all() as { name: string }[];
    return tables
      .map(
        (t) =>
          `${t.name}:${(db.prepare(`SELECT * FROM "${t.name}"`).all() as unknown[])
            .map((r) => JSON.stringify(r))
            .sort()
            .join(',')}`,
      )
      .join('\n');
  } finally {
    db.close();
  }
}

/** Each submission with the number of its values and documents: "whole" means these match. */
export function submissionShapes(file: string): Map<number, string> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT s.id, (SELECT COUNT(*) FROM submission_values v WHERE v.submission_id = s.id) AS nv,
                (SELECT COUNT(*) FROM documents d WHERE d.submission_id = s.id) AS nd FROM submissions s ORDER BY s.id`,
      )
      .all() as { id: number; nv: number; nd: number }[];
    return new Map(rows.map((r) => [r.id, `${r.nv}/${r.nd}`]));
  } finally {
    db.close();
  }
}
