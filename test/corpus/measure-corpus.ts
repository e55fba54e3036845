// Child of `npm run corpus`: imports the files of the manifest one by one into a fresh database, timing
// each import and sampling the process's RSS from a second thread; prints one JSON line per case, then
// one line with the process's maxRSS.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { emptySampleDb } from '../helpers/fixtures.ts';
import { corpusCases } from './cases.ts';
import { importCase } from './run-corpus.ts';

const SAMPLER = `
const { workerData } = require('node:worker_threads');
const cell = new Int32Array(workerData);
setInterval(() => {
  const kb = Math.round(process.memoryUsage.rss() / 1024);
  if (Atomics.load(cell, 1) === 1 && kb > Atomics.load(cell, 0)) Atomics.store(cell, 0, kb);
}, 2);
`;

const manifest = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { id: string; file: string; bytes: number }[];
const cases = new Map(corpusCases().map((c) => [c.id, c]));
const shared = new SharedArrayBuffer(8);
const cell = new Int32Array(shared); // [peak KB, armed]
const sampler = new Worker(SAMPLER, { eval: true, workerData: shared });
await new Promise((r) => setTimeout(r, 50));
const ctx = emptySampleDb();
let baseKB = 0;
const around = {
  start() {
    baseKB = Math.round(process.memoryUsage.rss() / 1024);
    Atomics.store(cell, 0, baseKB);
    Atomics.store(cell, 1, 1);
  },
  stop() {
    Atomics.store(cell, 1, 0);
  },
};
for (const m of manifest) {
  const o = await importCase(ctx, cases.get(m.id)!, m.file, around);
  const peakKB = Math.max(Atomics.load(cell, 0), Math.round(process.memoryUsage.rss() / 1024));
  process.stdout.write(
    JSON.stringify({
      id: m.id,
      result: o.result,
      ms: Math.round(o.ms),
      dbUnchanged: o.dbUnchanged,
      problems: o.problems,
      bytes: m.bytes,
      peakRssMB: Math.round(peakKB / 1024),
      growthMB: Math.round((peakKB - baseKB) / 1024),
    }) + '\n',
  );
}
ctx.db.close();
await sampler.terminate();
process.stdout.write(JSON.stringify({ maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
