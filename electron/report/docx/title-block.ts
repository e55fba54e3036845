// Under the header: BÁO CÁO, the trích yếu in bold with a short rule under it, then the opening paragraph.
import { AlignmentType, LineRuleType, Paragraph, TextRun } from 'docx';
import type { FrontMatter } from '../content-model.ts';
import { mm, SIZE, TEXT_WIDTH } from './layout.ts';
import { bodyParagraph, centeredLine, ruleParagraph } from './paragraphs.ts';

/** Twips between the trích yếu's last line and the rule under it. */
export const TITLE_RULE_GAP = 160;

export function titleBlock(front: FrontMatter): Paragraph[] {
  const subject = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    indent: { left: mm(10), right: mm(10) },
    children: [new TextRun({ text: front.subject, bold: true, size: SIZE.title })],
  });
  // The rule stands clear of the descenders of the trích yếu's last line (g, y, p, ợ …): 8 pt below it.
  const paragraphs = [centeredLine(front.title, { bold: true, size: SIZE.title, before: 480 }), subject, ruleParagraph(mm(35), TEXT_WIDTH, TITLE_RULE_GAP)];
  const spaceBeforeOpening = new Paragraph({ spacing: { before: 0, after: 0, line: 360, lineRule: LineRuleType.EXACT }, children: [] });
  paragraphs.push(spaceBeforeOpening);
  if (front.opening) paragraphs.push(bodyParagraph([{ text: front.opening }]));
  return paragraphs;
}
