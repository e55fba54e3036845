// Under CI=true a machine without LibreOffice or Chromium fails the run with a message naming the
// packages (test/setup/required-tools.ts), instead of skipping the tests that need them.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import requireToolsUnderCi, { missingTools } from '../setup/required-tools.ts';

describe('required tools under CI=true', () => {
  it('names LibreOffice and poppler as missing on a PATH without them', () => {
    const names = missingTools(path.join(os.tmpdir(), 'no-such-bin')).map((m) => m.name);
    expect(names).toContain('soffice');
    expect(names).toContain('pdfinfo, pdftotext, pdftoppm');
  });

  it('CI=true with a PATH that lacks soffice fails the run with the packages to install', () => {
    const run = () =>
      execFileSync(process.execPath, ['--import', 'tsx', '-e', "import('./test/setup/required-tools.ts').then((m) => m.default())"], {
        env: { ...process.env, CI: 'true', PATH: path.join(os.tmpdir(), 'no-such-bin') },
        stdio: 'pipe',
        encoding: 'utf8',
      });
    expect(run).toThrow(/CI=true: the tests need soffice.*apt-get install libreoffice-calc libreoffice-writer/s);
  });

  it('without CI=true nothing is required', () => {
    const saved = process.env.CI;
    delete process.env.CI;
    try {
      expect(() => requireToolsUnderCi()).not.toThrow();
    } finally {
      if (saved !== undefined) process.env.CI = saved;
    }
  });
});
