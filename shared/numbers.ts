// Numbers as Vietnamese users type and read them: "." groups thousands, "," marks decimals.

/**
 * Reads a number typed as text. Returns null when the text is not a number.
 * "1.234" → 1234, "12,5" → 12.5, "1.234,5" → 1234.5, " 7 " → 7, "-3" → -3.
 * A lone "." followed by other than exactly three digits ("12.5") is read as a decimal point,
 * since no Vietnamese grouping looks like that.
 */
export function parseVietnameseNumber(text: string): number | null {
  const t = text.replace(/[\s\u00a0]/g, '');
  if (t === '') return null;
  if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  if (/^[-+]?\d+(,\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  if (/^[-+]?\d*\.\d+$/.test(t) || /^[-+]?\d+\.$/.test(t)) return Number(t);
  return null;
}

/** Formats a number the Vietnamese way: 1234.5 → "1.234,5". */
export function formatVietnameseNumber(value: number, maxDecimals = 3): string {
  // Beyond what toFixed writes in full (1e21), the scientific form in Vietnamese ("1E308").
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return new Intl.NumberFormat('vi-VN', { notation: 'scientific' }).format(value);
  const negative = value < 0;
  const raw = Math.abs(value).toFixed(maxDecimals);
  const fixed = raw.includes('.') ? raw.replace(/\.?0+$/, '') : raw;
  const [int, dec] = fixed.split('.');
  const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (negative ? '-' : '') + grouped + (dec ? ',' + dec : '');
}

/**
 * A count as the report writes it (one style everywhere): 1.234, and 1–9 with a leading zero ("06 văn bản")
 * unless the setting leading_zero is off. Spreadsheet cells get the same with the number format `00`.
 */
export function formatCount(value: number, leadingZero = true): string {
  const text = formatVietnameseNumber(value);
  return leadingZero && Number.isInteger(value) && value > 0 && value < 10 ? `0${text}` : text;
}
