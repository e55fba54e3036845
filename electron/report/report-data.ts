// Everything the report of a year is made from, read once from the store: settings, the outline, the units,
// the figures of the year and of the years before, the issued documents, the texts.
import type { Outline } from '../../shared/outline-schema.ts';
import { periodDocumentsWindow, periodKey, periodSeason, periodYears, yearPeriod, type ReportPeriod } from '../../shared/periods.ts';
import { reportingKinds } from '../../shared/template.ts';
import type { TemplateDefinition } from '../../shared/template-schema.ts';
import type { Settings, Unit } from '../../shared/types.ts';
import { issuedDocuments, missingUnits, periodFigures, yearFigures, yearsWithData, type IssuedDocument, type YearFigures } from '../store/aggregate.ts';
import type { ServiceContext } from '../store/context.ts';
import { getSettings, templateOfProvince } from '../store/settings.ts';
import { targetResults, viewOf } from './targets.ts';
import type { TargetResult } from '../../shared/targets.ts';
import type { TargetRow } from '../../shared/api-types.ts';
import { listUnits } from '../store/units.ts';
import { loadOutline } from './outline-store.ts';
import { compilerTexts, unitTexts, type CompilerText, type UnitText } from './texts-store.ts';

export interface ReportData {
  /** The period reported on (shared/periods.ts); year is its season (a range's last year). */
  period: ReportPeriod;
  year: number;
  /** The year before, when the database holds figures for it (comparisons are left out otherwise). */
  previousYear: number | null;
  settings: Settings;
  template: TemplateDefinition;
  outline: Outline;
  /** All units, in the unit list's order. */
  units: Unit[];
  current: YearFigures;
  previous: YearFigures | null;
  /** The years held from the setting from_year up to the reporting year, ascending (for charts). */
  history: YearFigures[];
  /** Phụ lục 02: the documents of the year's documents window (shared/periods.ts), de-duplicated. */
  documents: readonly IssuedDocument[];
  /** Active units of every reporting kind without a current submission for the year. */
  missing: Unit[];
  unitTexts: Map<string, UnitText[]>;
  compilerTexts: Map<string, CompilerText>;
  /** The plan's targets the province follows (enabled only), with the year's results: the rows as the window shows them. */
  targets: { results: TargetResult[]; rows: TargetRow[] };
}

/** The part of the report's data its figures and charts come from: the period, its settings, outline and years' figures. */
export type ReportFigures = Pick<ReportData, 'period' | 'year' | 'previousYear' | 'settings' | 'template' | 'outline' | 'current' | 'previous' | 'history'>;

/** Reads the report's figures (see gatherReportData), which the charts can be drawn from before the rest is read. */
export function readReportFigures(ctx: ServiceContext, year: number, period: ReportPeriod = yearPeriod(year)): ReportFigures {
  if (periodSeason(period) !== year) throw new Error(`Kỳ báo cáo ${periodKey(period)} không thuộc năm ${year}`);
  const settings = getSettings(ctx, year);
  const annual = period.kind === 'year';
  // A year compares with the year before and charts the years held; a range charts its own years; a
  // half-year is not compared with a whole year.
  const held = annual
    ? yearsWithData(ctx, Math.min(settings.from_year, year), year)
    : period.kind === 'range'
      ? yearsWithData(ctx, periodYears(period)[0]!, year)
      : [];
  // A year's own figures read first: the store keeps the last few periods read (store/aggregate.ts), and the
  // annexes made just before the report have read them.
  const current = annual ? yearFigures(ctx, year) : periodFigures(ctx, period);
  const history = held.map((y) => (annual && y === year ? current : yearFigures(ctx, y)));
  const previous = annual ? (history.find((f) => f.year === year - 1) ?? null) : null;
  return {
    period,
    year,
    previousYear: previous ? year - 1 : null,
    settings,
    template: templateOfProvince(ctx.template, settings),
    outline: loadOutline(ctx.template),
    current,
    previous,
    history,
  };
}

/** Everything the report is made from; `figures` when the caller has read them (readReportFigures) already. */
export function gatherReportData(
  ctx: ServiceContext,
  year: number,
  period: ReportPeriod = yearPeriod(year),
  figures: ReportFigures = readReportFigures(ctx, year, period),
): ReportData {
  const annual = period.kind === 'year';
  const window = periodDocumentsWindow(period, figures.settings);
  const textsKey = annual ? year : periodKey(period);
  // The unit list read once for the report (6,600 units in a national roll-up).
  const units = listUnits(ctx);
  return {
    ...figures,
    units,
    documents: issuedDocuments(ctx, window.from, window.to, annual ? undefined : periodKey(period)),
    missing: missingUnits(ctx, figures.current, reportingKinds(ctx.template)),
    unitTexts: unitTexts(ctx, textsKey, units),
    compilerTexts: compilerTexts(ctx, textsKey),
    targets: yearTargets(ctx, year, figures.history, units),
  };
}

function yearTargets(ctx: ServiceContext, year: number, held: readonly YearFigures[], units: readonly Unit[]): ReportData['targets'] {
  const results = targetResults(ctx, year, (y) => held.find((f) => f.year === y), units);
  return { results, rows: viewOf(ctx, year, results).rows.filter((r) => r.enabled) };
}
