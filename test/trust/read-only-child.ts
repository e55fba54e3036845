// Runs CLI commands in one process and prints what each answered, as JSON (read-only.test.ts runs it
// as an unprivileged user, for whom a read-only folder really is read-only).
import { runCli } from '../../electron/cli.ts';

const commands = JSON.parse(process.argv[2] ?? '[]') as string[][];
const results = [];
for (const argv of commands) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  results.push({ argv, code, out: out.join('\n'), err: err.join('\n') });
}
process.stdout.write(JSON.stringify(results));
