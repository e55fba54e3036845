// Where rule expressions read their figures: one unit's submission, or the sum over a set of units. Pure.
import { sumKnown } from '../coverage-sum.ts';
import { allIndicators, indicatorsForKind } from '../template.ts';
import type { TemplateDefinition } from '../template-schema.ts';
import type { Lookup } from './evaluate.ts';
import { matchesPattern } from './expression.ts';
import type { UnitFiguresInput } from './types.ts';

const kindCache = new WeakMap<TemplateDefinition, Map<string, string[]>>();

/** The indicator codes a unit kind reports, or every code of the template when kind is null. */
export function codesOfKind(template: TemplateDefinition, kind: string | null): string[] {
  let byKind = kindCache.get(template);
  if (!byKind) {
    byKind = new Map();
    kindCache.set(template, byKind);
  }
  const key = kind ?? '*';
  let codes = byKind.get(key);
  if (!codes) {
    codes = (kind === null ? allIndicators(template) : indicatorsForKind(template, kind)).map((i) => i.code);
    byKind.set(key, codes);
  }
  return codes;
}

/** The codes each pattern stands for, kept per list of codes (codesOfKind's lists are kept, so every unit of a kind shares them). */
const matches = new WeakMap<readonly string[], Map<string, string[]>>();

function matcher(codes: readonly string[]): (pattern: string) => readonly string[] {
  let cache = matches.get(codes);
  if (!cache) matches.set(codes, (cache = new Map()));
  const kept = cache;
  return (pattern) => {
    let hit = kept.get(pattern);
    if (!hit) {
      hit = codes.filter((c) => matchesPattern(pattern, c));
      kept.set(pattern, hit);
    }
    return hit;
  };
}

/** Each unit's lookup, made once for all the rules run on it (with the template and kind it was made for). */
const unitLookups = new WeakMap<UnitFiguresInput, { template: TemplateDefinition; kind: string; lookup: Lookup }>();

/** A unit's own figures; a pattern stands for the codes its kind reports. */
export function unitLookup(template: TemplateDefinition, unit: UnitFiguresInput): Lookup {
  const kept = unitLookups.get(unit);
  if (kept && kept.template === template && kept.kind === unit.kind) return kept.lookup;
  const lookup: Lookup = { value: (code) => unit.values.get(code), match: matcher(codesOfKind(template, unit.kind)) };
  unitLookups.set(unit, { template, kind: unit.kind, lookup });
  return lookup;
}

/**
 * Province totals over the given units (all of them when kinds is null): each code is the sum of the
 * reported figures, blanks left out, and null when none of the units reported it.
 */
export function totalLookup(template: TemplateDefinition, units: readonly UnitFiguresInput[], kinds: readonly string[] | null): Lookup {
  const selected = kinds ? units.filter((u) => kinds.includes(u.kind)) : units;
  const codes = kinds ? [...new Set(kinds.flatMap((k) => codesOfKind(template, k)))] : codesOfKind(template, null);
  const totals = new Map<string, number | null>();
  return {
    value: (code) => {
      if (totals.has(code)) return totals.get(code);
      const total = sumKnown(selected.map((u) => u.values.get(code)));
      totals.set(code, total);
      return total;
    },
    match: matcher(codes),
  };
}
