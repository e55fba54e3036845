// The one blank-aware sum: blanks are left out (never read as 0), a sum over nothing reported is null
// ("chưa có số liệu"), and a sum over units also says which units gave a value (0 included) and which
// left it blank, so a sentence can name its coverage. Used by aggregates, rules, annexes and the report.

type Maybe = number | null | undefined;

/** Sum of the values that are there; null when none is (blank stays blank, never 0). */
export function sumKnown(values: Iterable<Maybe>): number | null {
  let total: number | null = null;
  for (const v of values) if (v !== null && v !== undefined) total = (total ?? 0) + v;
  return total;
}

/** A sum over units: the total and who gave a value (0 included) and who left every value blank. */
export interface CoverageSum<U> {
  total: number | null;
  /** Units that gave at least one of the values (0 counts as given). */
  reported: U[];
  /** Units expected to give the values that left all of them blank. */
  blank: U[];
}

/** Sums each unit's values (blanks left out) and sorts the units into those that reported and those that left it blank. */
export function sumOverUnits<U>(units: Iterable<U>, valuesOf: (unit: U) => Iterable<Maybe>): CoverageSum<U> {
  let total: number | null = null;
  const reported: U[] = [];
  const blank: U[] = [];
  for (const u of units) {
    const own = sumKnown(valuesOf(u));
    if (own === null) blank.push(u);
    else {
      reported.push(u);
      total = (total ?? 0) + own;
    }
  }
  return { total, reported, blank };
}

/** Whether every unit expected to give the figure gave it. */
export function isComplete<U>(sum: CoverageSum<U>): boolean {
  return sum.blank.length === 0;
}
