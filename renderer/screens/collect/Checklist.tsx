// Who has reported: unit, status, version, date received; a click shows the unit's versions and what changed.
import { PAPER_STATUS } from '../../../shared/paper-source.ts';
import { useState } from 'react';
import type { YearChecklist } from '../../../shared/api-types.ts';
import { useApp } from '../../app/context.ts';
import { useLoad } from '../../app/useLoad.ts';
import { Notice } from '../../components/Notice.tsx';
import { formatDate, formatDateTime, formatFigure } from '../../format.ts';
import { CHECKLIST_STATUS } from './labels.ts';

export function Checklist({ checklist }: { checklist: YearChecklist }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="checklist">
      <div className="table-scroll">
        <table className="data-table" aria-label="Danh sách đơn vị gửi báo cáo">
          <thead>
            <tr>
              <th>Đơn vị</th>
              <th>Loại</th>
              <th>Tình trạng</th>
              <th>Phiên bản</th>
              <th>Ngày nhận</th>
              <th>Tệp</th>
              <th>Cảnh báo khi nhận</th>
            </tr>
          </thead>
          <tbody>
            {checklist.rows.map((r) => (
              <tr
                key={r.unit}
                className={`status-${r.status} ${open === r.unit ? 'selected' : ''}`}
                tabIndex={0}
                onClick={() => setOpen(open === r.unit ? null : r.unit)}
                onKeyDown={(e) => e.key === 'Enter' && setOpen(open === r.unit ? null : r.unit)}
              >
                <td>{r.unitName}</td>
                <td>{r.kindLabel}</td>
                <td>
                  <span className={`tag tag-${r.status}`}>{r.paperSource ? PAPER_STATUS : CHECKLIST_STATUS[r.status]}</span>
                </td>
                <td>{r.version ? `${r.version}${r.versions > 1 ? ` (${r.versions} lần gửi)` : ''}` : ''}</td>
                <td>{formatDate(r.receivedAt)}</td>
                <td className={r.fileName ? 'file-cell' : undefined}>{r.fileName ?? r.paperSource ?? ''}</td>
                <td>{r.warnings || ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open && <VersionHistory unit={open} year={checklist.year} />}
    </div>
  );
}

function VersionHistory({ unit, year }: { unit: string; year: number }) {
  const { api } = useApp();
  const versions = useLoad(() => api.call('unitVersions', { year, unit }), [api, year, unit]);
  if (versions.error) return <Notice kind="error">{versions.error}</Notice>;
  if (!versions.data) return null;
  if (versions.data.length === 0) return <p className="muted">Đơn vị chưa gửi báo cáo năm {year}.</p>;
  return (
    <div className="version-history" aria-label="Các phiên bản">
      <h3>Các lần gửi</h3>
      {versions.data.map((v) => (
        <div key={v.id} className="version">
          <div>
            <strong>Phiên bản {v.version}</strong>
            {v.isCurrent && ' (đang dùng)'} — {v.paperSource ?? v.fileName ?? 'nhập từ tệp dữ liệu tổng hợp (không có tệp Excel)'} · nhận{' '}
            {formatDate(v.receivedAt)} · nhập lúc {formatDateTime(v.importedAt)}
          </div>
          {v.changes.length > 0 && (
            <ul className="changes">
              {v.changes.map((c) => (
                <li key={c.code}>
                  {c.label}: {formatFigure(c.before) || '(trống)'} → {formatFigure(c.after) || '(trống)'}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}
