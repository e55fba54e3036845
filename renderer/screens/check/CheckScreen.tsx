// Step 4 — Kiểm tra: the year's findings grouped by severity then rule, filtered by unit and rule; Enter or
// "Mở ô" opens the figure in Số liệu. Above the list, always in view, a pane shows the chosen finding's whole
// message and takes the reason that acknowledges it — or, a group's line chosen, every warning of that rule
// at once. The counts are labelled and drop as warnings are acknowledged.
import { useEffect, useMemo, useState } from 'react';
import { DataGrid, type Column } from 'react-data-grid';
import { formatVietnameseNumber } from '../../../shared/numbers.ts';
import type { ValidationFinding } from '../../../shared/rules/types.ts';
import { errorMessage } from '../../api/client.ts';
import { useApp } from '../../app/context.ts';
import { useLoad } from '../../app/useLoad.ts';
import { Notice } from '../../components/Notice.tsx';
import { chosenPeriodText } from '../../components/PeriodPicker.tsx';
import { formatDate, formatFigure } from '../../format.ts';
import { cellWords } from '../../../shared/sheet-words.ts';
import { findingRows, reviewCounts, SEVERITY_LABEL, type FindingRow } from './findingRows.ts';

type Chosen = { type: 'finding'; finding: ValidationFinding } | { type: 'group'; severity: ValidationFinding['severity']; rule: string; title: string };

/**
 * The message column's width at the window's width, and the characters a line of it holds (no text cut
 * off). A width in pixels, not "auto": a measured width would stay as wide as it was in a larger window.
 */
