// The province file for the roll-up: the year's figures, documents and texts written to one file that the
// next level (or another copy of the app) takes in; and taking such a file in, after a confirmation.
import { useState } from 'react';
import type { ProvinceImportResult } from '../../../shared/api-types.ts';
import { errorMessage } from '../../api/client.ts';
import { useApp } from '../../app/context.ts';
import { Notice } from '../../components/Notice.tsx';

/** A name part without marks or spaces: "Tỉnh An Lạc" → "an-lac". */
function fileSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function ProvinceFilePanel() {
  const { api, info, year, refreshInfo, refreshStatus } = useApp();
  const sep = info.pathSeparator;
  const [outFile, setOutFile] = useState(`${info.dataDir}${sep}du-lieu-${fileSlug(info.province) || 'tinh'}-${year}.json`);
  const [inFile, setInFile] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const [imported, setImported] = useState<ProvinceImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const exportFile = async () => {
    setBusy(true);
    setError(null);
    setExported(null);
    try {
      const r = await api.call('exportYear', { year, file: outFile.trim() });
      setExported(
        `Đã ghi dữ liệu năm ${year} của ${info.province ? `tỉnh ${info.province}` : 'tỉnh'} vào ${r.file}. Gửi tệp này cho cơ quan tổng hợp cấp trên (họ nhận ở mục "Nhận tệp dữ liệu của tỉnh").`,
      );
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const importFile = async () => {
    setBusy(true);
    setError(null);
    setImported(null);
    try {
      setImported(await api.call('importProvinceFile', { file: inFile.trim() }));
      refreshInfo();
      refreshStatus();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <>
      <section className="panel">
        <h2>Xuất tệp dữ liệu năm {year} để tổng hợp</h2>
        <p className="muted">
          Một tệp chứa số liệu, văn bản và nội dung báo cáo đang dùng của các đơn vị năm {year}, kèm các lần sửa và lý do. Tệp không sửa được bằng Excel; cấp
          trên nhận bằng phần mềm này.
        </p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void exportFile();
          }}
        >
          <label htmlFor="export-file">Lưu vào tệp (đường dẫn trên máy này)</label>
          <div className="folder-row">
            <input id="export-file" type="text" spellCheck={false} value={outFile} onChange={(e) => setOutFile(e.target.value)} />
            <button type="submit" className="primary" disabled={busy || !outFile.trim()}>
              Xuất tệp
            </button>
          </div>
        </form>
        {exported && <Notice kind="ok">{exported}</Notice>}
      </section>
      <section className="panel">
        <h2>Nhận tệp dữ liệu của tỉnh</h2>
        <p className="muted">
          Nhận tệp do một tỉnh (hoặc bản khác của phần mềm) xuất ra: báo cáo của mỗi đơn vị trong tệp thành một phiên bản mới; bản giống hệt đã có thì bỏ qua;
          đơn vị chưa có được thêm vào danh sách.
        </p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setConfirming(true);
          }}
        >
          <label htmlFor="import-file">Tệp cần nhận (đường dẫn trên máy này)</label>
          <div className="folder-row">
            <input
              id="import-file"
              type="text"
              spellCheck={false}
              value={inFile}
              onChange={(e) => setInFile(e.target.value)}
              placeholder={`ví dụ ${info.dataDir}${sep}du-lieu-tinh.json`}
            />
            <button type="submit" disabled={busy || !inFile.trim()}>
              Nhận tệp…
            </button>
          </div>
        </form>
        {confirming && (
          <div className="confirm-box" role="dialog" aria-label="Xác nhận nhận tệp dữ liệu">
            <p>
              Nhận tệp <strong>{inFile.trim()}</strong>? Báo cáo trong tệp sẽ thành phiên bản đang dùng của từng đơn vị (phiên bản cũ vẫn giữ, chọn lại được ở
              mục Phiên bản). Nên sao lưu trước (mục Sao lưu, khôi phục) nếu chưa sao lưu hôm nay.
            </p>
            <div className="panel-actions">
              <button type="button" className="primary" disabled={busy} onClick={() => void importFile()}>
                Nhận tệp
              </button>
              <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
                Hủy
              </button>
            </div>
          </div>
        )}
        {imported && (
          <Notice kind="ok">
            Đã nhận tệp {imported.file}: {imported.submissions} báo cáo mới
            {imported.unchanged > 0 && `, ${imported.unchanged} báo cáo giống bản đã có (bỏ qua)`}
            {imported.unitsAdded > 0 && `, thêm ${imported.unitsAdded} đơn vị vào danh sách`}.{' '}
            {imported.submissions > 0 ? 'Hãy sang bước Kiểm tra để xem số liệu vừa nhận.' : 'Dữ liệu không thay đổi: mọi báo cáo trong tệp đã có sẵn.'}
          </Notice>
        )}
      </section>
      {error && <Notice kind="error">{error}</Notice>}
    </>
  );
}
