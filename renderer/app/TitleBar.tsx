// The title bar: the agency, the reporting year, adding a year and locking the year's figures ("Chốt").
// Adding a year and locking are one-way actions: each opens a small panel that says what will happen and
// asks for confirmation (and, for a lock or an unlock, the reason the audit log keeps).
import { PeriodPicker } from '../components/PeriodPicker.tsx';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { useApp } from './context.ts';
import { DefinitionNotice } from './DefinitionNotice.tsx';

type Panel = { kind: 'add'; year: string } | { kind: 'lock'; reason: string } | { kind: 'unlock'; reason: string } | null;

export function TitleBar({ onYear, onYearsChanged }: { onYear(year: number): void; onYearsChanged(): void }) {
  const { api, info, year, period, setPeriod, status, refreshStatus } = useApp();
  const [panel, setPanel] = useState<Panel>(null);
  const [message, setMessage] = useState<string | null>(null);

  const addYear = async (text: string) => {
    const y = Number(text.trim());
    if (!/^\d{4}$/.test(text.trim()) || y < 2000 || y > 2100)
      return setMessage(`"${text}" không phải một năm từ 2000 đến 2100: hãy nhập năm, ví dụ ${Math.max(...info.years) + 1}.`);
    if (info.years.includes(y)) return setMessage(`Năm ${y} đã có trong dữ liệu: hãy chọn năm đó ở ô "Năm báo cáo".`);
    try {
      await api.call('addYear', { year: y });
      setPanel(null);
      setMessage(null);
      onYearsChanged();
      onYear(y);
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };

  const setLocked = async (locked: boolean, reason: string) => {
    try {
      await api.call('setYearLocked', { year, locked, reason });
      setPanel(null);
      setMessage(null);
      refreshStatus();
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };

  const close = () => {
    setPanel(null);
    setMessage(null);
  };
  const nearest = (y: number) => [...info.years].sort((a, b) => Math.abs(a - y) - Math.abs(b - y) || a - b)[0];

  return (
    <header className="title-bar">
      <div className="app-title">
        <strong>{info.appName}</strong> — {info.agency}
      </div>
      {message && !panel && (
        <div className="title-message" role="alert">
          {message}
        </div>
      )}
      <label className="year-picker">
        Năm báo cáo:{' '}
        <select value={year} onChange={(e) => onYear(Number(e.target.value))} aria-label="Năm báo cáo">
          {info.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <PeriodPicker year={year} years={info.years} value={period} onChange={setPeriod} />
      <DefinitionNotice />
      <button
        type="button"
        className="small"
        onClick={() => setPanel({ kind: 'add', year: String(Math.max(...info.years, year) + 1) })}
        title="Thêm một năm báo cáo (cả năm trước)"
      >
        + Thêm năm
      </button>
      {status?.locked ? (
        <button type="button" onClick={() => setPanel({ kind: 'unlock', reason: '' })} title="Mở khóa để nhận thêm hoặc sửa số liệu">
          Mở khóa
        </button>
      ) : (
        <button type="button" onClick={() => setPanel({ kind: 'lock', reason: '' })} title="Chốt số liệu năm: không nhận thêm hoặc sửa số liệu">
          Chốt số liệu
        </button>
      )}
      {panel && (
        <form
          className="title-panel"
          role="dialog"
          aria-label={panel.kind === 'add' ? 'Thêm năm báo cáo' : panel.kind === 'lock' ? `Chốt số liệu năm ${year}` : `Mở khóa năm ${year}`}
          onSubmit={(e) => {
            e.preventDefault();
            if (panel.kind === 'add') void addYear(panel.year);
            else void setLocked(panel.kind === 'lock', panel.reason);
          }}
          onKeyDown={(e) => e.key === 'Escape' && close()}
        >
          {panel.kind === 'add' ? (
            <>
              <label>
                <span>Năm cần thêm</span>
                <input autoFocus inputMode="numeric" size={6} value={panel.year} onChange={(e) => setPanel({ kind: 'add', year: e.target.value })} />
              </label>
              <p className="muted">
                {/^\d{4}$/.test(panel.year.trim()) && !info.years.includes(Number(panel.year))
                  ? `Năm ${panel.year} sẽ lấy kỳ báo cáo, người ký, nơi nhận của năm ${nearest(Number(panel.year))}, lùi hoặc tiến ngày theo số năm; số báo cáo để trống${Number(panel.year) < nearest(Number(panel.year))! ? ', không đặt hạn gửi' : ''}. Có thể sửa ở Thiết lập sau khi thêm.`
                  : 'Có thể thêm năm sau hoặc năm trước (để nhận biểu mẫu các năm cũ).'}
              </p>
              <div className="panel-actions">
                <button type="submit" className="primary">
                  Thêm năm
                </button>
                <button type="button" onClick={close}>
                  Hủy
                </button>
              </div>
            </>
          ) : (
            <>
              <p>
                {panel.kind === 'lock'
                  ? `Sau khi chốt, số liệu, xác nhận cảnh báo, nội dung và thiết lập của báo cáo năm ${year} giữ nguyên: không nhận thêm biểu mẫu, không sửa được cho đến khi mở khóa (kèm lý do). Đổi tên hay sáp nhập đơn vị sau đó không làm đổi báo cáo năm ${year}.`
                  : `Mở khóa năm ${year} để nhận thêm hoặc sửa số liệu; lý do được ghi vào nhật ký.`}
              </p>
              <label>
                <span>{panel.kind === 'lock' ? 'Lý do chốt' : 'Lý do mở khóa'}</span>
                <input
                  autoFocus
                  placeholder={panel.kind === 'lock' ? 'VD: Đã rà soát, trình lãnh đạo ký' : 'VD: Xã An Phú gửi lại số liệu'}
                  value={panel.reason}
                  onChange={(e) => setPanel({ kind: panel.kind, reason: e.target.value })}
                />
              </label>
              <div className="panel-actions">
                <button type="submit" className="primary" disabled={panel.reason.trim() === ''}>
                  {panel.kind === 'lock' ? `Chốt số liệu năm ${year}` : `Mở khóa năm ${year}`}
                </button>
                <button type="button" onClick={close}>
                  Hủy
                </button>
              </div>
            </>
          )}
          {message && (
            <p className="title-message" role="alert">
              {message}
            </p>
          )}
        </form>
      )}
    </header>
  );
}
