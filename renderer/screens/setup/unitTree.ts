// The unit list as a tree in display order: each unit after its parent, siblings in list order.
import type { Unit } from '../../../shared/types.ts';

export interface TreeRow {
  unit: Unit;
  depth: number;
}

export function unitTree(units: readonly Unit[]): TreeRow[] {
  const codes = new Set(units.map((u) => u.code));
  const children = new Map<string | null, Unit[]>();
  for (const u of units) {
    const parent = u.parentCode && codes.has(u.parentCode) ? u.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: TreeRow[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      out.push({ unit: u, depth });
      walk(u.code, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
