// Storing a submission as a new version of its unit-year, and reading current versions back.
import { hash } from 'node:crypto';
import type { DocumentRecord, ImportFinding, SubmissionSummary } from '../../shared/types.ts';
import { AppError } from '../errors.ts';
import { audit } from './audit.ts';
import type { ServiceContext } from './context.ts';
import { assertFiguresOpen } from './years.ts';
import { paperSourceText, type PaperMedium } from '../../shared/paper-source.ts';

export interface SubmissionContent {
  values: { code: string; value: number | null; raw?: string | null; cell?: string | null; formula?: string | null }[];
  documents: (DocumentRecord & { rowNo?: number; cell?: string | null })[];
  narratives: { code: string; text: string; cell?: string | null }[];
}

export interface NewSubmission extends SubmissionContent {
  unitCode: string;
  year: number;
  /** The period key (shared/periods.ts) when not the year itself: "2026-H1". */
  period?: string;
  /** 'paper': figures received without a workbook (no file); `paper` then says how they came. */
  source: 'xlsx' | 'json' | 'paper';
  paper?: { medium: PaperMedium; reference: string };
  fileName: string | null;
  sha256: string | null;
  workbookId: string | null;
  templateVersion: number;
  receivedAt?: string;
  findings: ImportFinding[];
  corrections?: { code: string; value: number | null; reason: string; by: string; at: string }[];
  /** contentHash of this content, when the caller has already computed it (to compare with the current version). */
  contentSha256?: string;
}

/**
 * A hash of what the submission says (figures, documents, texts), whatever file it came in: the SHA-256 of
 * `JSON.stringify({ values: [[code, value]…], documents: [[cap, loai…]…], narratives: [[code, text]…] })`, each
 * list in its codes' localeCompare order. The figures' part (a roll-up hashes 317,000 of them) is written
 * here with each code's JSON kept per list of codes, not built as arrays for JSON.stringify.
 */
export function contentHash(c: SubmissionContent): string {
  const documents = c.documents.map((d) => [d.cap, d.loai, d.so_ky_hieu, d.ngay, d.co_quan ?? null, d.trich_yeu, d.ghi_chu ?? null, ...(d.han ? [d.han] : [])]);
  const narratives = byCode(c.narratives).map((n) => [n.code, n.text]);
  const text = `{"values":${figuresJson(c.values)},"documents":${JSON.stringify(documents)},"narratives":${JSON.stringify(narratives)}}`;
  return hash('sha256', text, 'hex');
}

/** `JSON.stringify(byCode(values).map((v) => [v.code, v.value]))`, the codes' JSON taken from codeOrder. */
function figuresJson(values: SubmissionContent['values']): string {
  const { order, json } = codeOrder(values);
  if (order.length === 0) return '[]';
  let text = '[';
  for (let k = 0; k < order.length; k++) {
    const value = values[order[k]!]!.value as unknown;
    // JSON.stringify's own rendering of an array element: a finite number as String() writes it, else null.
    const v = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : 'null') : (JSON.stringify(value) ?? 'null');
    text += (k === 0 ? '[' : ',[') + json[k]! + ',' + v + ']';
  }
  return text + ']';
}

/** A list of codes, its order sorted by localeCompare (ties in their order) and each code's JSON in that order. */
interface CodeOrder {
  codes: string[];
  order: number[];
  json: string[];
}

/**
 * The orders worked out so far, found by the list's length, first and last codes and then compared code by
 * code: the submissions of a kind list the same codes alike, and a roll-up hashes 6,600 of them (a key of
 * the whole list, JSON.stringify'd each time, cost as much as the rest of the figures' part).
 */
const codeOrders = new Map<string, CodeOrder[]>();
let codeOrdersKept = 0;

function codeOrder(items: readonly { code: string }[]): CodeOrder {
  const n = items.length;
  const key = n === 0 ? '' : `${n}\u0000${items[0]!.code}\u0000${items[n - 1]!.code}`;
  const alike = codeOrders.get(key);
  found: for (const kept of alike ?? []) {
    for (let i = 0; i < n; i++) if (kept.codes[i] !== items[i]!.code) continue found;
    return kept;
  }
  const codes = items.map((i) => i.code);
  const order = codes.map((_, i) => i).sort((a, b) => codes[a]!.localeCompare(codes[b]!) || a - b);
  const kept: CodeOrder = { codes, order, json: order.map((i) => JSON.stringify(codes[i])) };
  if (codeOrdersKept >= 256) {
    codeOrders.clear();
    codeOrdersKept = 0;
  }
  codeOrders.set(key, [...(codeOrders.get(key) ?? []), kept]);
  codeOrdersKept++;
  return kept;
}

