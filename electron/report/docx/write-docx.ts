// The whole .docx: A4 with Decree 30 margins, Times New Roman 14, page numbers at the top centre from
// page 2 on (a different first page), the header, title, body, closing and, for a draft, its marks.
import { AlignmentType, Document, Header, LineRuleType, PageNumber, Paragraph, Table, TextRun } from 'docx';
import type { ContentBlock, ReportContent } from '../content-model.ts';
import { chartPlace, type ChartPlace } from './chart-image.ts';
import { closingBlock } from './closing-block.ts';
import { draftErrorsBox, draftMarkParagraph } from './draft.ts';
import { docxBytes, docxParts, zipDocxParts, zipsOwnParts } from './package-docx.ts';
import { captionParagraph, formTable, textTable } from './form-table.ts';
import { headerBlock } from './header-block.ts';
import { FONT, MARGIN, PAGE, SIZE } from './layout.ts';
import { bodyParagraph, headingParagraph } from './paragraphs.ts';
import { titleBlock } from './title-block.ts';
import { sentenceCase } from '../../../shared/text.ts';

const encoder = new TextEncoder();
/** What a picture's stand-in bytes begin with (never a PNG's first bytes). */
const STAND_IN = 'chart picture drawn later:';

function pageNumberHeader(): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE.pageNumber })] })],
  });
}

function bodyElements(blocks: readonly ContentBlock[], charts: ChartPlace[]): (Paragraph | Table)[] {
  return blocks.flatMap((b): (Paragraph | Table)[] => {
    switch (b.kind) {
      case 'heading':
        return [headingParagraph(b.level, b.text)];
      case 'paragraph':
        return [bodyParagraph(b.runs)];
      case 'table':
        return [captionParagraph(b.caption, { keepNext: true }), formTable(b), new Paragraph({ spacing: { after: 120 }, children: [] })];
      case 'textTable':
        return [captionParagraph(b.caption, { keepNext: true }), textTable(b), new Paragraph({ spacing: { after: 120 }, children: [] })];
      case 'chart': {
        const chart = chartPlace(b);
        charts.push(chart);
        return chart.paragraphs;
      }
    }
  });
}

/**
 * The report laid out but for its charts' pictures: what needs no picture is made while the thread pool draws
 * them (services/report.ts). `docx` writes the document's parts with stand-ins for the pictures while `drawn`
 * (the drawing) is under way, then zips them with the pictures in.
 */
export interface LaidOutReport {
  /** The package (written once: a second call gives the same answer, the pictures placed once). */
  docx(drawn?: Promise<unknown>): Promise<{ buffer: Buffer; notices: string[] }>;
}

export function layOutReport(content: ReportContent): LaidOutReport {
  const charts: ChartPlace[] = [];
  const document = documentOf(content, charts);
  let written: Promise<{ buffer: Buffer; notices: string[] }> | undefined;
  const write = async (drawn: Promise<unknown> | undefined) => {
    // A drawing that fails while the parts are being written is reported where it is awaited, or, if writing
    // throws first, by that throw: never left as an unhandled rejection.
    drawn?.catch(() => undefined);
    const notices: string[] = [];
    if (!zipsOwnParts()) {
      await drawn;
      for (const chart of charts) chart.place(notices);
      return { buffer: await docxBytes(document), notices };
    }
    // Charts drawn from the same figures share a stand-in, as docx makes one part of the same picture placed twice.
    const standIns = new Map<string, Uint8Array>();
    const placed = charts.map((chart) => {
      const key = chart.pictureKey;
      const standIn = standIns.get(key) ?? standIns.set(key, encoder.encode(`${STAND_IN} ${key}`)).get(key)!;
      return [standIn, chart.placeStandIn(standIn)] as const;
    });
    const parts = docxParts(document)!;
    await drawn;
    const pictures = new Map<Uint8Array, Uint8Array>();
    for (const [standIn, place] of placed) {
      const png = place.drawn(notices);
      if (!pictures.has(standIn)) pictures.set(standIn, png);
    }
    return { buffer: zipDocxParts(parts, pictures), notices };
  };
  return {
    docx: (drawn) => (written ??= write(drawn)),
  };
}

/** The document with its charts drawn; what laying it out adds to the compiler's notices goes into `notices`. */
export function reportDocument(content: ReportContent, notices: string[] = []): Document {
  const charts: ChartPlace[] = [];
  const document = documentOf(content, charts);
  for (const chart of charts) chart.place(notices);
  return document;
}

function documentOf(content: ReportContent, charts: ChartPlace[]): Document {
  const children: (Paragraph | Table)[] = [];
  if (content.front.draftMark) children.push(draftMarkParagraph(content.front.draftMark));
  children.push(headerBlock(content.front), ...titleBlock(content.front), ...bodyElements(content.body, charts));
  children.push(new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }), closingBlock(content.closing));
  if (content.draftErrors) children.push(...draftErrorsBox(content.draftErrors.title, content.draftErrors.errors));
  return new Document({
    // Vietnamese properties (Word's File › Info): the agency as author, never the program's name or "Unknown".
    creator: content.front.author,
    lastModifiedBy: content.front.author,
    title: `${sentenceCase(content.front.title)} ${content.front.subject}`,
    subject: content.front.subject,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE.body, color: '000000' },
          paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.left, right: MARGIN.right, header: MARGIN.header, footer: MARGIN.footer },
          },
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({ children: [] })] }) },
        children,
      },
    ],
  });
}
