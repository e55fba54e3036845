// The layer rule of docs/architecture.md holds: shared/ imports neither electron/, renderer/ nor Node; renderer/
// never imports electron/ — checked by running the project's own ESLint configuration on snippets.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layers', () => {
  it('shared/ may not import Node, Node-only libraries, electron/ or renderer/', async () => {
    expect(await restricted('shared/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).not.toHaveLength(0);
    expect(await restricted('shared/probe.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n")).not.toHaveLength(0);
    expect(await restricted('shared/probe.ts', "import { AppError } from '../electron/errors.ts';\nexport const x = AppError;\n")).not.toHaveLength(0);
    expect(await restricted('shared/probe.ts', "import { nfc } from './text.ts';\nexport const x = nfc;\n")).toHaveLength(0);
  });

  it('renderer/ may not import electron/ or Node', async () => {
    expect(await restricted('renderer/probe.ts', "import { openDatabase } from '../electron/db/database.ts';\nexport const x = openDatabase;\n")).not.toHaveLength(0);
    expect(await restricted('renderer/probe.ts', "import path from 'node:path';\nexport const x = path;\n")).not.toHaveLength(0);
    expect(await restricted('renderer/probe.ts', "import { nfc } from '../shared/text.ts';\nexport const x = nfc;\n")).toHaveLength(0);
  });
});
