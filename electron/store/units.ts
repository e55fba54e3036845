// The reporting units: a tree with order, an active flag and a history, so that communes can be
// merged or retired without losing past years.
import { z } from 'zod';
import { compareVi, nfc } from '../../shared/text.ts';
import type { Unit, UnitInput } from '../../shared/types.ts';
import { AppError } from '../errors.ts';
import { audit } from './audit.ts';
import type { ServiceContext } from './context.ts';
import { keptRead } from '../db/change-stamp.ts';

interface UnitRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  parent_code: string | null;
  sort_order: number;
  active: number;
  merged_into_code: string | null;
}

const SELECT_UNITS = `SELECT u.id, u.code, u.name, u.kind, p.code AS parent_code, u.sort_order, u.active, m.code AS merged_into_code
  FROM units u LEFT JOIN units p ON p.id = u.parent_id LEFT JOIN units m ON m.id = u.merged_into_id`;

function toUnit(r: UnitRow): Unit {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    parentCode: r.parent_code,
    order: r.sort_order,
    active: r.active === 1,
    mergedIntoCode: r.merged_into_code,
  };
}

function inListOrder(units: readonly Unit[]): Unit[] {
  return [...units].sort((a, b) => a.order - b.order || compareVi(a.name, b.name));
}

/** A locked year's list in order, sorted once per lockedView. */
const lockedInOrder = new WeakMap<readonly Unit[], Unit[]>();

/**
 * The units in the list's order (order, then name as Vietnamese sorts it); `unordered` for a lookup that
 * needs no order. The list is read and sorted once per state of the database (db/change-stamp.ts): a
 * roll-up's annexes and report ask for its 6,600 units tens of times. Its units are frozen (shared).
 */
export function listUnits(ctx: ServiceContext, options: { activeOnly?: boolean; unordered?: boolean } = {}): Unit[] {
  let all: readonly Unit[];
  if (ctx.lockedView) {
    const frozen = ctx.lockedView.units;
    all = lockedInOrder.get(frozen) ?? inListOrder(frozen);
    lockedInOrder.set(frozen, all as Unit[]);
  } else all = keptRead(ctx.db, 'units', '', () => inListOrder((ctx.db.prepare(SELECT_UNITS).all() as UnitRow[]).map((r) => Object.freeze(toUnit(r)))));
  return options.activeOnly ? all.filter((u) => u.active) : [...all];
}

/** The units of the given codes held in the store, by code, read in one query. */
export function unitsByCode(ctx: ServiceContext, codes: readonly string[]): Map<string, Unit> {
  const rows = ctx.db.prepare(`${SELECT_UNITS} WHERE u.code IN (SELECT value FROM json_each(?))`).all(JSON.stringify(codes)) as UnitRow[];
  return new Map(rows.map((r) => [r.code, toUnit(r)]));
}

export function findUnit(ctx: ServiceContext, code: string): Unit | undefined {
  const row = ctx.db.prepare(`${SELECT_UNITS} WHERE u.code = ?`).get(code) as UnitRow | undefined;
  return row ? toUnit(row) : undefined;
}

export function requireUnit(ctx: ServiceContext, code: string): Unit {
  const u = findUnit(ctx, code);
  if (!u) throw new AppError('unknown_unit', `Không có đơn vị mã "${code}".`);
  return u;
}

export const unitInputSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'thiếu mã đơn vị')
    .max(32)
    .regex(/^[A-Za-z0-9_.-]+$/, 'mã đơn vị chỉ gồm chữ không dấu, số, dấu _ . -'),
  name: z.string().trim().min(1, 'thiếu tên đơn vị').max(200),
  kind: z.string().trim().min(1, 'thiếu loại đơn vị'),
  parent: z.string().trim().nullable().optional(),
  order: z.coerce.number().int().optional(),
});

function history(ctx: ServiceContext, unitId: number, change: string, oldValue: string | null, newValue: string | null, reason?: string): void {
  ctx.db
    .prepare('INSERT INTO unit_history (unit_id, at, change, old_value, new_value, reason) VALUES (?, ?, ?, ?, ?, ?)')
    .run(unitId, ctx.now().toISOString(), change, oldValue, newValue, reason ?? null);
}

/**
 * Adds new units and updates existing ones (by code) from a list; units not in the list are kept.
 * All or nothing: the first invalid row refuses the whole list, naming the row.
 */
