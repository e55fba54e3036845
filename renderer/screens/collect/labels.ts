// Vietnamese words for the statuses of imported files and of the units' reports.
import type { ChecklistStatus } from '../../../shared/api-types.ts';
import type { ImportStatus } from '../../../shared/types.ts';

export const IMPORT_STATUS: Record<ImportStatus, string> = { accepted: 'Đã nhận', rejected: 'Từ chối', same_file: 'Trùng' };
export const CHECKLIST_STATUS: Record<ChecklistStatus, string> = { on_time: 'Đã gửi', late: 'Gửi muộn', missing: 'Chưa gửi' };
