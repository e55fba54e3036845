// One measured phase of the benchmark, in its own process so that its peak memory is its own.
// Prints one JSON line: { phase, ms, maxRssMB, detail }.
import type ExcelJSType from 'exceljs';
import { copyFileSync, readdirSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openContext } from '../electron/store/context.ts';
import { importFiles } from '../electron/services/imports.ts';
import { setParseWorkerEntry } from '../electron/import/parse-pool.ts';
import { validateYear } from '../electron/services/validation.ts';
import { generateAnnexes } from '../electron/services/annexes.ts';
import { generateReport } from '../electron/services/report.ts';
import { initDatabase } from '../electron/services/setup.ts';
import { importJson } from '../electron/services/interchange.ts';
import { benchPaths, REPORTING_YEAR } from './prepare.ts';
import { inflateEntry, readZipDirectory } from '../electron/import/zip-guard.ts';

const [phase, work] = process.argv.slice(2) as [string, string];
const p = benchPaths(work);
const seasonDb = path.join(work, 'season.sqlite');
const nationalDb = path.join(work, 'national.sqlite');

async function run(): Promise<Record<string, unknown>> {
  switch (phase) {
    case 'floor': {
      // Loaded here, not at the top: the other phases pay for exceljs only where the app itself loads it.
      const { default: ExcelJS } = await import('exceljs');
      const files = readdirSync(p.seasonDir).map((f) => path.join(p.seasonDir, f));
      for (const f of files) await new ExcelJS.Workbook().xlsx.load(readFileSync(f) as unknown as ExcelJSType.Buffer);
      return { files: files.length };
    }
    case 'bytes': {
      // The bytes floor: inflate and decode (UTF-8) every XML part of the same files, nothing parsed.
      const files = readdirSync(p.seasonDir).map((f) => path.join(p.seasonDir, f));
      let chars = 0;
      for (const f of files) {
        const buf = readFileSync(f);
        const dir = readZipDirectory(buf, { maxFileBytes: Infinity, maxUncompressedBytes: Infinity });
        if (!dir.ok) throw new Error(`${f}: not a zip`);
        for (const e of dir.entries.values()) {
          if (!/\.(xml|rels)$/.test(e.name)) continue;
          const out = inflateEntry(buf, e);
          if (!Buffer.isBuffer(out)) throw new Error(`${f}: ${out.message}`);
          chars += out.toString('utf8').length;
        }
      }
      return { files: files.length, megachars: Math.round(chars / 1e5) / 10 };
    }
    case 'import': {
      for (const ext of ['', '-wal', '-shm']) rmSync(seasonDb + ext, { force: true });
      copyFileSync(p.seedDb, seasonDb);
      // The parsing worker as the app ships it (bundled by scripts/build-electron.mjs in prepare.ts).
      setParseWorkerEntry(pathToFileURL(p.workerBundle));
      const ctx = openContext(seasonDb);
      const results = await importFiles(ctx, [p.seasonDir]);
      ctx.db.close();
      return { files: results.length, accepted: results.filter((r) => r.status === 'accepted').length };
    }
    case 'validate': {
      const ctx = openContext(seasonDb);
      const r = validateYear(ctx, REPORTING_YEAR);
      ctx.db.close();
      return { errors: r.errors, warnings: r.warnings, infos: r.infos };
    }
    case 'generate': {
      const ctx = openContext(seasonDb);
      const out = path.join(work, 'out-season');
      const a = await generateAnnexes(ctx, { year: REPORTING_YEAR, outDir: out });
      const r = await generateReport(ctx, { year: REPORTING_YEAR, outDir: out });
      ctx.db.close();
      return { files: a.files.length + 1, report: path.basename(r.file) };
    }
    case 'national': {
      for (const ext of ['', '-wal', '-shm']) rmSync(nationalDb + ext, { force: true });
      const ctx = initDatabase({ file: nationalDb, province: 'Toàn quốc', units: [], years: [] });
      const t0 = performance.now();
      let submissions = 0;
      for (const f of readdirSync(p.nationalDir).sort())
        submissions += importJson(ctx, JSON.parse(readFileSync(path.join(p.nationalDir, f), 'utf8')), f).submissions;
      const importMs = performance.now() - t0;
      const out = path.join(work, 'out-national');
      mkdirSync(out, { recursive: true });
      await generateAnnexes(ctx, { year: REPORTING_YEAR, outDir: out });
      await generateReport(ctx, { year: REPORTING_YEAR, outDir: out });
      ctx.db.close();
      return {
        provinces: readdirSync(p.nationalDir).length,
        submissions,
        importMs: Math.round(importMs),
        generateMs: Math.round(performance.now() - t0 - importMs),
      };
    }
    case 'grid': {
      const { measureGridEdit } = await import('./grid.ts');
      return (await measureGridEdit(seasonDb, work)) as Record<string, unknown>;
    }
    default:
      throw new Error(`unknown phase ${phase}`);
  }
}

const t0 = performance.now();
const detail = await run();
const ms = performance.now() - t0;
console.log(JSON.stringify({ phase, ms: Math.round(ms), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), detail }));
