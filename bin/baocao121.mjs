#!/usr/bin/env node
// Entry point of the `baocao121` command. Runs the bundled CLI (dist/cli/baocao121.cjs, made by
// `npm run build`) when it is there and not older than the sources; otherwise (development) runs the
// TypeScript sources through tsx.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'cli', 'baocao121.cjs');

/** The newest modification time under the folders the bundle is made of (0 where they are absent, as in a package). */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  walk(path.join(root, 'electron'));
  walk(path.join(root, 'shared'));
  return newest;
}

if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource()) {
  createRequire(import.meta.url)(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli-main.ts');
}
