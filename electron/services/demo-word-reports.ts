// The sample's Word reports (templates/sample/word-reports.json) written as a unit would: a .docx with the
// Quốc hiệu header table, the title, and the outline's headings in order (Heading 1–3, the narrative points as
// "- Tồn tại, hạn chế." lines), the unit's paragraphs under them; lines with " | " become a table.
import { readFileSync } from 'node:fs';
import { ensureFolder, writeFileAtomic } from '../files/atomic-write.ts';
import path from 'node:path';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { z } from 'zod';
import type { OutlineSection } from '../../shared/outline-schema.ts';
import { loadOutline } from '../report/outline-store.ts';
import { templatePath } from '../template-store.ts';
import type { ServiceContext } from '../store/context.ts';
import { getSettings, settingString } from '../store/settings.ts';

const reportSchema = z.object({
  unit: z.string().min(1),
  year: z.number().int(),
  file: z.string().regex(/\.docx$/),
  agency: z.array(z.string()).min(1),
  number: z.string(),
  date: z.string(),
  opening: z.string(),
  texts: z.record(z.string().regex(/^t_[a-z0-9_]+$/), z.array(z.string()).min(1)),
});
export type SampleWordReport = z.infer<typeof reportSchema>;

export function loadSampleWordReports(): SampleWordReport[] {
  const raw = JSON.parse(readFileSync(templatePath('sample', 'word-reports.json'), 'utf8')) as { reports: unknown };
  return z.array(reportSchema).parse(raw.reports);
}

const FONT = 'Times New Roman';
const text = (t: string, bold = false, italics = false) => new TextRun({ text: t, bold, italics, font: FONT, size: 28 });
const centred = (t: string, bold = false, italics = false) => new Paragraph({ alignment: AlignmentType.CENTER, children: [text(t, bold, italics)] });
const HEADING = { part: HeadingLevel.HEADING_1, roman: HeadingLevel.HEADING_2, arabic: HeadingLevel.HEADING_3 } as const;

/** A unit's lines: plain paragraphs, and runs of " | " lines as one table. */
function linesToBlocks(lines: string[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length === 0) return;
    out.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph({ children: [text(c)] })] })) })),
      }),
    );
    rows = [];
  };
  for (const line of lines) {
    if (line.includes(' | ')) rows.push(line.split(' | '));
    else {
      flush();
      out.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [text(line)] }));
    }
  }
  flush();
  return out;
}

export async function wordReportDocx(ctx: ServiceContext, r: SampleWordReport): Promise<Buffer> {
  const outline = loadOutline(ctx.template);
  const provinceKind = settingString(getSettings(ctx), 'province_kind', 'tỉnh');
  const cell = (children: Paragraph[]) => new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children });
  const body: (Paragraph | Table)[] = [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          children: [
            cell(r.agency.map((a, i) => centred(a, i === r.agency.length - 1))),
            cell([centred(outline.phrases.nationalTitle, true), centred(outline.phrases.motto, true)]),
          ],
        }),
        new TableRow({ children: [cell([centred(r.number)]), cell([centred(r.date, false, true)])] }),
      ],
    }),
    centred(outline.title, true),
    centred(outline.subject.replace('{year}', String(r.year)), true),
    new Paragraph({ children: [text(r.opening)] }),
  ];
  const walk = (sections: readonly OutlineSection[]) => {
    for (const s of sections) {
      body.push(new Paragraph({ heading: HEADING[s.level], children: [text(s.heading.replace('{province_kind}', provinceKind), true)] }));
      for (const b of s.blocks ?? []) {
        if (b.kind !== 'narrative') continue;
        if (b.lead) body.push(new Paragraph({ children: [text(b.lead, false, true)] }));
        body.push(...linesToBlocks(r.texts[b.code] ?? []));
      }
      walk(s.sections ?? []);
    }
  };
  walk(outline.sections);
  body.push(new Paragraph({ children: [text('./.')] }));
  body.push(new Paragraph({ children: [text(outline.phrases.recipientsTitle, true)] }));
  body.push(new Paragraph({ children: [text('- Sở Y tế;')] }));
  body.push(new Paragraph({ children: [text(outline.phrases.archiveDefault)] }));
  return Packer.toBuffer(new Document({ sections: [{ children: body }] }));
}

/** Writes the sample's Word reports into a folder (temporary name, then renamed); returns their paths. */
export async function writeSampleWordReports(ctx: ServiceContext, outDir: string): Promise<string[]> {
  ensureFolder(outDir);
  const files: string[] = [];
  for (const r of loadSampleWordReports()) {
    const file = path.join(outDir, r.file);
    await writeFileAtomic(file, await wordReportDocx(ctx, r));
    files.push(file);
  }
  return files;
}
