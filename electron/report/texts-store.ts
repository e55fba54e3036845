// The report's texts in the store: the units' BAO_CAO cells (table narratives, current submissions only), their
// Word reports' texts (table word_report_texts, current versions; a section's Word text replaces the same unit's
// cell) and the compiler's own text per section and year (table section_texts), which wins over the merge.
import type { ServiceContext } from '../store/context.ts';
import { listUnits } from '../store/units.ts';
import type { Unit } from '../../shared/types.ts';

export interface UnitText {
  unitCode: string;
  unitName: string;
  text: string;
}

export interface CompilerText {
  code: string;
  text: string;
  updatedAt: string;
  updatedBy: string;
}

/**
 * The units' non-empty texts of a period by narrative code, each list in the unit list's order: a year (its
 * annual submissions and Word reports) or another period's key (its own submissions; Word reports are annual).
 * `units` is the unit list when the caller has read it already.
 */
export function unitTexts(ctx: ServiceContext, period: number | string, units: readonly Unit[] = listUnits(ctx)): Map<string, UnitText[]> {
  const year = typeof period === 'number' ? period : -1;
  const order = new Map(units.map((u, i) => [u.code, i]));
  // Names from the unit list (a locked year's as it was at the lock), not the table's current ones.
  const names = new Map(units.map((u) => [u.code, u.name]));
  const all = ctx.db
    .prepare(
      `SELECT n.code, n.text, u.code AS unit_code, u.name AS unit_name, 0 AS word
       FROM narratives n JOIN submissions s ON s.id = n.submission_id JOIN units u ON u.id = s.unit_id
       WHERE s.period = ? AND s.is_current = 1
       UNION ALL
       SELECT t.code, t.text, u.code, u.name, 1
       FROM word_report_texts t JOIN word_reports w ON w.id = t.word_report_id JOIN units u ON u.id = w.unit_id
       WHERE w.year = ? AND w.is_current = 1`,
    )
    .all(String(period), year) as { code: string; text: string; unit_code: string; unit_name: string; word: number }[];
  const byUnitCode = new Map<string, (typeof all)[number]>();
  for (const r of all) {
    const k = `${r.unit_code}\u0000${r.code}`;
    if (r.text.trim() !== '' && (r.word === 1 || !byUnitCode.has(k))) byUnitCode.set(k, r);
  }
  const rows = [...byUnitCode.values()];
  rows.sort((a, b) => (order.get(a.unit_code) ?? 0) - (order.get(b.unit_code) ?? 0));
  const byCode = new Map<string, UnitText[]>();
  for (const r of rows) {
    if (r.text.trim() === '') continue;
    const list = byCode.get(r.code) ?? [];
    list.push({ unitCode: r.unit_code, unitName: names.get(r.unit_code) ?? r.unit_name, text: r.text });
    byCode.set(r.code, list);
  }
  return byCode;
}

/** The compiler's texts of a period (a year, or another period's key: a half-year or a range has its own). */
export function compilerTexts(ctx: ServiceContext, period: number | string): Map<string, CompilerText> {
  const rows = ctx.db.prepare('SELECT code, text, updated_at, updated_by FROM section_texts WHERE period = ?').all(String(period)) as {
    code: string;
    text: string;
    updated_at: string;
    updated_by: string;
  }[];
  return new Map(rows.map((r) => [r.code, { code: r.code, text: r.text, updatedAt: r.updated_at, updatedBy: r.updated_by }]));
}

export function compilerText(ctx: ServiceContext, year: number, code: string): CompilerText | undefined {
  return compilerTexts(ctx, year).get(code);
}

/** Stores (or, with null, removes) the compiler's text of a section. The caller validates and logs. */
export function writeCompilerText(ctx: ServiceContext, year: number, code: string, text: string | null, period: string = String(year)): void {
  if (text === null) {
    ctx.db.prepare('DELETE FROM section_texts WHERE period = ? AND code = ?').run(period, code);
    return;
  }
  ctx.db
    .prepare(
      `INSERT INTO section_texts (year, period, code, text, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(period, code) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    )
    .run(year, period, code, text, ctx.now().toISOString(), ctx.user);
}
