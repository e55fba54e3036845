// Evaluating expressions over a unit's (or the province's) figures, with the missing-value strategies
// of docs/rules.md, and comparing two sides with an optional tolerance. Pure.
import type { Expr } from './expression.ts';
import type { MissingStrategy, Operator, Tolerance } from './schema.ts';

/** Where an expression finds its figures. */
export interface Lookup {
  /** The figure of a code: null (or undefined) when blank or not reported. */
  value(code: string): number | null | undefined;
  /** The codes a wildcard pattern stands for here. */
  match(pattern: string): readonly string[];
}

export interface SideValue {
  /** null when the missing strategy says this side cannot be computed. */
  value: number | null;
  /** Every code read, in order of appearance, each once (patterns expanded). */
  codes: string[];
  missing: string[];
}

/**
 * - skip_if_any_missing: any blank figure makes the side missing (blank is not zero);
 * - skip_if_all_missing: blanks are left out; the side is missing only when every figure in it is blank;
 * - never_skip: a blank counts as 0.
 * A side made of numbers only is never missing.
 */
export function evaluateSide(expr: Expr, lookup: Lookup, strategy: MissingStrategy): SideValue {
  const codes: string[] = [];
  const missing: string[] = [];
  const read = (code: string): number => {
    if (!codes.includes(code)) codes.push(code);
    const v = lookup.value(code);
    if (v === null || v === undefined) {
      if (!missing.includes(code)) missing.push(code);
      return 0;
    }
    return v;
  };
  const calc = (e: Expr): number => {
    switch (e.kind) {
      case 'number':
        return e.value;
      case 'code':
        return read(e.code);
      case 'pattern':
        return lookup.match(e.pattern).reduce((acc, c) => acc + read(c), 0);
      case 'add':
        return calc(e.left) + calc(e.right);
      case 'sub':
        return calc(e.left) - calc(e.right);
      case 'neg':
        return -calc(e.operand);
    }
  };
  const raw = calc(expr);
  const unusable =
    strategy === 'skip_if_any_missing' ? missing.length > 0 : strategy === 'skip_if_all_missing' ? codes.length > 0 && missing.length === codes.length : false;
  return { value: unusable ? null : round(raw), codes, missing };
}

/** Sums of decimals (money) are kept to 9 places so that 0.1 + 0.2 equals 0.3. */
function round(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}

export interface Comparison {
  holds: boolean;
  /** How far the sides are from satisfying the operator (0 when they do). */
  gap: number;
}

const EPSILON = 1e-9;

/**
 * Compares two figures. With a tolerance, a failing comparison still holds unless the gap exceeds
 * both the absolute amount and the relative share of the larger side.
 */
export function compare(left: number, operator: Operator, right: number, tolerance?: Tolerance): Comparison {
  const diff = left - right;
  let holds: boolean;
  let gap: number;
  switch (operator) {
    case '==':
      gap = Math.abs(diff);
      holds = gap <= EPSILON;
      break;
    case '<=':
      gap = Math.max(diff, 0);
      holds = diff <= EPSILON;
      break;
    case '>=':
      gap = Math.max(-diff, 0);
      holds = -diff <= EPSILON;
      break;
    case '<':
      gap = Math.max(diff, 0);
      holds = diff < -EPSILON;
      break;
    case '>':
      gap = Math.max(-diff, 0);
      holds = -diff < -EPSILON;
      break;
  }
  if (!holds && tolerance) {
    const absolute = tolerance.absolute ?? 0;
    const relative = (tolerance.relative ?? 0) * Math.max(Math.abs(left), Math.abs(right));
    if (!(gap > absolute + EPSILON && gap > relative + EPSILON)) holds = true;
  }
  return { holds, gap: round(gap) };
}
