// The expression language of the rules: indicator codes, numbers, + and -, parentheses, and
// sum(pattern) over codes with a * wildcard. Pure: parsing only, no evaluation.
import type { Operator } from './schema.ts';

export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'code'; code: string }
  | { kind: 'pattern'; pattern: string }
  | { kind: 'add' | 'sub'; left: Expr; right: Expr }
  | { kind: 'neg'; operand: Expr };

export interface Condition {
  left: Expr;
  operator: Operator;
  right: Expr;
}

export class ExpressionError extends Error {
  constructor(
    readonly source: string,
    detail: string,
  ) {
    super(`Biểu thức "${source}": ${detail}`);
    this.name = 'ExpressionError';
  }
}

type Token =
  | { type: 'number'; value: number; pos: number }
  | { type: 'name'; text: string; pos: number }
  | { type: 'op'; text: '+' | '-' | '(' | ')'; pos: number }
  | { type: 'cmp'; text: Operator; pos: number };

const NAME = /^[a-z0-9_*]+/;
const NUMBER = /^\d+(\.\d+)?(?![a-z0-9_*.])/;
const COMPARATORS: Operator[] = ['==', '<=', '>=', '<', '>'];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const cmp = COMPARATORS.find((c) => rest.startsWith(c));
    if (cmp) {
      tokens.push({ type: 'cmp', text: cmp, pos: i });
      i += cmp.length;
      continue;
    }
    if (ch === '+' || ch === '-' || ch === '(' || ch === ')') {
      tokens.push({ type: 'op', text: ch, pos: i });
      i++;
      continue;
    }
    const num = NUMBER.exec(rest);
    if (num) {
      tokens.push({ type: 'number', value: Number(num[0]), pos: i });
      i += num[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ type: 'name', text: name[0], pos: i });
      i += name[0].length;
      continue;
    }
    if (ch === '{') throw new ExpressionError(source, `biến lặp ${/^\{[^}]*\}/.exec(rest)?.[0] ?? '{'} chưa được thay (thiếu "foreach"?)`);
    throw new ExpressionError(source, `ký tự "${ch}" không hợp lệ ở vị trí ${i + 1}`);
  }
  return tokens;
}

class Parser {
  private i = 0;
  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private fail(detail: string): never {
    throw new ExpressionError(this.source, detail);
  }

  private where(t: Token | undefined): string {
    return t ? `ở vị trí ${t.pos + 1}` : 'ở cuối biểu thức';
  }

  expression(): Expr {
    let left = this.term();
    for (let t = this.peek(); t?.type === 'op' && (t.text === '+' || t.text === '-'); t = this.peek()) {
      this.i++;
      const right = this.term();
      left = { kind: t.text === '+' ? 'add' : 'sub', left, right };
    }
    return left;
  }

  private term(): Expr {
    const t = this.peek();
    if (!t) this.fail('thiếu số hạng ở cuối biểu thức');
    this.i++;
    if (t.type === 'number') return { kind: 'number', value: t.value };
    if (t.type === 'op' && t.text === '-') return { kind: 'neg', operand: this.term() };
    if (t.type === 'op' && t.text === '(') {
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    if (t.type === 'name') {
      const next = this.peek();
      if (t.text === 'sum' && next?.type === 'op' && next.text === '(') {
        this.i++;
        const arg = this.sumArgument();
        this.expect(')');
        return arg;
      }
      if (t.text.includes('*')) this.fail(`mẫu "${t.text}" có dấu * chỉ dùng được trong sum(…)`);
      if (!/^[a-z]/.test(t.text)) this.fail(`"${t.text}" không phải mã chỉ tiêu`);
      return { kind: 'code', code: t.text };
    }
    this.fail(`không mong đợi "${t.text}" ${this.where(t)}`);
  }

  /** sum(pattern) with a wildcard, or sum(expression) — the latter is the expression itself. */
  private sumArgument(): Expr {
    const t = this.peek();
    const after = this.tokens[this.i + 1];
    if (t?.type === 'name' && t.text.includes('*') && after?.type === 'op' && after.text === ')') {
      this.i++;
      if (!/^[a-z]/.test(t.text)) this.fail(`mẫu "${t.text}" phải bắt đầu bằng chữ`);
      return { kind: 'pattern', pattern: t.text };
    }
    return this.expression();
  }

  private expect(text: ')'): void {
    const t = this.peek();
    if (!t || t.type !== 'op' || t.text !== text) this.fail(`thiếu dấu "${text}" ${this.where(t)}`);
    this.i++;
  }

  comparator(): Operator {
    const t = this.peek();
    if (!t || t.type !== 'cmp') this.fail(`thiếu phép so sánh (==, <=, >=, <, >) ${this.where(t)}`);
    this.i++;
    return t.text;
  }

  end(): void {
    const t = this.peek();
    if (t) this.fail(`thừa "${t.type === 'number' ? t.value : t.text}" ${this.where(t)}`);
  }
}

export function parseExpression(source: string | number): Expr {
  if (typeof source === 'number') return { kind: 'number', value: source };
  const p = new Parser(source, tokenize(source));
  const e = p.expression();
  p.end();
  return e;
}

/** A condition such as `pl01_{f}_tre > 0` (after placeholders are expanded). */
export function parseCondition(source: string): Condition {
  const p = new Parser(source, tokenize(source));
  const left = p.expression();
  const operator = p.comparator();
  const right = p.expression();
  p.end();
  return { left, operator, right };
}

/** Whether a code matches a pattern in which * stands for any run of characters. */
/** Each pattern's expression compiled once (the definition's patterns are few; a long-running process keeps at most 1,000). */
const patternRegExps = new Map<string, RegExp>();

export function matchesPattern(pattern: string, code: string): boolean {
  let re = patternRegExps.get(pattern);
  if (!re) {
    re = new RegExp(
      `^${pattern
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    if (patternRegExps.size >= 1000) patternRegExps.clear();
    patternRegExps.set(pattern, re);
  }
  return re.test(code);
}

/** The codes and patterns an expression refers to, in order of appearance, each once. */
export function expressionTerms(e: Expr): { codes: string[]; patterns: string[] } {
  const codes: string[] = [];
  const patterns: string[] = [];
  const walk = (x: Expr): void => {
    if (x.kind === 'code' && !codes.includes(x.code)) codes.push(x.code);
    else if (x.kind === 'pattern' && !patterns.includes(x.pattern)) patterns.push(x.pattern);
    else if (x.kind === 'add' || x.kind === 'sub') {
      walk(x.left);
      walk(x.right);
    } else if (x.kind === 'neg') walk(x.operand);
  };
  walk(e);
  return { codes, patterns };
}

/** Replaces `{f}` style placeholders with the bound codes. */
export function substitute(text: string, binding: Readonly<Record<string, string>>): string {
  return text.replace(/\{([a-z])\}/g, (m, v: string) => binding[v] ?? m);
}
