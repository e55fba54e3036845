// Preparing a rule set for a template: foreach expanded, expressions parsed, unit kinds resolved,
// and every code, list, sheet and placeholder checked against the template. Pure.
import { kindsWithSheet, reportingKinds } from '../template.ts';
import type { TemplateDefinition } from '../template-schema.ts';
import { ExpressionError, expressionTerms, matchesPattern, parseCondition, parseExpression, substitute, type Condition, type Expr } from './expression.ts';
import { codesOfKind } from './lookup.ts';
import { messagePlaceholders } from './message.ts';
import {
  RulesError,
  type AggregateRule,
  type CompletenessRule,
  type DuplicatesRule,
  type ForeachSpec,
  type Rule,
  type RuleSet,
  type SubmissionRule,
  type UnitSelector,
  type YoyRule,
} from './schema.ts';

/** One expansion of a foreach rule: the item codes and labels bound to each variable. */
export interface Binding {
  codes: Record<string, string>;
  labels: Record<string, string>;
}

export interface CompiledCheck {
  binding: Binding;
  left: Expr;
  right: Expr;
  when?: Condition;
  /** Submission rules: the unit kinds this check applies to. */
  kinds: string[];
}

export type CompiledRule =
  | { scope: 'submission'; rule: SubmissionRule; checks: CompiledCheck[] }
  | { scope: 'aggregate'; rule: AggregateRule; checks: CompiledCheck[]; leftKinds: string[] | null; rightKinds: string[] | null }
  | { scope: 'yoy'; rule: YoyRule; kinds: string[] | null }
  | { scope: 'completeness'; rule: CompletenessRule; kinds: string[] }
  | { scope: 'duplicates'; rule: DuplicatesRule };

export interface CompiledRules {
  template: TemplateDefinition;
  rules: CompiledRule[];
}

const COMMON = ['unit', 'year', 'period'];
const PLACEHOLDERS: Record<Rule['scope'], string[]> = {
  submission: [...COMMON, 'left', 'right', 'gap', 'cells', 'when.left', 'when.right'],
  aggregate: [...COMMON, 'left', 'right', 'gap', 'cells', 'when.left', 'when.right'],
  yoy: [...COMMON, 'left', 'right', 'current', 'previous', 'previousYear', 'code', 'indicator', 'cells'],
  completeness: [...COMMON, 'deadline', 'received'],
  duplicates: [...COMMON, 'so_ky_hieu', 'ngay', 'co_quan', 'units'],
};

/** Expands `{f}` over a list (or a subset of it); several variables give every combination. */
export function expandForeach(spec: ForeachSpec | undefined, template: TemplateDefinition): Binding[] {
  let out: Binding[] = [{ codes: {}, labels: {} }];
  for (const [variable, source] of Object.entries(spec ?? {})) {
    const listName = typeof source === 'string' ? source : source.list;
    const list = template.lists[listName];
    if (!list) throw new RulesError([`không có danh mục "${listName}" cho biến {${variable}}`]);
    const only = typeof source === 'string' ? undefined : source.only;
    for (const code of only ?? []) if (!list.some((i) => i.code === code)) throw new RulesError([`danh mục "${listName}" không có mục "${code}"`]);
    const items = only ? list.filter((i) => only.includes(i.code)) : list;
    out = out.flatMap((b) => items.map((i) => ({ codes: { ...b.codes, [variable]: i.code }, labels: { ...b.labels, [variable]: i.label } })));
  }
  return out;
}

/** The unit kinds a selector names; null when there is no selector. */
export function selectKinds(selector: UnitSelector | undefined, template: TemplateDefinition): string[] | null {
  if (!selector) return null;
  if (selector.sheet) return kindsWithSheet(template, selector.sheet);
  return selector.kinds ?? [];
}

function parseSide(source: string | number, binding: Binding): Expr {
  return parseExpression(typeof source === 'string' ? substitute(source, binding.codes) : source);
}

function termsOf(exprs: (Expr | undefined)[]): { codes: string[]; patterns: string[] } {
  const codes: string[] = [];
  const patterns: string[] = [];
  for (const e of exprs) {
    if (!e) continue;
    const t = expressionTerms(e);
    codes.push(...t.codes);
    patterns.push(...t.patterns);
  }
  return { codes, patterns };
}

/**
 * Kinds whose workbook reports every code of a check (and something for each pattern). The codes of each kind are
 * the lists the engine keeps (codesOfKind): a season's 182 checks once made each kind's indicators afresh (~25 ms).
 */
function kindsReporting(template: TemplateDefinition, codes: string[], patterns: string[]): string[] {
  return reportingKinds(template).filter((k) => {
    const own = codesOfKind(template, k);
    return codes.every((c) => own.includes(c)) && patterns.every((p) => own.some((c) => matchesPattern(p, c)));
  });
}

