// The first page's header (Decree 30): a borderless two-column table. Left: parent body, issuing body in bold
// with a short rule, "Số: …/BC-…". Right: Quốc hiệu, tiêu ngữ with a rule as long as the line, place and date.
import { TableRow } from 'docx';
import type { FrontMatter } from '../content-model.ts';
import { CELL_MARGIN, mm, SIZE, TEXT_WIDTH } from './layout.ts';
import { centeredLine, ruleParagraph } from './paragraphs.ts';
import { borderlessTable, cell } from './tables.ts';
import { boldTextWidth } from './text-width.ts';

/** Column widths: about 40/60, the right one wide enough for the Quốc hiệu on one line. */
export function headerColumns(nationalTitle: string): [number, number] {
  const needed = boldTextWidth(nationalTitle, SIZE.nationalTitle / 2) + 2 * CELL_MARGIN + 200;
  const right = Math.min(TEXT_WIDTH - mm(50), Math.max(Math.round(TEXT_WIDTH * 0.6), needed));
  return [TEXT_WIDTH - right, right];
}

/** Share of the agency line the rule under it spans: Decree 30 asks for one third to one half. */
export const ISSUING_RULE_SHARE = 0.42;

/** The rule under the issuing body: 42% of the agency line (between one third and one half, Decree 30), centred. */
export function issuingRuleWidth(issuingBody: string, columnWidth: number): number {
  const text = Math.min(boldTextWidth(issuingBody, SIZE.issuingBody / 2), columnWidth - 2 * CELL_MARGIN);
  return Math.round(text * ISSUING_RULE_SHARE);
}

/** Space between a header line and its rule, so the rule does not read as an underline. */
const RULE_GAP = 80;

export function headerBlock(front: FrontMatter) {
  const [left, right] = headerColumns(front.nationalTitle);
  const inner = (w: number) => w - 2 * CELL_MARGIN;
  const mottoRule = Math.min(boldTextWidth(front.motto, SIZE.motto / 2), inner(right));
  const top = new TableRow({
    children: [
      cell(
        [
          centeredLine(front.parentBody, { size: SIZE.parentBody }),
          centeredLine(front.issuingBody, { size: SIZE.issuingBody, bold: true }),
          ruleParagraph(issuingRuleWidth(front.issuingBody, left), inner(left), RULE_GAP),
        ],
        left,
      ),
      cell(
        [
          centeredLine(front.nationalTitle, { size: SIZE.nationalTitle, bold: true }),
          centeredLine(front.motto, { size: SIZE.motto, bold: true }),
          ruleParagraph(mottoRule, inner(right), RULE_GAP),
        ],
        right,
      ),
    ],
  });
  const bottom = new TableRow({
    children: [
      cell(centeredLine(front.numberLine, { size: SIZE.reportNumber, before: 160 }), left),
      cell(centeredLine(front.dateLine, { size: SIZE.dateLine, italic: true, before: 160 }), right),
    ],
  });
  return borderlessTable([top, bottom], [left, right]);
}
