// Scope `yoy`: each indicator of a unit that reported this year against its own figure of the year before.
// `ratio`: more than factor× or less than 1/factor of last year, with a change of at least minChange
// (a previous 0 counts); `missing`: reported last year, blank this year. Pure.
import type { TemplateDefinition } from '../template-schema.ts';
import type { CompiledRule } from './compile.ts';
import { matchesPattern } from './expression.ts';
import { cellsOf, findingKey, indicatorIndex } from './finding.ts';
import { codesOfKind } from './lookup.ts';
import { formatCells, formatFigure, periodVars, renderMessage } from './message.ts';
import type { YoyRule } from './schema.ts';
import type { ValidationFinding, ValidationInput } from './types.ts';

function fires(rule: YoyRule, current: number | null, previous: number | null): boolean {
  if (rule.check === 'missing') return previous !== null && current === null;
  if (previous === null || current === null) return false;
  const factor = rule.factor ?? Infinity;
  const change = Math.abs(current - previous);
  return change >= (rule.minChange ?? 0) && (current > factor * previous || current * factor < previous);
}

export function runYoyRule(c: Extract<CompiledRule, { scope: 'yoy' }>, template: TemplateDefinition, input: ValidationInput): ValidationFinding[] {
  const index = indicatorIndex(template);
  const findings: ValidationFinding[] = [];
  for (const unit of input.current) {
    if (c.kinds && !c.kinds.includes(unit.kind)) continue;
    const before = input.previous.get(unit.code);
    if (!before) continue;
    const patterns = c.rule.codes;
    const codes = codesOfKind(template, unit.kind).filter((code) => !patterns || patterns.some((p) => matchesPattern(p, code)));
    for (const code of codes) {
      const current = unit.values.get(code) ?? null;
      const previous = before.values.get(code) ?? null;
      if (!fires(c.rule, current, previous)) continue;
      const cells = cellsOf(template, unit, [code]);
      findings.push({
        key: findingKey(input.year, c.rule.id, unit.code, code),
        rule: c.rule.id,
        severity: c.rule.severity,
        scope: 'yoy',
        unit: unit.code,
        unitName: unit.name,
        year: input.year,
        code,
        left: current,
        right: previous,
        cells,
        message: renderMessage(c.rule.message, {
          unit: unit.name,
          ...periodVars(input.year, input.period),
          previousYear: String(input.year - 1),
          code,
          indicator: index.get(code)?.label ?? code,
          current: formatFigure(current),
          previous: formatFigure(previous),
          left: formatFigure(current),
          right: formatFigure(previous),
          cells: formatCells(cells, template.sheets),
        }),
      });
    }
  }
  return findings;
}