function compileChecks(rule: SubmissionRule | AggregateRule, template: TemplateDefinition, known: ReadonlySet<string>, problems: string[]): CompiledCheck[] {
  const explicitKinds = rule.scope === 'submission' ? selectKinds(rule.units, template) : null;
  const checks: CompiledCheck[] = [];
  for (const binding of expandForeach(rule.foreach, template)) {
    const label = Object.keys(binding.codes).length ? ` (${Object.values(binding.codes).join(', ')})` : '';
    try {
      const left = parseSide(rule.left, binding);
      const right = parseSide(rule.right, binding);
      const when = rule.when ? parseCondition(substitute(rule.when, binding.codes)) : undefined;
      const terms = termsOf([left, right, when?.left, when?.right]);
      const unknown = terms.codes.filter((c) => !known.has(c));
      const empty = terms.patterns.filter((p) => !codesOfKind(template, null).some((c) => matchesPattern(p, c)));
      if (unknown.length) problems.push(`quy tắc "${rule.id}"${label}: không có chỉ tiêu ${unknown.join(', ')}`);
      if (empty.length) problems.push(`quy tắc "${rule.id}"${label}: mẫu ${empty.join(', ')} không ứng với chỉ tiêu nào`);
      const kinds = rule.scope === 'submission' ? (explicitKinds ?? kindsReporting(template, terms.codes, terms.patterns)) : [];
      if (rule.scope === 'submission' && kinds.length === 0)
        problems.push(`quy tắc "${rule.id}"${label}: không loại đơn vị nào báo cáo đủ các chỉ tiêu của quy tắc`);
      checks.push({ binding, left, right, when, kinds });
    } catch (e) {
      if (e instanceof ExpressionError) problems.push(`quy tắc "${rule.id}"${label}: ${e.message}`);
      else throw e;
    }
  }
  return checks;
}

function checkSelector(rule: Rule, selector: UnitSelector | undefined, template: TemplateDefinition, problems: string[]): void {
  if (!selector) return;
  if (selector.sheet && !template.sheets.some((s) => s.name === selector.sheet)) problems.push(`quy tắc "${rule.id}": không có trang ${selector.sheet}`);
  for (const k of selector.kinds ?? []) if (!template.unitKinds.some((u) => u.code === k)) problems.push(`quy tắc "${rule.id}": không có loại đơn vị ${k}`);
}

function checkMessages(rule: Rule, problems: string[]): void {
  const allowed = new Set([...PLACEHOLDERS[rule.scope]]);
  if (rule.scope === 'submission' || rule.scope === 'aggregate') {
    for (const v of Object.keys(rule.foreach ?? {})) allowed.add(v).add(`${v}.code`);
  }
  const texts = [rule.message, ...(rule.scope === 'completeness' && rule.late ? [rule.late.message] : [])];
  for (const text of texts) {
    const unknown = messagePlaceholders(text).filter((p) => !allowed.has(p));
    if (unknown.length) problems.push(`quy tắc "${rule.id}": thông báo có chỗ trống không biết {${unknown.join('}, {')}}`);
  }
}

function compileRule(rule: Rule, template: TemplateDefinition, known: ReadonlySet<string>, problems: string[]): CompiledRule {
  checkMessages(rule, problems);
  switch (rule.scope) {
    case 'submission':
      checkSelector(rule, rule.units, template, problems);
      return { scope: 'submission', rule, checks: compileChecks(rule, template, known, problems) };
    case 'aggregate':
      checkSelector(rule, rule.leftUnits, template, problems);
      checkSelector(rule, rule.rightUnits, template, problems);
      return {
        scope: 'aggregate',
        rule,
        checks: compileChecks(rule, template, known, problems),
        leftKinds: selectKinds(rule.leftUnits, template),
        rightKinds: selectKinds(rule.rightUnits, template),
      };
    case 'yoy': {
      checkSelector(rule, rule.units, template, problems);
      for (const p of rule.codes ?? [])
        if (!codesOfKind(template, null).some((c) => matchesPattern(p, c))) problems.push(`quy tắc "${rule.id}": mẫu ${p} không ứng với chỉ tiêu nào`);
      return { scope: 'yoy', rule, kinds: selectKinds(rule.units, template) };
    }
    case 'completeness':
      checkSelector(rule, rule.units, template, problems);
      return { scope: 'completeness', rule, kinds: selectKinds(rule.units, template) ?? reportingKinds(template) };
    case 'duplicates':
      return { scope: 'duplicates', rule };
  }
}

/** Compiles a rule set; throws RulesError listing every problem found against the template. */
export function compileRules(set: RuleSet, template: TemplateDefinition): CompiledRules {
  const problems: string[] = [];
  if (set.template !== template.id) problems.push(`tệp quy tắc dành cho mẫu "${set.template}", không phải "${template.id}"`);
  const rules: CompiledRule[] = [];
  const known = new Set(codesOfKind(template, null));
  for (const rule of set.rules) {
    try {
      rules.push(compileRule(rule, template, known, problems));
    } catch (e) {
      if (e instanceof RulesError) problems.push(...e.problems.map((p) => `quy tắc "${rule.id}": ${p}`));
      else throw e;
    }
  }
  if (problems.length) throw new RulesError(problems);
  return { template, rules };
}
