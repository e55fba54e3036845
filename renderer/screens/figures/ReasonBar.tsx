// The line above the grid that asks why figures are being changed (no dialog): Enter saves, Escape cancels.
import { useState } from 'react';
import { formatFigure } from '../../format.ts';

export interface ProposedChange {
  unit: string;
  label: string;
  before: number | null;
  after: number | null;
}

export function ReasonBar({
  changes,
  initialReason,
  onSave,
  onCancel,
}: {
  changes: ProposedChange[];
  initialReason: string;
  onSave(reason: string): void;
  onCancel(): void;
}) {
  const [reason, setReason] = useState(initialReason);
  const first = changes[0]!;
  const what =
    changes.length === 1
      ? `${first.unit} · ${first.label}: ${formatFigure(first.before) || '(trống)'} → ${formatFigure(first.after) || '(trống)'}`
      : `${changes.length} ô, bắt đầu từ ${first.unit} · ${first.label}`;
  return (
    <form
      className="reason-bar"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) onSave(reason.trim());
      }}
    >
      <span className="reason-what">Sửa {what}</span>
      <label htmlFor="correction-reason">Lý do sửa</label>
      <input
        id="correction-reason"
        autoFocus
        value={reason}
        placeholder="VD: theo công văn đính chính của đơn vị"
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => setReason(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          }
        }}
      />
      <button type="submit" className="primary" disabled={!reason.trim()}>
        Lưu
      </button>
      <button type="button" onClick={onCancel}>
        Hủy
      </button>
    </form>
  );
}
