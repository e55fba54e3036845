// The dates of a period, from settings, for any year. Settings hold the current season's dates; a period of
// another year moves the seasonal ones by the years between, so last year's report and annexes show (and
// list documents of) last year's period. The season of a period is the year its end falls in.
/** Settings as read for one year (any object of setting keys: a whole Settings, or only the dates). */
type SettingValues = Readonly<Record<string, unknown>>;

const ISO = /^(\d{4})-(\d{2}-\d{2})$/;

/** Two settings keys and which of them hold a date of the current season (the end's year is the season's). */
export interface PeriodKeys {
  from: string;
  to: string;
  seasonal: readonly string[];
}

/** The window of the issued documents (Phụ lục 02 and the report's document counts): from documents_from to the season's end. */
export const DOCUMENTS_PERIOD: PeriodKeys = { from: 'documents_from', to: 'period_to', seasonal: ['period_to'] };

function isoSetting(settings: SettingValues, key: string): RegExpExecArray | null {
  const v = settings[key];
  return typeof v === 'string' ? ISO.exec(v) : null;
}

/** The period's dates for a year (null where the setting is not a date). */
export function periodDates(period: PeriodKeys, settings: SettingValues, year: number): { from: string | null; to: string | null } {
  const seasonYear = Number(isoSetting(settings, period.to)?.[1] ?? year);
  const read = (key: string): string | null => {
    const m = isoSetting(settings, key);
    if (!m) return null;
    return period.seasonal.includes(key) ? `${Number(m[1]) + year - seasonYear}-${m[2]}` : `${m[1]}-${m[2]}`;
  };
  return { from: read(period.from), to: read(period.to) };
}

/** A closed date window; open ends are the earliest and latest dates. */
export interface DateWindow {
  from: string;
  to: string;
}

export const OPEN_START = '0000-01-01';
export const OPEN_END = '9999-12-31';

/** The period as a window: an end that is not set stays open. */
export function periodWindow(period: PeriodKeys, settings: SettingValues, year: number): DateWindow {
  const { from, to } = periodDates(period, settings, year);
  return { from: from ?? OPEN_START, to: to ?? OPEN_END };
}

/** The documents' window of a year: the one the report, Phụ lục 02 and validation all list documents from. */
export function documentsWindow(settings: SettingValues, year: number): DateWindow {
  return periodWindow(DOCUMENTS_PERIOD, settings, year);
}

/**
 * The last season whose submissions a window reads: the year its end falls in. A document reported in a
 * later season's submission belongs to that season's list, so a past year's list stays as it was.
 */
export function windowSeason(window: DateWindow): number {
  return Number(window.to.slice(0, 4));
}

// ---------------------------------------------------------------------------------------------------------
// The report period: a year ("2026"), a half-year ("2026-H1", "2026-H2") or a date range
// ("2021-01-07..2025-12-31", an ad hoc report or a multi-year review). One key (the text above) names it in
// the CLI, the workbook's _meta and the store; an annual period's key is its year, so annual data keeps its key.

export type ReportPeriod = { kind: 'year'; year: number } | { kind: 'half'; year: number; half: 1 | 2 } | { kind: 'range'; from: string; to: string };

/** The years a period may name (as a year is checked everywhere else). */
export const MIN_PERIOD_YEAR = 2000;
export const MAX_PERIOD_YEAR = 2100;

const YEAR_KEY = /^(\d{4})$/;
const HALF_KEY = /^(\d{4})-H([12])$/i;
const RANGE_KEY = /^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$/;

export type ParsedPeriod = { ok: true; period: ReportPeriod } | { ok: false; message: string };

const EXAMPLES = 'Hãy ghi năm (2026), sáu tháng (2026-H1 hoặc 2026-H2) hoặc khoảng ngày (2021-01-07..2025-12-31).';

function yearInRange(y: number): boolean {
  return Number.isInteger(y) && y >= MIN_PERIOD_YEAR && y <= MAX_PERIOD_YEAR;
}

