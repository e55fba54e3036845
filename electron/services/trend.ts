// The window's chart: abused children by year and form of abuse (Phụ lục 01, every year the database holds).
import type { TrendData } from '../../shared/api-types.ts';
import { expandCode } from '../../shared/template.ts';
import { sumIndicator, yearFigures, yearsWithData } from '../store/aggregate.ts';
import type { ServiceContext } from '../store/context.ts';

/** The first matrix sheet's rows as series, its column `measure` (children) summed per year. */
export function childrenTrend(ctx: ServiceContext, measure = 'tre'): TrendData {
  const sheet = ctx.template.sheets.find((s) => s.kind === 'matrix');
  if (!sheet || sheet.kind !== 'matrix') return { title: '', years: [], series: [] };
  const years = yearsWithData(ctx, 2000, 2100);
  const figures = years.map((y) => yearFigures(ctx, y));
  const rows = ctx.template.lists[sheet.rows] ?? [];
  const measureLabel = ctx.template.lists[sheet.columns]?.find((c) => c.code === measure)?.label ?? measure;
  return {
    title: `${measureLabel} theo năm và hình thức`,
    years,
    series: rows.map((r) => ({ code: r.code, label: r.label, values: figures.map((f) => sumIndicator(f, expandCode(sheet.code, r.code, measure))) })),
  };
}
