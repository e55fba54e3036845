// The plan's targets evaluated for a year: one expression language and one evaluator (the rules',
// shared/rules/), one blank-aware sum (shared/coverage-sum.ts). A target is "đạt" only when every figure it
// reads was given by every unit expected to give it; a figure left blank makes it "chưa đủ số liệu", never "đạt";
// so does a percentage above 100% (a share larger than its whole is a figure typed wrong).
import { sumOverUnits } from './coverage-sum.ts';
import { compare, evaluateSide, type Lookup } from './rules/evaluate.ts';
import { matchesPattern, parseExpression } from './rules/expression.ts';
import { codesOfKind, unitLookup } from './rules/lookup.ts';
import { COMPARATOR_OPERATOR, type EffectiveTarget } from './targets-schema.ts';
import type { TemplateDefinition } from './template-schema.ts';

export type TargetStatus = 'dat' | 'chua_dat' | 'thieu';

/** A unit expected to report in a year: its figures, or null when it sent nothing. */
export interface TargetUnit {
  code: string;
  name: string;
  kind: string;
  values: ReadonlyMap<string, number | null> | null;
}

/** An indicator a target could not read in full: which expected units left it blank (or sent nothing). */
export interface TargetGap {
  code: string;
  year: number;
  units: string[];
}

export interface TargetResult {
  code: string;
  label: string;
  comparator: EffectiveTarget['comparator'];
  value: number;
  unit: string;
  baseYear?: number;
  status: TargetStatus;
  /** The measured result in the target's unit (a percentage rounded to one decimal, as printed); null when not computable. */
  result: number | null;
  /** The expression's figure (the numerator of a percentage, this year's figure of a change). */
  measured: number | null;
  /** The denominator of a percentage, or the base year's figure of a change. */
  reference: number | null;
  gaps: TargetGap[];
  /** Why there is no result although nothing is blank: a zero denominator or base. */
  noBasis: boolean;
  /**
   * A share above its whole: the percentage's figure exceeds the figure it is a share of, in the province's sums
   * or in one unit's own figures — which only a figure typed wrong can do. The target is then not assessed
   * ("thieu", worded "Số liệu chưa hợp lệ"), never "đạt"; `units` are those whose own figures exceed theirs
   * (empty when only the sums do).
   */
  overFull?: { units: string[] };
}

/** A lookup over the expected units: a code's value is the sum over the units whose kind reports it, null unless all gave it. */
function completeLookup(
  template: TemplateDefinition,
  year: number,
  units: readonly TargetUnit[],
  kinds: readonly string[] | undefined,
  gaps: TargetGap[],
): Lookup {
  const scoped = kinds ? units.filter((u) => kinds.includes(u.kind)) : units;
  // Each kind's codes read once (not once per unit: a national roll-up has thousands of units of a few kinds).
  const kindCodes = new Map([...new Set(scoped.map((u) => u.kind))].map((k) => [k, new Set(codesOfKind(template, k))]));
  const known = [...new Set([...kindCodes.values()].flatMap((codes) => [...codes]))];
  const cache = new Map<string, number | null>();
  return {
    value: (code) => {
      if (cache.has(code)) return cache.get(code);
      const expected = scoped.filter((u) => kindCodes.get(u.kind)!.has(code));
      const sum = sumOverUnits(expected, (u) => [u.values?.get(code) ?? null]);
      const complete = expected.length > 0 && sum.blank.length === 0;
      if (!complete) gaps.push({ code, year, units: expected.length === 0 ? [] : sum.blank.map((u) => u.name) });
      const v = complete ? sum.total : null;
      cache.set(code, v);
      return v;
    },
    match: (pattern) => known.filter((c) => matchesPattern(pattern, c)),
  };
}

function measure(
  template: TemplateDefinition,
  source: string,
  year: number,
  units: readonly TargetUnit[],
  kinds: readonly string[] | undefined,
  gaps: TargetGap[],
): number | null {
  return evaluateSide(parseExpression(source), completeLookup(template, year, units, kinds, gaps), 'skip_if_any_missing').value;
}

