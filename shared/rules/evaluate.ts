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
  return { value: side(expr, lookup, strategy, codes, missing), codes, missing };
}

/**
 * evaluateSide's value alone, the codes read not listed: a season's validation evaluates ~30,000 sides and lists
 * the codes of the few that fail (rules/check.ts), and listing them every time cost more than the sums.
 */
export function sideValue(expr: Expr, lookup: Lookup, strategy: MissingStrategy): number | null {
  return side(expr, lookup, strategy, null, null);
}

function side(expr: Expr, lookup: Lookup, strategy: MissingStrategy, codes: string[] | null, missing: string[] | null): number | null {
  const reading: Reading = { lookup, codes, missing, read: false, blank: false, given: false };
  const raw = calc(reading, expr);
  // Every figure blank: something was read and nothing read was given (a code reads the same each time).
  const unusable = strategy === 'skip_if_any_missing' ? reading.blank : strategy === 'skip_if_all_missing' ? reading.read && !reading.given : false;
  return unusable ? null : round(raw);
}

// Module-level functions over one side's reading, not closures made at each call: validation evaluates
// thousands of sides, and each closure made costs (docs/measured.md).
interface Reading {
  lookup: Lookup;
  /** The codes read and those blank, each once, when asked for (evaluateSide). */
  codes: string[] | null;
  missing: string[] | null;
  read: boolean;
  blank: boolean;
  given: boolean;
}

function read(r: Reading, code: string): number {
  r.read = true;
  if (r.codes && !r.codes.includes(code)) r.codes.push(code);
  const v = r.lookup.value(code);
  if (v === null || v === undefined) {
    r.blank = true;
    if (r.missing && !r.missing.includes(code)) r.missing.push(code);
    return 0;
  }
  r.given = true;
  return v;
}

function calc(r: Reading, e: Expr): number {
  switch (e.kind) {
    case 'number':
      return e.value;
    case 'code':
      return read(r, e.code);
    case 'pattern': {
      let sum = 0;
      for (const c of r.lookup.match(e.pattern)) sum += read(r, c);
      return sum;
    }
    case 'add':
      return calc(r, e.left) + calc(r, e.right);
    case 'sub':
      return calc(r, e.left) - calc(r, e.right);
    case 'neg':
      return -calc(r, e.operand);
  }
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
