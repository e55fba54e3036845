// Editing the unit list from the window: adding one unit at the end, moving a unit one place up or down
// among the units of the same parent, and reading a list from Excel or CSV.
import type { Unit } from '../../shared/types.ts';
import { AppError } from '../errors.ts';
import { readUnitList } from '../import/unit-list.ts';
import { audit } from '../store/audit.ts';
import type { ServiceContext } from '../store/context.ts';
import { findUnit, listUnits, requireUnit, upsertUnits } from '../store/units.ts';

export function moveUnit(ctx: ServiceContext, code: string, direction: 'up' | 'down'): Unit[] {
  const unit = requireUnit(ctx, code);
  const siblings = listUnits(ctx).filter((u) => u.parentCode === unit.parentCode);
  const at = siblings.findIndex((u) => u.code === code);
  const to = direction === 'up' ? at - 1 : at + 1;
  if (to < 0 || to >= siblings.length) return listUnits(ctx);
  const reordered = [...siblings];
  [reordered[at], reordered[to]] = [reordered[to]!, reordered[at]!];
  // Renumber the siblings from the smallest order they held, so other branches keep their places.
  const base = Math.min(...siblings.map((u) => u.order));
  const update = ctx.db.prepare('UPDATE units SET sort_order = ? WHERE code = ?');
  ctx.db.transaction(() => {
    reordered.forEach((u, i) => update.run(base + i, u.code));
    audit(ctx, { action: 'unit.move', entity: 'unit', entityId: code, oldValue: at, newValue: to });
  })();
  return listUnits(ctx);
}

/** Adds one unit at the end of its parent's list; a code already in use is refused (no silent update). */
export function addUnit(ctx: ServiceContext, input: { code: string; name: string; kind: string; parent: string | null }): Unit {
  if (findUnit(ctx, input.code.trim())) throw new AppError('unit_exists', `Mã đơn vị "${input.code}" đã có. Hãy chọn mã khác.`);
  const order = Math.max(0, ...listUnits(ctx).map((u) => u.order)) + 1;
  upsertUnits(ctx, [{ ...input, order }]);
  return requireUnit(ctx, input.code.trim());
}

/** Adds and updates units from a list file (.xlsx or .csv with columns code, name, kind, parent, order). */
export async function importUnitListFile(ctx: ServiceContext, file: string): Promise<{ added: number; updated: number; units: Unit[] }> {
  const { units, rowNumbers } = await readUnitList(file);
  const result = upsertUnits(ctx, units, { rowLabel: (i) => `dòng ${rowNumbers[i] ?? i + 2}` });
  return { ...result, units: listUnits(ctx) };
}
