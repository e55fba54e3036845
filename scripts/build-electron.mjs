#!/usr/bin/env node
// Bundles the Electron main process, the service process and the preload into dist/electron/.
// Packages stay external (electron-builder ships them; better-sqlite3 is native). The services find
// their data files (migrations, templates, package.json) relative to their own source file through
// import.meta.url; in one bundle every file would share the bundle's URL, so each source file's
// import.meta.url is rewritten to its original place in the app, relative to the bundle.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// An output folder may be given (the tests build into a temporary one).
const outdir = path.resolve(process.argv[2] ?? path.join(root, 'dist', 'electron'));

const sourceUrlPlugin = {
  name: 'source-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const relative = path.relative(outdir, args.path).split(path.sep).join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`), loader: 'ts' };
    });
  },
};

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', absWorkingDir: root };

await build({
  ...common,
  entryPoints: { main: 'electron/main.ts', 'service-process': 'electron/ipc/service-process.ts' },
  outdir,
  format: 'esm',
  packages: 'external',
  plugins: [sourceUrlPlugin],
});
// A sandboxed preload must be CommonJS and may require only 'electron'.
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: path.join(outdir, 'preload.cjs'), format: 'cjs', external: ['electron'] });
console.log(`Đã đóng gói tiến trình chính, tiến trình dữ liệu và preload vào ${path.relative(root, outdir) || '.'}/`);
