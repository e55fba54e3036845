// The number of a document as officials type it: the number alone ("456", "5" → "05") or the full
// "số/ký hiệu" ("456/BC-SYT"), recognised so the symbol is never written twice ("456/BC-SYT/BC-SYT").

export interface DocumentNumber {
  /** The number part, a single digit with a leading zero ("05"); empty when not given. */
  number: string;
  /** The symbol typed with it ("BC-SYT"), or null when only the number was typed. */
  symbol: string | null;
}

export function parseDocumentNumber(text: string): DocumentNumber {
  const t = text.normalize('NFC').replace(/\s+/g, '').replace(/^số:?/i, '');
  const slash = t.indexOf('/');
  const number = slash >= 0 ? t.slice(0, slash) : t;
  const symbol = slash >= 0 ? t.slice(slash + 1) || null : null;
  return { number: /^\d$/.test(number) ? `0${number}` : number, symbol };
}

/** "456/BC-SYT" from either "456" (with the default symbol) or "456/BC-SYT" as typed; `blank` for the number when none is given. */
export function documentNumberText(text: string, defaultSymbol: string, blank = '…'): string {
  const { number, symbol } = parseDocumentNumber(text);
  return `${number || blank}/${symbol ?? defaultSymbol}`;
}
