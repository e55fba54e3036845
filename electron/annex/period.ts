// The dates a sheet's period covers, from settings: the one period function of shared/periods.ts.
import type { AnnexSheet } from '../../shared/annex-schema.ts';
import { periodDates as sharedPeriodDates, periodSpan, type ReportPeriod } from '../../shared/periods.ts';
import type { Settings } from '../../shared/types.ts';

type DatesPeriod = Extract<AnnexSheet['period'], { kind: 'dates' }>;

export function periodDates(period: DatesPeriod, settings: Settings, year: number): { from: string | null; to: string | null } {
  return sharedPeriodDates(period, settings, year);
}

/** A sheet's dates for a report period: a year's from settings; a half-year's and a range's their own days. */
export function sheetDates(period: DatesPeriod, settings: Settings, report: ReportPeriod): { from: string | null; to: string | null } {
  return report.kind === 'year' ? periodDates(period, settings, report.year) : periodSpan(report);
}
