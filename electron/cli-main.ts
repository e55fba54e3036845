// The `baocao121` executable: runs the CLI in plain Node (no Electron) — from the bundle the build makes
// (dist/cli/baocao121.cjs, with the commands and services in cli-core.cjs beside it), or in development
// from the sources through tsx (bin/baocao121.mjs). --help is answered before the services are loaded.
import module from 'node:module';
import { EXIT, isHelpRequest, USAGE } from './cli-usage.ts';

// `baocao121 audit | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const argv = process.argv.slice(2);
const out = (line: string) => void process.stdout.write(line + '\n');
const err = (line: string) => void process.stderr.write(line + '\n');

if (isHelpRequest(argv)) {
  out(USAGE);
  process.exitCode = argv.length ? EXIT.ok : EXIT.usage;
} else {
  // Node ≥ 22.1 (and Electron's Node) keeps the compiled services on disk: the next start is faster.
  (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  void import('./cli.ts').then(async ({ runCli }) => {
    process.exitCode = await runCli(argv, {
      out,
      err,
      // "[12/46] file name" on stderr: one refreshed line on a terminal, one line each otherwise.
      progress: ({ done, total, label }) =>
        process.stderr.write(process.stderr.isTTY ? `\r\x1b[K[${done}/${total}] ${label}${done === total ? '\n' : ''}` : `[${done}/${total}] ${label}\n`),
    });
  });
}
