// The title bar: the agency, the reporting year, and locking the year's figures ("Chốt").
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { useApp } from './context.ts';

export function TitleBar({ onYear, onYearsChanged }: { onYear(year: number): void; onYearsChanged(): void }) {
  const { api, info, year, status, refreshStatus } = useApp();
  const [lockReason, setLockReason] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const addNextYear = async () => {
    const next = Math.max(...info.years, year) + 1;
    try {
      await api.call('addYear', { year: next });
      onYearsChanged();
      onYear(next);
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };

  const setLocked = async (locked: boolean, reason?: string) => {
    try {
      await api.call('setYearLocked', { year, locked, reason });
      setLockReason(null);
      setMessage(null);
      refreshStatus();
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };

  return (
    <header className="title-bar">
      <div className="app-title">
        <strong>{info.appName}</strong> — {info.agency}
      </div>
      {message && (
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
      <button type="button" className="small" onClick={() => void addNextYear()} title="Thêm năm báo cáo tiếp theo">
        + Năm
      </button>
      {status?.locked ? (
        lockReason === null ? (
          <button type="button" onClick={() => setLockReason('')} title="Mở khóa để nhận thêm hoặc sửa số liệu">
            Mở khóa
          </button>
        ) : (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void setLocked(false, lockReason);
            }}
          >
            <input autoFocus placeholder="Lý do mở khóa" value={lockReason} onChange={(e) => setLockReason(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setLockReason(null)} />
            <button type="submit">Mở khóa</button>
          </form>
        )
      ) : (
        <button type="button" onClick={() => void setLocked(true)} title="Chốt số liệu năm: không nhận thêm hoặc sửa số liệu">
          Chốt
        </button>
      )}
    </header>
  );
}
