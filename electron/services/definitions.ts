// Which report definition each year is on, and moving a year to this app's definition when the user asks
// (after a backup of kind before_upgrade). A locked year never moves; a new year takes the app's
// definition (years.ts, ensureYear). The definitions themselves: electron/template-store.ts.
import type { DefinitionStatus, DefinitionUpgradeResult } from '../../shared/api-types.ts';
import { snapshotDatabase } from '../db/backup.ts';
import { readOnlyError, readOnlyNotice, databaseFile } from '../db/read-only.ts';
import { AppError } from '../errors.ts';
import { activeDefinition, bindYear, definitionForYear } from '../template-store.ts';
import { audit } from './audit.ts';
import type { ServiceContext } from './context.ts';
import { requireYear, yearStates } from './years.ts';

const short = (hash: string) => hash.slice(0, 12);

export function definitionStatus(ctx: ServiceContext): DefinitionStatus {
  const current = activeDefinition(ctx.db);
  const years = yearStates(ctx).map((y) => {
    const def = definitionForYear(ctx.db, y.year);
    return { year: y.year, version: def.version, hash: short(def.hash), locked: y.locked, current: def.hash === current.hash };
  });
  return {
    current: { id: current.id, version: current.version, hash: short(current.hash) },
    years,
    upgradable: years.filter((y) => !y.current && !y.locked && y.version <= current.version).map((y) => y.year),
  };
}

/**
 * Moves a year to this app's definition: its checks, annexes, report and workbooks follow the new one
 * from then on. A backup (kind before_upgrade) is made first; the change is logged.
 */
export function upgradeYearDefinition(ctx: ServiceContext, year: number): DefinitionUpgradeResult {
  requireYear(ctx, year);
  if (readOnlyNotice(ctx.db) !== null || ctx.db.readonly) throw readOnlyError(databaseFile(ctx.db));
  const state = definitionStatus(ctx).years.find((y) => y.year === year)!;
  const from = definitionForYear(ctx.db, year);
  const to = activeDefinition(ctx.db);
  if (state.locked) {
    throw new AppError('year_locked', `Năm ${year} đã chốt số liệu nên giữ nguyên định nghĩa báo cáo đã dùng (phiên bản ${from.version}). Hãy mở khóa năm ${year} (kèm lý do) nếu cần chuyển sang phiên bản ${to.version}.`);
  }
  if (from.hash === to.hash) throw new AppError('definition_current', `Năm ${year} đã dùng định nghĩa báo cáo hiện hành (phiên bản ${to.version}); không cần nâng cấp.`);
  if (from.version > to.version) {
    throw new AppError('definition_current', `Năm ${year} dùng định nghĩa báo cáo phiên bản ${from.version}, mới hơn phiên bản ${to.version} của phần mềm này. Hãy cập nhật phần mềm.`);
  }
  const backup = snapshotDatabase(ctx.db, 'before_upgrade', `dinh-nghia-${year}`);
  ctx.db.transaction(() => {
    bindYear(ctx.db, year, to, ctx.now());
    audit(ctx, {
      action: 'year.definition_upgrade',
      entity: 'year',
      entityId: year,
      oldValue: { version: from.version, hash: from.hash },
      newValue: { version: to.version, hash: to.hash },
    });
  })();
  return { year, from: { version: from.version, hash: short(from.hash) }, to: { version: to.version, hash: short(to.hash) }, backup };
}