/** The items sorted by code with localeCompare, stably (the hash's canonical order). */
function byCode<T extends { code: string }>(items: readonly T[]): T[] {
  return codeOrder(items).order.map((i) => items[i]!);
}

/** The current version of a unit's period. */
export interface CurrentSubmission {
  id: number;
  sha256: string | null;
  content_sha256: string;
  version: number;
}

export function currentSubmissionId(ctx: ServiceContext, unitCode: string, period: number | string): CurrentSubmission | undefined {
  return ctx.db
    .prepare(
      'SELECT s.id, s.sha256, s.content_sha256, s.version FROM submissions s JOIN units u ON u.id = s.unit_id WHERE u.code = ? AND s.period = ? AND s.is_current = 1',
    )
    .get(unitCode, String(period)) as CurrentSubmission | undefined;
}

/**
 * What insertSubmissionVersion's caller hands over (KnownBeforeInsert), read for many units at once (a
 * roll-up's file holds ~200; two queries instead of two per submission): `current` the current version of
 * each unit's period as currentSubmissionId reads it, keyed by versionKey(unit id, period); `top` the highest
 * version number of each unit's year, whatever its period, keyed by versionKey(unit id, year). A caller that
 * stores a version sets both.
 */
export function unitVersions(ctx: ServiceContext, unitIds: readonly number[]): { current: Map<string, CurrentSubmission>; top: Map<string, number> } {
  const ids = JSON.stringify(unitIds);
  const current = ctx.db
    .prepare(
      'SELECT s.unit_id, s.period, s.id, s.sha256, s.content_sha256, s.version FROM submissions s WHERE s.unit_id IN (SELECT value FROM json_each(?)) AND s.is_current = 1',
    )
    .all(ids) as (CurrentSubmission & { unit_id: number; period: string })[];
  const top = ctx.db
    .prepare('SELECT unit_id, year, MAX(version) AS v FROM submissions WHERE unit_id IN (SELECT value FROM json_each(?)) GROUP BY unit_id, year')
    .all(ids) as { unit_id: number; year: number; v: number }[];
  return {
    current: new Map(
      current.map((r) => [versionKey(r.unit_id, r.period), { id: r.id, sha256: r.sha256, content_sha256: r.content_sha256, version: r.version }]),
    ),
    top: new Map(top.map((r) => [versionKey(r.unit_id, r.year), r.v])),
  };
}

/** The key of a unit's period or year in unitVersions' maps. */
export function versionKey(unitId: number, periodOrYear: number | string): string {
  return `${unitId} ${periodOrYear}`;
}

/** A change to a year's figures: refused while that year or a later one is locked. */
export { assertFiguresOpen as assertYearOpen } from './years.ts';

/**
 * The one gate every stored figure passes (submitted values and corrections): a figure is a finite number or
 * blank. The checks before it refuse such values with reasons; this keeps Infinity and NaN out of the store,
 * and so out of every annex and report, whatever path a value took.
 */
export function storableFigure(value: number | null, what: string | (() => string)): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new AppError('not_number', `${typeof what === 'string' ? what : what()}: giá trị ${String(value)} không phải là số hữu hạn; không lưu.`);
  return value;
}

/** Rows of figures per INSERT statement (6 parameters each at most, far below SQLite's limit of parameters). */
const VALUE_ROWS = 64;
const valuesSql = { full: [] as string[], bare: [] as string[] };

/**
 * The statement for `rows` figures: `bare` names the submission, code and value only (a JSON file's figures,
 * which have no cell, raw text or formula: those columns are left NULL, as binding NULLs would leave them).
 */
function insertValuesSql(rows: number, bare: boolean): string {
  const kept = bare ? valuesSql.bare : valuesSql.full;
  return (kept[rows] ??= bare
    ? 'INSERT INTO submission_values (submission_id, code, value) VALUES ' + Array(rows).fill('(?, ?, ?)').join(', ')
    : 'INSERT INTO submission_values (submission_id, code, value, raw, cell, formula) VALUES ' + Array(rows).fill('(?, ?, ?, ?, ?, ?)').join(', '));
}

