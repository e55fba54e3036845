#!/usr/bin/env node
// Bundles the Electron main process, the service process and the preload into dist/electron/, and the
// command-line tool into dist/cli/baocao121.cjs.
// Packages stay external (electron-builder ships them; better-sqlite3 is native). The services find
// their data files (migrations, templates, package.json) relative to their own source file through
// import.meta.url; in one bundle every file would share the bundle's URL, so each source file's
// import.meta.url is rewritten to its original place in the app, relative to the bundle.
import { build } from 'esbuild';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// node scripts/build-electron.mjs [OUTDIR] [--cli-out DIR] [--only cli] [--metafile FILE]
// OUTDIR (default dist/electron) and the CLI's folder (default dist/cli; OUTDIR/cli when OUTDIR is given)
// may be temporary ones (the tests build there); --metafile writes esbuild's account of the CLI bundle.
const argv = process.argv.slice(2);
const option = (name) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const positional = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
const outdir = path.resolve(positional[0] ?? path.join(root, 'dist', 'electron'));
const cliOutdir = path.resolve(option('--cli-out') ?? (positional[0] ? path.join(outdir, 'cli') : path.join(root, 'dist', 'cli')));
const only = option('--only');

/**
 * Rewrites each source file's import.meta.url to its original place in the app, relative to the bundle:
 * `bundleDir` is where the bundle will sit in the app's layout (dist/electron, dist/cli), so the data
 * files are found from there whichever folder the bundle is written to. In CommonJS the bundle's own URL
 * comes from __filename.
 */
function sourceUrlPlugin(bundleDir, format) {
  const self = format === 'cjs' ? 'require("node:url").pathToFileURL(__filename)' : 'import.meta.url';
  return {
    name: 'source-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const relative = path.relative(bundleDir, args.path).split(path.sep).join('/');
        return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, ${self}).href`), loader: 'ts' };
      });
    },
  };
}

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', absWorkingDir: root };

// The import's parsing worker (electron/import/parse-pool.ts) is bundled as parse-worker.cjs beside the
// bundle that starts it, which learns its URL from this constant (a worker from sources needs tsx).
const WORKER_FILE = 'parse-worker.cjs';
function workerUrl(format) {
  const here = format === 'cjs' ? 'require("node:url").pathToFileURL(__filename)' : 'import.meta.url';
  return {
    define: { __BC121_PARSE_WORKER__: '__bc121ParseWorkerUrl' },
    banner: { js: `var __bc121ParseWorkerUrl = new URL(${JSON.stringify(`./${WORKER_FILE}`)}, ${here}).href;` },
  };
}

if (only !== 'cli') {
  await build({
    ...common,
    entryPoints: { main: 'electron/main.ts', 'service-process': 'electron/ipc/service-process.ts' },
    outdir,
    format: 'esm',
    packages: 'external',
    plugins: [sourceUrlPlugin(outdir, 'esm')],
    ...workerUrl('esm'),
  });
  await build({
    ...common,
    entryPoints: ['electron/import/parse-worker.ts'],
    outfile: path.join(outdir, WORKER_FILE),
    // Self-contained (it needs no native package): one file, which Electron loads from app.asar.
    format: 'cjs',
    plugins: [sourceUrlPlugin(outdir, 'cjs')],
  });
  // A sandboxed preload must be CommonJS and may require only 'electron'.
  await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: path.join(outdir, 'preload.cjs'), format: 'cjs', external: ['electron'] });
  console.log(`Đã đóng gói tiến trình chính, tiến trình dữ liệu và preload vào ${path.relative(root, outdir) || '.'}/`);
}

// The CLI for IT staff: CommonJS with every JavaScript dependency inside (nothing compiled at run time, no
// dev dependency needed), run by plain Node or by Electron as Node (electron-builder.yml). Only the native
// packages stay outside. Two files: baocao121.cjs answers --help at once and loads cli-core.cjs (the
// commands and the services) for a command. They live at dist/cli in the app, so the templates, the
// migrations and package.json are two folders up.
const metafile = option('--metafile');
const cliCommon = {
  ...common,
  format: 'cjs',
  minify: true,
  external: ['better-sqlite3', '@resvg/resvg-js'],
  plugins: [sourceUrlPlugin(path.join(root, 'dist', 'cli'), 'cjs')],
  metafile: true,
  sourcemap: false,
  // import() becomes require(): a script inside Electron's app.asar is loaded most surely as CommonJS.
  supported: { 'dynamic-import': false },
};
const coreApart = {
  name: 'cli-core-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/cli\.ts$/ }, (args) =>
      args.importer.endsWith(`${path.sep}cli-main.ts`) ? { path: './cli-core.cjs', external: true } : undefined,
    );
  },
};

// The largest packages, which only some commands use (the workbooks), are bundled
// apart (vendor-<name>.cjs) and loaded on first use: the core holds a stand-in that knows their export
// names (read here, at build time) and requires the real bundle when one of them is first read.
const LAZY_PACKAGES = ['exceljs'];
const requireFromApp = createRequire(path.join(root, 'package.json'));
const lazyPackages = {
  name: 'lazy-packages',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${LAZY_PACKAGES.join('|')})$`) }, (args) => ({ path: args.path, namespace: 'lazy-package' }));
    b.onResolve({ filter: /^\.\/vendor-[a-z]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => {
      const real = requireFromApp(args.path);
      const keys = JSON.stringify(Object.keys(real));
      const contents = `let real;
const load = () => (real ??= require(${JSON.stringify(`./vendor-${args.path}.cjs`)}));
const keys = ${keys};
module.exports = new Proxy({}, {
  get: (_, k) => (k === '__esModule' ? ${Boolean(real.__esModule)} : load()[k]),
  has: (_, k) => keys.includes(k),
  ownKeys: () => keys,
  getOwnPropertyDescriptor: (_, k) => (keys.includes(k) ? { enumerable: true, configurable: true } : undefined),
});`;
      return { contents, loader: 'js' };
    });
  },
};

