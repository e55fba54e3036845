// A figure's text as its number format shows it (the least width of its column): the plain figures are
// written out without Intl, and must read exactly as Intl.NumberFormat('en-US') prints them.
import { describe, expect, it } from 'vitest';
import { formattedNumber, shownDigits } from '../../electron/annex/column-layout.ts';

const intl = (value: number, decimals: number, grouping: boolean) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouping }).format(value);

describe('shownDigits', () => {
  // A simple generator, the same on every run.
  let seed = 11;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const values = [0, -0, 1, -1, 999, 1000, -1000, 999999, 1000000, 0.5, 2.5, -2.5, 0.05, -0.04, 0.35, 1.005, 2.675, 999.95, 0.1 + 0.2];
  values.push(1e15, 123456789012345.6, 2 ** 53 + 2, 1e20, 1e21, 1.5e22, 1e-7, -1e-7, 5e-324, NaN, Infinity, -Infinity);
  for (let i = 0; i < 3000; i++) {
    values.push(Math.round((random() - 0.5) * 2e7)); // whole counts
    values.push(Math.round(random() * 1e6) / 10); // money tidied to one decimal
    values.push((random() - 0.5) * 10 ** Math.floor(random() * 25)); // anything
  }

  it('prints what Intl prints, or leaves the value to Intl', () => {
    let shown = 0;
    for (const value of values)
      for (const decimals of [0, 1, 2])
        for (const grouping of [true, false]) {
          const text = shownDigits(value, decimals, grouping);
          if (text === null) continue;
          shown++;
          expect(text, `${value} ${decimals} ${grouping}`).toBe(intl(value, decimals, grouping));
        }
    expect(shown).toBeGreaterThan(20_000);
  });

  it('takes whole numbers at any decimals and one-decimal money at one decimal or more; not a value that needs rounding', () => {
    for (const value of [0, -0, 7, -1234567, 2 ** 53]) for (const decimals of [0, 1, 2]) expect(shownDigits(value, decimals, true)).not.toBeNull();
    for (const value of [0.5, 1234.5, -0.1]) {
      expect(shownDigits(value, 0, true)).toBeNull();
      expect(shownDigits(value, 1, true)).not.toBeNull();
    }
    for (const value of [0.35, 2.675, 1e21, NaN, Infinity]) expect(shownDigits(value, 1, true)).toBeNull();
  });
});

describe('formattedNumber', () => {
  it('fills the format with the digits, plain or rounded', () => {
    expect(formattedNumber(1234567, '#,##0')).toBe('1,234,567');
    expect(formattedNumber(-0, '#,##0')).toBe('-0');
    expect(formattedNumber(1234.5, '#,##0.0')).toBe('1,234.5');
    expect(formattedNumber(1234, '#,##0.0')).toBe('1,234.0');
    expect(formattedNumber(2.675, '#,##0.00')).toBe('2.68');
    expect(formattedNumber(0.35, '#,##0.0')).toBe('0.4');
    expect(formattedNumber(12, '0 "văn bản"')).toBe('12 văn bản');
  });
});
