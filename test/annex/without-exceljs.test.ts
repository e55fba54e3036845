// Making the annexes, the report and "Nguon so lieu.xlsx" loads no exceljs (docs/measured.md: loading it
// alone cost 170–400 ms each time): "Xuất báo cáo" runs in a fresh Node process, which then lists the
// exceljs modules it has loaded — none — and, as a check of the check, lists them again after loading it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.ts';

const work = tempDir('bc121-noexceljs-');
afterAll(() => work.cleanup());

const script = `
import { createRequire } from 'node:module';
const { generateAll } = await import('./electron/services/generate.ts');
const { sampleDb } = await import('./test/helpers/fixtures.ts');
const loaded = () => Object.keys(createRequire(process.cwd() + '/package.json').cache).filter((k) => k.includes('/exceljs/')).length;
const r = await generateAll(sampleDb(), { year: 2026, outDir: process.argv[1], sources: true, force: true });
const before = loaded();
await import('exceljs');
console.log(JSON.stringify({ files: r.files.map((f) => f.split(/[\\\\/]/).pop()), before, after: loaded() }));
`;

describe('Xuất báo cáo without exceljs', () => {
  it('writes the four annexes, the report and the sources workbook with no exceljs module loaded', () => {
    const out = path.join(work.dir, 'out');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, out], {
      cwd: path.resolve(__dirname, '../..'),
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { files: string[]; before: number; after: number };
    expect(result.files).toEqual(['Phu luc 01.xlsx', 'Phu luc 02.xlsx', 'Phu luc 03.xlsx', 'Phu luc 04.xlsx', 'Bao cao.docx', 'Nguon so lieu.xlsx']);
    for (const f of result.files) expect(existsSync(path.join(out, f)), f).toBe(true);
    expect(result.before).toBe(0);
    expect(result.after).toBeGreaterThan(0);
  }, 120_000);
});
