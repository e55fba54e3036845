// The one engine: every compiled rule evaluated by the function of its scope, findings in a stable order.
// It never looks at a rule's id or at a particular indicator. Pure.
import type { TemplateDefinition } from '../template-schema.ts';
import type { CompiledRule, CompiledRules } from './compile.ts';
import { runAggregateRule } from './scope-aggregate.ts';
import { runCompletenessRule } from './scope-completeness.ts';
import { runDuplicatesRule } from './scope-duplicates.ts';
import { runSubmissionRule } from './scope-submission.ts';
import { runYoyRule } from './scope-yoy.ts';
import type { UnitFiguresInput, ValidationFinding, ValidationInput } from './types.ts';

type ScopeRunner = (c: CompiledRule, template: TemplateDefinition, input: ValidationInput) => ValidationFinding[];

const RUNNERS: {
  [S in CompiledRule['scope']]: (c: Extract<CompiledRule, { scope: S }>, template: TemplateDefinition, input: ValidationInput) => ValidationFinding[];
} = {
  submission: (c, template, input) => input.current.flatMap((unit) => runSubmissionRule(c, template, input.year, unit, input.period)),
  aggregate: runAggregateRule,
  yoy: runYoyRule,
  completeness: (c, _template, input) => runCompletenessRule(c, input),
  duplicates: (c, _template, input) => runDuplicatesRule(c, input),
};

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Every rule over a year; findings ordered by severity, then rule order, then unit-list order. */
function withTitle(f: ValidationFinding, title: string | undefined): ValidationFinding {
  return title ? { ...f, ruleTitle: title } : f;
}

export function runRules(compiled: CompiledRules, input: ValidationInput): ValidationFinding[] {
  const findings = compiled.rules.flatMap((c) => (RUNNERS[c.scope] as ScopeRunner)(c, compiled.template, input).map((f) => withTitle(f, c.rule.title)));
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

/** The submission rules over one unit's figures: what the window re-runs as the compiler edits the grid. */
export function runSubmissionRules(compiled: CompiledRules, year: number, unit: UnitFiguresInput): ValidationFinding[] {
  return compiled.rules.flatMap((c) =>
    c.scope === 'submission' ? runSubmissionRule(c, compiled.template, year, unit).map((f) => withTitle(f, c.rule.title)) : [],
  );
}
