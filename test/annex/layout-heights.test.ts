// The layout's body height: a model that has settled on some widths and is asked about one column changed
// (it looks at that column's cells only) must give the very number a fresh model gives, which looks at
// every cell; so must one asked about several columns changed at once. And a model's height is the one worked
// out cell by cell with wrappedLines.
import { describe, expect, it } from 'vitest';
import { HeightModel, INDENT_POINTS, leastWidths } from '../../electron/annex/column-layout.ts';
import type { SheetPlan } from '../../electron/annex/plan-types.ts';
import { rowHeightFor, wrappedLines } from '../../electron/annex/text-metrics.ts';
import { loadAnnexLayouts } from '../../electron/annex/layouts.ts';
import { planAnnex } from '../../electron/annex/plan.ts';
import { sampleDb } from '../helpers/fixtures.ts';
import { YEAR } from './helpers.ts';

describe('HeightModel.bodyHeight', () => {
  it('after settle, widths changed in one column or several give the heights a fresh model works out', () => {
    const ctx = sampleDb();
    const plans = loadAnnexLayouts(ctx.template).flatMap((layout) => planAnnex(ctx, layout, YEAR).sheets);
    // A simple generator of widths, the same on every run.
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    let asked = 0;
    for (const plan of plans) {
      const least = leastWidths(plan);
      const settled = new HeightModel(plan);
      let current = least.map((w) => w + 20 * random());
      settled.settle(current);
      for (let round = 0; round < 12; round++) {
        for (let i = 0; i < current.length; i++) {
          const trial = current.map((w, j) => (j === i ? w + 4 + 120 * random() : w));
          expect(settled.bodyHeight(trial)).toBe(new HeightModel(plan).bodyHeight(trial));
          asked++;
        }
        const several = current.map((w) => w + 40 * random());
        expect(settled.bodyHeight(several)).toBe(new HeightModel(plan).bodyHeight(several));
        current = current.map((w, j) => (j === round % current.length ? w + 30 * random() : w));
        settled.settle(current);
      }
    }
    expect(plans.some((p) => p.rows.length > 20)).toBe(true);
    expect(asked).toBeGreaterThan(100);
  });

  it('is the sum, row by row, of the tallest text cell wrapped at its column width less its indent', () => {
    const ctx = sampleDb();
    const plans = loadAnnexLayouts(ctx.template).flatMap((layout) => planAnnex(ctx, layout, YEAR).sheets);
    // Worked out cell by cell, as a reader would: no slots, no kept lines, no rows or texts taken together.
    const byHand = (plan: SheetPlan, widths: readonly number[]) => {
      const size = plan.sheet.fonts.table;
      let total = 0;
      for (const row of plan.rows) {
        if (row.spanAll) continue;
        let lines = 1;
        plan.sheet.columns.forEach((column, i) => {
          const cell = row.cells[column.col];
          if (cell?.kind !== 'text') return;
          const indent = column.content.kind === 'label' && row.level ? row.level * INDENT_POINTS : 0;
          lines = Math.max(lines, wrappedLines(cell.text, Math.round((widths[i]! - indent) * 10) / 10 - 5, size, !!row.bold));
        });
        total += rowHeightFor(lines, size);
      }
      return total;
    };
    let seed = 5;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    let repeated = 0;
    for (const plan of plans) {
      const texts = plan.rows.flatMap((r) => Object.values(r.cells).flatMap((c) => (c.kind === 'text' ? [c.text] : [])));
      repeated += texts.length - new Set(texts).size;
      const least = leastWidths(plan);
      const model = new HeightModel(plan);
      for (let k = 0; k < 20; k++) {
        const widths = least.map((w) => w + 150 * random() * random());
        expect(model.bodyHeight(widths)).toBe(byHand(plan, widths));
      }
    }
    // Texts repeated down a column are the case the model takes together.
    expect(repeated).toBeGreaterThan(50);
  });
});
