// One comparison of a submission or aggregate rule: both sides evaluated under the rule's missing-value
// strategy, the `when` condition, the operator and tolerance. Pure.
import type { CompiledCheck } from './compile.ts';
import { compare, evaluateSide, sideValue, type Lookup } from './evaluate.ts';
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
  // The values first (thousands of checks hold); a failed check is read again for the codes it names.
  const strategy = defaultMissing(rule);
  if (check.when) {
    const l = sideValue(check.when.left, lookups.when, strategy);
    const r = sideValue(check.when.right, lookups.when, strategy);
    if (l === null || r === null || !compare(l, check.when.operator, r).holds) return null;
  }
  const left = sideValue(check.left, lookups.left, strategy);
  const right = sideValue(check.right, lookups.right, strategy);
  if (left === null || right === null || compare(left, rule.operator, right, rule.tolerance).holds) return null;
  return failure(rule, check, lookups, strategy);
}

function failure(
  rule: SubmissionRule | AggregateRule,
  check: CompiledCheck,
  lookups: { left: Lookup; right: Lookup; when: Lookup },
  strategy: MissingStrategy,
): FailedCheck {
  let whenLeft: number | null = null;
  let whenRight: number | null = null;
  const codes: string[] = [];
  if (check.when) {
    const l = evaluateSide(check.when.left, lookups.when, strategy);
    const r = evaluateSide(check.when.right, lookups.when, strategy);
    whenLeft = l.value;
    whenRight = r.value;
    codes.push(...l.codes, ...r.codes);
  }
  const left = evaluateSide(check.left, lookups.left, strategy);
  const right = evaluateSide(check.right, lookups.right, strategy);
  const result = compare(left.value!, rule.operator, right.value!, rule.tolerance);
  return { left: left.value!, right: right.value!, gap: result.gap, whenLeft, whenRight, codes: [...left.codes, ...right.codes, ...codes] };
}
