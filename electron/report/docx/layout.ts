// Decree 30/2020/NĐ-CP page and type as Word measures them: twips (1/20 pt) and half-points.
export const TWIPS_PER_MM = 1440 / 25.4;

/** Millimetres to twips, rounded to the nearest twip (docx's convertMillimetersToTwip rounds down: 20 mm → 1133). */
export function mm(value: number): number {
  return Math.round(value * TWIPS_PER_MM);
}

export const FONT = 'Times New Roman';

/** A4 portrait. */
export const PAGE = { width: 11906, height: 16838 } as const;
export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) } as const;
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** Font sizes in half-points. */
export const SIZE = {
  body: 28,
  parentBody: 24,
  issuingBody: 26,
  reportNumber: 26,
  nationalTitle: 26,
  motto: 28,
  dateLine: 28,
  title: 28,
  pageNumber: 26,
  table: 24,
  caption: 26,
  recipientsTitle: 24,
  recipients: 22,
  signer: 28,
  draftErrors: 24,
} as const;

/** Body paragraphs: first-line indent 1.27 cm, 6 pt after, line spacing 1.15 (in 240ths of a line). */
export const BODY = { firstLine: mm(12.7), after: 120, line: 276 } as const;

/** Borderless tables: small side padding so the header lines fit their columns. */
export const CELL_MARGIN = 57;

/** Solid rules under the header lines: 0.75 pt. */
export const RULE_SIZE = 6;
