// Step 4 — Kiểm tra: the year's findings grouped by severity then rule, filtered by unit and rule; Enter or
// "Mở ô" opens the figure in Số liệu; a warning is acknowledged with a reason, in a line below the list.
import { useMemo, useState } from 'react';
import { DataGrid, type Column } from 'react-data-grid';
import { formatVietnameseNumber } from '../../../shared/numbers.ts';
import type { ValidationFinding } from '../../../shared/rules/types.ts';
import { errorMessage } from '../../api/client.ts';
import { useApp } from '../../app/context.ts';
import { useLoad } from '../../app/useLoad.ts';
import { Notice } from '../../components/Notice.tsx';
import { chosenPeriodText } from '../../components/PeriodPicker.tsx';
import { formatDate, formatFigure } from '../../format.ts';
import { findingRows, SEVERITY_LABEL, type FindingRow } from './findingRows.ts';

export function CheckScreen() {
  const { api, year, period, goTo, refreshStatus } = useApp();
  const report = useLoad(() => api.call('validateYear', { year, period }), [api, year, period]);
  const [unit, setUnit] = useState('');
  const [rule, setRule] = useState('');
  const [showAcknowledged, setShowAcknowledged] = useState(true);
  const [selected, setSelected] = useState<ValidationFinding | null>(null);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const findings = report.data?.findings ?? [];
  const rows = useMemo(() => findingRows(findings, { unit, rule, showAcknowledged }), [findings, unit, rule, showAcknowledged]);
  const units = useMemo(() => [...new Map(findings.filter((f) => f.unit).map((f) => [f.unit!, f.unitName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi')), [findings]);
  const rules = useMemo(() => [...new Map(findings.map((f) => [f.rule, f.ruleTitle ?? f.rule])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi')), [findings]);

  const open = (f: ValidationFinding) => {
    const cell = f.cells[0];
    if (cell) goTo('figures', { sheet: cell.sheet, unit: f.unit, code: cell.code });
  };

  const acknowledge = async () => {
    if (!selected) return;
    try {
      const updated = await api.call('acknowledgeFinding', { key: selected.key, reason });
      report.setData((r) => (r ? { ...r, findings: r.findings.map((f) => (f.key === updated.key ? updated : f)) } : r));
      setSelected(updated);
      setReason('');
      setMessage({ kind: 'ok', text: 'Đã xác nhận cảnh báo.' });
      refreshStatus();
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };

  const columns = useMemo<Column<FindingRow>[]>(
    () => [
      {
        key: 'severity',
        name: 'Mức',
        width: 96,
        colSpan: (args) => (args.type === 'ROW' && args.row.type === 'group' ? 6 : undefined),
        renderCell: ({ row }) =>
          row.type === 'group' ? (
            <span className={`group-label severity-${row.severity}`}>
              {SEVERITY_LABEL[row.severity]} · {row.title} · {row.count}
            </span>
          ) : (
            <span className={`tag tag-${row.finding.severity}`}>{SEVERITY_LABEL[row.finding.severity]}</span>
          ),
      },
      { key: 'unit', name: 'Đơn vị', width: 170, renderCell: ({ row }) => (row.type === 'finding' ? row.finding.unitName : null) },
      {
        key: 'message',
        name: 'Nội dung',
        minWidth: 360,
        renderCell: ({ row }) =>
          row.type === 'finding' ? (
            <span className="finding-message" title={row.finding.message}>
              {row.finding.message}
            </span>
          ) : null,
      },
      {
        key: 'figures',
        name: 'Số liệu',
        width: 110,
        renderCell: ({ row }) => (row.type === 'finding' && (row.finding.left !== null || row.finding.right !== null) ? `${formatFigure(row.finding.left) || '—'} / ${formatFigure(row.finding.right) || '—'}` : null),
      },
      {
        key: 'cell',
        name: 'Ô',
        width: 110,
        renderCell: ({ row }) => {
          if (row.type !== 'finding' || !row.finding.cells[0]) return null;
          const c = row.finding.cells[0];
          return (
            <button type="button" className="link" tabIndex={-1} onClick={() => open(row.finding)} title="Mở ô trong Số liệu (Enter)">
              {c.address ? `${c.sheet}!${c.address}` : c.sheet}
            </button>
          );
        },
      },
      {
        key: 'ack',
        name: 'Đã xác nhận',
        width: 220,
        renderCell: ({ row }) => (row.type === 'finding' && row.finding.acknowledged ? <span title={row.finding.acknowledged.reason}>✓ {row.finding.acknowledged.reason} ({formatDate(row.finding.acknowledged.at)})</span> : null),
      },
    ],
    [goTo],
  );

  return (
    <div className="check-screen">
      <div className="toolbar">
        <h2>Kết quả kiểm tra {chosenPeriodText(year, period)}</h2>
        {report.data && (
          <span className="summary-line">
            {formatVietnameseNumber(report.data.errors)} lỗi · {formatVietnameseNumber(report.data.warnings)} cảnh báo · {formatVietnameseNumber(report.data.infos)} thông tin
          </span>
        )}
        <label>
          Đơn vị{' '}
          <select value={unit} onChange={(e) => setUnit(e.target.value)} aria-label="Lọc theo đơn vị">
            <option value="">(tất cả)</option>
            {units.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Quy tắc{' '}
          <select value={rule} onChange={(e) => setRule(e.target.value)} aria-label="Lọc theo quy tắc">
            <option value="">(tất cả)</option>
            {rules.map(([id, title]) => (
              <option key={id} value={id}>
                {title}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={showAcknowledged} onChange={(e) => setShowAcknowledged(e.target.checked)} /> Hiện cảnh báo đã xác nhận
        </label>
        <button type="button" onClick={() => report.reload()}>
          Kiểm tra lại
        </button>
      </div>
      {report.error && <Notice kind="error">{report.error}</Notice>}
      {report.loading && !report.data && <p className="muted">Đang kiểm tra…</p>}
      {report.data && findings.length === 0 && <Notice kind="ok">Không có lỗi hay cảnh báo nào.</Notice>}
      {rows.length > 0 && (
        <DataGrid
          className="rdg-light findings-grid"
          aria-label="Kết quả kiểm tra"
          columns={columns}
          rows={rows}
          rowKeyGetter={(r) => r.key}
          rowHeight={(r) => (r.type === 'group' ? 30 : 40)}
          rowClass={(r) => (r.type === 'group' ? 'group-row' : r.finding.key === selected?.key ? 'selected-row' : r.finding.acknowledged ? 'acknowledged-row' : undefined)}
          onActivePositionChange={({ row }) => row?.type === 'finding' && setSelected(row.finding)}
          onCellClick={({ row }) => row.type === 'finding' && setSelected(row.finding)}
          onCellKeyDown={({ row }, e) => {
            if (e.key === 'Enter' && row?.type === 'finding') {
              e.preventGridDefault();
              open(row.finding);
            }
          }}
        />
      )}
      {selected && (
        <form
          className="ack-bar"
          onSubmit={(e) => {
            e.preventDefault();
            void acknowledge();
          }}
        >
          <span className="ack-subject" title={selected.message}>
            {selected.message}
          </span>
          {selected.severity === 'error' ? (
            <span className="muted">Lỗi không thể bỏ qua: hãy sửa số liệu (Enter để mở ô) hoặc nhận lại biểu mẫu.</span>
          ) : (
            <>
              <input aria-label="Lý do xác nhận" placeholder="Lý do xác nhận cảnh báo" value={reason} onChange={(e) => setReason(e.target.value)} />
              <button type="submit" className="primary" disabled={!reason.trim()}>
                {selected.acknowledged ? 'Xác nhận lại' : 'Xác nhận'}
              </button>
            </>
          )}
        </form>
      )}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
    </div>
  );
}
