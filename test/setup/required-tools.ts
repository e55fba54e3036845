// The outside programs some tests need (LibreOffice and poppler to render files, Debian's Chromium for the
// window). On a developer's machine a test that needs a missing one is skipped with a message; under
// CI=true (CI, `.ci/run`) a missing program fails the whole run here, before any test, naming what to
// install: a green CI never hides tests that did not run.
import { existsSync } from 'node:fs';
import path from 'node:path';

export const REQUIRED_TOOLS: { name: string; find: (pathVar: string) => boolean; install: string }[] = [
  { name: 'soffice', find: (p) => onPath('soffice', p), install: 'libreoffice-calc libreoffice-writer' },
  { name: 'pdfinfo, pdftotext, pdftoppm', find: (p) => ['pdfinfo', 'pdftotext', 'pdftoppm'].every((c) => onPath(c, p)), install: 'poppler-utils' },
  { name: '/usr/bin/chromium', find: () => existsSync('/usr/bin/chromium'), install: 'chromium' },
];

function onPath(command: string, pathVar: string): boolean {
  return pathVar.split(path.delimiter).some((dir) => dir !== '' && existsSync(path.join(dir, command)));
}

/** The programs missing on this machine, each with the Debian packages that bring it. */
export function missingTools(pathVar = process.env.PATH ?? ''): { name: string; install: string }[] {
  return REQUIRED_TOOLS.filter((t) => !t.find(pathVar)).map(({ name, install }) => ({ name, install }));
}

export default function requireToolsUnderCi(): void {
  if (process.env.CI !== 'true') return;
  const missing = missingTools();
  if (missing.length === 0) return;
  throw new Error(
    `CI=true: the tests need ${missing.map((m) => m.name).join('; ')}, missing on this machine, so the tests that use them would be skipped. ` +
      `Install them (apt-get install ${missing.map((m) => m.install).join(' ')}; .ci/run does) and run again.`,
  );
}
