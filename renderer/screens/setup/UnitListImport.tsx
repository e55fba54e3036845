// Importing a unit list as officials keep it: choose the file, see the columns found and what will be
// added, kept and removed or retired, then import. A sample list can be saved to start from.
import { useState } from 'react';
import type { AppInfo, UnitListImportResult, UnitListPreview, UnitListPreviewRow } from '../../../shared/api-types.ts';
import { errorMessage, type ApiClient } from '../../api/client.ts';
import { Notice } from '../../components/Notice.tsx';
import './setup.css';

const ACTION_LABELS: Record<UnitListPreviewRow['action'], string> = { add: 'Thêm mới', keep: 'Đã có, giữ', update: 'Đã có, cập nhật', skip: 'Bỏ qua' };
const ACTION_TAGS: Record<UnitListPreviewRow['action'], string> = { add: 'tag-accepted', keep: 'tag-info', update: 'tag-warning', skip: 'tag-error' };

function summary(p: UnitListPreview): string {
  const parts = [`thêm ${p.counts.add} đơn vị`];
  if (p.counts.keep) parts.push(`giữ ${p.counts.keep} đơn vị đã có`);
  if (p.counts.update) parts.push(`cập nhật ${p.counts.update}`);
  if (p.counts.remove) parts.push(`bỏ ${p.counts.remove} đơn vị đang có nhưng không có trong danh sách`);
  if (p.counts.retire) parts.push(`ngừng theo dõi ${p.counts.retire} đơn vị không có trong danh sách`);
  if (p.counts.skip) parts.push(`bỏ qua ${p.counts.skip} dòng`);
  return `Khi nhập sẽ ${parts.join(', ')}.`;
}

