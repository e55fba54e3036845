// Under the header: BÁO CÁO, the trích yếu in bold with a short rule under it, then the opening paragraph.
import { AlignmentType, LineRuleType, Paragraph, TextRun } from 'docx';
import type { FrontMatter } from '../content-model.ts';
import { mm, SIZE, TEXT_WIDTH } from './layout.ts';
import { bodyParagraph, centeredLine, ruleParagraph } from './paragraphs.ts';

export function titleBlock(front: FrontMatter): Paragraph[] {
  const subject = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    indent: { left: mm(10), right: mm(10) },
    children: [new TextRun({ text: front.subject, bold: true, size: SIZE.title })],
  });
  const paragraphs = [centeredLine(front.title, { bold: true, size: SIZE.title, before: 480 }), subject, ruleParagraph(mm(35), TEXT_WIDTH, 60)];
  const spaceBeforeOpening = new Paragraph({ spacing: { before: 0, after: 0, line: 360, lineRule: LineRuleType.EXACT }, children: [] });
  paragraphs.push(spaceBeforeOpening);
  if (front.opening) paragraphs.push(bodyParagraph([{ text: front.opening }]));
  return paragraphs;
}
