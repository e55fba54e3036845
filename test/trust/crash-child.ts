// The process the kill tests kill. It runs one piece of work (import, backup, restore, generate) and
// counts its steps: every progress report, every file-system step of an atomic write (write, fsync,
// rename), and for import every INSERT inside a file's transaction. At step `pauseAt` it prints
// "paused <step> <filesDone>" and stops dead (blocked, not sleeping): the parent then SIGKILLs it, so
// the kill lands exactly there, with no timing involved. pauseAt 0 runs to the end and prints
// "done <steps>", which is how the parent learns how many steps there are.
//
//   node --import tsx test/trust/crash-child.ts <import|backup|restore|generate> <db> <arg> <pauseAt>
import { writeSync } from 'node:fs';
import { atomicIo } from '../../electron/files/atomic-write.ts';
import { openContext } from '../../electron/store/context.ts';

const [mode, dbFile, arg, pauseText] = process.argv.slice(2);
/** Small steps of SQLite's backup API, so that a small test database still takes several. */
const pagesPerStep = 8;
const pauseAt = Number(pauseText ?? 0);
let steps = 0;
let filesDone = 0;

function step(): void {
  steps++;
  if (steps !== pauseAt) return;
  writeSync(1, `paused ${steps} ${filesDone}\n`);
  // Block this thread for good: nothing runs until the parent's SIGKILL arrives.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

for (const name of ['write', 'fsync', 'rename'] as const) {
  const original = atomicIo[name] as (...a: unknown[]) => unknown;
  (atomicIo as Record<string, unknown>)[name] = (...a: unknown[]) => {
    step();
    const r = original(...a);
    step();
    return r;
  };
}
const onProgress = (p: { done: number }) => {
  filesDone = p.done;
  step();
};

const ctx = openContext(dbFile!);
if (mode === 'import') {
  // Every INSERT of a file's transaction is a step: the kill lands inside the transaction.
  const prepare = ctx.db.prepare.bind(ctx.db);
  ctx.db.prepare = ((sql: string) => {
    const stmt = prepare(sql);
    if (/^\s*INSERT/i.test(sql)) {
      const run = stmt.run.bind(stmt);
      stmt.run = ((...params: unknown[]) => {
        step();
        return run(...params);
      }) as typeof stmt.run;
    }
    return stmt;
  }) as typeof ctx.db.prepare;
  const { importFiles } = await import('../../electron/services/imports.ts');
  await importFiles(ctx, [arg!], { onProgress });
} else if (mode === 'backup') {
  const { backupDatabase } = await import('../../electron/db/backup.ts');
  await backupDatabase(ctx.db, 'manual', { onProgress, pagesPerStep });
} else if (mode === 'restore') {
  const { restoreFromBackup } = await import('../../electron/services/backups.ts');
  await restoreFromBackup(ctx, arg!, { onProgress, pagesPerStep });
} else if (mode === 'generate') {
  const { generateAll } = await import('../../electron/services/generate.ts');
  await generateAll(ctx, { year: 2026, outDir: arg!, sources: true, onProgress });
} else throw new Error(`unknown mode ${mode}`);
ctx.db.close();
writeSync(1, `done ${steps}\n`);
