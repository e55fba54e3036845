// The audit log: who did what, when, old and new value, and why.
import type { AuditFilter, AuditLine, AuditRecord } from '../../shared/api-types.ts';
import type { ServiceContext } from './context.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string | null;
}

function json(v: unknown): string | null {
  return v === undefined ? null : JSON.stringify(v);
}

export function audit(ctx: ServiceContext, e: AuditEntry): void {
  ctx.db
    .prepare('INSERT INTO audit_log (at, user, action, entity, entity_id, old_value, new_value, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(
      ctx.now().toISOString(),
      ctx.user,
      e.action,
      e.entity,
      e.entityId == null ? null : String(e.entityId),
      json(e.oldValue),
      json(e.newValue),
      e.reason ?? null,
    );
}

export type { AuditFilter, AuditRecord };

/** The audit log, newest first, narrowed by `filter`. */
export function listAudit(ctx: ServiceContext, filter: AuditFilter = {}): AuditRecord[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const when = (clause: string, ...values: string[]) => {
    where.push(clause);
    params.push(...values);
  };
  // The log keeps UTC moments (toISOString): a bound with another offset is compared as the same moment in UTC.
  const utc = (moment: string) => new Date(moment).toISOString();
  if (filter.since) when('at >= ?', utc(filter.since));
  if (filter.until) when('at < ?', utc(filter.until));
  if (filter.action) when("(action = ? OR action LIKE ? || '.%')", filter.action, filter.action);
  if (filter.entity) when('entity = ?', filter.entity);
  if (filter.entityId) when('entity_id = ?', filter.entityId);
  if (filter.user) when('user = ?', filter.user);
  // A year or a unit is named in the entity's key ("<unit>/<year>/<code>", "<year>/<section>", "<year>:<setting>",
  // a unit's code, a year) or, for a submission, by the submission row the key points to.
  if (filter.year !== undefined) {
    const y = String(filter.year);
    when(
      `(entity_id = ? OR entity_id LIKE ? OR entity_id LIKE ? OR entity_id LIKE ? OR (entity IN ('submission', 'word_report') AND new_value LIKE ?)
        OR (entity = 'submission' AND entity_id IN (SELECT CAST(id AS TEXT) FROM submissions WHERE year = ?)))`,
      y,
      `%/${y}/%`,
      `${y}/%`,
      `${y}:%`,
      `%"year":${y}%`,
      y,
    );
  }
  if (filter.unit) {
    when(
      `(entity_id = ? OR entity_id LIKE ? OR (entity IN ('submission', 'word_report') AND new_value LIKE ?)
        OR (entity = 'submission' AND entity_id IN (SELECT CAST(s.id AS TEXT) FROM submissions s JOIN units u ON u.id = s.unit_id WHERE u.code = ?)))`,
      filter.unit,
      `${filter.unit}/%`,
      `%"unit":${JSON.stringify(filter.unit)}%`,
      filter.unit,
    );
  }
  return ctx.db
    .prepare(
      `SELECT id, at, user, action, entity, entity_id AS entityId, old_value AS oldValue, new_value AS newValue, reason FROM audit_log
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
    )
    .all(...params, filter.limit ?? 1_000_000) as AuditRecord[];
}

const AUDIT_HEADER = [
  'STT',
  'Thời điểm',
  'Người thực hiện',
  'Thao tác',
  'Đối tượng',
  'Thay đổi',
  'Lý do',
  'Mã thao tác',
  'Mã đối tượng',
  'Giá trị cũ',
  'Giá trị mới',
];

/**
 * The audit log as CSV for Excel (UTF-8 with BOM, quoted fields, formulas neutralised): the action, its
 * subject and the change in words first (electron/services/audit-words.ts), then the stored keys and values.
 */
export function auditCsv(records: AuditLine[]): string {
  const cell = (v: unknown) => {
    let s = v == null ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`; // never let a spreadsheet read a logged value as a formula
    return `"${s.replace(/"/g, '""')}"`;
  };
  const rows = records.map((r, i) =>
    [i + 1, r.at, r.user, r.what, r.subject, r.change, r.reason, r.action, r.entityId === null ? r.entity : `${r.entity}:${r.entityId}`, r.oldValue, r.newValue]
      .map(cell)
      .join(','),
  );
  return '\uFEFF' + [AUDIT_HEADER.map(cell).join(','), ...rows].join('\r\n') + '\r\n';
}
