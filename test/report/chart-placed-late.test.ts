// The report is laid out while its chart is drawn and the picture is put into its paragraph afterwards: the package
// then holds what a paragraph made with the picture in it writes, byte for byte (the picture's drawing id, which
// docx counts per process, taken out).
import { unzipSync } from 'fflate';
import { AlignmentType, Document, ImageRun, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { renderBarChart } from '../../electron/report/chart/bar-chart.ts';
import type { BarChart } from '../../electron/report/content-model.ts';
import { buildReportContent } from '../../electron/report/build-content.ts';
import { chartPlace } from '../../electron/report/docx/chart-image.ts';
import { captionParagraph } from '../../electron/report/docx/form-table.ts';
import { docxBytes, zipDocxParts } from '../../electron/report/docx/package-docx.ts';
import { layOutReport, reportDocument } from '../../electron/report/docx/write-docx.ts';
import { gatherReportData } from '../../electron/report/report-data.ts';
import { sampleDb } from '../helpers/fixtures.ts';

const chart: BarChart = {
  kind: 'chart',
  caption: 'Biểu đồ: Số trẻ em bị xâm hại theo năm và hình thức xâm hại',
  axisLabel: 'Số trẻ em',
  categories: ['2024', '2025', '2026'],
  series: [
    { label: 'Xâm hại tình dục', values: [4, 6, 9] },
    { label: 'Bạo lực', values: [3, null, 2] },
  ],
};

const parts = async (children: Paragraph[]) => unzipSync(new Uint8Array(await docxBytes(new Document({ sections: [{ children }] }))));
const text = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString('utf8')
    .replace(/<wp:docPr id="\d+"/g, '<wp:docPr id="N"');

describe('the chart placed after the report is laid out', () => {
  it('writes the parts of a paragraph made with its picture', async () => {
    const late = chartPlace(chart);
    const notices: string[] = [];
    late.place(notices);
    // 16 cm at 96 dpi, the chart's proportions.
    const width = 605;
    const made = new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120, after: 0 },
      children: [
        new ImageRun({
          type: 'png',
          data: renderBarChart(chart).png,
          transformation: { width, height: Math.round((width * 370) / 600) },
          altText: { name: 'chart', title: chart.caption, description: chart.caption },
        }),
      ],
    });
    const ours = await parts(late.paragraphs);
    const expected = await parts([made, captionParagraph(chart.caption, { before: 60 })]);
    expect(Object.keys(ours)).toEqual(Object.keys(expected));
    expect(Object.keys(ours)).toContain('word/media/image1.png');
    expect(text(ours['word/document.xml']!)).toContain('<w:drawing>');
    for (const [name, bytes] of Object.entries(expected)) {
      if (name === 'docProps/core.xml') continue;
      expect(text(ours[name]!), name).toBe(text(bytes));
    }
  });

  it('a laid-out report written twice gives the same package, its pictures placed once', async () => {
    const ctx = sampleDb();
    try {
      const laidOut = layOutReport(buildReportContent(gatherReportData(ctx, 2026)));
      const first = await laidOut.docx();
      const second = await laidOut.docx();
      expect(second.buffer.equals(first.buffer)).toBe(true);
      expect(second.notices).toEqual(first.notices);
      const documentXml = Buffer.from(unzipSync(new Uint8Array(first.buffer))['word/document.xml']!).toString('utf8');
      const pictures = documentXml.match(/<w:drawing>/g)?.length ?? 0;
      expect(pictures).toBeGreaterThan(0);
      // One picture per chart paragraph: each drawing in its own run of a centred paragraph, none doubled.
      expect(documentXml.match(/<\/w:drawing><\/w:r><w:r><w:drawing>/g)).toBeNull();
    } finally {
      ctx.db.close();
    }
  });
});

describe('the report written while its chart is drawn', () => {
  /** A part's text without the times of packing (docProps/core.xml) and the pictures' drawing ids. */
  const comparable = (bytes: Uint8Array) => text(bytes).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'TIME');
  const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

  it('waits for the drawing, and holds what the document with its pictures placed first writes, part for part', async () => {
    const ctx = sampleDb();
    try {
      const content = buildReportContent(gatherReportData(ctx, 2026));
      const chartBlock = content.body.find((b) => b.kind === 'chart');
      expect(chartBlock).toBeDefined();
      // The same chart printed twice: docx keeps one picture for both, with the stand-ins as with the pictures.
      for (const c of [content, { ...content, body: [...content.body, chartBlock!] }]) {
        let release!: () => void;
        const drawn = new Promise<void>((r) => (release = r));
        let settled = false;
        const written = layOutReport(c)
          .docx(drawn)
          .finally(() => (settled = true));
        await new Promise((r) => setTimeout(r, 50));
        expect(settled).toBe(false);
        release();
        const ahead = unzipSync(new Uint8Array((await written).buffer));
        const placed = unzipSync(new Uint8Array(await docxBytes(reportDocument(c))));
        expect(Object.keys(ahead)).toEqual(Object.keys(placed));
        expect(Object.keys(ahead).filter((n) => n.startsWith('word/media/'))).toEqual(['word/media/image1.png']);
        expect([...ahead['word/media/image1.png']!.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
        expect(text(ahead['word/document.xml']!).match(/<w:drawing>/g)).toHaveLength(c === content ? 1 : 2);
        for (const [name, bytes] of Object.entries(placed)) expect(comparable(ahead[name]!), name).toBe(comparable(bytes));
      }
    } finally {
      ctx.db.close();
    }
  });

  it('puts a picture where docx wrote its stand-in, that very array and no copy of it, and fails when it is not there once', () => {
    const standIn = new TextEncoder().encode('stand-in');
    const png = Uint8Array.from(PNG_SIGNATURE);
    const zipped = unzipSync(
      new Uint8Array(
        zipDocxParts(
          new Map<string, string | Uint8Array>([
            ['word/document.xml', '<w:document/>'],
            ['word/media/image1.png', standIn],
            ['word/media/image2.png', Uint8Array.from(standIn)],
          ]),
          new Map([[standIn, png]]),
        ),
      ),
    );
    expect([...zipped['word/media/image1.png']!]).toEqual(PNG_SIGNATURE);
    expect(Buffer.from(zipped['word/media/image2.png']!).toString()).toBe('stand-in');
    expect(Buffer.from(zipped['word/document.xml']!).toString()).toBe('<w:document/>');
    expect(() => zipDocxParts(new Map([['word/media/image1.png', Uint8Array.from(standIn)]]), new Map([[standIn, png]]))).toThrow(/0 of 1/);
    expect(() =>
      zipDocxParts(
        new Map([
          ['word/media/image1.png', standIn],
          ['word/media/image2.png', standIn],
        ]),
        new Map([[standIn, png]]),
      ),
    ).toThrow(/twice/);
  });
});
