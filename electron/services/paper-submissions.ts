// Figures received on paper: a unit that sent no workbook (a form on paper, an official letter, a phone
// call) gets a submission version with no file, its source kept beside it; the compiler then types the
// figures in the grid with that source as the reason. From there it is a submission like any other:
// validation, the annexes, the report, the trace and the province file read it.
import { paperSourceText, type PaperMedium } from '../../shared/paper-source.ts';
import type { SubmissionSummary } from '../../shared/types.ts';
import { AppError } from '../errors.ts';
import type { ServiceContext } from '../store/context.ts';
import { currentSubmissionId, insertSubmissionVersion, listSubmissions } from '../store/submissions.ts';
export { paperSourceOf } from '../store/submissions.ts';
import { requireUnit } from '../store/units.ts';
import { reportingUnits } from './workbooks.ts';

export interface PaperSubmissionRequest {
  year: number;
  unit: string;
  medium: PaperMedium;
  /** The letter's number and date, who phoned, when the paper form came. */
  reference: string;
  /** When the figures were received (ISO); default now. */
  receivedAt?: string;
}

export function addPaperSubmission(ctx: ServiceContext, req: PaperSubmissionRequest): SubmissionSummary {
  const unit = requireUnit(ctx, req.unit);
  if (!reportingUnits(ctx).some((u) => u.code === unit.code)) {
    throw new AppError(
      'unit_not_reporting',
      `${unit.name} không phải đơn vị gửi biểu mẫu số liệu (hoặc đã ngừng theo dõi); không nhập số liệu cho đơn vị này được.`,
    );
  }
  const reference = req.reference.trim().normalize('NFC');
  if (!reference) throw new AppError('reason_required', 'Hãy ghi nguồn số liệu: số và ngày công văn, người gọi điện hoặc ngày nhận bản giấy.');
  if (currentSubmissionId(ctx, unit.code, req.year)) {
    throw new AppError(
      'already_reported',
      `${unit.name} đã có báo cáo năm ${req.year}. Số liệu nhận thêm bằng văn bản hãy sửa thẳng trong bảng Số liệu, ghi nguồn (${paperSourceText(req.medium, reference)}) làm lý do.`,
    );
  }
  const { id } = ctx.db.transaction(() =>
    insertSubmissionVersion(ctx, {
      unitCode: unit.code,
      year: req.year,
      source: 'paper',
      paper: { medium: req.medium, reference },
      fileName: null,
      sha256: null,
      workbookId: null,
      templateVersion: ctx.template.version,
      receivedAt: req.receivedAt,
      values: [],
      documents: [],
      narratives: [],
      findings: [],
    }),
  )();
  return listSubmissions(ctx, { year: req.year }).find((s) => s.id === id)!;
}