/** What a caller that has just read them in the same transaction hands over, so that they are not read again. */
export interface KnownBeforeInsert {
  /** The unit's id (of s.unitCode). */
  unitId: number;
  /** currentSubmissionId(ctx, s.unitCode, period): the version the new one replaces, if any. */
  current: { id: number; version: number } | undefined;
  /** The new version's number, one more than the highest of the unit's year (whatever its period), when known. */
  version?: number;
}

/** Inserts a new version and makes it current. Must run inside the caller's transaction. */
export function insertSubmissionVersion(ctx: ServiceContext, s: NewSubmission, known?: KnownBeforeInsert): { id: number; version: number } {
  const unit = known ? { id: known.unitId } : (ctx.db.prepare('SELECT id FROM units WHERE code = ?').get(s.unitCode) as { id: number } | undefined);
  if (!unit) throw new AppError('unknown_unit', `Không có đơn vị mã "${s.unitCode}".`);
  assertFiguresOpen(ctx, s.year);
  const now = ctx.now().toISOString();
  const period = s.period ?? String(s.year);
  // Version numbers run across the periods of a unit's year (the store keeps them unique per unit and year).
  const version =
    known?.version ??
    ((ctx.db.prepare('SELECT MAX(version) AS v FROM submissions WHERE unit_id = ? AND year = ?').get(unit.id, s.year) as { v: number | null }).v ?? 0) + 1;
  const old = known ? known.current : currentSubmissionId(ctx, s.unitCode, period);
  if (old) ctx.db.prepare('UPDATE submissions SET is_current = 0 WHERE unit_id = ? AND period = ? AND is_current = 1').run(unit.id, period);
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO submissions (unit_id, year, period, version, source, file_name, sha256, content_sha256, workbook_id, template_id, template_version, imported_at, received_at, imported_by, is_current)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
      )
      .run(
        unit.id,
        s.year,
        period,
        version,
        s.source === 'paper' ? 'json' : s.source,
        s.fileName,
        s.sha256,
        s.contentSha256 ?? contentHash(s),
        s.workbookId,
        ctx.template.id,
        s.templateVersion,
        now,
        s.receivedAt ?? now,
        ctx.user,
      ).lastInsertRowid,
  );
  // Figures go in by many rows per statement: a national roll-up stores some 300,000 of them.
  for (let from = 0; from < s.values.length; from += VALUE_ROWS) {
    const to = Math.min(from + VALUE_ROWS, s.values.length);
    let bare = true;
    for (let i = from; i < to && bare; i++) bare = s.values[i]!.raw == null && s.values[i]!.cell == null && s.values[i]!.formula == null;
    const params: unknown[] = [];
    for (let i = from; i < to; i++) {
      const v = s.values[i]!;
      const value = storableFigure(v.value, () => `${s.unitCode} năm ${s.year}, ${v.code}`);
      if (bare) params.push(id, v.code, value);
      else params.push(id, v.code, value, v.raw ?? null, v.cell ?? null, v.formula ?? null);
    }
    ctx.db.prepare(insertValuesSql(to - from, bare)).run(params);
  }
  const insDoc = ctx.db.prepare(
    'INSERT INTO documents (submission_id, row_no, cap, loai, so_ky_hieu, ngay, co_quan, trich_yeu, ghi_chu, cell, han) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  s.documents.forEach((d, i) =>
    insDoc.run(id, d.rowNo ?? i + 1, d.cap, d.loai, d.so_ky_hieu, d.ngay, d.co_quan ?? null, d.trich_yeu, d.ghi_chu ?? null, d.cell ?? null, d.han ?? null),
  );
  const insText = ctx.db.prepare('INSERT INTO narratives (submission_id, code, text, cell) VALUES (?, ?, ?, ?)');
  for (const n of s.narratives) insText.run(id, n.code, n.text, n.cell ?? null);
  const insFinding = ctx.db.prepare('INSERT INTO import_findings (submission_id, code, severity, sheet, cell, message) VALUES (?, ?, ?, ?, ?, ?)');
  for (const f of s.findings) insFinding.run(id, f.code, f.severity, f.sheet ?? null, f.cell ?? null, f.message);
  const insCorr = ctx.db.prepare('INSERT INTO corrections (submission_id, code, value, reason, by, at) VALUES (?, ?, ?, ?, ?, ?)');
  for (const c of s.corrections ?? []) insCorr.run(id, c.code, storableFigure(c.value, `${s.unitCode} năm ${s.year}, ${c.code}`), c.reason, c.by, c.at);
  if (s.source === 'paper') {
    if (!s.paper) throw new Error('a paper submission needs its medium and reference');
    ctx.db.prepare('INSERT INTO paper_submissions (submission_id, medium, reference) VALUES (?, ?, ?)').run(id, s.paper.medium, s.paper.reference);
  }
  const paperSource = s.paper ? paperSourceText(s.paper.medium, s.paper.reference) : undefined;
  audit(ctx, {
    action: s.source === 'paper' ? 'submission.paper' : 'submission.import',
    entity: 'submission',
    entityId: id,
    oldValue: old ? { id: old.id, version: old.version } : undefined,
    newValue: {
      unit: s.unitCode,
      year: s.year,
      ...(period !== String(s.year) ? { period } : {}),
      version,
      source: s.source,
      file: s.fileName,
      sha256: s.sha256,
      ...(paperSource ? { paper: paperSource } : {}),
    },
    reason: paperSource ?? null,
  });
  return { id, version };
}

