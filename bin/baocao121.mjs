#!/usr/bin/env node
// Entry point of the `baocao121` command: runs the TypeScript CLI in plain Node (no Electron) via tsx.
import { register } from 'tsx/esm/api';

register();
// `baocao121 audit | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { runCli } = await import('../electron/cli.ts');
const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  // "[12/46] file name" on stderr: one refreshed line on a terminal, one line each otherwise.
  progress: ({ done, total, label }) =>
    process.stderr.write(process.stderr.isTTY ? `\r\x1b[K[${done}/${total}] ${label}${done === total ? '\n' : ''}` : `[${done}/${total}] ${label}\n`),
});
process.exitCode = code;
