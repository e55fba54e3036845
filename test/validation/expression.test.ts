import { describe, expect, it } from 'vitest';
import { compare, evaluateSide, sideValue, type Lookup } from '../../shared/rules/evaluate.ts';
import { ExpressionError, expressionTerms, matchesPattern, parseCondition, parseExpression, substitute } from '../../shared/rules/expression.ts';
import { formatCells, renderMessage, splitCellRef } from '../../shared/rules/message.ts';

function lookupOf(values: Record<string, number | null>): Lookup {
  const codes = Object.keys(values);
  return { value: (c) => values[c], match: (p) => codes.filter((c) => matchesPattern(p, c)) };
}

describe('parseExpression', () => {
  it('reads codes, numbers, + and - left to right', () => {
    expect(parseExpression('pl04_d142_tl_vu - pl04_d142_gq_vu + 2')).toEqual({
      kind: 'add',
      left: { kind: 'sub', left: { kind: 'code', code: 'pl04_d142_tl_vu' }, right: { kind: 'code', code: 'pl04_d142_gq_vu' } },
      right: { kind: 'number', value: 2 },
    });
  });

  it('reads codes that hold digits, like age bins', () => {
    expect(parseExpression('pl01_bl_6den12 + pl01_bl_12den16')).toEqual({
      kind: 'add',
      left: { kind: 'code', code: 'pl01_bl_6den12' },
      right: { kind: 'code', code: 'pl01_bl_12den16' },
    });
  });

  it('reads sum(pattern) as a wildcard and sum(expression) as the expression', () => {
    expect(parseExpression('sum(pl01_*_tre)')).toEqual({ kind: 'pattern', pattern: 'pl01_*_tre' });
    expect(parseExpression('sum(pl01_xhtd_tre + pl01_bl_tre)')).toEqual({
      kind: 'add',
      left: { kind: 'code', code: 'pl01_xhtd_tre' },
      right: { kind: 'code', code: 'pl01_bl_tre' },
    });
    expect(parseExpression('sum(ca_tre)')).toEqual({ kind: 'code', code: 'ca_tre' });
  });

  it('reads parentheses, unary minus and decimals', () => {
    expect(parseExpression('a - (b - c)')).toEqual({
      kind: 'sub',
      left: { kind: 'code', code: 'a' },
      right: { kind: 'sub', left: { kind: 'code', code: 'b' }, right: { kind: 'code', code: 'c' } },
    });
    expect(parseExpression('-2.5 + x')).toEqual({
      kind: 'add',
      left: { kind: 'neg', operand: { kind: 'number', value: 2.5 } },
      right: { kind: 'code', code: 'x' },
    });
    expect(parseExpression(0)).toEqual({ kind: 'number', value: 0 });
  });

  it('refuses broken expressions with a Vietnamese message naming the problem', () => {
    expect(() => parseExpression('a +')).toThrow(ExpressionError);
    expect(() => parseExpression('a +')).toThrow('Biểu thức "a +": thiếu số hạng ở cuối biểu thức');
    expect(() => parseExpression('sum(a')).toThrow('thiếu dấu ")" ở cuối biểu thức');
    expect(() => parseExpression('a b')).toThrow('thừa "b" ở vị trí 3');
    expect(() => parseExpression('pl01_*_tre')).toThrow('mẫu "pl01_*_tre" có dấu * chỉ dùng được trong sum(…)');
    expect(() => parseExpression('pl01_{f}_tre')).toThrow('biến lặp {f} chưa được thay');
    expect(() => parseExpression('a * 2')).toThrow();
    expect(() => parseExpression('a == b')).toThrow('thừa "==" ở vị trí 3');
    expect(() => parseExpression(') + a')).toThrow('không mong đợi ")" ở vị trí 1');
    expect(() => parseExpression('12abc')).toThrow('"12abc" không phải mã chỉ tiêu');
  });
});

