// The audit log: who did what, when, old and new value, and why.
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
    .run(ctx.now().toISOString(), ctx.user, e.action, e.entity, e.entityId == null ? null : String(e.entityId), json(e.oldValue), json(e.newValue), e.reason ?? null);
}
