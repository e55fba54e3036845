// "Nguồn số liệu": pick an annex and one of its figures to see the units, files, cells and corrections
// behind it — the figures received on paper marked as such.
import { useMemo, useState } from 'react';
import type { AnnexFigureCell, CellTrace } from '../../../shared/api-types.ts';
import { cellInWords } from '../../../shared/cell-words.ts';
import { errorMessage } from '../../api/client.ts';
import { useApp } from '../../app/context.ts';
import { useLoad } from '../../app/useLoad.ts';
import { Notice } from '../../components/Notice.tsx';
import { formatDate, formatDateTime, formatFigure } from '../../format.ts';

const SHOWN = 300;

export function TracePanel() {
  const { api, year, template } = useApp();
  const cells = useLoad(() => api.call('annexFigureCells', { year }), [api, year]);
  const annexes = useMemo(() => [...new Map((cells.data ?? []).map((c) => [c.annex, c.annexLabel])).entries()], [cells.data]);
  const [annex, setAnnex] = useState('');
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<AnnexFigureCell | null>(null);
  const [trace, setTrace] = useState<CellTrace | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = annex || annexes[0]?.[0] || '';
  const words = search.trim().toLocaleLowerCase('vi').split(/\s+/).filter(Boolean);
  const list = (cells.data ?? []).filter(
    (c) => c.annex === current && words.every((w) => c.label.toLocaleLowerCase('vi').includes(w) || c.cell.toLowerCase() === w),
  );

  const open = async (c: AnnexFigureCell) => {
    setPicked(c);
    setTrace(null);
    setError(null);
    try {
      setTrace(await api.call('traceAnnexCell', { year, annex: c.annex, sheet: c.sheet, cell: c.cell }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="panel trace-panel">
      <h2>Nguồn số liệu của phụ lục — năm {year}</h2>
      <p className="muted">Chọn một số liệu của phụ lục để xem các đơn vị, tệp, ô và các lần sửa tạo nên số đó.</p>
      {cells.loading && !cells.data && <p className="muted">Đang lập các phụ lục để tra nguồn…</p>}
      {cells.error && <Notice kind="error">{cells.error}</Notice>}
      {cells.data && (
        <div className="trace-layout">
          <div className="trace-pick">
            <div className="filter-row">
              <label>
                Phụ lục{' '}
                <select
                  value={current}
                  onChange={(e) => {
                    setAnnex(e.target.value);
                    setPicked(null);
                    setTrace(null);
                  }}
                  aria-label="Phụ lục"
                >
                  {annexes.map(([id, label]) => (
                    <option key={id} value={id}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Tìm{' '}
                <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="dòng, cột hoặc ô (C11)" aria-label="Tìm số liệu" />
              </label>
            </div>
            <div className="table-scroll records-table">
              <table className="data-table" aria-label="Các số liệu của phụ lục">
                <thead>
                  <tr>
                    <th>Ô</th>
                    <th>Dòng, cột</th>
                    <th className="num">Số liệu</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {list.slice(0, SHOWN).map((c) => (
                    <tr key={`${c.sheet}!${c.cell}`} className={picked?.sheet === c.sheet && picked.cell === c.cell ? 'selected' : undefined}>
                      <td className="nowrap">{c.cell}</td>
                      <td>{c.label}</td>
                      <td className="num">{c.value === null ? '(trống)' : formatFigure(c.value)}</td>
                      <td>
                        <button type="button" className="small" onClick={() => void open(c)} aria-label={`Nguồn số liệu ô ${c.cell}`}>
                          Nguồn số liệu
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {list.length > SHOWN && (
              <p className="muted">
                Hiện {SHOWN}/{list.length} số liệu; gõ vào ô Tìm để thu hẹp.
              </p>
            )}
            {list.length === 0 && <p className="muted">Không có số liệu nào khớp. Hãy sửa từ cần tìm.</p>}
          </div>
          <div className="trace-detail" aria-live="polite">
            {error && <Notice kind="error">{error}</Notice>}
            {!picked && <p className="muted">Bấm &quot;Nguồn số liệu&quot; ở một dòng để xem số đó lấy từ đâu.</p>}
            {picked && !trace && !error && <p className="muted">Đang tra nguồn…</p>}
            {trace && picked && <TraceDetail trace={trace} annexLabel={picked.annexLabel} sheets={template.sheets} />}
          </div>
        </div>
      )}
    </section>
  );
}

function TraceDetail({ trace, annexLabel, sheets }: { trace: CellTrace; annexLabel: string; sheets: { name: string; title: string; tab?: string }[] }) {
  const paper = trace.values.filter((v) => v.paperSource).length;
  const corrected = trace.values.filter((v) => v.correction).length;
  return (
    <div className="trace-result">
      <h3>
        {annexLabel}, ô {trace.cell}: {trace.value === null ? '(trống)' : typeof trace.value === 'number' ? formatFigure(trace.value) : trace.value}
      </h3>
      <p>{trace.label}</p>
      <p className="muted">
        {trace.values.length === 0 && trace.documents.length === 0
          ? 'Chưa đơn vị nào báo cáo số liệu cho ô này.'
          : `Cộng từ ${trace.values.length} số liệu của các đơn vị${corrected ? `, ${corrected} số đã sửa` : ''}${paper ? `, ${paper} số nhận bằng văn bản (không có tệp)` : ''}.`}
      </p>
      {trace.values.length > 0 && (
        <table className="data-table" aria-label="Số liệu của các đơn vị">
          <thead>
            <tr>
              <th>Năm</th>
              <th>Đơn vị</th>
              <th>Nguồn</th>
              <th className="num">Đơn vị gửi</th>
              <th className="num">Số dùng</th>
              <th>Sửa</th>
            </tr>
          </thead>
          <tbody>
            {trace.values.map((v) => (
              <tr key={`${v.submissionId}/${v.code}`} className={v.paperSource || v.correction ? 'trace-marked' : undefined}>
                <td>{v.year}</td>
                <td className="nowrap">{v.unit.name}</td>
                <td>
                  {v.paperSource ? (
                    <>
                      <span className="tag tag-info">bản giấy</span> {v.paperSource}
                    </>
                  ) : (
                    <>
                      {v.fileName ?? 'tệp dữ liệu của tỉnh'}
                      {v.cell && `, ${cellInWords(v.cell, sheets)}`}
                    </>
                  )}
                  <span className="muted">
                    {' '}
                    · phiên bản {v.version}, nhận {formatDate(v.receivedAt)}
                  </span>
                </td>
                <td className="num">{formatFigure(v.submitted) || '(trống)'}</td>
                <td className="num">{formatFigure(v.value) || '(trống)'}</td>
                <td>{v.correction ? `${v.correction.reason} (${v.correction.by}, ${formatDateTime(v.correction.at)})` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {trace.documents.length > 0 && (
        <ul>
          {trace.documents.map((d) => (
            <li key={`${d.submissionId}/${d.so_ky_hieu}`}>
              {d.unit.name}: văn bản {d.so_ky_hieu} ngày {d.ngay} — {d.fileName ?? 'tệp dữ liệu của tỉnh'}
              {d.cell && `, ${cellInWords(d.cell, sheets)}`}
            </li>
          ))}
        </ul>
      )}
      {trace.missing.length > 0 && (
        <p className="notice notice-info">
          Chưa có báo cáo: {trace.missing.map((m) => `${m.name} (năm ${m.year})`).join(', ')}. Số liệu sẽ đổi khi các đơn vị này gửi; nếu đơn vị báo bằng văn
          bản, nhập ở bước Số liệu.
        </p>
      )}
    </div>
  );
}
