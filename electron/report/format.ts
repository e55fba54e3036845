// Numbers and dates as an administrative text writes them: 1.234; 12,5; counts under 10 as 05 (setting
// leading_zero); dates dd/mm/yyyy; the date line's day under 10 and month under 3 with a leading zero (Decree 30).
import { formatVietnameseNumber } from '../../shared/numbers.ts';
import type { ValueType } from '../../shared/template-schema.ts';

export interface NumberStyle {
  /** Counts 1–9 written with a leading zero ("05 vụ"). */
  leadingZero: boolean;
}

export function formatCount(value: number, style: NumberStyle): string {
  const text = formatVietnameseNumber(value);
  return style.leadingZero && Number.isInteger(value) && value > 0 && value < 10 ? `0${text}` : text;
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

/** ISO yyyy-mm-dd → dd/mm/yyyy; anything else is returned unchanged. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Day and month of the date line: day < 10 and month < 3 with a leading zero ("ngày 05 tháng 02", "tháng 3"). */
export function dateLineParts(iso: string): { day: string; month: string; year: string } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const day = Number(m[3]);
  const month = Number(m[2]);
  return { day: String(day).padStart(2, '0'), month: month < 3 ? String(month).padStart(2, '0') : String(month), year: m[1]! };
}

/** The report number: a number under 10 with a leading zero ("05"); other text as typed. */
export function formatReportNumber(text: string): string {
  const t = text.trim();
  return /^\d$/.test(t) ? `0${t}` : t;
}
