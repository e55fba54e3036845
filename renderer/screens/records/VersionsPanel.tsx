// A unit's versions of a year: every workbook (or paper submission) it sent, what changed cell by cell
// between two of them ("Phụ lục 01, ô C8: 3 → 4"), and choosing which one the report uses, with a reason.
import { useEffect, useMemo, useState } from 'react';
import type { SubmissionVersionInfo } from '../../../shared/api-types.ts';
import { cellInWords } from '../../../shared/cell-words.ts';
import { errorMessage } from '../../api/client.ts';
import { useApp } from '../../app/context.ts';
import { useLoad } from '../../app/useLoad.ts';
import { Notice } from '../../components/Notice.tsx';
import { formatDate, formatFigure } from '../../format.ts';

function versionSource(v: SubmissionVersionInfo): string {
  if (v.source === 'paper') return v.paperSource ?? 'Bản giấy';
  return v.fileName ?? 'Tệp dữ liệu của tỉnh';
}

/** Cells in reading order: sheet, row, column ("PL01!C6" before "PL01!D6" before "PL01!C7"); the rest after. */
function cellOrder(ref: string | null): [string, number, number] {
  const m = ref ? /^(.*)!\$?([A-Z]+)\$?(\d+)$/.exec(ref) : null;
  if (!m) return ['\uffff', 0, 0];
  const col = [...m[2]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [m[1]!, Number(m[3]), col];
}

function byCell(a: { cell: string | null }, b: { cell: string | null }): number {
  const [sa, ra, ca] = cellOrder(a.cell);
  const [sb, rb, cb] = cellOrder(b.cell);
  return sa.localeCompare(sb) || ra - rb || ca - cb;
}

function shown(v: string | number | null): string {
  if (v === null) return '(trống)';
  return typeof v === 'number' ? formatFigure(v) : v;
}

export function VersionsPanel() {
  const { api, year, template, status, refreshStatus } = useApp();
  const checklist = useLoad(() => api.call('yearChecklist', { year }), [api, year]);
  const reported = useMemo(() => (checklist.data?.rows ?? []).filter((r) => r.versions > 0), [checklist.data]);
  const [unit, setUnit] = useState('');
  const [choice, setChoice] = useState<{ version: number; reason: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!unit && reported.length > 0) setUnit((reported.find((r) => r.versions > 1) ?? reported[0])!.unit);
  }, [reported, unit]);
  const versions = useLoad(() => (unit ? api.call('unitVersions', { year, unit }) : Promise.resolve([])), [api, year, unit]);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  useEffect(() => {
    const list = versions.data ?? [];
    // Newest first: compare the one before the newest with the newest.
    setTo(list[0]?.version ?? null);
    setFrom(list[1]?.version ?? list[0]?.version ?? null);
    setChoice(null);
  }, [versions.data]);
  useEffect(() => {
    setDone(null);
    setError(null);
  }, [unit]);
  const diff = useLoad(
    () => (unit && from !== null && to !== null && from !== to ? api.call('diffVersions', { year, unit, from, to }) : Promise.resolve(null)),
    [api, year, unit, from, to],
  );
  const unitName = reported.find((r) => r.unit === unit)?.unitName ?? '';

  const choose = async () => {
    if (!choice) return;
    setError(null);
    try {
      await api.call('chooseCurrentVersion', { year, unit, version: choice.version, reason: choice.reason });
      versions.reload();
      refreshStatus();
      setDone(
        `Báo cáo năm ${year} từ nay dùng phiên bản ${choice.version} của ${unitName}. Hãy chạy lại Kiểm tra và lập lại phụ lục để số liệu theo phiên bản này.`,
      );
      setChoice(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="panel versions-panel">
      <h2>Phiên bản báo cáo của đơn vị — năm {year}</h2>
      <div className="filter-row">
        <label>
          Đơn vị{' '}
          <select value={unit} onChange={(e) => setUnit(e.target.value)} aria-label="Đơn vị">
            {reported.length === 0 && <option value="">Chưa đơn vị nào gửi báo cáo năm {year}</option>}
            {reported.map((r) => (
              <option key={r.unit} value={r.unit}>
                {r.unitName} ({r.versions} phiên bản)
              </option>
            ))}
          </select>
        </label>
      </div>
      {versions.error && <Notice kind="error">{versions.error}</Notice>}
      {(versions.data ?? []).length > 0 && (
        <div className="versions-layout">
          <div className="table-scroll records-table">
            <table className="data-table" aria-label="Các phiên bản">
              <thead>
                <tr>
                  <th>Phiên bản</th>
                  <th>Nguồn</th>
                  <th>Ngày nhận</th>
                  <th>So sánh</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {versions.data!.map((v) => (
                  <tr key={v.version} className={v.isCurrent ? 'selected' : undefined}>
                    <td className="nowrap">
                      {v.version}
                      {v.isCurrent && <span className="tag tag-on_time">đang dùng</span>}
                    </td>
                    <td>{versionSource(v)}</td>
                    <td className="nowrap">{formatDate(v.receivedAt)}</td>
                    <td className="nowrap">
                      <label title="Bản cũ để so sánh">
                        <input
                          type="radio"
                          name="from"
                          checked={from === v.version}
                          onChange={() => setFrom(v.version)}
                          aria-label={`So sánh từ phiên bản ${v.version}`}
                        />{' '}
                        từ
                      </label>{' '}
                      <label title="Bản mới để so sánh">
                        <input
                          type="radio"
                          name="to"
                          checked={to === v.version}
                          onChange={() => setTo(v.version)}
                          aria-label={`So sánh đến phiên bản ${v.version}`}
                        />{' '}
                        đến
                      </label>
                    </td>
                    <td>
                      {!v.isCurrent && (
                        <button type="button" className="small" disabled={status?.locked} onClick={() => setChoice({ version: v.version, reason: '' })}>
                          Dùng phiên bản này…
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="diff-pane">
            {choice && (
              <form
                className="confirm-box"
                role="dialog"
                aria-label="Chọn phiên bản dùng"
                onSubmit={(e) => {
                  e.preventDefault();
                  void choose();
                }}
              >
                <p>
                  Báo cáo năm {year} sẽ dùng phiên bản {choice.version} của {unitName} thay cho phiên bản đang dùng. Các phiên bản khác vẫn được giữ; lý do được
                  ghi vào nhật ký.
                </p>
                <label>
                  Lý do{' '}
                  <input
                    autoFocus
                    size={40}
                    value={choice.reason}
                    onChange={(e) => setChoice({ ...choice, reason: e.target.value })}
                    aria-label="Lý do chọn phiên bản"
                  />
                </label>
                <div className="panel-actions">
                  <button type="submit" className="primary" disabled={!choice.reason.trim()}>
                    Dùng phiên bản {choice.version}
                  </button>
                  <button type="button" onClick={() => setChoice(null)}>
                    Hủy
                  </button>
                </div>
              </form>
            )}
            {error && <Notice kind="error">{error}</Notice>}
            {done && <Notice kind="ok">{done}</Notice>}
            {status?.locked && <Notice kind="info">Năm {year} đã chốt: muốn đổi phiên bản dùng, hãy mở khóa năm trước.</Notice>}
            <h3>{from !== null && to !== null && from !== to ? `Khác nhau giữa phiên bản ${from} và ${to}` : 'Chọn hai phiên bản khác nhau để so sánh'}</h3>
            {diff.error && <Notice kind="error">{diff.error}</Notice>}
            {diff.data && diff.data.length === 0 && <p className="muted">Hai phiên bản có số liệu, văn bản và nội dung như nhau.</p>}
            {diff.data && diff.data.length > 0 && (
              <ul className="diff-list" aria-label="Các ô khác nhau">
                {[...diff.data].sort(byCell).map((d, i) => (
                  <li key={i}>
                    {d.kind === 'document' ? (
                      <>
                        Văn bản {d.code}: {d.before === null ? 'thêm mới' : d.after === null ? 'bỏ đi' : 'sửa nội dung'}
                      </>
                    ) : d.kind === 'text' ? (
                      <>
                        {cellInWords(d.cell, template.sheets) ?? 'Nội dung'}
                        {d.label ? ` (${d.label})` : ''}: nội dung viết lại
                      </>
                    ) : (
                      <>
                        <strong>{cellInWords(d.cell, template.sheets) ?? 'Một ô'}</strong>: {shown(d.before)} → {shown(d.after)}
                        {d.label && <span className="muted"> — {d.label}</span>}
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
