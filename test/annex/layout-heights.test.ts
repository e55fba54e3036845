// The layout's body height: a model that has settled on some widths and is asked about one column changed
// (it looks at that column's cells only) must give the very number a fresh model gives, which looks at
// every cell; so must one asked about several columns changed at once.
import { describe, expect, it } from 'vitest';
import { HeightModel, leastWidths } from '../../electron/annex/column-layout.ts';
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
});
