// The status bar: who has reported, the findings, and the sum of the grid's selection.
import { formatVietnameseNumber } from '../../shared/numbers.ts';
import { useApp, type SelectionSummary } from './context.ts';

export function StatusBar({ selection }: { selection: SelectionSummary | null }) {
  const { status } = useApp();
  const parts: string[] = [];
  if (status) {
    parts.push(`Đã nhận ${status.reported}/${status.expected} đơn vị`);
    if (status.validated) parts.push(`${formatVietnameseNumber(status.errors)} lỗi`, `${formatVietnameseNumber(status.warnings)} cảnh báo chưa xem xét`);
    if (status.locked) parts.push('Đã chốt số liệu');
  }
  if (selection) parts.push(`Tổng vùng chọn: ${formatVietnameseNumber(selection.sum)}`, `Số ô: ${formatVietnameseNumber(selection.count)}`);
  return (
    <footer className="status-bar" role="status" aria-live="polite">
      {parts.join(' · ')}
    </footer>
  );
}
