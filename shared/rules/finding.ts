// Pieces every scope uses to build a finding: its stable key, the cells it points at, the figures it shows. Pure.
import { allIndicators, type Indicator } from '../template.ts';
import type { TemplateDefinition } from '../template-schema.ts';
import { splitCellRef } from './message.ts';
import type { FindingCell, UnitFiguresInput } from './types.ts';

/** `year|rule|unit|subject`: the same problem gets the same key on every run, whatever its figures. */
export function findingKey(year: number, rule: string, unit: string | null, subject: string): string {
  return [year, rule, unit ?? '*', subject || '-'].join('|');
}

/** The year a finding key belongs to, or null when the text is not a finding key. */
export function findingKeyYear(key: string): number | null {
  const m = /^(\d{4})\|[a-z0-9_]+\|/.exec(key);
  return m ? Number(m[1]) : null;
}

export function bindingSubject(codes: Readonly<Record<string, string>>): string {
  return Object.entries(codes)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** Message placeholders of a foreach binding: `{f}` is the item's label, `{f.code}` its code. */
export function bindingVars(codes: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [v, code] of Object.entries(codes)) {
    vars[v] = labels[v] ?? code;
    vars[`${v}.code`] = code;
  }
  return vars;
}

const indicatorCache = new WeakMap<TemplateDefinition, Map<string, Indicator>>();

/** Every indicator of the template by code. */
export function indicatorIndex(template: TemplateDefinition): Map<string, Indicator> {
  let index = indicatorCache.get(template);
  if (!index) {
    index = new Map(allIndicators(template).map((i) => [i.code, i]));
    indicatorCache.set(template, index);
  }
  return index;
}

/** The workbook cells of the given codes for a unit: its stored address, or the template's sheet without one. */
export function cellsOf(template: TemplateDefinition, unit: UnitFiguresInput, codes: readonly string[]): FindingCell[] {
  const index = indicatorIndex(template);
  const seen = new Set<string>();
  const cells: FindingCell[] = [];
  for (const code of codes) {
    if (seen.has(code)) continue;
    seen.add(code);
    const ref = unit.cells?.get(code);
    const split = ref ? splitCellRef(ref) : null;
    cells.push({ sheet: split?.sheet ?? index.get(code)?.sheet ?? '', address: split?.address ?? null, code });
  }
  return cells;
}
