// The whole .docx: A4 with Decree 30 margins, Times New Roman 14, page numbers at the top centre from
// page 2 on (a different first page), the header, title, body, closing and, for a draft, its marks.
import { AlignmentType, Document, Header, LineRuleType, PageNumber, Paragraph, Table, TextRun } from 'docx';
import type { ContentBlock, ReportContent } from '../content-model.ts';
import { chartPlace, type ChartPlace } from './chart-image.ts';
import { closingBlock } from './closing-block.ts';
import { draftErrorsBox, draftMarkParagraph } from './draft.ts';
import { docxBytes } from './package-docx.ts';
import { captionParagraph, formTable, textTable } from './form-table.ts';
import { headerBlock } from './header-block.ts';
import { FONT, MARGIN, PAGE, SIZE } from './layout.ts';
import { bodyParagraph, headingParagraph } from './paragraphs.ts';
import { titleBlock } from './title-block.ts';
import { sentenceCase } from '../../../shared/text.ts';

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
 * them (services/report.ts), then `docx` places them and writes the package.
 */
export interface LaidOutReport {
  /** The package (written once: a second call gives the same answer, the pictures placed once). */
  docx(): Promise<{ buffer: Buffer; notices: string[] }>;
}

export function layOutReport(content: ReportContent): LaidOutReport {
  const charts: ChartPlace[] = [];
  const document = documentOf(content, charts);
  let written: Promise<{ buffer: Buffer; notices: string[] }> | undefined;
  const write = async () => {
    const notices: string[] = [];
    for (const chart of charts) chart.place(notices);
    return { buffer: await docxBytes(document), notices };
  };
  return {
    docx: () => (written ??= write()),
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
