// The words of an annex that come from settings and data: placeholders, roman numerals, dates in the
// administrative style of Decree 30 (day < 10 and month < 3 with a leading zero).
import { documentNumber } from '../../shared/document-number.ts';
import { nfc } from '../../shared/text.ts';
import type { Settings } from '../../shared/types.ts';
import { settingString } from '../store/settings.ts';

/** Replaces `{key}` with its value; unknown keys stay as written. */
export function fillText(text: string, values: Record<string, string | number>): string {
  return nfc(text.replace(/\{([a-z_]+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole)));
}

export function romanNumeral(n: number): string {
  const parts: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, symbol] of parts) {
    for (; rest >= value; rest -= value) out += symbol;
  }
  return out;
}

/** `2021-01-07` → `07/01/2021`; anything unreadable → `…`. */
export function slashDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '…';
}

export function isoToUtcDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** Row 4: `(Kèm theo Báo cáo số 05/BC-SYT ngày … tháng … năm … của Sở Y tế tỉnh An Lạc)`, filled as far as settings know. */
/** The report date's day, month and year as Decree 30 writes them (day < 10 and month < 3 with a 0), `…` when unset. */
export function reportDateParts(settings: Settings): { day: string; month: string; year: string } {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(settingString(settings, 'report_date'));
  if (!date) return { day: '…', month: '…', year: '…' };
  const month = Number(date[2]);
  return { day: date[3]!, month: month < 3 ? String(month).padStart(2, '0') : String(month), year: date[1]! };
}

export function captionText(pattern: string, symbolPattern: string, settings: Settings, agency: string): string {
  const abbreviation = settingString(settings, 'abbreviation') || '…';
  const leadingZero = settings.leading_zero !== false;
  const number = documentNumber(settingString(settings, 'report_number'), fillText(symbolPattern, { abbreviation }), { leadingZero });
  return fillText(pattern, {
    number,
    abbreviation,
    ...reportDateParts(settings),
    agency: agency || '…',
    issuing_body: settingString(settings, 'issuing_body') || '…',
  });
}

/** Vietnamese capitals, as the group titles of a list need them (`HĐND tỉnh` → `HĐND TỈNH`). */
export function upperVi(text: string): string {
  return nfc(text).toLocaleUpperCase('vi');
}
