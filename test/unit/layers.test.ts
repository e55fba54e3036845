// The layer rules of docs/architecture.md hold: shared/ imports neither electron/, renderer/ nor Node; renderer/
// never imports electron/; inside electron/ each layer imports only its own and those below (store ←
// workbook/import/annex/report ← services ← ipc/bridge/cli) and only main, preload, window/ and ipc/ import the
// `electron` package — checked by running the project's own ESLint configuration on probes placed in each folder.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
const root = path.resolve(import.meta.dirname, '../..');

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** A probe at `filePath` importing `specifier` (resolved from the probe's folder, as in the tree). */
function importing(specifier: string): string {
  return `import * as probe from '${specifier}';\nexport const x = probe;\n`;
}

describe('layers', () => {
  it('shared/ may not import Node, Node-only libraries, electron/ or renderer/', async () => {
    expect(await restricted('shared/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).not.toHaveLength(0);
    expect(await restricted('shared/probe.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n")).not.toHaveLength(0);
    expect(await restricted('shared/probe.ts', "import { AppError } from '../electron/errors.ts';\nexport const x = AppError;\n")).not.toHaveLength(0);
    expect(await restricted('shared/probe.ts', "import { nfc } from './text.ts';\nexport const x = nfc;\n")).toHaveLength(0);
  });

  it('renderer/ may not import electron/ or Node', async () => {
    expect(
      await restricted('renderer/probe.ts', "import { openDatabase } from '../electron/db/database.ts';\nexport const x = openDatabase;\n"),
    ).not.toHaveLength(0);
    expect(await restricted('renderer/probe.ts', "import path from 'node:path';\nexport const x = path;\n")).not.toHaveLength(0);
    expect(await restricted('renderer/probe.ts', "import { nfc } from '../shared/text.ts';\nexport const x = nfc;\n")).toHaveLength(0);
  });

  // Each row: a probe's place, and one real module of each layer above it (refused) or at/below it (allowed).
  const crossings: [string, string][] = [
    ['electron/files/probe.ts', '../db/database.ts'],
    ['electron/files/probe.ts', '../store/context.ts'],
    ['electron/errors.ts', './template-store.ts'],
    ['electron/db/probe.ts', '../workbook/input-writer.ts'],
    ['electron/store/probe.ts', '../import/parse-file.ts'],
    ['electron/store/probe.ts', '../annex/render.ts'],
    ['electron/store/probe.ts', '../report/report-data.ts'],
    ['electron/template-store.ts', './annex/layouts.ts'],
    ['electron/annex/probe.ts', '../services/generate.ts'],
    ['electron/report/docx/probe.ts', '../../services/report.ts'],
    ['electron/import/probe.ts', '../services/imports.ts'],
    ['electron/workbook/probe.ts', '../ipc/handlers.ts'],
    ['electron/services/probe.ts', '../ipc/handlers.ts'],
    ['electron/services/probe.ts', '../bridge/http-bridge.ts'],
    ['electron/services/probe.ts', '../window/security.ts'],
    ['electron/services/probe.ts', '../cli.ts'],
    ['electron/services/probe.ts', '../main.ts'],
  ];
  it.each(crossings)('%s may not import %s (a layer above)', async (file, specifier) => {
    const messages = await restricted(file, importing(specifier));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/is restricted .*electron\/ layer .* imports only its own layer and those below/);
  });

  const allowed: [string, string][] = [
    ['electron/files/probe.ts', '../errors.ts'],
    ['electron/store/probe.ts', '../db/database.ts'],
    ['electron/store/probe.ts', '../template-store.ts'],
    ['electron/annex/probe.ts', '../store/aggregate.ts'],
    ['electron/annex/probe.ts', '../workbook/package.ts'],
    ['electron/report/probe.ts', '../store/settings.ts'],
    ['electron/services/probe.ts', '../annex/render.ts'],
    ['electron/services/probe.ts', '../store/units.ts'],
    ['electron/services/probe.ts', './generate.ts'],
    ['electron/ipc/probe.ts', '../services/generate.ts'],
    ['electron/bridge/probe.ts', '../ipc/service-host.ts'],
    ['electron/cli.ts', './services/demo.ts'],
  ];
  it.each(allowed)('%s may import %s (its own layer or one below)', async (file, specifier) => {
    expect(await restricted(file, importing(specifier))).toEqual([]);
  });

  it('only main.ts, preload.ts, electron/window/ and electron/ipc/ import the electron package', async () => {
    for (const file of [
      'electron/services/probe.ts',
      'electron/store/probe.ts',
      'electron/annex/probe.ts',
      'electron/files/probe.ts',
      'electron/bridge/probe.ts',
      'electron/cli.ts',
    ]) {
      const messages = await restricted(file, "import { app } from 'electron';\nexport const x = app;\n");
      expect(messages, file).toHaveLength(1);
      expect(messages[0], file).toMatch(/'electron' import is restricted.*Only main\.ts, preload\.ts, electron\/window\/ and electron\/ipc\//);
    }
    for (const file of ['electron/main.ts', 'electron/preload.ts', 'electron/window/probe.ts', 'electron/ipc/probe.ts']) {
      expect(await restricted(file, "import { app } from 'electron';\nexport const x = app;\n"), file).toEqual([]);
    }
  });

  it('eslint fails on a real file in the tree that crosses a layer, naming the rule', async () => {
    const probe = path.join(root, 'electron/store', `layer-probe-${randomBytes(4).toString('hex')}.ts`);
    writeFileSync(probe, importing('../services/generate.ts'));
    try {
      const run = promisify(execFile)(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), path.relative(root, probe)], { cwd: root });
      const failure = await run.then(
        () => null,
        (e: { code: number; stdout: string }) => e,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stdout).toContain('no-restricted-imports');
      expect(failure?.stdout).toContain('electron/ layer store imports only its own layer and those below');
    } finally {
      rmSync(probe, { force: true });
    }
  });
});