export function listSubmissions(ctx: ServiceContext, filter: { year?: number; period?: string; currentOnly?: boolean } = {}): SubmissionSummary[] {
  const where: string[] = [];
  const params: unknown[] = [];
  // A year's submissions are its annual ones; a half-year's are asked for by its key.
  if (filter.period !== undefined || filter.year !== undefined) {
    where.push('s.period = ?');
    params.push(String(filter.period ?? filter.year));
  }
  if (filter.currentOnly) where.push('s.is_current = 1');
  const rows = ctx.db
    .prepare(
      `SELECT s.id, u.code AS unit, u.name AS unit_name, s.year, s.version, s.source, s.file_name, s.sha256, s.imported_at, s.received_at, s.is_current,
        p.medium AS paper_medium, p.reference AS paper_reference,
        (SELECT COUNT(*) FROM import_findings f WHERE f.submission_id = s.id AND f.severity = 'warning') AS warnings
       FROM submissions s JOIN units u ON u.id = s.unit_id LEFT JOIN paper_submissions p ON p.submission_id = s.id ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
       ORDER BY s.year, u.sort_order, s.version`,
    )
    .all(...params) as Record<string, unknown>[];
  return rows.map((r) => ({
    id: r.id as number,
    unit: r.unit as string,
    unitName: r.unit_name as string,
    year: r.year as number,
    version: r.version as number,
    source: r.paper_medium ? 'paper' : (r.source as 'xlsx' | 'json'),
    ...(r.paper_medium ? { paperSource: paperSourceText(r.paper_medium as PaperMedium, r.paper_reference as string) } : {}),
    fileName: r.file_name as string | null,
    sha256: r.sha256 as string | null,
    importedAt: r.imported_at as string,
    receivedAt: r.received_at as string,
    isCurrent: r.is_current === 1,
    warnings: r.warnings as number,
  }));
}

/** The figures of a submission with the compiler's newest correction applied over each. */
export function submissionValues(ctx: ServiceContext, submissionId: number): Map<string, number | null> {
  const values = new Map(
    (ctx.db.prepare('SELECT code, value FROM submission_values WHERE submission_id = ?').all(submissionId) as { code: string; value: number | null }[]).map(
      (r) => [r.code, r.value],
    ),
  );
  // Corrections are few: apply them in id order, so the newest one of a figure wins.
  const corrections = ctx.db.prepare('SELECT code, value FROM corrections WHERE submission_id = ? ORDER BY id').all(submissionId) as {
    code: string;
    value: number | null;
  }[];
  for (const c of corrections) values.set(c.code, c.value);
  return values;
}

/** Current figures of a unit for a year (corrections applied), or undefined when it has not reported. */
export function currentValues(ctx: ServiceContext, unitCode: string, year: number | string): Map<string, number | null> | undefined {
  const cur = currentSubmissionId(ctx, unitCode, year);
  return cur ? submissionValues(ctx, cur.id) : undefined;
}

/** How a submission's figures came when there was no workbook, in words; undefined for a workbook or a province file. */
export function paperSourceOf(ctx: ServiceContext, submissionId: number): string | undefined {
  const row = ctx.db.prepare('SELECT medium, reference FROM paper_submissions WHERE submission_id = ?').get(submissionId) as
    { medium: PaperMedium; reference: string } | undefined;
  return row ? paperSourceText(row.medium, row.reference) : undefined;
}
