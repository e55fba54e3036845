// The plan's targets as the province uses them (docs/targets.md): the catalogue of the year's definition
// (part "targets", targets.json) and the province's own choices kept in table province_targets; a locked
// year keeps the choices it was locked with.
import {
  targetProblems,
  targetsFileSchema,
  effectiveTargets,
  targetOverrideSchema,
  type EffectiveTarget,
  type TargetDefinition,
  type TargetOverride,
} from '../../shared/targets-schema.ts';
import type { TemplateDefinition } from '../../shared/template-schema.ts';
import { AppError } from '../errors.ts';
import { definitionOf, definitionPart } from '../template-store.ts';
import type { ServiceContext } from './context.ts';

/** The targets part checked (zod, then against the template: kinds, expressions and, with `indicators`, every indicator they read). */
export function parseTargets(json: unknown, template: TemplateDefinition, options: { indicators?: boolean } = {}): TargetDefinition[] {
  const parsed = targetsFileSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('targets_invalid', `Danh mục chỉ tiêu không hợp lệ: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`);
  }
  const problems = targetProblems(parsed.data, template, { indicators: options.indicators ?? false });
  if (problems.length > 0) throw new AppError('targets_invalid', `Danh mục chỉ tiêu không khớp với mẫu ${template.id}: ${problems.join('; ')}.`);
  return parsed.data.targets;
}

const catalogues = new WeakMap<TemplateDefinition, TargetDefinition[]>();

/** The catalogue of targets of a template's definition, in its order; none when the definition has no targets part. */
export function loadTargetCatalogue(template: TemplateDefinition): TargetDefinition[] {
  const cached = catalogues.get(template);
  if (cached) return cached;
  const json = definitionPart(definitionOf(template), 'targets');
  const targets = json === undefined ? [] : parseTargets(json, template);
  catalogues.set(template, targets);
  return targets;
}

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
  return new Map(
    Object.entries(kept).flatMap(([code, o]) => {
      const parsed = targetOverrideSchema.safeParse(o);
      return parsed.success ? [[code, parsed.data] as const] : [];
    }),
  );
}

/** The targets as the province uses them (for a locked year: as they were at its lock), in the catalogue's order. */
export function provinceTargets(ctx: ServiceContext, year?: number): EffectiveTarget[] {
  const kept = year === undefined ? null : frozenOverrides(ctx, year);
  return effectiveTargets(loadTargetCatalogue(ctx.template), kept ?? targetOverrides(ctx));
}
