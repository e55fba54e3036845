// The reporting years a database holds.
import { AppError } from '../errors.ts';
import type { ServiceContext } from './context.ts';

export function listYears(ctx: ServiceContext): number[] {
  return (ctx.db.prepare('SELECT year FROM years ORDER BY year').all() as { year: number }[]).map((r) => r.year);
}

export function ensureYear(ctx: ServiceContext, year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('bad_year', `Năm báo cáo "${year}" không hợp lệ.`);
  ctx.db.prepare('INSERT OR IGNORE INTO years (year) VALUES (?)').run(year);
}

export function isYearLocked(ctx: ServiceContext, year: number): boolean {
  const row = ctx.db.prepare('SELECT locked FROM years WHERE year = ?').get(year) as { locked: number } | undefined;
  return row?.locked === 1;
}
