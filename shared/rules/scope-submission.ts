// Scope `submission`: each rule checked on one unit-year's figures. Pure, so the window can re-run it
// live while the compiler edits the grid.
import type { ReportPeriod } from '../periods.ts';
import type { TemplateDefinition } from '../template-schema.ts';
import { runCheck } from './check.ts';
import type { CompiledRule } from './compile.ts';
import { bindingSubject, bindingVars, cellsOf, findingKey } from './finding.ts';
import { unitLookup } from './lookup.ts';
import { formatCells, formatFigure, periodVars, renderMessage } from './message.ts';
import type { UnitFiguresInput, ValidationFinding } from './types.ts';

export function runSubmissionRule(
  c: Extract<CompiledRule, { scope: 'submission' }>,
  template: TemplateDefinition,
  year: number,
  unit: UnitFiguresInput,
  period?: ReportPeriod,
): ValidationFinding[] {
  const lookup = unitLookup(template, unit);
  const findings: ValidationFinding[] = [];
  for (const check of c.checks) {
    if (!check.kinds.includes(unit.kind)) continue;
    const failed = runCheck(c.rule, check, { left: lookup, right: lookup, when: lookup });
    if (!failed) continue;
    const cells = cellsOf(template, unit, failed.codes);
    const item = Object.keys(check.binding.codes).length ? { ...check.binding.codes } : undefined;
    findings.push({
      key: findingKey(year, c.rule.id, unit.code, bindingSubject(check.binding.codes)),
      rule: c.rule.id,
      severity: c.rule.severity,
      scope: 'submission',
      unit: unit.code,
      unitName: unit.name,
      year,
      ...(item ? { item } : {}),
      left: failed.left,
      right: failed.right,
      cells,
      message: renderMessage(c.rule.message, {
        unit: unit.name,
        ...periodVars(year, period),
        left: formatFigure(failed.left),
        right: formatFigure(failed.right),
        gap: formatFigure(failed.gap),
        'when.left': formatFigure(failed.whenLeft),
        'when.right': formatFigure(failed.whenRight),
        cells: formatCells(cells, template.sheets),
        ...bindingVars(check.binding.codes, check.binding.labels),
      }),
    });
  }
  return findings;
}
