// The reporting years a database holds, and locking a year once its figures are reviewed ("Chốt số liệu").
import type { TargetOverride } from '../../shared/targets-schema.ts';
import { targetOverrides } from './targets.ts';
import { AppError } from '../errors.ts';
import { bindYear, definitionForYear, definitionOf } from '../template-store.ts';
import { audit } from './audit.ts';
import type { ServiceContext } from './context.ts';
import type { Unit } from '../../shared/types.ts';
import { getSettings, seedYearSettings } from './settings.ts';
import { listUnits } from './units.ts';

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
  return (
    ctx.db.prepare('SELECT year, locked, locked_at, lock_reason FROM years ORDER BY year').all() as {
      year: number;
      locked: number;
      locked_at: string | null;
      lock_reason: string | null;
    }[]
  ).map((r) => ({
    year: r.year,
    locked: r.locked === 1,
    lockedAt: r.locked_at,
    lockReason: r.lock_reason,
  }));
}

/** Adds a year (earlier ones too); a new year gets the year-bound settings of the nearest year, shifted. */
export function ensureYear(ctx: ServiceContext, year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('bad_year', `Năm báo cáo "${year}" không hợp lệ.`);
  ctx.db.transaction(() => {
    if (ctx.db.prepare('INSERT OR IGNORE INTO years (year) VALUES (?)').run(year).changes > 0) {
      seedYearSettings(ctx, year);
      // A new year takes the definition the database works with now, and keeps it.
      bindYear(ctx.db, year, definitionOf(ctx.template), ctx.now());
    }
  })();
}

export function isYearLocked(ctx: ServiceContext, year: number): boolean {
  const row = ctx.db.prepare('SELECT locked FROM years WHERE year = ?').get(year) as { locked: number } | undefined;
  return row?.locked === 1;
}

/** The one check that the database holds a year (every service that reads or changes a year calls it). */
export function requireYear(ctx: ServiceContext, year: number): void {
  const years = listYears(ctx);
  if (!years.includes(year))
    throw new AppError('unknown_year', `Cơ sở dữ liệu không có năm ${year}${years.length ? ` (các năm đang có: ${years.join(', ')})` : ''}.`);
}

/** What a locked year prints besides its figures and texts, kept at the lock: its settings and the unit list. */
interface Frozen {
  settings: ReturnType<typeof getSettings>;
  units: Unit[];
  /** The province's choices of the plan's targets at the lock (absent in years locked before targets existed). */
  targets?: Record<string, TargetOverride>;
}

/**
 * The context to make a year's outputs with: for a locked year, the unit list as it was at the lock (its
 * settings are read from the lock by getSettings). Renames, merges and units added after the lock then
 * leave the locked year's annexes and report as they were; unlocking the year shows them.
 */
export function lockedView(ctx: ServiceContext, year: number): ServiceContext {
  const view = yearView(ctx, year);
  const row = ctx.db.prepare('SELECT locked, frozen FROM years WHERE year = ?').get(year) as { locked: number; frozen: string | null } | undefined;
  if (row?.locked !== 1 || !row.frozen) return view;
  return { ...view, lockedView: { year, units: (JSON.parse(row.frozen) as Frozen).units } };
}

/**
 * The context to read or make a year's outputs with: the template (and through it the rules, annexes and
 * outline) of the definition the year was collected under (template-store.ts, definitionForYear).
 */
export function yearView(ctx: ServiceContext, year: number): ServiceContext {
  const def = definitionForYear(ctx.db, year);
  return def.template === ctx.template ? ctx : { ...ctx, template: def.template };
}

/** Refuses a change to what a locked year prints (its acknowledgements, section texts, settings), saying how to reopen it. */
export function assertYearOpen(ctx: ServiceContext, year: number, what = 'không nhận thêm hoặc sửa số liệu'): void {
  if (isYearLocked(ctx, year)) throw new AppError('year_locked', `Năm ${year} đã chốt số liệu: ${what}. Hãy mở khóa năm ${year} (kèm lý do) nếu cần.`);
}

/**
 * Refuses a change to a year's figures while that year, or a later one, is locked: a year's annexes and
 * report print the years before it (columns, comparisons, the trend), so those are frozen with it.
 */
export function assertFiguresOpen(ctx: ServiceContext, year: number): void {
  // The year itself or a later one locked, read in one query (a roll-up stores 6,600 submissions).
  const later = ctx.db.prepare('SELECT MIN(year) AS y FROM years WHERE locked = 1 AND year >= ?').get(year) as { y: number | null };
  if (later.y === year) assertYearOpen(ctx, year);
  if (later.y !== null) {
    throw new AppError(
      'year_locked',
      `Năm ${later.y} đã chốt số liệu và báo cáo năm ${later.y} in cả số liệu năm ${year}: không nhận thêm hoặc sửa số liệu năm ${year}. Hãy mở khóa năm ${later.y} (kèm lý do) nếu cần.`,
    );
  }
}

/**
 * Locks a year: no import, correction, acknowledgement, section text or year setting changes it until it
 * is unlocked, and its settings and unit list are kept as they are now (see lockedView).
 */
export function lockYear(ctx: ServiceContext, year: number, reason?: string): YearState {
  requireYear(ctx, year);
  if (isYearLocked(ctx, year)) throw new AppError('year_locked', `Năm ${year} đã được chốt số liệu.`);
  ctx.db.transaction(() => {
    const frozen: Frozen = { settings: getSettings(ctx, year), units: listUnits(ctx), targets: Object.fromEntries(targetOverrides(ctx)) };
    ctx.db
      .prepare('UPDATE years SET locked = 1, locked_at = ?, lock_reason = ?, frozen = ? WHERE year = ?')
      .run(ctx.now().toISOString(), reason?.trim() || null, JSON.stringify(frozen), year);
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
    ctx.db.prepare('UPDATE years SET locked = 0, locked_at = NULL, lock_reason = NULL, frozen = NULL WHERE year = ?').run(year);
    audit(ctx, { action: 'year.unlock', entity: 'year', entityId: year, reason: why });
  })();
  return yearStates(ctx).find((y) => y.year === year)!;
}
