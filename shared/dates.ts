// Dates as Vietnamese administrative text writes them, in one place: dd/mm/yyyy, and the date line's parts.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** ISO "2026-11-25" (or a timestamp "2026-11-25T08:00:00Z", the day as written) → "25/11/2026"; otherwise `fallback`. */
export function formatDate(iso: string | null | undefined, fallback?: string): string {
  const m = ISO_DAY.exec(iso ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (fallback ?? iso ?? '');
}

/** Day and month of the date line (Decree 30): day < 10 and month < 3 with a leading zero ("ngày 05 tháng 02", "tháng 3"). */
export function dateLineParts(iso: string): { day: string; month: string; year: string } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const day = Number(m[3]);
  const month = Number(m[2]);
  return { day: String(day).padStart(2, '0'), month: month < 3 ? String(month).padStart(2, '0') : String(month), year: m[1]! };
}
