// Scope `completeness`: once anything was received for a period whose submissions are expected, one finding
// per active unit that has not reported it, and (with `late`) one per submission received after the deadline. Pure.
import type { CompiledRule } from './compile.ts';
import { findingKey } from './finding.ts';
import { formatDate } from '../dates.ts';
import { periodVars, renderMessage } from './message.ts';
import type { ValidationFinding, ValidationInput } from './types.ts';

/** Vietnam keeps UTC+7 all year: the calendar day a time falls on there. */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

export function vietnamDate(isoTime: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(isoTime)) return isoTime;
  const t = Date.parse(isoTime);
  return Number.isNaN(t) ? isoTime.slice(0, 10) : new Date(t + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

export function runCompletenessRule(c: Extract<CompiledRule, { scope: 'completeness' }>, input: ValidationInput): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  // Nothing received yet for the year: the season has not started, no unit is "missing". Nor is one in a period
  // whose submissions are not collected (a past year kept for comparison, a range).
  if (input.current.length === 0 || !input.expectsSubmissions) return findings;
  const reported = new Set(input.current.map((u) => u.code));
  const deadline = input.deadline ? formatDate(input.deadline) : '';
  const base = { rule: c.rule.id, severity: c.rule.severity, scope: 'completeness' as const, year: input.year, left: null, right: null, cells: [] };
  for (const unit of input.activeUnits) {
    if (!c.kinds.includes(unit.kind) || reported.has(unit.code)) continue;
    findings.push({
      ...base,
      key: findingKey(input.year, c.rule.id, unit.code, 'missing'),
      unit: unit.code,
      unitName: unit.name,
      message: renderMessage(c.rule.message, { unit: unit.name, ...periodVars(input.year, input.period), deadline }),
    });
  }
  if (!c.rule.late || !input.deadline) return findings;
  for (const unit of input.current) {
    if (!c.kinds.includes(unit.kind) || !unit.receivedAt) continue;
    const received = vietnamDate(unit.receivedAt);
    if (received <= input.deadline) continue;
    findings.push({
      ...base,
      key: findingKey(input.year, c.rule.id, unit.code, 'late'),
      unit: unit.code,
      unitName: unit.name,
      message: renderMessage(c.rule.late.message, { unit: unit.name, ...periodVars(input.year, input.period), deadline, received: formatDate(received) }),
    });
  }
  return findings;
}
