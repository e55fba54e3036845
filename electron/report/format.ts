// Numbers as an administrative text writes them: 1.234; 12,5; counts under 10 as 05 (setting leading_zero);
// dates are in shared/dates.ts, document numbers in shared/document-number.ts.
import { formatCount as sharedFormatCount, formatVietnameseNumber } from '../../shared/numbers.ts';
import type { ValueType } from '../../shared/template-schema.ts';

export interface NumberStyle {
  /** Counts 1–9 written with a leading zero ("05 vụ"). */
  leadingZero: boolean;
}

export function formatCount(value: number, style: NumberStyle): string {
  return sharedFormatCount(value, style.leadingZero);
}

/** A figure of the given type: counts as counts, money with up to three decimals ("1.806,6"). */
export function formatFigure(value: number, type: ValueType, style: NumberStyle): string {
  return type === 'money' ? formatVietnameseNumber(value, 3) : formatCount(value, style);
}

/** A percentage with one decimal: 22.727 → "22,7%", 8 → "8,0%". */
export function formatPercent(value: number): string {
  const fixed = (Math.round(value * 10) / 10).toFixed(1);
  const [int, dec] = fixed.split('.');
  return `${formatVietnameseNumber(Number(int))},${dec}%`;
}
