// The results of the plan's targets for a year (docs/targets.md), worded once for the report, the window and
// the CLI.
import type { TargetRow, TargetsView } from '../../shared/api-types.ts';
import { allIndicators } from '../../shared/template.ts';
import type { TemplateDefinition } from '../../shared/template-schema.ts';
import { evaluateTargets, type TargetResult, type TargetUnit } from '../../shared/targets.ts';
import { targetLevelText, targetResultText, targetStatusText } from '../../shared/targets-text.ts';
import { yearFigures, type YearFigures } from '../store/aggregate.ts';
import type { ServiceContext } from '../store/context.ts';
import { provinceTargets } from '../store/targets.ts';
import { listUnits } from '../store/units.ts';
import type { Unit } from '../../shared/types.ts';
import { fillPhrase } from './sentences.ts';

/** The units expected to report in a year: active units and any unit that sent figures that year, with its figures. */
function unitsOfYear(
  ctx: ServiceContext,
  held?: (year: number) => YearFigures | undefined,
  units: readonly Unit[] = listUnits(ctx),
): (year: number) => TargetUnit[] {
  const cache = new Map<number, TargetUnit[]>();
  return (year) => {
    let hit = cache.get(year);
    if (!hit) {
      const fig = held?.(year) ?? yearFigures(ctx, year);
      hit = units
        .filter((u) => u.active || fig.byUnit.has(u.code))
        .map((u) => ({ code: u.code, name: u.name, kind: u.kind, values: fig.byUnit.get(u.code)?.values ?? null }));
      cache.set(year, hit);
    }
    return hit;
  };
}

/**
 * The results of the enabled targets for a year; `held` gives figures already read (the report's), else they are
 * read, and `units` the unit list already read.
 */
export function targetResults(ctx: ServiceContext, year: number, held?: (year: number) => YearFigures | undefined, units?: readonly Unit[]): TargetResult[] {
  return evaluateTargets(ctx.template, provinceTargets(ctx, year), year, unitsOfYear(ctx, held, units));
}

/** An indicator's name for people ("Số vụ án xâm hại trẻ em bị trả hồ sơ để điều tra bổ sung"). */
export function indicatorLabeller(ctx: ServiceContext): (code: string) => string {
  let labels = labelsByTemplate.get(ctx.template);
  if (!labels) {
    // "(Công an) Số vụ …" → "Số vụ …": the unit is named beside it.
    labels = new Map(allIndicators(ctx.template).map((i) => [i.code, i.label.replace(/^\([^)]*\)\s*/, '')]));
    labelsByTemplate.set(ctx.template, labels);
  }
  const known = labels;
  return (code) => known.get(code) ?? code;
}

/** The indicators' names of a template, worked out once per template (a template is not changed once loaded). */
const labelsByTemplate = new WeakMap<TemplateDefinition, Map<string, string>>();

/**
 * The sentence summing the results: "Trong 6 chỉ tiêu …: 2 chỉ tiêu đạt, 3 chỉ tiêu chưa đạt (…), 1 chỉ tiêu chưa đủ số
 * liệu để đánh giá (…), 1 chỉ tiêu có số liệu chưa hợp lệ (…)."
 */
export function targetsSummary(
  results: readonly TargetResult[],
  phrases: { summary: string; dat: string; chua_dat: string; thieu: string; khong_hop_le: string },
  vars: Record<string, string> = {},
): string | null {
  if (results.length === 0) return null;
  const count = (n: number): string => String(n).padStart(2, '0');
  // A rate above 100 % (overFull) is judged "Số liệu chưa hợp lệ", not "chưa đủ số liệu": its own part.
  const partOf = (r: TargetResult): keyof typeof phrases => (r.overFull ? 'khong_hop_le' : r.status);
  const parts = (['dat', 'chua_dat', 'thieu', 'khong_hop_le'] as const).flatMap((s) => {
    const of = results.filter((r) => partOf(r) === s);
    if (of.length === 0) return [];
    return [
      fillPhrase(phrases[s], { count: count(of.length), labels: of.map((r) => r.label.charAt(0).toLocaleLowerCase('vi') + r.label.slice(1)).join('; ') }),
    ];
  });
  return fillPhrase(phrases.summary, { ...vars, total: count(results.length), parts: parts.join(', ') });
}

/** The words of the window's and the CLI's summary (the report's come from its outline). */
export const VIEW_PHRASES = {
  summary: 'Năm {year} theo dõi {total} chỉ tiêu của kế hoạch: {parts}.',
  dat: '{count} chỉ tiêu đạt',
  chua_dat: '{count} chỉ tiêu chưa đạt ({labels})',
  thieu: '{count} chỉ tiêu chưa đủ số liệu để đánh giá ({labels})',
  khong_hop_le: '{count} chỉ tiêu có số liệu chưa hợp lệ, cần rà soát lại ({labels})',
};

/** Every target of the catalogue as the province uses it, with the year's result of each enabled one. */
export function targetsView(ctx: ServiceContext, year: number): TargetsView {
  return viewOf(ctx, year, targetResults(ctx, year));
}

/** The view of results already computed (the report computes them once for its table and its sentence). */
export function viewOf(ctx: ServiceContext, year: number, list: readonly TargetResult[]): TargetsView {
  const results = new Map(list.map((r) => [r.code, r]));
  const labelOf = indicatorLabeller(ctx);
  const rows = provinceTargets(ctx, year).map((t): TargetRow => {
    const r = results.get(t.code);
    return {
      code: t.code,
      label: t.label,
      levelText: targetLevelText(t),
      comparator: t.comparator,
      value: t.value,
      unit: t.unit,
      enabled: t.enabled,
      defaultValue: t.defaultValue,
      defaultEnabled: t.defaultEnabled,
      overridden: t.overridden,
      source: t.source ?? null,
      status: r?.status ?? null,
      statusText: r ? targetStatusText(r) : null,
      resultText: r ? targetResultText(r, labelOf) : null,
      result: r?.result ?? null,
    };
  });
  const locked = (ctx.db.prepare('SELECT locked FROM years WHERE year = ?').get(year) as { locked: number } | undefined)?.locked === 1;
  return { year, locked, rows, summary: targetsSummary([...results.values()], VIEW_PHRASES, { year: String(year) }) };
}
