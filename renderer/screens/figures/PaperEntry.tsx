// Figures received on paper (a form on paper, an official letter, a phone call) for a unit that sent no
// workbook: a button beside the sheet tabs opens a small form (unit, how the figures came, its reference);
// the unit's row then opens for typing, and the source is offered as the reason of each figure typed.
import { useState } from 'react';
import type { GridRow } from '../../../shared/api-types.ts';
import { PAPER_MEDIA, PAPER_MEDIUM_LABELS, PAPER_REFERENCE_PROMPTS, paperSourceText, type PaperMedium } from '../../../shared/paper-source.ts';
import { errorMessage } from '../../api/client.ts';
import { useApp } from '../../app/context.ts';
import { useLoad } from '../../app/useLoad.ts';
import { Notice } from '../../components/Notice.tsx';

/** The reason offered for figures typed into paper submissions: their source, when all the cells are of one such unit. */
export function paperReason(rows: readonly Pick<GridRow, 'paperSource'>[]): string {
  const sources = new Set(rows.map((r) => r.paperSource ?? ''));
  return sources.size === 1 ? [...sources][0]! : '';
}

export function PaperEntryButton({ onCreated }: { onCreated(unit: string): void }) {
  const { year, status, refreshStatus } = useApp();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="small paper-entry-button"
        disabled={!!status?.locked}
        title={status?.locked ? `Năm ${year} đã chốt` : undefined}
        onClick={() => setOpen(true)}
      >
        Nhập số liệu nhận bằng văn bản…
      </button>
      {open && (
        <PaperEntryDialog
          onClose={() => setOpen(false)}
          onCreated={(unit) => {
            setOpen(false);
            refreshStatus();
            onCreated(unit);
          }}
        />
      )}
    </>
  );
}

function PaperEntryDialog({ onClose, onCreated }: { onClose(): void; onCreated(unit: string): void }) {
  const { api, year } = useApp();
  const checklist = useLoad(() => api.call('yearChecklist', { year }), [api, year]);
  const missing = (checklist.data?.rows ?? []).filter((r) => r.status === 'missing');
  const [unit, setUnit] = useState('');
  const [medium, setMedium] = useState<PaperMedium>('letter');
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string | null>(null);
  const chosen = unit || missing[0]?.unit || '';
  const name = missing.find((r) => r.unit === chosen)?.unitName ?? '';

  const save = async () => {
    setError(null);
    try {
      await api.call('addPaperSubmission', { year, unit: chosen, medium, reference });
      onCreated(chosen);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <form
      className="confirm-box paper-entry"
      role="dialog"
      aria-label="Nhập số liệu nhận bằng văn bản"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <h3>Số liệu năm {year} nhận bằng văn bản, không có tệp biểu mẫu</h3>
      {checklist.data && missing.length === 0 ? (
        <p>Mọi đơn vị đã gửi báo cáo năm {year}. Số liệu nhận thêm bằng văn bản hãy sửa thẳng trong bảng, ghi số công văn làm lý do.</p>
      ) : (
        <>
          <div className="paper-fields">
            <label>
              Đơn vị chưa gửi{' '}
              <select value={chosen} onChange={(e) => setUnit(e.target.value)} aria-label="Đơn vị">
                {missing.map((r) => (
                  <option key={r.unit} value={r.unit}>
                    {r.unitName}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Nhận qua{' '}
              <select value={medium} onChange={(e) => setMedium(e.target.value as PaperMedium)} aria-label="Nhận qua">
                {PAPER_MEDIA.map((m) => (
                  <option key={m} value={m}>
                    {PAPER_MEDIUM_LABELS[m]}
                  </option>
                ))}
              </select>
            </label>
            <label className="paper-reference">
              {medium === 'letter' ? 'Số, ngày công văn' : medium === 'phone' ? 'Người cung cấp, ngày' : 'Ngày nhận, người gửi'}{' '}
              <input
                autoFocus
                value={reference}
                onChange={(e) => setReference(e.target.value)}
                placeholder={PAPER_REFERENCE_PROMPTS[medium]}
                aria-label="Nguồn số liệu"
              />
            </label>
          </div>
          <p className="muted">
            {reference.trim()
              ? `Dòng của ${name} sẽ mở để gõ số liệu; mỗi số gõ vào ghi lý do "${paperSourceText(medium, reference)}". Đơn vị hiện là "Đã nhận (bản giấy)"; phụ lục, kiểm tra và nguồn số liệu tính như báo cáo bằng tệp.`
              : 'Ghi nguồn để sau này tra lại được: số và ngày công văn, người gọi điện, hay ngày nhận bản giấy.'}
          </p>
          <div className="panel-actions">
            <button type="submit" className="primary" disabled={!chosen || !reference.trim()}>
              Mở dòng để nhập số liệu
            </button>
            <button type="button" onClick={onClose}>
              Hủy
            </button>
          </div>
        </>
      )}
      {checklist.data && missing.length === 0 && (
        <div className="panel-actions">
          <button type="button" onClick={onClose}>
            Đóng
          </button>
        </div>
      )}
      {error && <Notice kind="error">{error}</Notice>}
    </form>
  );
}
