// Reading printed annexes back: LibreOffice headless converts .xlsx to PDF (each conversion with a
// profile of its own, so conversions can run side by side), poppler reads the pages and the words.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

export const run = promisify(execFile);

export function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, command)));
}

export const hasPdfTools = onPath('soffice') && onPath('pdfinfo') && onPath('pdftotext');

/** A LibreOffice profile of its own that recalculates formulas when it opens a file. */
export function profile(dir: string): string {
  const user = path.join(dir, 'user');
  mkdirSync(user, { recursive: true });
  writeFileSync(
    path.join(user, 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return `file://${dir}`;
}

export async function convert(to: string, files: string[], outDir: string, profileDir: string): Promise<void> {
  await run('soffice', [`-env:UserInstallation=${profile(profileDir)}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, ...files], {
    timeout: 180_000,
  });
}

export interface PdfWord {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
}

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every page with its words and their boxes (pdftotext -bbox), in points from the top left. */
export async function pdfPages(file: string): Promise<PdfPage[]> {
  const { stdout } = await run('pdftotext', ['-bbox', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return [...stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((p) => ({
    width: Number(p[1]),
    height: Number(p[2]),
    words: [...p[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      xMin: Number(w[1]),
      yMin: Number(w[2]),
      xMax: Number(w[3]),
      yMax: Number(w[4]),
      text: unescape(w[5]!),
    })),
  }));
}

/** Page sizes in points as pdfinfo reports them. */
export async function pageSizes(file: string): Promise<[number, number][]> {
  const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '9999', file]);
  return [...stdout.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Number(m[1]), Number(m[2])]);
}
