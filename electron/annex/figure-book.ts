// The figures an annex reads, year by year: current submissions with corrections (aggregate.ts),
// loaded once per year and summed per FigureSource, blank kept apart from zero.
import { periodKey, type ReportPeriod } from '../../shared/periods.ts';
import type { Unit } from '../../shared/types.ts';
import { contributors, missingUnits, periodFigures, yearFigures, yearsWithData, type UnitFigures, type YearFigures } from '../store/aggregate.ts';
import type { ServiceContext } from '../store/context.ts';
import { listUnits } from '../store/units.ts';
import { sumKnown } from './formulas.ts';
import type { FigureSource } from './plan-types.ts';

export interface Contribution {
  unit: UnitFigures;
  code: string;
  value: number | null;
}

export class FigureBook {
  private readonly years = new Map<number, YearFigures>();
  private periodFig: YearFigures | undefined;

  /** `period`: the report period whose own figures a source with its key reads (a half-year, a range). */
  constructor(
    readonly ctx: ServiceContext,
    readonly period?: ReportPeriod,
  ) {}

  /** A year's annual figures, or with the report period's key, the period's figures. */
  figures(year: number, period?: string): YearFigures {
    if (period !== undefined) {
      if (!this.period || periodKey(this.period) !== period) throw new Error(`Không có số liệu của kỳ ${period}`);
      this.periodFig ??= periodFigures(this.ctx, this.period);
      return this.periodFig;
    }
    let fig = this.years.get(year);
    if (!fig) {
      fig = yearFigures(this.ctx, year);
      this.years.set(year, fig);
    }
    return fig;
  }

  /** Every (unit, code) value behind a figure, blanks included, in unit-list order. */
  contributions(source: FigureSource): Contribution[] {
    const fig = this.figures(source.year, source.period);
    // One unit's row: a direct look-up (an annex by local unit asks this for every cell).
    const one = source.unit ? fig.byUnit.get(source.unit) : undefined;
    const units = source.unit ? (one && (!source.kinds || source.kinds.includes(one.unit.kind)) ? [one] : []) : contributors(fig, source.kinds);
    return units.flatMap((unit) => source.codes.map((code) => ({ unit, code, value: unit.values.get(code) ?? null })));
  }

  sum(source: FigureSource): number | null {
    return sumKnown(this.contributions(source).map((c) => c.value));
  }

  /** Years in [from, to] in which at least one unit of the kinds has a current submission. */
  yearsWithData(from: number, to: number, kinds: readonly string[]): number[] {
    return yearsWithData(this.ctx, from, to).filter((y) => contributors(this.figures(y), kinds).length > 0);
  }

  /** Feeding units without a submission; a parent whose figures are its children's (it has children of the kinds) is not one. */
  missing(year: number, kinds: readonly string[], period?: string): Unit[] {
    const parents = new Set(
      listUnits(this.ctx, { activeOnly: true })
        .filter((u) => kinds.includes(u.kind) && u.parentCode)
        .map((u) => u.parentCode),
    );
    return missingUnits(this.ctx, this.figures(year, period), kinds).filter((u) => !parents.has(u.code));
  }
}
