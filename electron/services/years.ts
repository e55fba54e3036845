// The reporting years a database holds, and locking a year once its figures are reviewed ("Chốt số liệu").
import { AppError } from '../errors.ts';
import { audit } from './audit.ts';
import type { ServiceContext } from './context.ts';

export interface YearState {
  year: number;
  locked: boolean;
  lockedAt: string | null;
  lockReason: string | null;
}

export function listYears(ctx: ServiceContext): number[] {
  return (ctx.db.prepare('SELECT year FROM years ORDER BY year').all() as { year: number }[]).map((r) => r.year);
}

export function yearStates(ctx: ServiceContext): YearState[] {
  return (ctx.db.prepare('SELECT year, locked, locked_at, lock_reason FROM years ORDER BY year').all() as { year: number; locked: number; locked_at: string | null; lock_reason: string | null }[]).map((r) => ({
    year: r.year,
    locked: r.locked === 1,
    lockedAt: r.locked_at,
    lockReason: r.lock_reason,
  }));
}

export function ensureYear(ctx: ServiceContext, year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('bad_year', `Năm báo cáo "${year}" không hợp lệ.`);
  ctx.db.prepare('INSERT OR IGNORE INTO years (year) VALUES (?)').run(year);
}

export function isYearLocked(ctx: ServiceContext, year: number): boolean {
  const row = ctx.db.prepare('SELECT locked FROM years WHERE year = ?').get(year) as { locked: number } | undefined;
  return row?.locked === 1;
}

/** The one check that the database holds a year (every service that reads or changes a year calls it). */
export function requireYear(ctx: ServiceContext, year: number): void {
  const years = listYears(ctx);
  if (!years.includes(year)) throw new AppError('unknown_year', `Cơ sở dữ liệu không có năm ${year}${years.length ? ` (các năm đang có: ${years.join(', ')})` : ''}.`);
}

/** Locks a year: no import or correction changes it until it is unlocked. */
export function lockYear(ctx: ServiceContext, year: number, reason?: string): YearState {
  requireYear(ctx, year);
  if (isYearLocked(ctx, year)) throw new AppError('year_locked', `Năm ${year} đã được chốt số liệu.`);
  ctx.db.transaction(() => {
    ctx.db.prepare('UPDATE years SET locked = 1, locked_at = ?, lock_reason = ? WHERE year = ?').run(ctx.now().toISOString(), reason?.trim() || null, year);
    audit(ctx, { action: 'year.lock', entity: 'year', entityId: year, reason: reason?.trim() || null });
  })();
  return yearStates(ctx).find((y) => y.year === year)!;
}

/** Unlocks a year; a reason is required and logged. */
export function unlockYear(ctx: ServiceContext, year: number, reason: string): YearState {
  requireYear(ctx, year);
  const why = reason.trim();
  if (!why) throw new AppError('reason_required', 'Cần ghi lý do khi mở khóa số liệu đã chốt.');
  if (!isYearLocked(ctx, year)) throw new AppError('year_not_locked', `Năm ${year} chưa chốt số liệu.`);
  ctx.db.transaction(() => {
    ctx.db.prepare('UPDATE years SET locked = 0, locked_at = NULL, lock_reason = NULL WHERE year = ?').run(year);
    audit(ctx, { action: 'year.unlock', entity: 'year', entityId: year, reason: why });
  })();
  return yearStates(ctx).find((y) => y.year === year)!;
}
