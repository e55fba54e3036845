// The compiler's corrections: a changed figure is stored over the submitted value, with a reason;
// nothing submitted is overwritten, and annexes, rules and the report read the corrected value.
import { indicatorsForKind } from '../../shared/template.ts';
import { checkNumber } from '../../shared/values/check-value.ts';
import { AppError } from '../errors.ts';
import { audit } from '../store/audit.ts';
import type { ServiceContext } from '../store/context.ts';
import { assertYearOpen, currentSubmissionId, storableFigure, submissionValues } from '../store/submissions.ts';
import { requireUnit } from '../store/units.ts';

export interface CorrectionRequest {
  unit: string;
  year: number;
  code: string;
  /** The new figure; null clears it to blank ("not reported"). */
  value: number | null;
  reason: string;
}

export interface Correction {
  id: number;
  unit: string;
  year: number;
  version: number;
  code: string;
  submitted: number | null;
  value: number | null;
  reason: string;
  by: string;
  at: string;
}

export function correctFigure(ctx: ServiceContext, req: CorrectionRequest): Correction {
  const unit = requireUnit(ctx, req.unit);
  const indicator = indicatorsForKind(ctx.template, unit.kind).find((i) => i.code === req.code);
  if (!indicator) throw new AppError('unknown_indicator', `Đơn vị ${unit.name} không báo cáo chỉ tiêu "${req.code}".`);
  const reason = req.reason.trim().normalize('NFC');
  if (!reason) throw new AppError('reason_required', 'Cần ghi lý do khi sửa số liệu.');
  const checked = checkNumber(indicator, req.value);
  if (!checked.ok) throw new AppError(checked.code, `${unit.name}, chỉ tiêu "${indicator.label}": ${checked.reason}`);
  assertYearOpen(ctx, req.year);
  const current = currentSubmissionId(ctx, unit.code, req.year);
  if (!current)
    throw new AppError('no_submission', `${unit.name} chưa có báo cáo năm ${req.year}: không có số liệu để sửa. Hãy nhập biểu mẫu của đơn vị trước.`);
  return ctx.db.transaction(() => {
    const before = submissionValues(ctx, current.id).get(req.code) ?? null;
    const submitted =
      (
        ctx.db.prepare('SELECT value FROM submission_values WHERE submission_id = ? AND code = ?').get(current.id, req.code) as
          { value: number | null } | undefined
      )?.value ?? null;
    const at = ctx.now().toISOString();
    const id = Number(
      ctx.db
        .prepare('INSERT INTO corrections (submission_id, code, value, reason, by, at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(current.id, req.code, storableFigure(req.value, `${unit.name}, ${req.code}`), reason, ctx.user, at).lastInsertRowid,
    );
    audit(ctx, { action: 'figure.correct', entity: 'figure', entityId: `${unit.code}/${req.year}/${req.code}`, oldValue: before, newValue: req.value, reason });
    return { id, unit: unit.code, year: req.year, version: current.version, code: req.code, submitted, value: req.value, reason, by: ctx.user, at };
  })();
}

/** Corrections of a year (current versions), newest first. */
export function listCorrections(ctx: ServiceContext, year: number): Correction[] {
  return ctx.db
    .prepare(
      `SELECT c.id, u.code AS unit, s.year, s.version, c.code, v.value AS submitted, c.value, c.reason, c.by, c.at
         FROM corrections c JOIN submissions s ON s.id = c.submission_id JOIN units u ON u.id = s.unit_id
         LEFT JOIN submission_values v ON v.submission_id = c.submission_id AND v.code = c.code
         WHERE s.year = ? AND s.period = CAST(s.year AS TEXT) AND s.is_current = 1 ORDER BY c.id DESC`,
    )
    .all(year) as Correction[];
}
