// Manual page breaks from the rows' heights (every row of an annex has an explicit height computed
// from its wrapped text): a block of rows (a year, a group, a unit with its children) starts a new
// page rather than being split, unless it is longer than a page; a block that must be split never
// leaves its first row alone at the foot of a page. The repeated header rows count on every page.

const MM_TO_PT = 72 / 25.4;
/** Room left for rounding (row heights are whole pixels, so Excel and LibreOffice lay them out alike). */
const SLACK_PT = 1.5;

/** Printable height of an A4 landscape page with the annex margins, in points, at a print scale. */
export function printableHeight(margins: { top: number; bottom: number }, scale = 100): number {
  return (((210 - margins.top - margins.bottom) * MM_TO_PT - SLACK_PT) * 100) / scale;
}

export interface PageRow {
  row: number;
  height: number;
  /** Rows of one block are kept together; undefined: a row of its own. */
  block?: string | number;
}

/**
 * Rows after which a page ends. `first` are the rows above the body on page 1 (titles and header),
 * `repeated` the height of the header rows repeated on every later page, `rows` the rest in order.
 */
export function pageBreaks(first: number, repeated: number, rows: readonly PageRow[], pageHeight: number): number[] {
  const units: PageRow[][] = [];
  for (const r of rows) {
    const last = units.at(-1);
    if (last && r.block !== undefined && last[0]!.block === r.block) last.push(r);
    else units.push([r]);
  }
  const breaks: number[] = [];
  let used = first;
  let previous: number | null = null;
  const newPage = () => {
    if (previous !== null && breaks.at(-1) !== previous) breaks.push(previous);
    used = repeated;
  };
  for (const unit of units) {
    const height = unit.reduce((a, r) => a + r.height, 0);
    if (used + height > pageHeight && used > repeated) {
      // (Before the first row of the body a page cannot end: the first block is split if it must be.)
      if (previous !== null && repeated + height <= pageHeight) {
        newPage();
      } else if (used + unit[0]!.height + (unit[1]?.height ?? 0) > pageHeight) {
        // Longer than a page: split it, but not right after its first row.
        newPage();
      }
    }
    for (const r of unit) {
      if (used + r.height > pageHeight && used > repeated) newPage();
      used += r.height;
      previous = r.row;
    }
  }
  return breaks;
}