export function upsertUnits(ctx: ServiceContext, list: UnitInput[], options: { rowLabel?: (i: number) => string } = {}): { added: number; updated: number } {
  const kinds = new Set(ctx.template.unitKinds.map((k) => k.code));
  const rowLabel = options.rowLabel ?? ((i: number) => `dòng ${i + 1}`);
  const parsed = list.map((raw, i) => {
    const r = unitInputSchema.safeParse(raw);
    if (!r.success) throw new AppError('bad_unit', `Danh sách đơn vị, ${rowLabel(i)}: ${r.error.issues[0]?.message ?? 'không hợp lệ'}.`);
    if (!kinds.has(r.data.kind))
      throw new AppError('bad_unit', `Danh sách đơn vị, ${rowLabel(i)}: loại đơn vị "${r.data.kind}" không hợp lệ (${[...kinds].join(', ')}).`);
    return { ...r.data, name: nfc(r.data.name), parent: r.data.parent || null };
  });
  let added = 0;
  let updated = 0;
  // The units whose parent this list sets: a loop it makes goes through one of them.
  const moved: number[] = [];
  ctx.db.transaction(() => {
    const now = ctx.now().toISOString();
    // A new unit without an order goes after every unit already listed, in the list's order.
    let nextOrder = (ctx.db.prepare('SELECT COALESCE(MAX(sort_order), -1) + 1 AS n FROM units').get() as { n: number }).n;
    // The list's units as they stand after the first pass (id, parent): the second one looks them up here.
    const listed = new Map<string, { id: number; code: string; parentCode: string | null }>();
    // The units held before the list, its own and their parents, read in one query (a roll-up's file lists ~200).
    const held = unitsByCode(ctx, [...new Set(parsed.flatMap((u) => (u.parent ? [u.code, u.parent] : [u.code])))]);
    // Two passes so that a parent may come after its child in the list; a new unit whose parent is known
    // by then (held, or listed above it) gets it as it is inserted, and the second pass finds nothing to move.
    parsed.forEach((u) => {
      // A code listed twice is found as the first one left it.
      const existing = listed.has(u.code) ? findUnit(ctx, u.code) : held.get(u.code);
      listed.set(u.code, existing ? { id: existing.id, code: u.code, parentCode: existing.parentCode } : { id: 0, code: u.code, parentCode: null });
      if (!existing) {
        const parent = u.parent && u.parent !== u.code ? (listed.get(u.parent) ?? held.get(u.parent)) : undefined;
        const id = ctx.db
          .prepare('INSERT INTO units (code, name, kind, parent_id, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(u.code, u.name, u.kind, parent?.id ?? null, u.order ?? nextOrder++, now).lastInsertRowid;
        Object.assign(listed.get(u.code)!, { id: Number(id), parentCode: parent ? parent.code : null });
        if (parent) moved.push(Number(id));
        history(ctx, Number(id), 'created', null, u.name);
        audit(ctx, { action: 'unit.create', entity: 'unit', entityId: u.code, newValue: u });
        added++;
      } else {
        const changes: [string, string, string][] = [];
        if (existing.name !== u.name) changes.push(['renamed', existing.name, u.name]);
        if (existing.kind !== u.kind) changes.push(['kind', existing.kind, u.kind]);
        ctx.db.prepare('UPDATE units SET name = ?, kind = ?, sort_order = ? WHERE id = ?').run(u.name, u.kind, u.order ?? existing.order, existing.id);
        for (const [c, o, n] of changes) history(ctx, existing.id, c, o, n);
        if (changes.length || (u.order !== undefined && u.order !== existing.order)) {
          audit(ctx, { action: 'unit.update', entity: 'unit', entityId: u.code, oldValue: existing, newValue: u });
          updated++;
        }
      }
    });
    parsed.forEach((u, i) => {
      if (!u.parent) return;
      const parent = listed.get(u.parent) ?? held.get(u.parent);
      if (!parent) throw new AppError('bad_unit', `Danh sách đơn vị, ${rowLabel(i)}: không có đơn vị cấp trên "${u.parent}".`);
      if (parent.code === u.code) throw new AppError('bad_unit', `Danh sách đơn vị, ${rowLabel(i)}: đơn vị không thể là cấp trên của chính nó.`);
      const self = listed.get(u.code)!;
      if (self.parentCode !== parent.code) {
        ctx.db.prepare('UPDATE units SET parent_id = ? WHERE id = ?').run(parent.id, self.id);
        moved.push(self.id);
        if (self.parentCode) history(ctx, self.id, 'moved', self.parentCode, parent.code);
        self.parentCode = parent.code;
      }
    });
    assertNoCycles(ctx, moved);
  })();
  return { added, updated };
}

/**
 * Refuses a unit list whose parents form a loop, naming the first unit (in the store's reading order) whose
 * chain of parents runs into one. The store holds no loop before a list is taken (every parent is set here),
 * so a new loop goes through a unit whose parent the list set (`moved`): only their chains are walked, a few
 * look-ups each, not the whole tree of a roll-up's 6,600 units for each of its 34 files.
 */
function assertNoCycles(ctx: ServiceContext, moved: readonly number[]): void {
  const parentOf = ctx.db.prepare('SELECT parent_id FROM units WHERE id = ?').pluck();
  // A unit whose chain reaches the top is not in a loop, nor is any unit above it: each chain is walked once.
  const reachesTop = new Set<number>();
  for (const unit of moved) {
    const chain: number[] = [];
    for (let c: number | null | undefined = unit; c !== null && c !== undefined && !reachesTop.has(c); c = parentOf.get(c) as number | null | undefined) {
      if (chain.includes(c)) {
        // A loop: the whole tree, read with codes, names the unit.
        const named = ctx.db.prepare('SELECT u.code, p.code FROM units u LEFT JOIN units p ON p.id = u.parent_id').raw().all() as [string, string | null][];
        throw new AppError('bad_unit', `Danh sách đơn vị: đơn vị ${firstInLoop(named) ?? ''} nằm trong một vòng lặp cấp trên.`);
      }
      chain.push(c);
    }
    for (const c of chain) reachesTop.add(c);
  }
}

/** The first unit of `rows` (code, its parent's code) whose chain of parents runs into a loop, or undefined. */
function firstInLoop(rows: readonly [string, string | null][]): string | undefined {
  const parent = new Map(rows);
  // A unit whose chain reaches the top is not in a loop, nor is any unit above it: each chain is walked once.
  const reachesTop = new Set<string>();
  for (const [code] of rows) {
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let c: string | null | undefined = code; c && !reachesTop.has(c); c = parent.get(c)) {
      if (seen.has(c)) return code;
      seen.add(c);
      chain.push(c);
    }
    for (const c of chain) reachesTop.add(c);
  }
  return undefined;
}

