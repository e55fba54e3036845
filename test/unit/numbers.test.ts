import { describe, expect, it } from 'vitest';
import { formatVietnameseNumber, parseVietnameseNumber } from '../../shared/numbers.ts';

describe('Vietnamese numbers', () => {
  it.each([
    ['1.234', 1234],
    ['12,5', 12.5],
    ['1.234,5', 1234.5],
    [' 7 ', 7],
    ['1.234.567', 1234567],
    ['12.5', 12.5],
    ['-3', -3],
    ['abc', null],
    ['1,2,3', null],
    ['', null],
  ] as const)('reads "%s" as %s', (text, value) => expect(parseVietnameseNumber(text)).toBe(value));

  it.each([
    [10, 0, '10'],
    [1234, 3, '1.234'],
    [1234.5, 3, '1.234,5'],
    [0.125, 3, '0,125'],
    [-1000, 0, '-1.000'],
    [100, 2, '100'],
  ] as const)('formats %s (%s decimals) as %s', (value, decimals, text) => expect(formatVietnameseNumber(value, decimals)).toBe(text));
});
