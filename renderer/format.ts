// How the window writes dates and numbers: dd/mm/yyyy, 1.234 and 12,5.
import { formatDate as sharedFormatDate } from '../shared/dates.ts';
import { formatVietnameseNumber } from '../shared/numbers.ts';

/** "2026-11-25T08:00:00Z" or "2026-11-25" → "25/11/2026" (the day as written, no time zone shift); blank otherwise. */
export function formatDate(iso: string | null | undefined): string {
  return sharedFormatDate(iso, '');
}

/** "25/11/2026 15:04" in the machine's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A figure on screen: blank stays blank, 0 is "0". */
export function formatFigure(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : formatVietnameseNumber(value);
}

/** The last part of a file path, whatever the separator. */
export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
