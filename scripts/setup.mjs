#!/usr/bin/env node
// One-command install for a fresh clone.
// Electron's postinstall downloads its binary; on machines without that download host
// (the Linux build/CI machines) it must be told to skip. It reads only the environment
// variable, so we set it here and run `npm ci` (or `npm install` without a lock file).
// On Windows the binary is fetched as usual so that `npm start` works there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const env = { ...process.env };
if (env.ELECTRON_SKIP_BINARY_DOWNLOAD === undefined && process.platform !== 'win32') {
  env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1';
}
const args = existsSync('package-lock.json') ? ['ci'] : ['install'];
console.log(`Cài đặt: npm ${args.join(' ')} (ELECTRON_SKIP_BINARY_DOWNLOAD=${env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? '0'})`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, [...args, '--no-audit', '--no-fund'], { stdio: 'inherit', env, shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
