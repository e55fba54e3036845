// Scope `aggregate`: rules over the province totals of a year, each side summed over its own units. Pure.
import type { TemplateDefinition } from '../template-schema.ts';
import { runCheck } from './check.ts';
import type { CompiledRule } from './compile.ts';
import { bindingSubject, bindingVars, findingKey } from './finding.ts';
import { totalLookup } from './lookup.ts';
import { formatFigure, periodVars, renderMessage } from './message.ts';
import type { ValidationFinding, ValidationInput } from './types.ts';

export function runAggregateRule(c: Extract<CompiledRule, { scope: 'aggregate' }>, template: TemplateDefinition, input: ValidationInput): ValidationFinding[] {
  const lookups = {
    left: totalLookup(template, input.current, c.leftKinds),
    right: totalLookup(template, input.current, c.rightKinds),
    when: totalLookup(template, input.current, null),
  };
  const findings: ValidationFinding[] = [];
  for (const check of c.checks) {
    const failed = runCheck(c.rule, check, lookups);
    if (!failed) continue;
    const item = Object.keys(check.binding.codes).length ? { ...check.binding.codes } : undefined;
    findings.push({
      key: findingKey(input.year, c.rule.id, null, bindingSubject(check.binding.codes)),
      rule: c.rule.id,
      severity: c.rule.severity,
      scope: 'aggregate',
      unit: null,
      unitName: input.provinceName,
      year: input.year,
      ...(item ? { item } : {}),
      left: failed.left,
      right: failed.right,
      cells: [],
      message: renderMessage(c.rule.message, {
        unit: input.provinceName,
        ...periodVars(input.year, input.period),
        left: formatFigure(failed.left),
        right: formatFigure(failed.right),
        gap: formatFigure(failed.gap),
        'when.left': formatFigure(failed.whenLeft),
        'when.right': formatFigure(failed.whenRight),
        cells: '',
        ...bindingVars(check.binding.codes, check.binding.labels),
      }),
    });
  }
  return findings;
}
