// The plan's targets as data (templates/<id>/targets.json, docs/targets.md): each a label, an expression over
// indicators in the rule engine's language (shared/rules/expression.ts), optionally divided by another (`of`,
// a percentage) or compared with a base year (`baseYear`, the change in %), a comparator and a value. A province
// turns targets on or off and changes their values (the province's own, kept in the database). Pure: no Node.
import { z } from 'zod';
import type { Operator } from './rules/schema.ts';
import { expressionTerms, matchesPattern, parseExpression } from './rules/expression.ts';
import { allIndicators } from './template.ts';
import type { TemplateDefinition } from './template-schema.ts';

export const TARGET_COMPARATORS = ['≥', '>', '≤', '<', '='] as const;
export type TargetComparator = (typeof TARGET_COMPARATORS)[number];

/** The rule engine's operator for a comparator as the plans write it. */
export const COMPARATOR_OPERATOR: Record<TargetComparator, Operator> = { '≥': '>=', '>': '>', '≤': '<=', '<': '<', '=': '==' };

const code = z.string().regex(/^[a-z0-9_]+$/, 'mã chỉ tiêu chỉ gồm chữ thường, số và _');

export const targetDefinitionSchema = z.strictObject({
  code,
  /** As the report prints it: "Tỷ lệ giải quyết tố giác, tin báo về tội phạm xâm hại trẻ em". */
  label: z.string().trim().min(1),
  /** What is measured, in the rules' expression language: `sum(pl03_*_tb_gq)`. */
  expression: z.string().min(1),
  /** When given, the result is expression ÷ of × 100 (a percentage). */
  of: z.string().min(1).optional(),
  /** When given, the result is the change of the expression from this year, in % (−5 = giảm 5%). */
  baseYear: z.number().int().min(2000).max(2100).optional(),
  /** Only these unit kinds' figures count (default: every kind whose workbook holds the indicator). */
  kinds: z.array(code).min(1).optional(),
  comparator: z.enum(TARGET_COMPARATORS),
  value: z.number().finite(),
  /** "%", "vụ", "trẻ em"… */
  unit: z.string().trim().min(1),
  /** On for a new province; a province turns the others on from the catalogue. */
  enabled: z.boolean().default(true),
  /** Where the target comes from, for the person choosing (never printed). */
  source: z.string().optional(),
});

export const targetsFileSchema = z.strictObject({
  template: code,
  about: z.string().optional(),
  targets: z.array(targetDefinitionSchema).min(1),
});

export type TargetDefinition = z.output<typeof targetDefinitionSchema>;
export type TargetsFile = z.output<typeof targetsFileSchema>;

/** A province's own choice for one target (what the database keeps); absent fields keep the catalogue's. */
export const targetOverrideSchema = z.strictObject({
  enabled: z.boolean().optional(),
  value: z.number().finite().optional(),
});
export type TargetOverride = z.output<typeof targetOverrideSchema>;

/** A target as the province uses it: the catalogue's, with the province's choices applied. */
export interface EffectiveTarget extends TargetDefinition {
  /** The catalogue's value, to show what was changed. */
  defaultValue: number;
  defaultEnabled: boolean;
  overridden: boolean;
}

export function effectiveTargets(catalogue: readonly TargetDefinition[], overrides: ReadonlyMap<string, TargetOverride>): EffectiveTarget[] {
  return catalogue.map((t) => {
    const o = overrides.get(t.code);
    return {
      ...t,
      enabled: o?.enabled ?? t.enabled,
      value: o?.value ?? t.value,
      defaultValue: t.value,
      defaultEnabled: t.enabled,
      overridden: o !== undefined && (o.enabled !== undefined || o.value !== undefined),
    };
  });
}

/**
 * What in the targets does not fit the template: unparsable expressions, unknown kinds, and (with `indicators`, the
 * default) unknown indicators. Empty = fine. A database made with an earlier template may lack an indicator a newer
 * target reads: loading then checks without it, and such a target stays "chưa đủ số liệu".
 */
export function targetProblems(file: TargetsFile, template: TemplateDefinition, options: { indicators?: boolean } = {}): string[] {
  const checkIndicators = options.indicators ?? true;
  const problems: string[] = [];
  const codes = new Set(allIndicators(template).map((i) => i.code));
  const kinds = new Set(template.unitKinds.map((k) => k.code));
  const seen = new Set<string>();
  if (file.template !== template.id) problems.push(`chỉ tiêu dành cho mẫu "${file.template}", không phải "${template.id}"`);
  for (const t of file.targets) {
    if (seen.has(t.code)) problems.push(`chỉ tiêu ${t.code}: mã bị trùng`);
    seen.add(t.code);
    if (t.of && t.baseYear !== undefined) problems.push(`chỉ tiêu ${t.code}: chỉ dùng một trong hai, "of" hoặc "baseYear"`);
    for (const k of t.kinds ?? []) if (!kinds.has(k)) problems.push(`chỉ tiêu ${t.code}: không có loại đơn vị "${k}"`);
    for (const source of [t.expression, t.of].filter((s): s is string => s !== undefined)) {
      try {
        const terms = expressionTerms(parseExpression(source));
        if (!checkIndicators) continue;
        for (const c of terms.codes) if (!codes.has(c)) problems.push(`chỉ tiêu ${t.code}: không có chỉ tiêu "${c}"`);
        for (const p of terms.patterns) {
          if (![...codes].some((c) => matchesPattern(p, c))) problems.push(`chỉ tiêu ${t.code}: mẫu "${p}" không khớp chỉ tiêu nào`);
        }
      } catch (e) {
        problems.push(`chỉ tiêu ${t.code}: ${(e as Error).message}`);
      }
    }
  }
  return problems;
}