function useMessageColumn(): { width: number; charsPerLine: number } {
  const [windowWidth, setWindowWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWindowWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  // The rail, the padding, the scroll bar and the other columns take about 920 px; a character of 13 px
  // text about 7.5 px.
  const width = Math.max(360, windowWidth - 920);
  return { width, charsPerLine: Math.max(40, Math.floor((width - 16) / 7.5)) };
}

export function CheckScreen() {
  const { api, year, period, goTo, refreshStatus, template } = useApp();
  const report = useLoad(() => api.call('validateYear', { year, period }), [api, year, period]);
  const [unit, setUnit] = useState('');
  const [rule, setRule] = useState('');
  const [showAcknowledged, setShowAcknowledged] = useState(true);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const selected = chosen?.type === 'finding' ? chosen.finding : null;
  const { width: messageWidth, charsPerLine } = useMessageColumn();
  // Lines of a finding's row: its message, and the unit, cell and acknowledgement wrapped in their narrow columns.
  const findingLines = (f: ValidationFinding) =>
    Math.max(
      2,
      Math.ceil(f.message.length / charsPerLine),
      Math.ceil(f.unitName.length / 20),
      f.cells[0] ? Math.ceil(where(f.cells[0]).length / 17) : 0,
      f.acknowledged ? Math.ceil((f.acknowledged.reason.length + 15) / 22) : 0,
    );
  const where = (c: { sheet: string; address: string | null }) =>
    cellWords(template.sheets.find((s) => s.name === c.sheet) ?? { name: c.sheet, title: c.sheet }, c.address);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const findings = useMemo(() => report.data?.findings ?? [], [report.data]);
  const rows = useMemo(() => findingRows(findings, { unit, rule, showAcknowledged }), [findings, unit, rule, showAcknowledged]);
  const units = useMemo(
    () => [...new Map(findings.filter((f) => f.unit).map((f) => [f.unit!, f.unitName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi')),
    [findings],
  );
  const rules = useMemo(
    () => [...new Map(findings.map((f) => [f.rule, f.ruleTitle ?? f.rule])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi')),
    [findings],
  );

  const choose = (row: FindingRow) => {
    setChosen(row.type === 'finding' ? { type: 'finding', finding: row.finding } : { type: 'group', severity: row.severity, rule: row.rule, title: row.title });
  };

  const open = (f: ValidationFinding) => {
    const cell = f.cells[0];
    if (cell) goTo('figures', { sheet: cell.sheet, unit: f.unit, code: cell.code });
  };

  const counts = reviewCounts(findings);
  /** The warnings of the chosen group still to acknowledge (those shown by the filters). */
  const groupWarnings =
    chosen?.type === 'group'
      ? rows.flatMap((r) =>
          r.type === 'finding' && r.finding.rule === chosen.rule && r.finding.severity === chosen.severity && !r.finding.acknowledged ? [r.finding] : [],
        )
      : [];

  const acknowledge = async () => {
    const keys = selected ? [selected.key] : groupWarnings.map((f) => f.key);
    if (keys.length === 0) return;
    try {
      const updated = await api.call('acknowledgeFindings', { keys, reason });
      const byKey = new Map(updated.map((f) => [f.key, f]));
      report.setData((r) => (r ? { ...r, findings: r.findings.map((f) => byKey.get(f.key) ?? f) } : r));
      if (selected) setChosen({ type: 'finding', finding: byKey.get(selected.key) ?? selected });
      setReason('');
      setMessage({
        kind: 'ok',
        text:
          keys.length === 1
            ? 'Đã xác nhận cảnh báo; cảnh báo không còn tính là chưa xem xét.'
            : `Đã xác nhận ${formatVietnameseNumber(keys.length)} cảnh báo với cùng một lý do.`,
      });
      refreshStatus();
    } catch (e) {
      setMessage({ kind: 'error', text: `Chưa xác nhận được: ${errorMessage(e)}` });
    }
  };

  // Built each render: the cells call `open` and `where` of this render.
  const columns: Column<FindingRow>[] = [
    {
      key: 'severity',
      name: 'Mức',
      width: 96,
      colSpan: (args) => (args.type === 'ROW' && args.row.type === 'group' ? 6 : undefined),
      renderCell: ({ row }) =>
        row.type === 'group' ? (
          <span className={`group-label severity-${row.severity}`}>
            {SEVERITY_LABEL[row.severity]} · {row.title} · {formatVietnameseNumber(row.count)}{' '}
            {row.severity === 'error' ? 'lỗi' : row.severity === 'warning' ? 'cảnh báo' : 'thông tin'}
            {row.severity === 'warning' && row.count > 1 ? ' — bấm vào dòng này để xác nhận cả nhóm' : ''}
          </span>
        ) : (
          <span className={`tag tag-${row.finding.severity}`}>{SEVERITY_LABEL[row.finding.severity]}</span>
        ),
    },
    {
      key: 'unit',
      name: 'Đơn vị',
      width: 170,
      renderCell: ({ row }) => (row.type === 'finding' ? <span className="finding-message">{row.finding.unitName}</span> : null),
    },
    {
      key: 'message',
      name: 'Nội dung',
      width: messageWidth,
      renderCell: ({ row }) => (row.type === 'finding' ? <span className="finding-message">{row.finding.message}</span> : null),
    },
    {
      key: 'figures',
      name: 'Số liệu',
      width: 110,
      renderCell: ({ row }) =>
        row.type === 'finding' && (row.finding.left !== null || row.finding.right !== null)
          ? `${formatFigure(row.finding.left) || '—'} / ${formatFigure(row.finding.right) || '—'}`
          : null,
    },
    {
      key: 'cell',
      name: 'Ô',
      width: 150,
      renderCell: ({ row }) => {
        if (row.type !== 'finding' || !row.finding.cells[0]) return null;
        const c = row.finding.cells[0];
        return (
          <button type="button" className="link finding-cell" tabIndex={-1} onClick={() => open(row.finding)} title="Mở ô trong Số liệu (Enter)">
            {where(c)}
          </button>
        );
      },
    },
    {
      key: 'ack',
      name: 'Đã xác nhận',
      width: 180,
      renderCell: ({ row }) =>
        row.type === 'finding' && row.finding.acknowledged ? (
          <span className="finding-message">
            ✓ {row.finding.acknowledged.reason} ({formatDate(row.finding.acknowledged.at)})
          </span>
        ) : null,
    },
  ];

  return (
    <div className="check-screen">
      <div className="toolbar">
        <h2>Kết quả kiểm tra {chosenPeriodText(year, period)}</h2>
        {report.data && (
          <span className="summary-line">
            {formatVietnameseNumber(counts.errors)} lỗi · {formatVietnameseNumber(counts.unreviewed)} cảnh báo chưa xem xét
            {counts.acknowledged > 0 ? ` (${formatVietnameseNumber(counts.acknowledged)} cảnh báo đã xác nhận)` : ''}
            {counts.infos > 0 ? ` · ${formatVietnameseNumber(counts.infos)} thông tin` : ''}
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
      {report.data && report.data.received === 0 && (
        <Notice kind="info">
          Chưa nhận báo cáo nào của {report.data.period?.label.toLocaleLowerCase('vi') ?? `năm ${report.data.year}`}: chưa có số liệu để kiểm tra. Hãy nhận biểu
          mẫu các đơn vị gửi về ở bước Thu nhận.
        </Notice>
      )}
      {report.data && report.data.received !== 0 && findings.length === 0 && <Notice kind="ok">Không có lỗi hay cảnh báo nào trong số liệu đã nhận.</Notice>}
      {report.data && findings.length > 0 && (
        <form
          className="ack-bar"
          aria-label="Xác nhận cảnh báo"
          onSubmit={(e) => {
            e.preventDefault();
            void acknowledge();
          }}
        >
          {!chosen && (
            <span className="ack-subject muted">
              Chọn một dòng để xem đầy đủ nội dung; chọn dòng tiêu đề của một nhóm cảnh báo để xác nhận cả nhóm với cùng một lý do.
            </span>
          )}
          {selected && (
            <span className="ack-subject">
              <strong>{selected.unitName}</strong>
              {selected.cells[0] ? ` · ${where(selected.cells[0])}` : ''}: {selected.message}
            </span>
          )}
          {chosen?.type === 'group' && (
            <span className="ack-subject">
              <strong>{chosen.title}</strong>:{' '}
              {chosen.severity === 'warning'
                ? groupWarnings.length > 0
                  ? `${formatVietnameseNumber(groupWarnings.length)} cảnh báo chưa xác nhận. Nếu chúng cùng một nguyên nhân, ghi lý do một lần để xác nhận tất cả.`
                  : 'mọi cảnh báo của nhóm đã được xác nhận.'
                : 'lỗi không thể bỏ qua: hãy mở từng dòng để sửa số liệu hoặc nhận lại biểu mẫu của đơn vị.'}
            </span>
          )}
          {selected?.severity === 'error' && <span className="muted">Lỗi không thể bỏ qua: hãy sửa số liệu (Enter để mở ô) hoặc nhận lại biểu mẫu.</span>}
          {(selected ? selected.severity !== 'error' : chosen?.type === 'group' && groupWarnings.length > 0) && (
            <span className="ack-actions">
              <input aria-label="Lý do xác nhận" placeholder="Lý do xác nhận cảnh báo" value={reason} onChange={(e) => setReason(e.target.value)} />
              <button type="submit" className="primary" disabled={!reason.trim()}>
                {selected ? (selected.acknowledged ? 'Xác nhận lại' : 'Xác nhận') : `Xác nhận cả ${formatVietnameseNumber(groupWarnings.length)} cảnh báo`}
              </button>
            </span>
          )}
        </form>
      )}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {rows.length > 0 && (
        <DataGrid
          className="rdg-light findings-grid"
          aria-label="Kết quả kiểm tra"
          columns={columns}
          rows={rows}
          rowKeyGetter={(r) => r.key}
          rowHeight={(r) => (r.type === 'group' ? 30 : 12 + 18 * findingLines(r.finding))}
          rowClass={(r) =>
            r.type === 'group'
              ? chosen?.type === 'group' && chosen.rule === r.rule && chosen.severity === r.severity
                ? 'group-row selected-row'
                : 'group-row'
              : r.finding.key === selected?.key
                ? 'selected-row'
                : r.finding.acknowledged
                  ? 'acknowledged-row'
                  : undefined
          }
          onActivePositionChange={({ row }) => row && choose(row)}
          onCellClick={({ row }) => choose(row)}
          onCellKeyDown={({ row }, e) => {
            if (e.key === 'Enter' && row?.type === 'finding') {
              e.preventGridDefault();
              open(row.finding);
            }
          }}
        />
      )}
    </div>
  );
}