const round1 = (v: number): number => Math.round(v * 10) / 10;

/** The units whose own figure of a percentage's expression exceeds their own figure of its `of`. */
function unitsOverFull(template: TemplateDefinition, t: EffectiveTarget, units: readonly TargetUnit[]): string[] {
  const part = parseExpression(t.expression);
  const whole = parseExpression(t.of!);
  // Only a unit that gives both sides itself (a pattern its kind does not report reads nothing, not 0). Which codes
  // a side reads depends on the unit's kind alone: a kind reading nothing on a side is passed over without reading
  // its thousands of units.
  const readsBoth = new Map<string, boolean>();
  const readsBothOf = (kind: string): boolean => {
    let yes = readsBoth.get(kind);
    if (yes === undefined) {
      const lookup = unitLookup(template, { code: '', name: '', kind, values: new Map() });
      yes = evaluateSide(part, lookup, 'skip_if_any_missing').codes.length > 0 && evaluateSide(whole, lookup, 'skip_if_any_missing').codes.length > 0;
      readsBoth.set(kind, yes);
    }
    return yes;
  };
  return units
    .filter((u) => {
      if (!hasValues(u) || (t.kinds && !t.kinds.includes(u.kind)) || !readsBothOf(u.kind)) return false;
      // The unit itself as the rules' input: its lookup is made once for all the targets.
      const lookup = unitLookup(template, u);
      const p = evaluateSide(part, lookup, 'skip_if_any_missing');
      const w = evaluateSide(whole, lookup, 'skip_if_any_missing');
      return p.value !== null && w.value !== null && p.value > w.value;
    })
    .map((u) => u.name);
}

function hasValues(u: TargetUnit): u is TargetUnit & { values: ReadonlyMap<string, number | null> } {
  return u.values !== null;
}

/**
 * Evaluates the enabled targets for a year. `unitsOf(year)` gives the units expected to report in a year (active
 * units of the reporting kinds, with their current figures); a base year the store does not hold gives [].
 */
export function evaluateTargets(
  template: TemplateDefinition,
  targets: readonly EffectiveTarget[],
  year: number,
  unitsOf: (year: number) => readonly TargetUnit[],
): TargetResult[] {
  return targets
    .filter((t) => t.enabled)
    .map((t) => {
      const gaps: TargetGap[] = [];
      const measured = measure(template, t.expression, year, unitsOf(year), t.kinds, gaps);
      let reference: number | null = null;
      let result: number | null = null;
      let noBasis = false;
      let overFull: TargetResult['overFull'];
      if (t.of !== undefined) {
        reference = measure(template, t.of, year, unitsOf(year), t.kinds, gaps);
        if (measured !== null && reference !== null) {
          // A share above its whole, in the sum or in one unit's own figures (which the sum can hide), is a figure typed wrong.
          const over = unitsOverFull(template, t, unitsOf(year));
          if (measured > reference || over.length > 0) overFull = { units: over };
          else if (reference === 0) noBasis = true;
          else result = round1((measured / reference) * 100);
        }
      } else if (t.baseYear !== undefined) {
        reference = measure(template, t.expression, t.baseYear, unitsOf(t.baseYear), t.kinds, gaps);
        if (measured !== null && reference !== null) {
          if (reference === 0) noBasis = true;
          else result = round1(((measured - reference) / reference) * 100);
        }
      } else result = measured;
      const status: TargetStatus = result === null ? 'thieu' : compare(result, COMPARATOR_OPERATOR[t.comparator], t.value).holds ? 'dat' : 'chua_dat';
      return {
        code: t.code,
        label: t.label,
        comparator: t.comparator,
        value: t.value,
        unit: t.unit,
        ...(t.baseYear !== undefined ? { baseYear: t.baseYear } : {}),
        status,
        result,
        measured,
        reference,
        gaps,
        noBasis,
        ...(overFull ? { overFull } : {}),
      };
    });
}
