// The window's chart (window.json of the definition, "trend"): a matrix sheet's rows as series, one of its
// columns summed per year, over every year the database holds.
import type { TrendData } from '../../shared/api-types.ts';
import { expandCode } from '../../shared/template.ts';
import { sumIndicator, yearFigures, yearsWithData } from '../store/aggregate.ts';
import type { ServiceContext } from '../store/context.ts';
import { loadWindowDefinition } from '../template-store.ts';
import { reportingYear } from '../store/window-info.ts';
import { yearView } from '../store/years.ts';

/** The definition's trend: its matrix sheet's rows as series, its column `measure` summed per year (the season's definition). */
export function childrenTrend(ctxAny: ServiceContext): TrendData {
  const ctx = yearView(ctxAny, reportingYear(ctxAny));
  const trend = loadWindowDefinition(ctx.template).trend;
  const sheet = ctx.template.sheets.find((s) => s.name === trend?.sheet);
  if (!trend || sheet?.kind !== 'matrix') return { title: '', years: [], series: [] };
  const measure = trend.measure;
  const years = yearsWithData(ctx, 2000, 2100);
  const figures = years.map((y) => yearFigures(ctx, y));
  const rows = ctx.template.lists[sheet.rows] ?? [];
  const measureLabel = ctx.template.lists[sheet.columns]?.find((c) => c.code === measure)?.label ?? measure;
  return {
    title: trend.title.replaceAll('{measure}', measureLabel),
    years,
    series: rows.map((r) => ({ code: r.code, label: r.label, values: figures.map((f) => sumIndicator(f, expandCode(sheet.code, r.code, measure))) })),
  };
}