export function renameUnit(ctx: ServiceContext, code: string, name: string, reason?: string): Unit {
  const u = requireUnit(ctx, code);
  const clean = nfc(name.trim());
  if (!clean) throw new AppError('bad_unit', 'Tên đơn vị không được để trống.');
  ctx.db.transaction(() => {
    ctx.db.prepare('UPDATE units SET name = ? WHERE id = ?').run(clean, u.id);
    history(ctx, u.id, 'renamed', u.name, clean, reason);
    audit(ctx, { action: 'unit.rename', entity: 'unit', entityId: code, oldValue: u.name, newValue: clean, reason });
  })();
  return requireUnit(ctx, code);
}

export function setUnitActive(ctx: ServiceContext, code: string, active: boolean, reason?: string): Unit {
  const u = requireUnit(ctx, code);
  ctx.db.transaction(() => {
    ctx.db.prepare('UPDATE units SET active = ?, retired_at = ? WHERE id = ?').run(active ? 1 : 0, active ? null : ctx.now().toISOString(), u.id);
    history(ctx, u.id, active ? 'reactivated' : 'deactivated', null, null, reason);
    audit(ctx, { action: active ? 'unit.activate' : 'unit.deactivate', entity: 'unit', entityId: code, reason });
  })();
  return requireUnit(ctx, code);
}

/** Merges `from` into `into`: `from` is retired (its past submissions stay under its own name). */
export function mergeUnits(ctx: ServiceContext, from: string, into: string, reason?: string): Unit {
  const a = requireUnit(ctx, from);
  const b = requireUnit(ctx, into);
  if (a.id === b.id) throw new AppError('bad_unit', 'Không thể sáp nhập một đơn vị vào chính nó.');
  if (a.kind !== b.kind) throw new AppError('bad_unit', `Chỉ sáp nhập được hai đơn vị cùng loại (${a.kind} ≠ ${b.kind}).`);
  ctx.db.transaction(() => {
    ctx.db.prepare('UPDATE units SET active = 0, merged_into_id = ?, retired_at = ? WHERE id = ?').run(b.id, ctx.now().toISOString(), a.id);
    history(ctx, a.id, 'merged', a.code, b.code, reason);
    audit(ctx, { action: 'unit.merge', entity: 'unit', entityId: from, newValue: into, reason });
  })();
  return requireUnit(ctx, into);
}
