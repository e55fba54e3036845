// FigureBook.sum: every code's sum over a contributor list made in one walk must give, cell by cell, the
// blank-aware sum of that code's values over the units in unit-list order (blank stays blank, never 0).
import { describe, expect, it } from 'vitest';
import { FigureBook } from '../../electron/annex/figure-book.ts';
import { yearFigures } from '../../electron/store/aggregate.ts';
import { sampleDb } from '../helpers/fixtures.ts';

describe('FigureBook.sum', () => {
  it('each code over every unit of the kinds, and under one top-level unit, as summed by hand; a blank code is null', () => {
    const ctx = sampleDb();
    const year = 2026;
    const fig = yearFigures(ctx, year);
    const book = new FigureBook(ctx);
    const all = [...fig.byUnit.values()];
    const kinds = [...new Set(all.map((f) => f.unit.kind))];
    const codes = [...new Set(all.flatMap((f) => [...f.values.keys()]))];
    expect(codes.length).toBeGreaterThan(20);
    const byHand = (units: typeof all, code: string) => {
      const given = units.map((f) => f.values.get(code)).filter((v): v is number => typeof v === 'number');
      return given.length === 0 ? null : Math.round(given.reduce((t, v) => t + v, 0) * 1e6) / 1e6;
    };
    const someKinds = kinds.slice(0, Math.max(1, kinds.length - 1));
    const top = book.topOf(all.find((f) => f.unit.parentCode)!.unit.code);
    let blank = 0;
    for (const code of codes) {
      expect(book.sum({ year, codes: [code], kinds })).toBe(byHand(all, code));
      expect(book.sum({ year, codes: [code], kinds: someKinds })).toBe(
        byHand(
          all.filter((f) => someKinds.includes(f.unit.kind)),
          code,
        ),
      );
      const under = all.filter((f) => book.topOf(f.unit.code) === top);
      expect(book.sum({ year, codes: [code], kinds, under: top })).toBe(byHand(under, code));
      if (byHand(all, code) === null) blank++;
    }
    expect(book.sum({ year, codes: ['không_có_mã_này'], kinds })).toBeNull();
    // Several codes: the per-unit order of the earlier sum, checked against the single codes' sums.
    const [a, b] = codes.filter((c) => byHand(all, c) !== null);
    expect(book.sum({ year, codes: [a!, b!], kinds })).toBeCloseTo(byHand(all, a!)! + byHand(all, b!)!, 6);
    expect(blank).toBeLessThan(codes.length);
  });
});
