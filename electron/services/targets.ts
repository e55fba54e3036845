// Changing the province's targets (docs/targets.md): the window and the CLI (`baocao121 targets`); the
// results are read by report/targets.ts, the catalogue and the choices by store/targets.ts.
import { targetOverrideSchema, type EffectiveTarget, type TargetOverride } from '../../shared/targets-schema.ts';
import { AppError } from '../errors.ts';
import { audit } from '../store/audit.ts';
import type { ServiceContext } from '../store/context.ts';
import { provinceTargets, targetOverrides } from '../store/targets.ts';

export { loadTargetCatalogue, provinceTargets, targetOverrides } from '../store/targets.ts';
export { indicatorLabeller, targetResults, targetsSummary, targetsView, viewOf, VIEW_PHRASES } from '../report/targets.ts';

/** Changes are made while looking at an open year: a locked year keeps (and shows) the choices it was locked with. */
export function assertTargetsEditable(ctx: ServiceContext, year: number): void {
  const row = ctx.db.prepare('SELECT locked FROM years WHERE year = ?').get(year) as { locked: number } | undefined;
  if (row?.locked === 1) {
    throw new AppError(
      'year_locked',
      `Năm ${year} đã chốt số liệu: báo cáo năm ${year} giữ các chỉ tiêu như khi chốt. Hãy chọn một năm chưa chốt để sửa chỉ tiêu (áp dụng cho các năm chưa chốt), hoặc mở khóa năm ${year} (kèm lý do).`,
    );
  }
}

function requireTarget(ctx: ServiceContext, code: string): EffectiveTarget {
  const all = provinceTargets(ctx);
  const t = all.find((x) => x.code === code);
  if (!t) throw new AppError('unknown_target', `Không có chỉ tiêu "${code}" trong danh mục. Các chỉ tiêu: ${all.map((x) => x.code).join(', ')}.`);
  return t;
}

/** Turns a target on or off and/or changes its value for the province; logged. */
export function setTarget(ctx: ServiceContext, code: string, change: TargetOverride): EffectiveTarget {
  const parsed = targetOverrideSchema.parse(change);
  const before = requireTarget(ctx, code);
  const own = targetOverrides(ctx).get(code) ?? {};
  const next: TargetOverride = { ...own, ...parsed };
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        'INSERT INTO province_targets (code, enabled, value, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET enabled = excluded.enabled, value = excluded.value, updated_at = excluded.updated_at',
      )
      .run(code, next.enabled === undefined ? null : next.enabled ? 1 : 0, next.value ?? null, ctx.now().toISOString());
    audit(ctx, {
      action: 'target.set',
      entity: 'target',
      entityId: code,
      oldValue: { enabled: before.enabled, value: before.value },
      newValue: { enabled: next.enabled ?? before.defaultEnabled, value: next.value ?? before.defaultValue },
    });
  })();
  return requireTarget(ctx, code);
}

/** Back to the catalogue's setting: one target, or every target when code is omitted; logged. */
export function resetTargets(ctx: ServiceContext, code?: string): EffectiveTarget[] {
  if (code !== undefined) requireTarget(ctx, code);
  ctx.db.transaction(() => {
    const rows = ctx.db
      .prepare(code === undefined ? 'SELECT code FROM province_targets' : 'SELECT code FROM province_targets WHERE code = ?')
      .all(...(code === undefined ? [] : [code])) as { code: string }[];
    for (const r of rows) {
      ctx.db.prepare('DELETE FROM province_targets WHERE code = ?').run(r.code);
      audit(ctx, { action: 'target.reset', entity: 'target', entityId: r.code });
    }
  })();
  return provinceTargets(ctx);
}
