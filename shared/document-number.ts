// The number and symbol of a document as Decree 30 writes them: "Số: 05/BC-SYT". The number field takes
// the number alone ("5" → "05/BC-SYT"), and a full "số/ký hiệu" typed into it ("456/BC-SYT") is kept
// as typed, never given the symbol a second time ("456/BC-SYT/BC-SYT").

/** Strips what an official may type before the number: "Số:", "số". */
function bareNumber(typed: string): string {
  return typed
    .normalize('NFC')
    .trim()
    .replace(/^số\s*:?\s*/iu, '')
    .replace(/\s*\/\s*/g, '/')
    .trim();
}

/**
 * `documentNumber('5', 'BC-SYT')` → `05/BC-SYT`; `documentNumber('456/BC-SYT', 'BC-SYT')` → `456/BC-SYT`;
 * an empty number → `…/BC-SYT`, a dotted space for the number written by hand.
 */
export function documentNumber(typed: string, symbol: string, options: { leadingZero?: boolean; blank?: string } = {}): string {
  const number = bareNumber(typed);
  const blank = options.blank ?? '…';
  if (number.includes('/')) return number;
  const padded = options.leadingZero !== false && /^\d$/.test(number) ? `0${number}` : number;
  return symbol ? `${padded || blank}/${symbol}` : padded || blank;
}