describe('parseCondition, substitute, patterns', () => {
  it('reads expr op expr', () => {
    expect(parseCondition('pl01_bl_tre > 0')).toEqual({ left: { kind: 'code', code: 'pl01_bl_tre' }, operator: '>', right: { kind: 'number', value: 0 } });
    expect(parseCondition('a + b <= c').operator).toBe('<=');
    expect(() => parseCondition('a + b')).toThrow('thiếu phép so sánh');
  });

  it('expands foreach placeholders with item codes', () => {
    expect(substitute('pl01_{f}_nam + pl01_{f}_nu == pl01_{f}_tre', { f: 'xhtd' })).toBe('pl01_xhtd_nam + pl01_xhtd_nu == pl01_xhtd_tre');
    expect(substitute('pl03_{g}_kt_vu', {})).toBe('pl03_{g}_kt_vu');
  });

  it('matches * as any run of characters, and nothing else', () => {
    expect(matchesPattern('pl01_*_tre', 'pl01_xhtd_tre')).toBe(true);
    expect(matchesPattern('pl01_*_tre', 'pl01_xhtd_nam')).toBe(false);
    expect(matchesPattern('pl04_d142_hp_*', 'pl04_d142_hp_an_treo')).toBe(true);
    expect(matchesPattern('pl04_d142_hp_*', 'pl04_d144_hp_den3')).toBe(false);
  });

  it('lists the codes and patterns an expression reads, once each', () => {
    expect(expressionTerms(parseExpression('a + sum(b_*) - a'))).toEqual({ codes: ['a'], patterns: ['b_*'] });
  });
});

describe('evaluateSide: blanks per missing strategy', () => {
  const e = parseExpression('a + b');
  it('skip_if_any_missing: one blank makes the side unusable — blank is not zero', () => {
    expect(evaluateSide(e, lookupOf({ a: 3, b: null }), 'skip_if_any_missing')).toEqual({ value: null, codes: ['a', 'b'], missing: ['b'] });
    expect(evaluateSide(e, lookupOf({ a: 3, b: 0 }), 'skip_if_any_missing').value).toBe(3);
  });
  it('skip_if_all_missing: blanks are left out; all blank makes it unusable', () => {
    expect(evaluateSide(e, lookupOf({ a: 3, b: null }), 'skip_if_all_missing').value).toBe(3);
    expect(evaluateSide(e, lookupOf({ a: null, b: null }), 'skip_if_all_missing').value).toBeNull();
  });
  it('never_skip: a blank counts as 0', () => {
    expect(evaluateSide(e, lookupOf({ a: null, b: null }), 'never_skip').value).toBe(0);
  });
  it('a code the lookup does not know is blank', () => {
    expect(evaluateSide(parseExpression('zzz'), lookupOf({}), 'skip_if_any_missing').value).toBeNull();
  });
  it('sums patterns over the codes they match, and keeps decimals exact', () => {
    expect(evaluateSide(parseExpression('sum(x_*)'), lookupOf({ x_a: 0.1, x_b: 0.2, y: 5 }), 'skip_if_any_missing')).toEqual({
      value: 0.3,
      codes: ['x_a', 'x_b'],
      missing: [],
    });
  });
  it('a side of numbers only is never missing', () => {
    expect(evaluateSide(parseExpression('0'), lookupOf({}), 'skip_if_all_missing').value).toBe(0);
  });
  it('sideValue (the value alone, as the rules run thousands of checks) gives the same value under every strategy', () => {
    // [expression, figures, value under skip_if_any_missing, skip_if_all_missing, never_skip], worked out by hand.
    const cases: [string, Record<string, number | null>, number | null, number | null, number | null][] = [
      ['a + b', { a: 3, b: null }, null, 3, 3],
      ['a + b', { a: null, b: null }, null, null, 0],
      ['a + a - b', { a: null, b: 2 }, null, -2, -2],
      ['a + a - b', { a: 4, b: null }, null, 8, 8],
      ['sum(x_*) + 1', { y: 1 }, 1, 1, 1],
      ['sum(x_*) - c', { x_a: 0.1, x_b: 0.2, c: null }, null, 0.3, 0.3],
      ['sum(x_*)', { x_a: null, x_b: null }, null, null, 0],
      ['2 - 5', {}, -3, -3, -3],
    ];
    const strategies = ['skip_if_any_missing', 'skip_if_all_missing', 'never_skip'] as const;
    for (const [source, figures, ...expected] of cases) {
      const e = parseExpression(source);
      strategies.forEach((strategy, i) => {
        expect(sideValue(e, lookupOf(figures), strategy), `${source} ${strategy}`).toBe(expected[i]);
        expect(evaluateSide(e, lookupOf(figures), strategy).value, `${source} ${strategy}`).toBe(expected[i]);
      });
    }
  });
});

