// The audit log: who did what and when, filtered by year, unit, kind of action and dates, in words; and
// the same lines written to a CSV file for Excel.
import { useState } from 'react';
import type { AuditFilter } from '../../../shared/api-types.ts';
import { errorMessage } from '../../api/client.ts';
import { useApp } from '../../app/context.ts';
import { useLoad } from '../../app/useLoad.ts';
import { Notice } from '../../components/Notice.tsx';
import { parseDayMonthYear } from '../../dates.ts';
import { formatDateTime } from '../../format.ts';

/** The kinds of action the filter offers (an action family of the log). */
const FAMILIES: { key: string; label: string }[] = [
  { key: 'submission', label: 'Nhận báo cáo, chọn phiên bản' },
  { key: 'figure', label: 'Sửa số liệu' },
  { key: 'finding', label: 'Xác nhận cảnh báo' },
  { key: 'section_text', label: 'Nội dung báo cáo' },
  { key: 'word_report', label: 'Báo cáo Word của đơn vị' },
  { key: 'setting', label: 'Thiết lập' },
  { key: 'unit', label: 'Danh sách đơn vị' },
  { key: 'year', label: 'Chốt, mở khóa năm' },
  { key: 'database', label: 'Cơ sở dữ liệu, khôi phục' },
];

const LIMIT = 500;

/** A day typed as dd/mm/yyyy, as the moment it starts on this machine; `next` the day after. */
function dayStart(text: string, next = false): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(parseDayMonthYear(text) ?? '');
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (next ? 1 : 0)).toISOString();
}

export function AuditPanel() {
  const { api, info, year } = useApp();
  const sep = info.pathSeparator;
  const units = useLoad(() => api.call('listUnits', {}), [api]);
  const [filterYear, setFilterYear] = useState<string>(String(year));
  const [unit, setUnit] = useState('');
  const [family, setFamily] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [csvFile, setCsvFile] = useState(`${info.dataDir}${sep}nhat-ky-thao-tac.csv`);
  const [csvDone, setCsvDone] = useState<string | null>(null);
  const [csvError, setCsvError] = useState<string | null>(null);

  const filter: AuditFilter = {
    ...(filterYear ? { year: Number(filterYear) } : {}),
    ...(unit ? { unit } : {}),
    ...(family ? { action: family } : {}),
    ...(dayStart(from) ? { since: dayStart(from) } : {}),
    ...(dayStart(to, true) ? { until: dayStart(to, true) } : {}),
  };
  const key = JSON.stringify(filter);
  const lines = useLoad(() => api.call('auditLines', { ...filter, limit: LIMIT + 1 }), [api, key]);
  const badDate = [from, to].find((d) => parseDayMonthYear(d) === null);
  const badRange = !badDate && dayStart(from) && dayStart(to, true) && dayStart(from)! >= dayStart(to, true)!;

  const exportCsv = async () => {
    setCsvDone(null);
    setCsvError(null);
    try {
      const r = await api.call('exportAuditCsv', {
        ...filter,
        file: csvFile.trim(),
      });
      setCsvDone(`Đã ghi ${r.rows} dòng nhật ký vào ${r.file}. Mở tệp bằng Excel để xem, lọc hoặc in.`);
    } catch (e) {
      setCsvError(errorMessage(e));
    }
  };

  const shown = lines.data?.slice(0, LIMIT) ?? [];
  return (
    <section className="panel audit-panel">
      <h2>Nhật ký thao tác</h2>
      <div className="filter-row" role="group" aria-label="Lọc nhật ký">
        <label>
          Năm báo cáo{' '}
          <select value={filterYear} onChange={(e) => setFilterYear(e.target.value)} aria-label="Lọc theo năm báo cáo">
            <option value="">Mọi năm</option>
            {info.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          Đơn vị{' '}
          <select value={unit} onChange={(e) => setUnit(e.target.value)} aria-label="Lọc theo đơn vị">
            <option value="">Mọi đơn vị</option>
            {(units.data ?? []).map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Thao tác{' '}
          <select value={family} onChange={(e) => setFamily(e.target.value)} aria-label="Lọc theo thao tác">
            <option value="">Mọi thao tác</option>
            {FAMILIES.map((f) => (
              <option key={f.key} value={f.key}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <span className="nowrap">
          <label>
            Từ ngày <input type="text" size={10} value={from} onChange={(e) => setFrom(e.target.value)} placeholder="dd/mm/yyyy" aria-label="Từ ngày" />
          </label>
          <label>
            đến ngày <input type="text" size={10} value={to} onChange={(e) => setTo(e.target.value)} placeholder="dd/mm/yyyy" aria-label="Đến ngày" />
          </label>
        </span>
      </div>
      {badDate && (
        <Notice kind="error">
          &quot;{badDate}&quot; không phải một ngày có thật (cần dạng ngày/tháng/năm, ví dụ 25/11/2026): chưa lọc theo ngày này. Hãy sửa lại.
        </Notice>
      )}
      {badRange && <Notice kind="error">&quot;Từ ngày&quot; sau &quot;Đến ngày&quot;: không có dòng nào. Hãy sửa lại khoảng ngày.</Notice>}
      {lines.error && <Notice kind="error">{lines.error}</Notice>}
      {lines.data && (
        <p className="summary-line" aria-live="polite">
          {lines.data.length === 0
            ? 'Không có dòng nhật ký nào khớp bộ lọc. Hãy bỏ bớt điều kiện lọc.'
            : lines.data.length > LIMIT
              ? `Hiện ${LIMIT} dòng mới nhất; thu hẹp bộ lọc hoặc xuất tệp CSV để xem hết.`
              : `${lines.data.length} dòng, mới nhất ở trên.`}
        </p>
      )}
      {shown.length > 0 && (
        <div className="table-scroll records-table">
          <table className="data-table" aria-label="Nhật ký thao tác">
            <thead>
              <tr>
                <th>Thời điểm</th>
                <th>Người thực hiện</th>
                <th>Thao tác</th>
                <th>Đối tượng</th>
                <th>Thay đổi</th>
                <th>Lý do</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((l) => (
                <tr key={l.id}>
                  <td className="nowrap">{formatDateTime(l.at)}</td>
                  <td>{l.user}</td>
                  <td className="nowrap">{l.what}</td>
                  <td>{l.subject}</td>
                  <td>{l.change}</td>
                  <td>{l.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form
        className="csv-export"
        onSubmit={(e) => {
          e.preventDefault();
          void exportCsv();
        }}
      >
        <label htmlFor="audit-csv">Xuất các dòng đang lọc ra tệp CSV (mở bằng Excel)</label>
        <div className="folder-row">
          <input id="audit-csv" type="text" spellCheck={false} value={csvFile} onChange={(e) => setCsvFile(e.target.value)} />
          <button type="submit" disabled={!csvFile.trim()}>
            Xuất tệp CSV
          </button>
        </div>
      </form>
      {csvError && <Notice kind="error">{csvError}</Notice>}
      {csvDone && <Notice kind="ok">{csvDone}</Notice>}
    </section>
  );
}
