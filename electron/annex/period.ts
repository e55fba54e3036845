// The dates a sheet's period covers, from settings. Settings hold the current season's dates; an annex
// made for another year moves the seasonal ones by the years between, so re-making last year's annexes
// shows (and lists documents of) last year's period.
import type { AnnexSheet } from '../../shared/annex-schema.ts';
import type { Settings } from '../../shared/types.ts';
import { settingString } from '../services/settings.ts';

type DatesPeriod = Extract<AnnexSheet['period'], { kind: 'dates' }>;

const ISO = /^(\d{4})-(\d{2}-\d{2})$/;

export function periodDates(period: DatesPeriod, settings: Settings, year: number): { from: string | null; to: string | null } {
  const seasonYear = Number(ISO.exec(settingString(settings, period.to))?.[1] ?? year);
  const read = (key: string): string | null => {
    const m = ISO.exec(settingString(settings, key));
    if (!m) return null;
    return period.seasonal.includes(key) ? `${Number(m[1]) + year - seasonYear}-${m[2]}` : `${m[1]}-${m[2]}`;
  };
  return { from: read(period.from), to: read(period.to) };
}
