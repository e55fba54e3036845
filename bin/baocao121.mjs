#!/usr/bin/env node
// Entry point of the `baocao121` command: runs the TypeScript CLI in plain Node (no Electron) via tsx.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/cli.ts');
const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
});
process.exitCode = code;