describe('compare with tolerance', () => {
  it('applies each operator', () => {
    expect(compare(7, '==', 8).holds).toBe(false);
    expect(compare(8, '==', 8).holds).toBe(true);
    expect(compare(3, '<=', 3).holds).toBe(true);
    expect(compare(4, '<=', 3)).toEqual({ holds: false, gap: 1 });
    expect(compare(2, '>=', 3)).toEqual({ holds: false, gap: 1 });
    expect(compare(3, '<', 3).holds).toBe(false);
    expect(compare(0, '>', 0).holds).toBe(false);
    expect(compare(1, '>', 0).holds).toBe(true);
  });
  it('differs only when the gap exceeds both the absolute amount and the share of the larger side', () => {
    const tol = { relative: 0.1, absolute: 2 };
    expect(compare(32, '==', 27, tol).holds).toBe(false); // gap 5 > 2 and > 3.2
    expect(compare(30, '==', 27, tol).holds).toBe(true); // gap 3 ≤ 3.0
    expect(compare(4, '==', 1, tol).holds).toBe(false); // gap 3 > 2 and > 0.4
    expect(compare(3, '==', 1, tol).holds).toBe(true); // gap 2 not above 2
    expect(compare(12, '<=', 10, { relative: 0.2 }).holds).toBe(true);
    expect(compare(13, '<=', 10, { relative: 0.2 }).holds).toBe(false);
  });
});

describe('messages', () => {
  it('fills placeholders and leaves unknown ones as written', () => {
    expect(renderMessage('{unit}, năm {year}: {f} ({left}) {x}', { unit: 'Xã Tân Phú', year: '2026', f: 'Bạo lực', left: '7' })).toBe(
      'Xã Tân Phú, năm 2026: Bạo lực (7) {x}',
    );
  });
  it('lists cells in words, the sheet named as its title says, only cells with an address', () => {
    const sheets = [
      { name: 'PL01', title: 'PHỤ LỤC 01 — SỐ LIỆU TRẺ EM BỊ XÂM HẠI' },
      { name: 'SO_LIEU', title: 'CÁC SỐ LIỆU KHÁC VỀ THỰC HIỆN NGHỊ QUYẾT 121' },
    ];
    expect(
      formatCells(
        [
          { sheet: 'PL01', address: 'E10', code: 'a' },
          { sheet: 'PL01', address: 'F10', code: 'b' },
          { sheet: 'PL01', address: 'D10', code: 'c' },
        ],
        sheets,
      ),
    ).toBe(' (Phụ lục 01, các ô E10, F10, D10)');
    expect(
      formatCells(
        [
          { sheet: 'SO_LIEU', address: 'C5', code: 'a' },
          { sheet: 'PL01', address: 'D7', code: 'b' },
          { sheet: 'PL01', address: null, code: 'c' },
        ],
        sheets,
      ),
    ).toBe(' (Các số liệu khác về thực hiện nghị quyết 121, ô C5; Phụ lục 01, ô D7)');
    expect(formatCells([{ sheet: 'PL01', address: null, code: 'a' }], sheets)).toBe('');
  });
  it('splits stored cell references', () => {
    expect(splitCellRef('PL01!E10')).toEqual({ sheet: 'PL01', address: 'E10' });
    expect(splitCellRef("'SO LIEU'!$C$5")).toEqual({ sheet: 'SO LIEU', address: 'C5' });
    expect(splitCellRef('E10')).toBeNull();
  });
});