export function UnitListImport({
  api,
  info,
  onImported,
  onCancel,
}: {
  api: ApiClient;
  info: AppInfo;
  onImported: (result: UnitListImportResult) => void;
  onCancel?: () => void;
}) {
  const [file, setFile] = useState('');
  const [preview, setPreview] = useState<UnitListPreview | null>(null);
  const [retire, setRetire] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [samplePath, setSamplePath] = useState(`${info.dataDir}${info.pathSeparator}Danh sach don vi mau.xlsx`);
  const [sampleNote, setSampleNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const look = async (path: string, retireMissing = retire) => {
    setBusy(true);
    setError(null);
    try {
      setPreview(await api.call('previewUnitList', { file: path.trim().replace(/^"(.*)"$/, '$1'), retireMissing }));
    } catch (e) {
      setPreview(null);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      onImported(await api.call('importUnitList', { file: preview.file, retireMissing: retire }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const saveSample = async () => {
    let target = samplePath.trim();
    if (api.desktop) {
      const folder = await api.desktop.chooseFolder('Chọn thư mục lưu danh sách mẫu', info.dataDir);
      if (!folder) return;
      target = `${folder}${info.pathSeparator}Danh sach don vi mau.xlsx`;
    }
    try {
      const r = await api.call('saveSampleUnitList', { file: target });
      setSampleNote({
        kind: 'ok',
        text: `Đã lưu danh sách mẫu: ${r.file}. Mở tệp bằng Excel, ghi các đơn vị của tỉnh (mỗi đơn vị một dòng), lưu lại rồi chọn tệp ở trên.`,
      });
    } catch (e) {
      setSampleNote({ kind: 'error', text: errorMessage(e) });
    }
  };

  return (
    <div className="unit-import">
      <form
        className="unit-import-pick"
        onSubmit={(e) => {
          e.preventDefault();
          void look(file);
        }}
      >
        <label htmlFor="unit-list-file">Tệp danh sách đơn vị (.xlsx hoặc .csv)</label>
        <div className="folder-row">
          <input
            id="unit-list-file"
            value={file}
            onChange={(e) => setFile(e.target.value)}
            placeholder="Đường dẫn tệp, ví dụ D:\Bao cao 121\Danh sach don vi.xlsx"
            autoFocus
          />
          {api.desktop && (
            <button
              type="button"
              onClick={async () => {
                const chosen = (await api.desktop!.chooseFiles('Chọn tệp danh sách đơn vị'))[0];
                if (chosen) {
                  setFile(chosen);
                  void look(chosen);
                }
              }}
            >
              Chọn tệp…
            </button>
          )}
          <button type="submit" className="primary" disabled={busy || !file.trim()}>
            Xem trước
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              Hủy
            </button>
          )}
        </div>
        <p className="muted hint">
          Danh sách như đơn vị vẫn lập trong Excel: các cột <strong>STT</strong>, <strong>Tên đơn vị</strong>, <strong>Loại đơn vị</strong> (Sở, ngành; Công an;
          Viện kiểm sát; Tòa án; Xã; Phường…), có thể thêm <strong>Mã</strong> và <strong>Thuộc</strong>; dòng tiêu đề có thể nằm dưới tên bảng. Chưa có gì được
          lưu trước khi bấm “Nhập danh sách”.
        </p>
      </form>
      {!preview && (
        <details className="unit-import-sample">
          <summary>Chưa có danh sách? Lưu một danh sách mẫu để điền</summary>
          <div className="folder-row">
            {!api.desktop && <input aria-label="Nơi lưu danh sách mẫu" value={samplePath} onChange={(e) => setSamplePath(e.target.value)} />}
            <button type="button" onClick={() => void saveSample()}>
              Lưu danh sách mẫu…
            </button>
          </div>
          {sampleNote && <Notice kind={sampleNote.kind}>{sampleNote.text}</Notice>}
        </details>
      )}
      {error && <Notice kind="error">{error}</Notice>}
      {preview && <PreviewView preview={preview} retire={retire} onRetire={(r) => (setRetire(r), void look(preview.file, r))} />}
      {preview && (
        <div className="form-actions unit-import-actions">
          <button
            type="button"
            className="primary"
            disabled={busy || preview.problems.length > 0 || preview.rows.every((r) => r.action === 'skip')}
            onClick={() => void save()}
          >
            Nhập danh sách
          </button>
          <button type="button" onClick={() => setPreview(null)}>
            Chọn tệp khác
          </button>
          {preview.problems.length > 0 && <span className="muted">Sửa các dòng nêu trên trong tệp, lưu lại rồi bấm “Xem trước” lần nữa.</span>}
        </div>
      )}
    </div>
  );
}

function PreviewView({ preview, retire, onRetire }: { preview: UnitListPreview; retire: boolean; onRetire: (retire: boolean) => void }) {
  // Codes are shown only when the file wrote some (its compiler knows them); codes made from names stay in a tooltip.
  const showCodes = preview.rows.some((r) => r.code && !r.codeGenerated);
  return (
    <section className="unit-import-preview" aria-label="Xem trước danh sách đơn vị">
      <div className="unit-import-head">
        <div>
          <h3>
            {preview.fileName}: {preview.rows.length} dòng đơn vị
          </h3>
          <p className="summary-line">{summary(preview)}</p>
          {preview.counts.generatedCodes > 0 && (
            <p className="muted">
              Tệp không ghi mã cho {preview.counts.generatedCodes} đơn vị: phần mềm tự đặt mã theo tên (đứng đầu tên tệp biểu mẫu gửi đơn vị; di chuột lên một
              dòng để xem).
            </p>
          )}
          {preview.replaces && preview.counts.remove > 0 && (
            <p className="muted">Chưa nhận báo cáo nào, nên danh sách này thay cho danh sách đang có (giữ đơn vị tổng hợp và cơ quan thường trực).</p>
          )}
        </div>
        <table className="data-table mapping-table" aria-label="Các cột đã nhận ra">
          <thead>
            <tr>
              <th>Cột</th>
              <th>Tiêu đề trong tệp</th>
              <th>Đọc là</th>
            </tr>
          </thead>
          <tbody>
            {preview.mapping.map((m) => (
              <tr key={m.column}>
                <td>{m.column}</td>
                <td>{m.heading}</td>
                <td>{m.fieldLabel}</td>
              </tr>
            ))}
            <tr>
              <td colSpan={3} className="muted">
                Tiêu đề ở dòng {preview.headerRow}
                {preview.encoding ? `; bảng mã ${preview.encoding}` : ''}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      {preview.problems.length > 0 && (
        <Notice kind="error">
          Chưa nhập được vì {preview.problems.length} dòng cần sửa:
          <ul>
            {preview.problems.slice(0, 8).map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Notice>
      )}
      <div className="table-scroll unit-import-rows">
        <table className="data-table">
          <thead>
            <tr>
              <th>Dòng</th>
              <th>Tên đơn vị</th>
              <th>Loại đơn vị</th>
              {showCodes && <th>Mã</th>}
              <th>Thuộc</th>
              <th>Khi nhập</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr
                key={r.row}
                className={r.action === 'skip' ? 'row-skip' : ''}
                title={r.code ? `Mã đơn vị: ${r.code}${r.codeGenerated ? ' (tự đặt)' : ''}` : undefined}
              >
                <td>{r.row}</td>
                <td>{r.name}</td>
                <td>
                  {r.kindLabel || <span className="bad-text">không rõ</span>}
                  {r.kindText && r.kindLabel && r.kindText !== r.kindLabel && <span className="muted"> (ghi “{r.kindText}”)</span>}
                </td>
                {showCodes && (
                  <td className="muted">
                    {r.code}
                    {r.codeGenerated && <span> (tự đặt)</span>}
                  </td>
                )}
                <td>{r.parentName ?? ''}</td>
                <td>
                  <span className={`tag ${ACTION_TAGS[r.action]}`}>{ACTION_LABELS[r.action]}</span>
                  {r.note && <span className="row-note"> {r.note}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.absent.length > 0 && (
        <div className="unit-import-absent">
          <strong>Đơn vị đang có nhưng không có trong danh sách ({preview.absent.length}):</strong> {preview.absent.map((a) => a.name).join('; ')}.{' '}
          {preview.replaces ? (
            <span>Sẽ bỏ khỏi danh sách (chưa có báo cáo nào của các đơn vị này).</span>
          ) : (
            <label className="inline-check">
              <input type="checkbox" checked={retire} onChange={(e) => onRetire(e.target.checked)} /> Ngừng theo dõi các đơn vị này (số liệu các năm trước vẫn
              giữ)
            </label>
          )}
        </div>
      )}
    </section>
  );
}
