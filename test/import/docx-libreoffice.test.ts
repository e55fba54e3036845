// A Word report re-saved by LibreOffice (as a unit might, or as Word would rewrite it) reads the same: every
// section's text, the unplaced text, the unit and the year.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/store/context.ts';
import { previewWordReport } from '../../electron/services/word-reports.ts';
import { emptySampleDb, tempDir } from '../helpers/fixtures.ts';
import { standardReport, standardTexts, wordReport, type Item } from './docx-fixtures.ts';

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
let ctx: ServiceContext;
let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir('bc121-docx-lo-'));
  ctx = emptySampleDb();
});
afterAll(() => {
  ctx.db.close();
  cleanup();
});

describe.skipIf(!hasSoffice)('Word reports re-saved by LibreOffice (skipped: soffice not installed)', () => {
  it('read the same as the originals: styled and numbered, bold without numbers with a list and a table, TCVN3', async () => {
    const extra: Item[] = [
      { bullet: 'Tuyên truyền trên loa truyền thanh xã.' },
      {
        table: [
          ['Hình thức', 'Số cuộc'],
          ['Hội nghị', '4'],
        ],
      },
    ];
    const reports: [string, Buffer][] = [
      ['so-y-te.docx', await wordReport(standardReport(), { agency: ['UBND TỈNH AN LẠC', 'SỞ Y TẾ'], closing: true })],
      [
        'Xa Tan Phu.docx',
        await wordReport([...standardReport({ numbers: false }).slice(0, 9), ...extra, ...standardReport({ numbers: false }).slice(9)], { headings: 'bold' }),
      ],
      ['tcvn3.docx', await wordReport(standardReport(), { tcvn3: true, headings: 'plain', agency: ['UBND XÃ HÒA BÌNH'] })],
    ];
    const orig = path.join(dir, 'orig');
    const resaved = path.join(dir, 'resaved');
    mkdirSync(orig);
    mkdirSync(resaved);
    for (const [name, buf] of reports) writeFileSync(path.join(orig, name), buf);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/lo-profile`,
        '--headless',
        '--norestore',
        '--convert-to',
        'docx:MS Word 2007 XML',
        '--outdir',
        resaved,
        ...reports.map(([n]) => path.join(orig, n)),
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    for (const [name] of reports) {
      const a = await previewWordReport(ctx, path.join(orig, name));
      const b = await previewWordReport(ctx, path.join(resaved, name));
      expect(readFileSync(path.join(resaved, name)).equals(readFileSync(path.join(orig, name)))).toBe(false);
      expect(b.ok, name).toBe(true);
      expect(b.sections, name).toEqual(a.sections);
      expect(b.unplaced, name).toEqual(a.unplaced);
      expect([b.unit, b.year], name).toEqual([a.unit, a.year]);
    }
    const commune = await previewWordReport(ctx, path.join(resaved, 'Xa Tan Phu.docx'));
    expect(commune.unit?.code).toBe('X03');
    expect(commune.sections.find((s) => s.code === 't_b1_kq')!.text).toBe(
      [standardTexts().t_b1_kq, '- Tuyên truyền trên loa truyền thanh xã.', 'Hình thức | Số cuộc', 'Hội nghị | 4'].join('\n'),
    );
    const first = await previewWordReport(ctx, path.join(resaved, 'so-y-te.docx'));
    expect(Object.fromEntries(first.sections.map((s) => [s.code, s.text]))).toEqual(
      Object.fromEntries(first.sections.map((s) => [s.code, standardTexts()[s.code] ?? ''])),
    );
  });
});
