// The built CLI runs with the dev dependencies removed: the build bundles it (scripts/build-electron.mjs)
// into an app-like folder whose node_modules holds only the native packages it leaves outside; esbuild's
// account of the bundle names no dev dependency; and the bundle answers --help, makes a database, writes
// blank workbooks, imports one, validates and generates there (the chart and workbook packages, loaded
// on first use, included), finding the templates and migrations from dist/cli.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { tempDir } from '../helpers/fixtures.ts';
import { MIN_FILES_FOR_WORKERS } from '../../electron/import/parse-pool.ts';
import { namedCell } from '../helpers/workbooks.ts';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
/** What the bundle leaves outside, and what those packages need at run time. */
const NATIVE = [
  'better-sqlite3',
  'bindings',
  'file-uri-to-path',
  '@resvg/resvg-js',
  ...readdirSync('node_modules/@resvg')
    .filter((d) => d.startsWith('resvg-js-'))
    .map((d) => `@resvg/${d}`),
];

let dir: string;
let cleanup: () => void;
let app: string;
let meta: { inputs: Record<string, unknown>; outputs: Record<string, { imports: { path: string; external?: boolean }[] }> };

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  app = path.join(dir, 'app');
  const cli = path.join(app, 'dist', 'cli');
  execFileSync(process.execPath, ['scripts/build-electron.mjs', '--only', 'cli', '--cli-out', cli, '--metafile', path.join(dir, 'meta.json')], {
    stdio: 'pipe',
  });
  meta = JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8')) as typeof meta;
  // The app's layout (electron-builder.yml's files): the data files, package.json, and only the native packages.
  cpSync('templates', path.join(app, 'templates'), { recursive: true });
  cpSync('electron/db/migrations', path.join(app, 'electron', 'db', 'migrations'), { recursive: true });
  cpSync('package.json', path.join(app, 'package.json'));
  for (const name of NATIVE) {
    if (!existsSync(path.join('node_modules', name))) continue;
    mkdirSync(path.dirname(path.join(app, 'node_modules', name)), { recursive: true });
    symlinkSync(path.resolve('node_modules', name), path.join(app, 'node_modules', name), 'dir');
  }
});
afterAll(() => cleanup());

/** The production dependencies and theirs, as installed (nested copies found as Node finds them). */
function productionClosure(): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const find = (name: string, from: string): string | null => {
    for (let dir = from; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'node_modules', name);
      if (existsSync(path.join(candidate, 'package.json'))) return candidate;
      if (path.dirname(dir) === dir) return null;
    }
  };
  const visit = (name: string, from: string) => {
    names.add(name);
    const dir = find(name, from);
    if (!dir || seen.has(dir)) return;
    seen.add(dir);
    const p = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const d of Object.keys({ ...p.dependencies, ...p.optionalDependencies })) visit(d, dir);
  };
  for (const d of Object.keys(pkg.dependencies)) visit(d, process.cwd());
  return names;
}

function run(...argv: string[]) {
  return runWith({}, ...argv);
}

