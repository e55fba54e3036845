// Everything the report of a year is made from, read once from the store: settings, the outline, the units,
// the figures of the year and of the years before, the issued documents, the texts.
import type { Outline } from '../../shared/outline-schema.ts';
import { documentsWindow } from '../../shared/periods.ts';
import { reportingKinds } from '../../shared/template.ts';
import type { TemplateDefinition } from '../../shared/template-schema.ts';
import type { Settings, Unit } from '../../shared/types.ts';
import { issuedDocuments, missingUnits, yearFigures, yearsWithData, type IssuedDocument, type YearFigures } from '../store/aggregate.ts';
import type { ServiceContext } from '../store/context.ts';
import { getSettings } from '../store/settings.ts';
import { listUnits } from '../store/units.ts';
import { loadOutline } from './outline-store.ts';
import { compilerTexts, unitTexts, type CompilerText, type UnitText } from './texts-store.ts';

export interface ReportData {
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
  documents: IssuedDocument[];
  /** Active units of every reporting kind without a current submission for the year. */
  missing: Unit[];
  unitTexts: Map<string, UnitText[]>;
  compilerTexts: Map<string, CompilerText>;
}

export function gatherReportData(ctx: ServiceContext, year: number): ReportData {
  const settings = getSettings(ctx, year);
  const window = documentsWindow(settings, year);
  const fromYear = settings.from_year;
  const held = yearsWithData(ctx, Math.min(fromYear, year), year);
  const history = held.map((y) => yearFigures(ctx, y));
  const current = history.find((f) => f.year === year) ?? yearFigures(ctx, year);
  const previous = history.find((f) => f.year === year - 1) ?? null;
  return {
    year,
    previousYear: previous ? year - 1 : null,
    settings,
    template: ctx.template,
    outline: loadOutline(ctx.template),
    units: listUnits(ctx),
    current,
    previous,
    history,
    documents: issuedDocuments(ctx, window.from, window.to),
    missing: missingUnits(ctx, current, reportingKinds(ctx.template)),
    unitTexts: unitTexts(ctx, year),
    compilerTexts: compilerTexts(ctx, year),
  };
}
