// The plan's targets of the province (docs/targets.md): the template's catalogue (templates/<id>/targets.json),
// the province's own choices kept in table province_targets, and the results of a year. The window, the CLI
// (`baocao121 targets`) and the report use these functions.
import type { TargetRow, TargetsView } from '../../shared/api-types.ts';
import { allIndicators } from '../../shared/template.ts';
import { evaluateTargets, type TargetResult, type TargetUnit } from '../../shared/targets.ts';
import { effectiveTargets, targetOverrideSchema, type EffectiveTarget, type TargetOverride } from '../../shared/targets-schema.ts';
import { STATUS_WORDS, targetLevelText, targetResultText } from '../../shared/targets-text.ts';
import { AppError } from '../errors.ts';
import { fillPhrase } from '../report/sentences.ts';
import { loadTargetCatalogue } from '../targets-store.ts';
import { yearFigures, type YearFigures } from './aggregate.ts';
import { audit } from './audit.ts';
import type { ServiceContext } from './context.ts';
import { listUnits } from './units.ts';

/** The province's current choices (table province_targets). */
export function targetOverrides(ctx: ServiceContext): Map<string, TargetOverride> {
  const rows = ctx.db.prepare('SELECT code, enabled, value FROM province_targets').all() as { code: string; enabled: number | null; value: number | null }[];
  return new Map(rows.map((r) => [r.code, { ...(r.enabled === null ? {} : { enabled: r.enabled === 1 }), ...(r.value === null ? {} : { value: r.value }) }]));
}

/** The choices a locked year keeps (frozen at its lock), or null for an open year (or one locked before targets existed). */
function frozenOverrides(ctx: ServiceContext, year: number): Map<string, TargetOverride> | null {
  const row = ctx.db.prepare('SELECT locked, frozen FROM years WHERE year = ?').get(year) as { locked: number; frozen: string | null } | undefined;
  if (row?.locked !== 1 || !row.frozen) return null;
  const kept = (JSON.parse(row.frozen) as { targets?: Record<string, unknown> }).targets;
  if (!kept) return null;
  return new Map(Object.entries(kept).flatMap(([code, o]) => {
    const parsed = targetOverrideSchema.safeParse(o);
    return parsed.success ? [[code, parsed.data] as const] : [];
  }));
}

/** The targets as the province uses them (for a locked year: as they were at its lock), in the catalogue's order. */
export function provinceTargets(ctx: ServiceContext, year?: number): EffectiveTarget[] {
  const kept = year === undefined ? null : frozenOverrides(ctx, year);
  return effectiveTargets(loadTargetCatalogue(ctx.template), kept ?? targetOverrides(ctx));
}

/** The units expected to report in a year: active units and any unit that sent figures that year, with its figures. */
function unitsOfYear(ctx: ServiceContext, held?: (year: number) => YearFigures | undefined): (year: number) => TargetUnit[] {
  const units = listUnits(ctx);
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

/** The results of the enabled targets for a year; `held` gives figures already read (the report's), else they are read. */
export function targetResults(ctx: ServiceContext, year: number, held?: (year: number) => YearFigures | undefined): TargetResult[] {
  return evaluateTargets(ctx.template, provinceTargets(ctx, year), year, unitsOfYear(ctx, held));
}

/** An indicator's name for people ("Số vụ án xâm hại trẻ em bị trả hồ sơ để điều tra bổ sung"). */
export function indicatorLabeller(ctx: ServiceContext): (code: string) => string {
  // "(Công an) Số vụ …" → "Số vụ …": the unit is named beside it.
  const labels = new Map(allIndicators(ctx.template).map((i) => [i.code, i.label.replace(/^\([^)]*\)\s*/, '')]));
  return (code) => labels.get(code) ?? code;
}

/** The sentence summing the results: "Trong 6 chỉ tiêu …: 2 chỉ tiêu đạt, 3 chỉ tiêu chưa đạt (…), 1 chỉ tiêu chưa đủ số liệu để đánh giá (…)." */
export function targetsSummary(results: readonly TargetResult[], phrases: { summary: string; dat: string; chua_dat: string; thieu: string }, vars: Record<string, string> = {}): string | null {
  if (results.length === 0) return null;
  const count = (n: number): string => String(n).padStart(2, '0');
  const parts = (['dat', 'chua_dat', 'thieu'] as const).flatMap((s) => {
    const of = results.filter((r) => r.status === s);
    if (of.length === 0) return [];
    return [fillPhrase(phrases[s], { count: count(of.length), labels: of.map((r) => r.label.charAt(0).toLocaleLowerCase('vi') + r.label.slice(1)).join('; ') })];
  });
  return fillPhrase(phrases.summary, { ...vars, total: count(results.length), parts: parts.join(', ') });
}

