// Builds the benchmark's inputs in bench/.work (not timed as part of the season):
// a large province with 3 past years in a seed database and the reporting year's ~195 filled
// workbooks, written by the real writer and filled through their defined names; and 34 province
// exports (the JSON of docs/cli.md) for the national roll-up.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { documentTableForKind } from '../shared/template.ts';
import { loadTemplateFile } from '../electron/template-store.ts';
import { initDatabase } from '../electron/services/setup.ts';
import { FORMAT, FORMAT_VERSION, importJson } from '../electron/services/interchange.ts';
import { writeBlankWorkbooks } from '../electron/services/workbooks.ts';
import { fillWorkbookFile } from '../electron/workbook/input-filler.ts';
import { generateProvince } from './generate-province.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const YEARS = [2023, 2024, 2025, 2026];
export const REPORTING_YEAR = 2026;
export const PROVINCES = 34;

export interface BenchPaths {
  work: string;
  seedDb: string;
  seasonDir: string;
  nationalDir: string;
  /** The import's parsing worker, bundled as the app ships it. */
  workerBundle: string;
}

export function benchPaths(work: string): BenchPaths {
  return {
    work,
    seedDb: path.join(work, 'seed.sqlite'),
    seasonDir: path.join(work, 'season'),
    nationalDir: path.join(work, 'national'),
    workerBundle: path.join(work, 'cli', 'parse-worker.cjs'),
  };
}

export async function prepare(work: string, log: (s: string) => void): Promise<BenchPaths> {
  const p = benchPaths(work);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(p.seasonDir, { recursive: true });
  mkdirSync(p.nationalDir, { recursive: true });
  // The CLI bundle (with its parsing worker), as `npm run build` makes it, in a folder of its own.
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs'), '--only', 'cli', '--cli-out', path.dirname(p.workerBundle)], {
    stdio: 'pipe',
  });
  log('Đã đóng gói công cụ dòng lệnh (kèm luồng đọc tệp) như bản phát hành.');
  const template = loadTemplateFile();
  const province = generateProvince(template, { code: 'AL', name: 'An Lạc', communes: 170, departments: 20, years: YEARS, seed: 121 });
  const ctx = initDatabase({ file: p.seedDb, province: 'An Lạc', settings: province.settings, units: province.units, years: YEARS });
  importJson(ctx, { ...province, submissions: province.submissions.filter((s) => s.year < REPORTING_YEAR) }, 'past-years');
  const blanks = await writeBlankWorkbooks(ctx, { year: REPORTING_YEAR, outDir: path.join(work, 'blank') });
  for (const s of province.submissions.filter((x) => x.year === REPORTING_YEAR)) {
    const blank = blanks.find((b) => b.unit === s.unit)!;
    const kind = province.units.find((u) => u.code === s.unit)!.kind;
    const table = documentTableForKind(template, kind);
    await fillWorkbookFile(
      blank.file,
      path.join(p.seasonDir, path.basename(blank.file)),
      { values: s.values, documents: s.documents, texts: s.texts },
      table?.kind === 'table' ? table : undefined,
    );
  }
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  ctx.db.close();
  log(`Tỉnh lớn: ${province.units.length - 1} đơn vị, ${blanks.length} biểu mẫu năm ${REPORTING_YEAR}.`);
  for (let i = 1; i <= PROVINCES; i++) {
    const code = `P${String(i).padStart(2, '0')}`;
    const prov = generateProvince(template, { code, name: `Tỉnh số ${i}`, communes: 170, departments: 20, years: [REPORTING_YEAR], seed: 1000 + i });
    const exported = {
      format: FORMAT,
      format_version: FORMAT_VERSION,
      template: { id: template.id, version: template.version },
      exported_at: new Date().toISOString(),
      ...prov,
    };
    writeFileSync(path.join(p.nationalDir, `${code}.json`), JSON.stringify(exported));
  }
  log(`Toàn quốc: ${PROVINCES} tệp xuất dữ liệu tỉnh.`);
  return p;
}
