// One comparison of a submission or aggregate rule: both sides evaluated under the rule's missing-value
// strategy, the `when` condition, the operator and tolerance. Pure.
import type { CompiledCheck } from './compile.ts';
import { compare, evaluateSide, type Lookup } from './evaluate.ts';
import type { AggregateRule, MissingStrategy, SubmissionRule } from './schema.ts';

export interface FailedCheck {
  left: number;
  right: number;
  gap: number;
  whenLeft: number | null;
  whenRight: number | null;
  /** Codes read: left side, right side, then the condition. */
  codes: string[];
}

export function defaultMissing(rule: SubmissionRule | AggregateRule): MissingStrategy {
  return rule.missing ?? (rule.scope === 'submission' ? 'skip_if_any_missing' : 'skip_if_all_missing');
}

/** Returns the failure, or null when the check holds, does not apply, or is skipped for blanks. */
export function runCheck(
  rule: SubmissionRule | AggregateRule,
  check: CompiledCheck,
  lookups: { left: Lookup; right: Lookup; when: Lookup },
): FailedCheck | null {
  const strategy = defaultMissing(rule);
  let whenLeft: number | null = null;
  let whenRight: number | null = null;
  const codes: string[] = [];
  if (check.when) {
    const l = evaluateSide(check.when.left, lookups.when, strategy);
    const r = evaluateSide(check.when.right, lookups.when, strategy);
    if (l.value === null || r.value === null) return null;
    if (!compare(l.value, check.when.operator, r.value).holds) return null;
    whenLeft = l.value;
    whenRight = r.value;
    codes.push(...l.codes, ...r.codes);
  }
  const left = evaluateSide(check.left, lookups.left, strategy);
  const right = evaluateSide(check.right, lookups.right, strategy);
  if (left.value === null || right.value === null) return null;
  const result = compare(left.value, rule.operator, right.value, rule.tolerance);
  if (result.holds) return null;
  return { left: left.value, right: right.value, gap: result.gap, whenLeft, whenRight, codes: [...left.codes, ...right.codes, ...codes] };
}