/** A real calendar day in yyyy-mm-dd. */
function isCalendarDay(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function dayText(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Reads a period key; what is wrong is said in Vietnamese with the accepted forms. */
export function parsePeriod(text: string): ParsedPeriod {
  const t = text.trim();
  const bad = (why: string): ParsedPeriod => ({ ok: false, message: `Kỳ báo cáo "${t}" ${why}. ${EXAMPLES}` });
  if (t === '') return { ok: false, message: `Chưa ghi kỳ báo cáo. ${EXAMPLES}` };
  let m = YEAR_KEY.exec(t);
  if (m) {
    const year = Number(m[1]);
    return yearInRange(year) ? { ok: true, period: { kind: 'year', year } } : bad(`không phải năm từ ${MIN_PERIOD_YEAR} đến ${MAX_PERIOD_YEAR}`);
  }
  m = HALF_KEY.exec(t);
  if (m) {
    const year = Number(m[1]);
    return yearInRange(year)
      ? { ok: true, period: { kind: 'half', year, half: m[2] === '1' ? 1 : 2 } }
      : bad(`không thuộc năm từ ${MIN_PERIOD_YEAR} đến ${MAX_PERIOD_YEAR}`);
  }
  m = RANGE_KEY.exec(t);
  if (m) {
    const [from, to] = [m[1]!, m[2]!];
    if (!isCalendarDay(from)) return bad(`có ngày bắt đầu ${from} không có thật`);
    if (!isCalendarDay(to)) return bad(`có ngày kết thúc ${to} không có thật`);
    if (from > to) return bad(`có ngày bắt đầu (${dayText(from)}) sau ngày kết thúc (${dayText(to)})`);
    if (!yearInRange(Number(from.slice(0, 4))) || !yearInRange(Number(to.slice(0, 4))))
      return bad(`có ngày ngoài các năm từ ${MIN_PERIOD_YEAR} đến ${MAX_PERIOD_YEAR}`);
    return { ok: true, period: { kind: 'range', from, to } };
  }
  return bad('không đúng dạng');
}

/** The annual period of a year. */
export function yearPeriod(year: number): ReportPeriod {
  return { kind: 'year', year };
}

/** The period's key: "2026", "2026-H1", "2021-01-07..2025-12-31". */
export function periodKey(p: ReportPeriod): string {
  switch (p.kind) {
    case 'year':
      return String(p.year);
    case 'half':
      return `${p.year}-H${p.half}`;
    case 'range':
      return `${p.from}..${p.to}`;
  }
}

/** The period's first and last day. */
export function periodSpan(p: ReportPeriod): DateWindow {
  switch (p.kind) {
    case 'year':
      return { from: `${p.year}-01-01`, to: `${p.year}-12-31` };
    case 'half':
      return p.half === 1 ? { from: `${p.year}-01-01`, to: `${p.year}-06-30` } : { from: `${p.year}-07-01`, to: `${p.year}-12-31` };
    case 'range':
      return { from: p.from, to: p.to };
  }
}

/** The years a period spans, ascending. */
export function periodYears(p: ReportPeriod): number[] {
  const { from, to } = periodSpan(p);
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(y);
  return years;
}

/** The season a period belongs to: the year its end falls in (its settings and definition are that year's). */
export function periodSeason(p: ReportPeriod): number {
  return Number(periodSpan(p).to.slice(0, 4));
}

/**
 * The period as running text after a noun ("báo cáo kết quả … {period}"): "năm 2026", "6 tháng đầu năm 2026",
 * "6 tháng cuối năm 2026", "giai đoạn 2021 – 2025" (a range over several years), "từ ngày 01/03/2026 đến
 * ngày 31/05/2026" (a range within one year).
 */
export function periodText(p: ReportPeriod): string {
  switch (p.kind) {
    case 'year':
      return `năm ${p.year}`;
    case 'half':
      return `6 tháng ${p.half === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
    case 'range': {
      const years = periodYears(p);
      if (years.length > 1) return `giai đoạn ${years[0]} – ${years[years.length - 1]}`;
      return `từ ngày ${dayText(p.from)} đến ngày ${dayText(p.to)}`;
    }
  }
}

/** The period where a line starts with it ("6 tháng đầu năm 2026", "Năm 2026", "Giai đoạn 2021 – 2025"). */
export function periodLabel(p: ReportPeriod): string {
  const t = periodText(p);
  return t.charAt(0).toLocaleUpperCase('vi') + t.slice(1);
}

/**
 * Where a period's figures come from: the submissions stored under its own key (a year, a half-year), or, for
 * a range, the annual submissions of the years it spans, summed.
 */
export function periodCollects(p: ReportPeriod): { kind: 'own'; key: string } | { kind: 'years'; years: number[] } {
  return p.kind === 'range' ? { kind: 'years', years: periodYears(p) } : { kind: 'own', key: periodKey(p) };
}

/** Does a period collect its own submissions (so a workbook may be sent and imported for it)? */
export function collectsOwnSubmissions(p: ReportPeriod): boolean {
  return p.kind !== 'range';
}

/**
 * The documents' window of a period: a year's is the settings' (documentsWindow); a half-year's and a range's
 * are their own days.
 */
export function periodDocumentsWindow(p: ReportPeriod, settings: SettingValues): DateWindow {
  return p.kind === 'year' ? documentsWindow(settings, p.year) : periodSpan(p);
}
