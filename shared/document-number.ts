// The number of a document as officials type it: the number alone ("456", "5" → "05") or the full
// "số/ký hiệu" ("456/BC-SYT"), recognised so the symbol is never written twice ("456/BC-SYT/BC-SYT").
// One reading for the report's "Số:" line and the annexes' captions.

export interface DocumentNumber {
  /** The number part, a single digit with a leading zero ("05") unless asked otherwise; empty when not given. */
  number: string;
  /** The symbol typed with it ("BC-SYT"), or null when only the number was typed. */
  symbol: string | null;
}

export function parseDocumentNumber(text: string, leadingZero = true): DocumentNumber {
  const t = text
    .normalize('NFC')
    .trim()
    .replace(/^số\s*:?\s*/iu, '')
    .replace(/\s+/g, '');
  const slash = t.indexOf('/');
  const number = slash >= 0 ? t.slice(0, slash) : t;
  const symbol = slash >= 0 ? t.slice(slash + 1) || null : null;
  return { number: leadingZero && /^\d$/.test(number) ? `0${number}` : number, symbol };
}

/** "456/BC-SYT" from either "456" (with the default symbol) or "456/BC-SYT" as typed; `blank` for the number when none is given. */
export function documentNumberText(text: string, defaultSymbol: string, blank = '…'): string {
  const { number, symbol } = parseDocumentNumber(text);
  return `${number || blank}/${symbol ?? defaultSymbol}`;
}

/**
 * `documentNumber('5', 'BC-SYT')` → `05/BC-SYT`; `documentNumber('456/BC-SYT', 'BC-SYT')` → `456/BC-SYT`;
 * an empty number → `…/BC-SYT`, a dotted space for the number written by hand; no symbol → the number alone.
 */
export function documentNumber(typed: string, symbol: string, options: { leadingZero?: boolean; blank?: string } = {}): string {
  const parsed = parseDocumentNumber(typed, options.leadingZero !== false);
  const number = parsed.number || (options.blank ?? '…');
  const sym = parsed.symbol ?? symbol;
  return sym ? `${number}/${sym}` : number;
}
