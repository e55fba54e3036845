// A draft's marks: "DỰ THẢO" boxed at the top right, and the unresolved errors boxed at the end.
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { SIZE, TEXT_WIDTH } from './layout.ts';
import { boldTextWidth } from './text-width.ts';

const BOX = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 2 } as const;

export function draftMarkParagraph(mark: string): Paragraph {
  const width = boldTextWidth(mark, SIZE.title / 2) + 480;
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: TEXT_WIDTH - width, right: 0 },
    spacing: { before: 0, after: 120 },
    border: { top: BOX, bottom: BOX, left: BOX, right: BOX },
    children: [new TextRun({ text: mark, bold: true, size: SIZE.title })],
  });
}

export function draftErrorsBox(title: string, errors: readonly string[]): (Paragraph | Table)[] {
  const line = (text: string, bold = false) =>
    new Paragraph({
      alignment: AlignmentType.LEFT,
      spacing: { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO },
      children: [new TextRun({ text, bold, size: SIZE.draftErrors })],
    });
  const box = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: TEXT_WIDTH, type: WidthType.DXA },
            margins: { left: 120, right: 120, top: 60, bottom: 60 },
            children: [line(title, true), ...errors.map((e) => line(`- ${e}`))],
          }),
        ],
      }),
    ],
  });
  return [new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }), box];
}
