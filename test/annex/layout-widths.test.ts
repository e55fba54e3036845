// The layout's widths against the plain form of its search: every offer's paper cost summed over every
// column, the header's height worked out cell by cell with wrappedLines, the body's height by a model that
// has settled on nothing. The layout keeps paper widths and header shares between offers, measures only the
// moved columns' header cells and body slots, and passes over moves that cannot lower the height; its
// widths must be these to the bit, on the sample's sheets and at several page widths.
import { describe, expect, it } from 'vitest';
import { HeightModel, columnChars, layoutColumns, leastWidths, paperWidth, printableWidth, shareRoomLeft } from '../../electron/annex/column-layout.ts';
import { loadAnnexLayouts } from '../../electron/annex/layouts.ts';
import { printableHeight } from '../../electron/annex/page-breaks.ts';
import { ANNEX_MARGINS_MM } from '../../electron/annex/page-setup.ts';
import { planAnnex } from '../../electron/annex/plan.ts';
import type { SheetPlan } from '../../electron/annex/plan-types.ts';
import { parseRange } from '../../shared/annex-schema.ts';
import { rowHeightFor, wrappedLines } from '../../electron/annex/text-metrics.ts';
import { sampleDb } from '../helpers/fixtures.ts';
import { YEAR } from './helpers.ts';

const STEPS = [4, 8, 16, 32, 64, 128, 256];

/** The layout's search as first written, each height asked in full. */
function plainLayout(plan: SheetPlan, availablePt: number, pageHeightPt: number): number[] {
  const size = plan.sheet.fonts.table;
  const h = plan.sheet.header;
  const cells = h.cells.map((c) => ({ ...parseRange(c.range), text: c.text }));
  const shares = (widths: readonly number[]) =>
    cells.map((c) => {
      let span = 0;
      for (let i = c.left - 1; i <= c.right - 1; i++) span += widths[i]!;
      return rowHeightFor(wrappedLines(c.text, Math.round(span * 10) / 10 - 5, size, true), size) / (c.bottom - c.top + 1);
    });
  const headerHeight = (widths: readonly number[]) => {
    const perRow = new Array<number>(h.rows).fill(rowHeightFor(1, size));
    shares(widths).forEach((each, k) => {
      for (let row = cells[k]!.top; row <= cells[k]!.bottom; row++) perRow[row - h.firstRow] = Math.max(perRow[row - h.firstRow]!, each);
    });
    return perRow.reduce((a, b) => a + b, 0);
  };
  const bottlenecks = (widths: readonly number[]) => {
    const heights = shares(widths);
    const out: number[][] = [];
    for (let row = h.firstRow; row < h.firstRow + h.rows; row++) {
      const at = cells.map((c, k) => ({ c, h: heights[k]! })).filter(({ c }) => c.top <= row && row <= c.bottom);
      const max = Math.max(...at.map((x) => x.h));
      const cols = new Set<number>();
      for (const { c, h: each } of at) if (each >= max - 0.01 && each > rowHeightFor(1, size)) for (let i = c.left - 1; i <= c.right - 1; i++) cols.add(i);
      if (cols.size > 1) out.push([...cols]);
    }
    return out;
  };
  const bodyHeight = (widths: readonly number[]) => new HeightModel(plan).bodyHeight(widths);
  const paperTotal = (widths: readonly number[]) => widths.reduce((a, w) => a + paperWidth(w), 0);
  const wrapsBody = plan.sheet.columns.map((_c, i) => new HeightModel(plan).wrapsBody(i));

  const grow = (least: readonly number[], weight: number) => {
    const widths = [...least];
    const room = () => availablePt - paperTotal(widths);
    let body = bodyHeight(widths);
    let height = weight * headerHeight(widths) + body;
    while (room() >= STEPS[0]!) {
      const left = room();
      let best: { set: number[]; step: number; height: number; body: number; rate: number } | null = null;
      const moves = [...widths.map((_w, i) => [i]), ...bottlenecks(widths)];
      const before = paperTotal(widths);
      for (const set of moves) {
        for (const step of STEPS) {
          for (const i of set) widths[i]! += step;
          const cost = paperTotal(widths) - before;
          if (cost > left) {
            for (const i of set) widths[i]! -= step;
            break;
          }
          const b = set.some((i) => wrapsBody[i]) ? bodyHeight(widths) : body;
          const hh = weight * headerHeight(widths) + b;
          for (const i of set) widths[i]! -= step;
          const rate = (height - hh) / Math.max(cost, 0.01);
          if (rate > 1e-9 && (!best || rate > best.rate)) best = { set, step, height: hh, body: b, rate };
          if (hh < height) break;
        }
      }
      if (!best) break;
      for (const i of best.set) widths[i]! += best.step;
      height = best.height;
      body = best.body;
    }
    // The share-out of the room no step needs is the layout's own (shareRoomLeft): what is compared is the search.
    return shareRoomLeft(widths, availablePt);
  };

  const least = leastWidths(plan);
  expect(paperTotal(least)).toBeLessThanOrEqual(availablePt);
  let best: { widths: number[]; printed: number } | null = null;
  for (const weight of [1, 3]) {
    const widths = grow(least, weight);
    const header = headerHeight(widths);
    const body = bodyHeight(widths);
    const pages = Math.max(1, Math.ceil(body / Math.max(1, pageHeightPt - header)));
    const printed = pages * header + body;
    if (!best || printed < best.printed - 0.5) best = { widths, printed };
  }
  return best!.widths.map(columnChars);
}

describe('layoutColumns', () => {
  it('gives the widths of the plain search, to the bit, on every sample sheet at several page widths', () => {
    const ctx = sampleDb();
    const plans = loadAnnexLayouts(ctx.template).flatMap((layout) => planAnnex(ctx, layout, YEAR).sheets);
    const pageHeight = printableHeight(ANNEX_MARGINS_MM);
    let laidOut = 0;
    for (const plan of plans) {
      const least = leastWidths(plan).reduce((a, w) => a + paperWidth(w), 0);
      for (const side of [15, 5, 30, 45]) {
        const available = printableWidth({ left: side, right: side });
        if (least > available) continue;
        const layout = layoutColumns(plan, available, pageHeight);
        expect(layout.scale).toBe(100);
        expect(layout.widths).toEqual(plainLayout(plan, available, pageHeight));
        laidOut++;
      }
    }
    expect(plans.length).toBeGreaterThan(4);
    expect(laidOut).toBeGreaterThan(2 * plans.length);
  });
});