/** The words of the window's and the CLI's summary (the report's come from its outline). */
export const VIEW_PHRASES = {
  summary: 'Năm {year} theo dõi {total} chỉ tiêu của kế hoạch: {parts}.',
  dat: '{count} chỉ tiêu đạt',
  chua_dat: '{count} chỉ tiêu chưa đạt ({labels})',
  thieu: '{count} chỉ tiêu chưa đủ số liệu để đánh giá ({labels})',
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
      statusText: r ? STATUS_WORDS[r.status] : null,
      resultText: r ? targetResultText(r, labelOf) : null,
      result: r?.result ?? null,
    };
  });
  const locked = (ctx.db.prepare('SELECT locked FROM years WHERE year = ?').get(year) as { locked: number } | undefined)?.locked === 1;
  return { year, locked, rows, summary: targetsSummary([...results.values()], VIEW_PHRASES, { year: String(year) }) };
}

/** Changes are made while looking at an open year: a locked year keeps (and shows) the choices it was locked with. */
export function assertTargetsEditable(ctx: ServiceContext, year: number): void {
  const row = ctx.db.prepare('SELECT locked FROM years WHERE year = ?').get(year) as { locked: number } | undefined;
  if (row?.locked === 1) {
    throw new AppError('year_locked', `Năm ${year} đã chốt số liệu: báo cáo năm ${year} giữ các chỉ tiêu như khi chốt. Hãy chọn một năm chưa chốt để sửa chỉ tiêu (áp dụng cho các năm chưa chốt), hoặc mở khóa năm ${year} (kèm lý do).`);
  }
}

function requireTarget(ctx: ServiceContext, code: string): EffectiveTarget {
  const all = provinceTargets(ctx);
  const t = all.find((x) => x.code === code);
  if (!t) throw new AppError('unknown_target', `Không có chỉ tiêu "${code}" trong danh mục. Các chỉ tiêu: ${all.map((x) => x.code).join(', ')}.`);
  return t;
}

/** Turns a target on or off and/or changes its value for the province; logged. */
export function setTarget(ctx: ServiceContext, code: string, change: TargetOverride): EffectiveTarget {
  const parsed = targetOverrideSchema.parse(change);
  const before = requireTarget(ctx, code);
  const own = targetOverrides(ctx).get(code) ?? {};
  const next: TargetOverride = { ...own, ...parsed };
  ctx.db.transaction(() => {
    ctx.db
      .prepare('INSERT INTO province_targets (code, enabled, value, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET enabled = excluded.enabled, value = excluded.value, updated_at = excluded.updated_at')
      .run(code, next.enabled === undefined ? null : next.enabled ? 1 : 0, next.value ?? null, ctx.now().toISOString());
    audit(ctx, { action: 'target.set', entity: 'target', entityId: code, oldValue: { enabled: before.enabled, value: before.value }, newValue: { enabled: next.enabled ?? before.defaultEnabled, value: next.value ?? before.defaultValue } });
  })();
  return requireTarget(ctx, code);
}

/** Back to the catalogue's setting: one target, or every target when code is omitted; logged. */
export function resetTargets(ctx: ServiceContext, code?: string): EffectiveTarget[] {
  if (code !== undefined) requireTarget(ctx, code);
  ctx.db.transaction(() => {
    const rows = ctx.db.prepare(code === undefined ? 'SELECT code FROM province_targets' : 'SELECT code FROM province_targets WHERE code = ?').all(...(code === undefined ? [] : [code])) as { code: string }[];
    for (const r of rows) {
      ctx.db.prepare('DELETE FROM province_targets WHERE code = ?').run(r.code);
      audit(ctx, { action: 'target.reset', entity: 'target', entityId: r.code });
    }
  })();
  return provinceTargets(ctx);
}