// What an earlier build left there (a vendor bundle no longer made, source maps) is not shipped.
await mkdir(cliOutdir, { recursive: true });
for (const f of await readdir(cliOutdir)) if (/^(baocao121|cli-core|parse-worker|vendor-[a-z-]+)\.cjs(\.map)?$/.test(f)) await rm(path.join(cliOutdir, f));
const entry = await build({
  ...cliCommon,
  entryPoints: ['electron/cli-main.ts'],
  outfile: path.join(cliOutdir, 'baocao121.cjs'),
  plugins: [...cliCommon.plugins, coreApart],
});
const core = await build({
  ...cliCommon,
  entryPoints: ['electron/cli.ts'],
  outfile: path.join(cliOutdir, 'cli-core.cjs'),
  plugins: [...cliCommon.plugins, lazyPackages],
  ...workerUrl('cjs'),
});
const worker = await build({ ...cliCommon, entryPoints: ['electron/import/parse-worker.ts'], outfile: path.join(cliOutdir, WORKER_FILE) });
const vendors = [];
for (const name of LAZY_PACKAGES) {
  vendors.push(
    await build({
      ...cliCommon,
      stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root, loader: 'js' },
      outfile: path.join(cliOutdir, `vendor-${name}.cjs`),
    }),
  );
}
if (metafile) {
  const all = [entry, core, worker, ...vendors].map((r) => r.metafile);
  await writeFile(
    metafile,
    JSON.stringify({ inputs: Object.assign({}, ...all.map((m) => m.inputs)), outputs: Object.assign({}, ...all.map((m) => m.outputs)) }),
  );
}
console.log(`Đã đóng gói công cụ dòng lệnh vào ${path.relative(root, cliOutdir) || '.'}/baocao121.cjs`);
