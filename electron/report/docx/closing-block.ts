// After the body (Decree 30): a borderless two-column table, "Nơi nhận:" and its list on the left, the signer's
// authority, title, room for the signature and seal, and name on the right.
import { AlignmentType, LineRuleType, Paragraph, TableRow, TextRun } from 'docx';
import type { Closing } from '../content-model.ts';
import { mm, SIZE, TEXT_WIDTH } from './layout.ts';
import { centeredLine } from './paragraphs.ts';
import { borderlessTable, cell } from './tables.ts';

function leftLine(text: string, style: { size: number; bold?: boolean; italic?: boolean }): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text, size: style.size, bold: style.bold, italics: style.italic })],
  });
}

export function closingBlock(closing: Closing) {
  const left = mm(75);
  const right = TEXT_WIDTH - left;
  const recipients = [
    leftLine(closing.recipientsTitle, { size: SIZE.recipientsTitle, bold: true, italic: true }),
    ...closing.recipients.map((r) => leftLine(r, { size: SIZE.recipients })),
  ];
  const signer = [closing.signerAuthority, closing.signerTitle].filter((t) => t.trim() !== '').map((t) => centeredLine(t, { bold: true, size: SIZE.signer }));
  signer.push(centeredLine(closing.signerName || ' ', { bold: true, size: SIZE.signer, before: mm(30) }));
  return borderlessTable([new TableRow({ cantSplit: true, children: [cell(recipients, left), cell(signer, right)] })], [left, right]);
}
