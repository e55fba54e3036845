// Paragraph shapes of the report: body text, headings by outline level, centred lines, short solid rules.
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TextRun } from 'docx';
import type { OutlineLevel } from '../../../shared/outline-schema.ts';
import type { Run } from '../content-model.ts';
import { BODY, RULE_SIZE, SIZE } from './layout.ts';

export interface LineStyle {
  bold?: boolean;
  italic?: boolean;
  /** Half-points. */
  size?: number;
  before?: number;
  after?: number;
  keepNext?: boolean;
}

export function textRun(run: Run, size?: number): TextRun {
  return new TextRun({ text: run.text, bold: run.bold, italics: run.italic, size, highlight: run.highlight ? 'yellow' : undefined });
}

/** A body paragraph: justified, first line indented 1.27 cm, 6 pt after, line spacing 1.15. */
export function bodyParagraph(runs: readonly Run[], options: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: BODY.firstLine },
    spacing: { after: BODY.after, line: BODY.line, lineRule: LineRuleType.AUTO },
    keepNext: options.keepNext,
    children: runs.map((r) => textRun(r, SIZE.body)),
  });
}

/** PHẦN A–C centred in bold capitals; I.–V. and 1.–5. bold, indented like the body. Kept with what follows. */
export function headingParagraph(level: OutlineLevel, text: string): Paragraph {
  if (level === 'part') {
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: BODY.after, line: BODY.line, lineRule: LineRuleType.AUTO },
      keepNext: true,
      children: [new TextRun({ text: text.toUpperCase(), bold: true, size: SIZE.body })],
    });
  }
  return bodyParagraph([{ text, bold: true }], { keepNext: true });
}

/** A single centred line, as in the header, title and signature blocks (no indent, single spacing). */
export function centeredLine(text: string, style: LineStyle = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: style.before ?? 0, after: style.after ?? 0, line: 240, lineRule: LineRuleType.AUTO },
    keepNext: style.keepNext,
    children: [new TextRun({ text, bold: style.bold, italics: style.italic, size: style.size })],
  });
}

/** A solid rule `width` twips long, centred in a box `containerWidth` wide: an empty paragraph's top border. */
export function ruleParagraph(width: number, containerWidth: number, before = 20): Paragraph {
  const side = Math.max(0, Math.floor((containerWidth - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before, after: 0, line: 20, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: RULE_SIZE, color: '000000', space: 0 } },
    children: [],
  });
}

/** An empty line of the given size, for vertical space inside tables. */
export function spacer(heightTwips: number): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: heightTwips, lineRule: LineRuleType.EXACT }, children: [] });
}