function runWith(env: Record<string, string>, ...argv: string[]) {
  const r = spawnSync(process.execPath, [path.join(app, 'dist', 'cli', 'baocao121.cjs'), ...argv], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the bundled CLI', () => {
  it('holds no dev dependency and requires only the native packages', () => {
    const packages = new Set(
      Object.keys(meta.inputs)
        .filter((f) => f.includes('node_modules/'))
        .map((f) => {
          const tail = f.split('node_modules/').pop()!.split('/');
          return tail[0]!.startsWith('@') ? `${tail[0]}/${tail[1]}` : tail[0]!;
        }),
    );
    // Every bundled package is a production dependency or one of theirs (jszip, say, is both a test tool and exceljs's).
    const production = productionClosure();
    expect([...packages].filter((p) => !production.has(p))).toEqual([]);
    expect(production.has('vitest')).toBe(false);
    expect(packages).toContain('exceljs');
    expect(packages.has('tsx')).toBe(false);
    expect(pkg.devDependencies).toHaveProperty('tsx');
    expect(pkg.dependencies).not.toHaveProperty('tsx');
    const externals = new Set(Object.values(meta.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)));
    // Besides Node's own modules, the bundle's files require one another (./cli-core.cjs, ./vendor-*.cjs) and the natives.
    const packagesOutside = [...externals].filter(
      (p) => !p.startsWith('node:') && !builtinModules.includes(p) && !/^\.\/(cli-core|vendor-[a-z-]+)\.cjs$/.test(p),
    );
    expect(packagesOutside.sort()).toEqual(['@resvg/resvg-js', 'better-sqlite3']);
  });

  it('answers --help from its small entry, without the services', () => {
    const entry = readFileSync(path.join(app, 'dist', 'cli', 'baocao121.cjs'), 'utf8');
    expect(entry.length).toBeLessThan(20_000);
    expect([...entry.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]).filter((m) => !m!.startsWith('node:'))).toEqual(['./cli-core.cjs']);
    const help = run('--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Cách dùng: baocao121/);
  });

  it('makes a database, blank workbooks, validates and generates where only production packages are', async () => {
    const db = path.join(dir, 'tinh.sqlite');
    expect(run('init', '--db', db, '--province', 'Bình Yên', '--year', '2026')).toMatchObject({ code: 0, out: expect.stringMatching(/Đã tạo cơ sở dữ liệu/) });
    const forms = path.join(dir, 'bieu-mau');
    const units = JSON.parse(run('units', '--db', db, '--json').out) as { code: string; kind: string }[];
    const unit = units.find((u) => u.kind !== 'tinh')!.code;
    const t = run('template', '--db', db, '--year', '2026', '--out', forms, '--unit', unit);
    expect(t.code, t.err).toBe(0);
    expect(readdirSync(forms).filter((f) => f.endsWith('.xlsx'))).toHaveLength(1);
    // The unit fills one figure (an unfilled workbook is refused): 0 in its first figure cell.
    const form = path.join(
      forms,
      readdirSync(forms).find((f) => f.endsWith('.xlsx'))!,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(form);
    namedCell(wb, wb.definedNames.model.find((n) => n.name.startsWith('v_'))!.name).value = 0;
    await wb.xlsx.writeFile(form);
    const imported = run('import', '--db', db, forms, '--json');
    expect(imported.code, imported.err).toBe(0);
    expect(JSON.parse(imported.out).files).toMatchObject([{ status: 'accepted' }]);
    const v = run('validate', '--db', db, '--year', '2026', '--json');
    expect(v.code, v.err).toBe(0);
    expect(JSON.parse(v.out)).toMatchObject({ year: 2026, errors: 0 });
    const out = path.join(dir, 'ket-qua');
    const g = run('generate', '--db', db, '--year', '2026', '--out', out, '--force');
    expect(g.code, g.err).toBe(0);
    expect(readdirSync(out).sort()).toEqual(expect.arrayContaining(['Bao cao.docx', 'Phu luc 01.xlsx']));
    expect(run('validate', '--db', db, '--year', '2019', '--json')).toMatchObject({ code: 2, out: expect.stringContaining('"unknown_year"') });
  });

  it('parses a folder of workbooks on worker threads started from parse-worker.cjs beside it, with the answers of one thread', async () => {
    const cli = path.join(app, 'dist', 'cli');
    // A stand-in worker file that notes each start, then runs the bundled worker: proof the threads ran from it.
    const starts = path.join(dir, 'worker-starts.txt');
    renameSync(path.join(cli, 'parse-worker.cjs'), path.join(cli, 'parse-worker-real.cjs'));
    writeFileSync(
      path.join(cli, 'parse-worker.cjs'),
      `require('node:fs').appendFileSync(${JSON.stringify(starts)}, 'start\\n');\nrequire('./parse-worker-real.cjs');\n`,
    );
    const forms = path.join(dir, 'nhieu-bieu-mau');
    const dbs = ['workers', 'one-thread'].map((n) => path.join(dir, `${n}.sqlite`));
    for (const db of dbs) expect(run('init', '--db', db, '--province', 'Bình Yên', '--year', '2026').code).toBe(0);
    expect(run('template', '--db', dbs[0]!, '--year', '2026', '--out', forms).code).toBe(0);
    // Each unit fills one figure with a number of its own (its place in the folder); one file is left unfilled.
    const files = readdirSync(forms)
      .filter((f) => f.endsWith('.xlsx'))
      .sort();
    // Enough files for two workers (electron/import/parse-pool.ts starts one per MIN_FILES_FOR_WORKERS / 2 files).
    expect(files.length).toBeGreaterThanOrEqual(MIN_FILES_FOR_WORKERS);
    for (const [i, f] of files.slice(1).entries()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(forms, f));
      namedCell(wb, wb.definedNames.model.find((n) => n.name.startsWith('v_'))!.name).value = i + 1;
      await wb.xlsx.writeFile(path.join(forms, f));
    }
    const inWorkers = runWith({ BC121_PARSE_THREADS: '2' }, 'import', '--db', dbs[0]!, forms, '--json');
    // Exit 1: the unfilled workbook is refused (EXIT.data), the others are stored.
    expect(inWorkers.code, inWorkers.err).toBe(1);
    expect(readFileSync(starts, 'utf8')).toBe('start\nstart\n');
    const inThread = runWith({ BC121_PARSE_THREADS: '0' }, 'import', '--db', dbs[1]!, forms, '--json');
    expect(inThread.code, inThread.err).toBe(1);
    expect(readFileSync(starts, 'utf8')).toBe('start\nstart\n');
    const answers = (out: string) =>
      (JSON.parse(out) as { files: { file: string; status: string; unit?: string }[] }).files.map((f) => [path.basename(f.file), f.status, f.unit]);
    expect(answers(inWorkers.out)).toEqual(answers(inThread.out));
    expect(answers(inWorkers.out).filter((a) => a[1] === 'accepted')).toHaveLength(files.length - 1);
    // The same figures stored either way.
    const exported = dbs.map(
      (db) => JSON.parse(run('export', '--db', db, '--year', '2026', '--json').out) as { submissions: { unit: string; values: unknown }[] },
    );
    const figures = (e: (typeof exported)[number]) => e.submissions.map((x) => [x.unit, x.values]).sort();
    expect(figures(exported[0]!)).toEqual(figures(exported[1]!));
    expect(figures(exported[0]!)).toHaveLength(files.length - 1);
  }, 180_000);
});
