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
