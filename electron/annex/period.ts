// The dates a sheet's period covers, from settings: the one period function of shared/periods.ts.
import type { AnnexSheet } from '../../shared/annex-schema.ts';
import { periodDates as sharedPeriodDates } from '../../shared/periods.ts';
import type { Settings } from '../../shared/types.ts';

type DatesPeriod = Extract<AnnexSheet['period'], { kind: 'dates' }>;

export function periodDates(period: DatesPeriod, settings: Settings, year: number): { from: string | null; to: string | null } {
  return sharedPeriodDates(period, settings, year);
}
