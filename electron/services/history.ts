// Versions of a unit-year: list them, compare two cell by cell, choose which one is current.
import { allIndicators } from '../../shared/template.ts';
import { AppError } from '../errors.ts';
import { audit } from '../store/audit.ts';
import type { ServiceContext } from '../store/context.ts';
import { assertYearOpen, listSubmissions } from '../store/submissions.ts';
import { requireUnit } from '../store/units.ts';
import type { SubmissionSummary } from '../../shared/types.ts';

import type { VersionDiffRow } from '../../shared/api-types.ts';

export type { VersionDiffRow };

export function unitHistory(ctx: ServiceContext, unitCode: string, year: number): SubmissionSummary[] {
  requireUnit(ctx, unitCode);
  return listSubmissions(ctx, { year }).filter((s) => s.unit === unitCode);
}

function submissionId(ctx: ServiceContext, unitCode: string, year: number, version: number): number {
  const row = ctx.db
    .prepare('SELECT s.id FROM submissions s JOIN units u ON u.id = s.unit_id WHERE u.code = ? AND s.year = ? AND s.version = ?')
    .get(unitCode, year, version) as { id: number } | undefined;
  if (!row) throw new AppError('no_version', `Không có phiên bản ${version} của ${unitCode} năm ${year}.`);
  return row.id;
}

/** Every cell, document and text that differs between two versions (blank and 0 are different). */
export function diffVersions(ctx: ServiceContext, unitCode: string, year: number, from: number, to: number): VersionDiffRow[] {
  const a = submissionId(ctx, unitCode, year, from);
  const b = submissionId(ctx, unitCode, year, to);
  const rows: VersionDiffRow[] = [];
  const labels = new Map<string, string>(allIndicators(ctx.template).map((i) => [i.code, i.label]));
  for (const s of ctx.template.sheets) if (s.kind === 'narrative') for (const i of s.items) labels.set(i.code, i.label);
  const values = ctx.db.prepare('SELECT code, value, cell FROM submission_values WHERE submission_id = ?');
  const va = new Map((values.all(a) as { code: string; value: number | null; cell: string | null }[]).map((r) => [r.code, r]));
  const vb = new Map((values.all(b) as { code: string; value: number | null; cell: string | null }[]).map((r) => [r.code, r]));
  for (const code of new Set([...va.keys(), ...vb.keys()])) {
    const x = va.get(code)?.value ?? null;
    const y = vb.get(code)?.value ?? null;
    if (x !== y) rows.push({ kind: 'value', code, label: labels.get(code), cell: vb.get(code)?.cell ?? va.get(code)?.cell ?? null, before: x, after: y });
  }
  const texts = ctx.db.prepare('SELECT code, text, cell FROM narratives WHERE submission_id = ?');
  const ta = new Map((texts.all(a) as { code: string; text: string; cell: string | null }[]).map((r) => [r.code, r]));
  const tb = new Map((texts.all(b) as { code: string; text: string; cell: string | null }[]).map((r) => [r.code, r]));
  for (const code of new Set([...ta.keys(), ...tb.keys()])) {
    const x = ta.get(code)?.text ?? null;
    const y = tb.get(code)?.text ?? null;
    if (x !== y) rows.push({ kind: 'text', code, label: labels.get(code), cell: tb.get(code)?.cell ?? ta.get(code)?.cell ?? null, before: x, after: y });
  }
  const docs = ctx.db.prepare(
    "SELECT so_ky_hieu || ' ngày ' || ngay AS k, cap || ' · ' || loai || ' · ' || COALESCE(co_quan, '') || ' · ' || trich_yeu AS v FROM documents WHERE submission_id = ?",
  );
  const da = new Map((docs.all(a) as { k: string; v: string }[]).map((r) => [r.k, r.v]));
  const db = new Map((docs.all(b) as { k: string; v: string }[]).map((r) => [r.k, r.v]));
  for (const k of new Set([...da.keys(), ...db.keys()])) {
    if (da.get(k) !== db.get(k)) rows.push({ kind: 'document', code: k, cell: null, before: da.get(k) ?? null, after: db.get(k) ?? null });
  }
  return rows;
}

/** Makes an earlier (or later) version the current one; logged. */
export function chooseCurrentVersion(ctx: ServiceContext, unitCode: string, year: number, version: number, reason?: string): SubmissionSummary {
  const unit = requireUnit(ctx, unitCode);
  const id = submissionId(ctx, unitCode, year, version);
  assertYearOpen(ctx, year);
  ctx.db.transaction(() => {
    // The chosen version's period (its year, or a half-year of it) keeps one current version.
    const { period } = ctx.db.prepare('SELECT period FROM submissions WHERE id = ?').get(id) as { period: string };
    const old = ctx.db.prepare('SELECT version FROM submissions WHERE unit_id = ? AND period = ? AND is_current = 1').get(unit.id, period) as
      { version: number } | undefined;
    ctx.db.prepare('UPDATE submissions SET is_current = 0 WHERE unit_id = ? AND period = ? AND is_current = 1').run(unit.id, period);
    ctx.db.prepare('UPDATE submissions SET is_current = 1 WHERE id = ?').run(id);
    audit(ctx, {
      action: 'submission.choose_current',
      entity: 'submission',
      entityId: id,
      oldValue: old?.version ?? null,
      newValue: version,
      reason: reason ?? null,
    });
  })();
  return unitHistory(ctx, unitCode, year).find((s) => s.version === version)!;
}
