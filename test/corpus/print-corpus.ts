// `npm run corpus`: makes every case's file, then imports them all in a child process of their own
// (only the app's import code loaded) that times each import and samples its memory; prints the table
// and exits 1 if any answer is wrong or any case takes more than 5 s or 512 MB.
//
// How memory is measured: a sampler thread in the child reads the process's resident set size every
// 2 ms while a case is imported; the table shows that peak (the whole process: Node, the app's modules
// and the database included) and its growth over the RSS just before the case. A spike shorter than the
// sampling interval can be missed; the process's lifetime maxRSS (getrusage) is printed as well.
import { execFileSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusCases } from './cases.ts';
import { corpusRunner, formatCorpusTable, type CorpusOutcome } from './run-corpus.ts';

export const LIMIT_MS = 5000;
export const LIMIT_MB = 512;

const here = path.dirname(fileURLToPath(import.meta.url));
const runner = await corpusRunner();
try {
  const cases = corpusCases();
  const manifest: { id: string; file: string; bytes: number }[] = [];
  for (const c of cases) {
    const file = await runner.write(c);
    let bytes = 0;
    try {
      const st = statSync(file);
      bytes = st.isFile() ? st.size : 0;
    } catch {
      /* a path case */
    }
    manifest.push({ id: c.id, file, bytes });
  }
  const manifestFile = path.join(path.dirname(manifest[0]!.file), 'manifest.json');
  writeFileSync(manifestFile, JSON.stringify(manifest));
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(here, 'measure-corpus.ts'), manifestFile], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = out.trim().split('\n');
  const summary = JSON.parse(lines.at(-1)!) as { maxRssMB: number };
  const measured = lines.slice(0, -1).map((l) => JSON.parse(l) as Omit<CorpusOutcome, 'case'> & { id: string });
  const outcomes: CorpusOutcome[] = measured.map((m) => {
    const c = cases.find((x) => x.id === m.id)!;
    const problems = [...m.problems];
    if (m.ms > LIMIT_MS) problems.push(`quá ${LIMIT_MS / 1000} s`);
    if ((m.peakRssMB ?? 0) > LIMIT_MB) problems.push(`quá ${LIMIT_MB} MB`);
    return { ...m, case: c, problems };
  });
  console.log(formatCorpusTable(outcomes));
  const slow = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 5);
  const heavy = [...outcomes].sort((a, b) => (b.peakRssMB ?? 0) - (a.peakRssMB ?? 0)).slice(0, 5);
  console.log(`\nChậm nhất: ${slow.map((o) => `${o.case.id} ${Math.round(o.ms)} ms`).join('; ')}`);
  console.log(`Bộ nhớ đỉnh lớn nhất (RSS cả tiến trình, lấy mẫu mỗi 2 ms): ${heavy.map((o) => `${o.case.id} ${o.peakRssMB} MB (+${o.growthMB})`).join('; ')}`);
  console.log(`maxRSS của tiến trình nhập trong cả lượt: ${summary.maxRssMB} MB. Giới hạn mỗi trường hợp: ${LIMIT_MS / 1000} s, ${LIMIT_MB} MB.`);
  process.exitCode = outcomes.some((o) => o.problems.length) || outcomes.length !== cases.length ? 1 : 0;
} finally {
  runner.close();
}
