// The plan's targets of the province in the Báo cáo step: the same rows as the report's table "Kết quả thực hiện
// các chỉ tiêu" (chỉ tiêu, mức phấn đấu, kết quả, đánh giá), each level editable, targets turned off or added
// back from the catalogue, a changed level put back to the plan's. Kept in the database for every year.
import { useState } from 'react';
import type { TargetRow, TargetsView } from '../../../shared/api-types.ts';
import { formatVietnameseNumber, parseVietnameseNumber } from '../../../shared/numbers.ts';
import { errorMessage } from '../../api/client.ts';
import { useApp } from '../../app/context.ts';
import { useLoad } from '../../app/useLoad.ts';
import { Notice } from '../../components/Notice.tsx';

const STATUS_CLASS: Record<NonNullable<TargetRow['status']>, string> = { dat: 'target-ok', chua_dat: 'target-no', thieu: 'target-gap' };

function LevelInput({ row, onSave, disabled }: { row: TargetRow; onSave: (value: number) => Promise<boolean>; disabled: boolean }) {
  const [typed, setTyped] = useState(formatVietnameseNumber(row.value));
  const [problem, setProblem] = useState<string | null>(null);
  const commit = async () => {
    const value = parseVietnameseNumber(typed);
    if (value === null) {
      setProblem('Hãy nhập một số, ví dụ 95 hoặc 90,5.');
      return;
    }
    setProblem(null);
    if (value !== row.value && !(await onSave(value))) setTyped(formatVietnameseNumber(row.value));
  };
  return (
    <span className="target-level">
      <input
        aria-label={`Mức phấn đấu của chỉ tiêu: ${row.label}`}
        inputMode="decimal"
        value={typed}
        disabled={disabled}
        onChange={(e) => setTyped(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => e.key === 'Enter' && void commit()}
      />{' '}
      {row.unit}
      {problem && <span className="field-error">{problem}</span>}
    </span>
  );
}

export function TargetsPanel() {
  const { api, year } = useApp();
  const view = useLoad(() => api.call('targets', { year }), [api, year]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [adding, setAdding] = useState('');

  const run = async (work: () => Promise<TargetsView>, done: string): Promise<boolean> => {
    setBusy(true);
    setMessage(null);
    try {
      const next = await work();
      view.setData(() => next);
      setMessage({ kind: 'ok', text: done });
      return true;
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (view.error) return <Notice kind="error">{view.error}</Notice>;
  if (!view.data) return <p className="muted">Đang tải các chỉ tiêu…</p>;
  const locked = view.data.locked;
  const on = view.data.rows.filter((r) => r.enabled);
  const off = view.data.rows.filter((r) => !r.enabled);

  return (
    <div className="targets">
      <p className="muted">
        Các chỉ tiêu của kế hoạch mà báo cáo đánh giá (bảng “Kết quả thực hiện các chỉ tiêu”, mục B.IV.1). Sửa mức phấn đấu theo kế hoạch của địa phương rồi
        nhấn Enter; thay đổi áp dụng cho báo cáo của mọi năm. Chỉ tiêu thiếu số liệu của một đơn vị được ghi “Chưa đủ số liệu”, không bao giờ tính là đạt.
      </p>
      {locked && (
        <Notice kind="info">
          Năm {year} đã chốt số liệu: báo cáo năm {year} giữ các chỉ tiêu như khi chốt. Chọn một năm chưa chốt để sửa chỉ tiêu.
        </Notice>
      )}
      {view.data.summary && <p className="targets-summary">{view.data.summary}</p>}
      <div className="table-scroll">
        <table className="data-table targets-table">
          <thead>
            <tr>
              <th>Chỉ tiêu</th>
              <th>Mức phấn đấu</th>
              <th>Kết quả năm {year}</th>
              <th>Đánh giá</th>
              <th aria-label="Thao tác" />
            </tr>
          </thead>
          <tbody>
            {on.map((r) => (
              <tr key={r.code}>
                <td>{r.label}</td>
                <td>
                  <LevelInput
                    key={r.value}
                    row={r}
                    disabled={busy || locked}
                    onSave={(value) => run(() => api.call('setTarget', { year, code: r.code, value }), `Đã đổi mức phấn đấu: ${r.label}.`)}
                  />
                  <div className="muted small">{r.levelText}</div>
                </td>
                <td>{r.resultText}</td>
                <td>{r.status && <span className={`tag ${STATUS_CLASS[r.status]}`}>{r.statusText}</span>}</td>
                <td className="target-actions">
                  {!locked && r.value !== r.defaultValue && (
                    <button
                      type="button"
                      className="link"
                      disabled={busy}
                      onClick={() =>
                        void run(() => api.call('setTarget', { year, code: r.code, value: r.defaultValue }), `Đã đưa mức về theo kế hoạch: ${r.label}.`)
                      }
                    >
                      Về mức kế hoạch
                    </button>
                  )}
                  <button
                    type="button"
                    className="link"
                    disabled={busy || locked}
                    onClick={() =>
                      void run(
                        () => api.call('setTarget', { year, code: r.code, enabled: false }),
                        `Đã bỏ chỉ tiêu khỏi báo cáo: ${r.label}. Có thể thêm lại từ danh mục bên dưới.`,
                      )
                    }
                  >
                    Bỏ khỏi báo cáo
                  </button>
                </td>
              </tr>
            ))}
            {on.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  Chưa theo dõi chỉ tiêu nào: báo cáo không có bảng kết quả thực hiện các chỉ tiêu. Thêm chỉ tiêu từ danh mục bên dưới.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {off.length > 0 && !locked && (
        <div className="form-actions targets-add">
          <label htmlFor="target-add">Thêm chỉ tiêu từ danh mục</label>
          <select id="target-add" value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">— chọn chỉ tiêu —</option>
            {off.map((r) => (
              <option key={r.code} value={r.code}>
                {r.label} ({r.levelText})
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={busy || adding === ''}
            onClick={() => {
              const r = off.find((x) => x.code === adding);
              if (r) void run(() => api.call('setTarget', { year, code: r.code, enabled: true }), `Đã thêm chỉ tiêu: ${r.label}.`).then(() => setAdding(''));
            }}
          >
            Thêm
          </button>
        </div>
      )}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
    </div>
  );
}
