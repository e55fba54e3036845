// The figures an annex reads, year by year: current submissions with corrections (aggregate.ts),
// loaded once per year and summed per FigureSource, blank kept apart from zero; with them the unit
// list and the agency, read once for all the annexes made together.
import { periodKey, type ReportPeriod } from '../../shared/periods.ts';
import type { Unit } from '../../shared/types.ts';
import { contributors, missingUnits, periodFigures, yearFigures, yearsWithData, type UnitFigures, type YearFigures } from '../store/aggregate.ts';
import type { ServiceContext } from '../store/context.ts';
import { listUnits } from '../store/units.ts';
import { agencyName } from '../store/window-info.ts';
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

  /** The units behind a figure, in unit-list order. */
  private sourceUnits(source: FigureSource): readonly UnitFigures[] {
    const fig = this.figures(source.year, source.period);
    // Filtered once per year's figures and kinds (electron/store/aggregate.ts keeps them).
    if (!source.unit) return contributors(fig, source.kinds);
    // One unit's row: a direct look-up (an annex by local unit asks this for every cell).
    const one = fig.byUnit.get(source.unit);
    return one && (!source.kinds || source.kinds.includes(one.unit.kind)) ? [one] : [];
  }

  /** Every (unit, code) value behind a figure, blanks included, in unit-list order. */
  contributions(source: FigureSource): Contribution[] {
    return this.sourceUnits(source).flatMap((unit) => source.codes.map((code) => ({ unit, code, value: unit.values.get(code) ?? null })));
  }

  /** The sum of the contributions' values, in the same order. */
  sum(source: FigureSource): number | null {
    const values: (number | null)[] = [];
    for (const unit of this.sourceUnits(source)) for (const code of source.codes) values.push(unit.values.get(code) ?? null);
    return sumKnown(values);
  }

  /** Years in [from, to] in which at least one unit of the kinds has a current submission. */
  yearsWithData(from: number, to: number, kinds: readonly string[]): number[] {
    return yearsWithData(this.ctx, from, to).filter((y) => contributors(this.figures(y), kinds).length > 0);
  }

  private unitList: readonly Unit[] | undefined;

  /** The unit list (listUnits), read once for the book's life: an annex asks for it in every sheet. Not to be changed. */
  units(): readonly Unit[] {
    return (this.unitList ??= listUnits(this.ctx));
  }

  private agencyText: string | undefined;

  /** The compiling agency (agencyName), worked out once for the book's life. */
  agency(): string {
    return (this.agencyText ??= agencyName(this.ctx));
  }

  /** Feeding units without a submission; a parent whose figures are its children's (it has children of the kinds) is not one. */
  missing(year: number, kinds: readonly string[], period?: string): readonly Unit[] {
    const key = `${year}|${period ?? ''}|${kinds.join('\n')}`;
    let units = this.missingUnits.get(key);
    if (!units) {
      units = this.findMissing(year, kinds, period);
      this.missingUnits.set(key, units);
    }
    return units;
  }

  /** Missing units by year, period and kinds, as asked so far (every sheet of the kinds asks for each year). */
  private readonly missingUnits = new Map<string, readonly Unit[]>();

  private findMissing(year: number, kinds: readonly string[], period?: string): Unit[] {
    const parents = new Set(
      this.units()
        .filter((u) => u.active && kinds.includes(u.kind) && u.parentCode)
        .map((u) => u.parentCode),
    );
    return missingUnits(this.ctx, this.figures(year, period), kinds).filter((u) => !parents.has(u.code));
  }
}
