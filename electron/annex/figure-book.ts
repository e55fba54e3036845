// The figures an annex reads, year by year: current submissions with corrections (aggregate.ts),
// loaded once per year and summed per FigureSource, blank kept apart from zero; with them the unit
// list and the agency, read once for all the annexes made together.
import { periodKey, type ReportPeriod } from '../../shared/periods.ts';
import type { Unit } from '../../shared/types.ts';
import { contributors, missingUnits, periodFigures, yearFigures, yearsWithData, type UnitFigures, type YearFigures } from '../store/aggregate.ts';
import type { ServiceContext } from '../store/context.ts';
import { listUnits } from '../store/units.ts';
import { agencyName } from '../store/window-info.ts';
import { sumKnown, tidy } from './formulas.ts';
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
    if (!source.unit) {
      // Filtered once per year's figures and kinds (electron/store/aggregate.ts keeps them).
      const all = contributors(fig, source.kinds);
      return source.under === undefined ? all : (this.byTop(all).get(source.under) ?? []);
    }
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
    const units = this.sourceUnits(source);
    // One code over a kept contributor list (a roll-up's 6,600 units): every code's sum of the list made in
    // one walk over the units' values, in unit order, so each is the same additions in the same order.
    if (source.codes.length === 1 && !source.unit) {
      let sums = this.sumsByList.get(units);
      if (!sums) this.sumsByList.set(units, (sums = codeSums(units)));
      const total = sums.get(source.codes[0]!);
      return total === undefined ? null : tidy(total);
    }
    const values: (number | null)[] = [];
    for (const unit of units) for (const code of source.codes) values.push(unit.values.get(code) ?? null);
    return sumKnown(values);
  }

  /** Every code's sum by contributor list (the lists kept by contributors() and byTop()). */
  private readonly sumsByList = new WeakMap<readonly UnitFigures[], Map<string, number>>();

  /** Years in [from, to] in which at least one unit of the kinds has a current submission. */
  yearsWithData(from: number, to: number, kinds: readonly string[]): number[] {
    return yearsWithData(this.ctx, from, to).filter((y) => contributors(this.figures(y), kinds).length > 0);
  }

  /** Contributors split by the top-level unit they count under, once per contributor list. */
  private readonly splitByTop = new WeakMap<readonly UnitFigures[], Map<string, UnitFigures[]>>();

  private byTop(all: readonly UnitFigures[]): Map<string, UnitFigures[]> {
    let groups = this.splitByTop.get(all);
    if (!groups) {
      groups = new Map();
      for (const f of all) {
        const top = this.topOf(f.unit.code);
        const list = groups.get(top);
        if (list) list.push(f);
        else groups.set(top, [f]);
      }
      this.splitByTop.set(all, groups);
    }
    return groups;
  }

  /** Whether a unit is among those a figure sums (its unit, or a unit under its top-level unit). */
  covers(source: FigureSource, unit: Unit): boolean {
    return (!source.unit || source.unit === unit.code) && (source.under === undefined || this.topOf(unit.code) === source.under);
  }

  private tops: Map<string, string> | undefined;

  /** The top-level unit a unit counts under: the last ancestor along its parents, or itself when it has no parent. */
  topOf(code: string): string {
    if (!this.tops) {
      const parentOf = new Map(this.units().map((u) => [u.code, u.parentCode]));
      const tops = new Map<string, string>();
      for (const code of parentOf.keys()) {
        let top = code;
        // A guard against a cycle in a damaged list: no chain is longer than the list.
        for (let steps = 0, up = parentOf.get(top); up && parentOf.has(up) && steps < parentOf.size; steps++, up = parentOf.get(top)) top = up;
        tops.set(code, top);
      }
      this.tops = tops;
    }
    return this.tops.get(code) ?? code;
  }

  private readonly severalTops = new Map<string, boolean>();

  /**
   * Whether the units of these kinds sit under more than one top-level unit of the database (a roll-up of
   * provinces' files): a unit without a parent sits under none.
   */
  spansTops(kinds: readonly string[]): boolean {
    const key = kinds.join(' ');
    let several = this.severalTops.get(key);
    if (several === undefined) {
      const tops = new Set(
        this.units()
          .filter((u) => kinds.includes(u.kind) && u.parentCode)
          .map((u) => this.topOf(u.code)),
      );
      several = tops.size > 1;
      this.severalTops.set(key, several);
    }
    return several;
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

/**
 * The blank-aware sum of every code over the units (shared/coverage-sum.ts's sumKnown, not yet tidied): a
 * code no unit gave a value for is absent. Each code's values are added in unit order, as sumKnown would.
 */
function codeSums(units: readonly UnitFigures[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const unit of units)
    unit.values.forEach((v, code) => {
      if (typeof v !== 'number') return;
      const total = sums.get(code);
      sums.set(code, total === undefined ? 0 + v : total + v);
    });
  return sums;
}
