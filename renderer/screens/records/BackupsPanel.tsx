// Backups: make one now, the list (kind in words, date, size), restore one (after a confirmation that
// says what will be replaced and that the current data is kept first), delete one (confirmed).
import { gridHistory } from '../figures/undoHistory.ts';
import { useState } from 'react';
import type { BackupEntry } from '../../../shared/api-types.ts';
import { formatVietnameseNumber } from '../../../shared/numbers.ts';
import type { Progress } from '../../../shared/types.ts';
import { errorMessage } from '../../api/client.ts';
import { useApp } from '../../app/context.ts';
import { useLoad } from '../../app/useLoad.ts';
import { Notice } from '../../components/Notice.tsx';
import { ProgressLine } from '../../components/ProgressLine.tsx';
import { baseName, formatDateTime } from '../../format.ts';

export function sizeInWords(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${formatVietnameseNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
  return `${formatVietnameseNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

type Confirm = { kind: 'restore' | 'delete'; backup: BackupEntry } | { kind: 'restore-file'; file: string } | null;

export function BackupsPanel() {
  const { api, info, status, refreshInfo, refreshStatus } = useApp();
  const backups = useLoad(() => api.call('listBackups', {}), [api]);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    setProgress(null);
    try {
      setDone(await work());
      backups.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      setConfirm(null);
    }
  };

  const backupNow = () =>
    run(async () => {
      const b = await api.call('backupNow', {}, { onProgress: setProgress });
      return `Đã sao lưu lúc ${formatDateTime(b.at)} (${sizeInWords(b.bytes)}). Bản sao lưu nằm trong danh sách dưới đây; giữ đến khi bạn xóa.`;
    });
  const restore = (b: BackupEntry) =>
    run(async () => {
      const r = await api.call('restoreBackup', { file: b.file }, { onProgress: setProgress });
      // The figures' undo history belonged to the data just replaced.
      gridHistory.clear();
      refreshInfo();
      refreshStatus();
      return `Đã khôi phục dữ liệu như lúc ${formatDateTime(b.at)}. ${r.replacedBackup ? `Dữ liệu ngay trước khi khôi phục được giữ ở bản "Tự động, trước khi khôi phục" (đầu danh sách); nếu cần, khôi phục lại bản đó.` : ''} Các bước khác đã hiện dữ liệu vừa khôi phục.`;
    });
  const restoreFile = (file: string) =>
    run(async () => {
      await api.call('restoreBackup', { file, listedOnly: false }, { onProgress: setProgress });
      // The figures' undo history belonged to the data just replaced.
      gridHistory.clear();
      refreshInfo();
      refreshStatus();
      return `Đã khôi phục dữ liệu từ tệp ${baseName(file)}. Dữ liệu ngay trước khi khôi phục được giữ ở bản "Tự động, trước khi khôi phục" (đầu danh sách). Các bước khác đã hiện dữ liệu vừa khôi phục.`;
    });
  const [otherFile, setOtherFile] = useState('');
  const remove = (b: BackupEntry) =>
    run(async () => {
      await api.call('deleteBackup', { file: b.file });
      return `Đã xóa bản sao lưu lúc ${formatDateTime(b.at)}.`;
    });

  return (
    <section className="panel">
      <h2>
        Sao lưu dữ liệu
        <span className="heading-note"> — tệp dữ liệu: {baseName(info.dbFile)}</span>
      </h2>
      <p className="muted">
        Phần mềm tự sao lưu trước mỗi lần nhận biểu mẫu, trước khi khôi phục và trước khi nâng cấp. Nên sao lưu thêm trước những thay đổi lớn (sáp nhập đơn vị,
        sửa nhiều số liệu).
      </p>
      <div className="form-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void backupNow()}>
          Sao lưu ngay
        </button>
      </div>
      {busy && <ProgressLine progress={progress} />}
      {error && <Notice kind="error">{error}</Notice>}
      {done && <Notice kind="ok">{done}</Notice>}
      {confirm && (
        <div className="confirm-box" role="dialog" aria-label={confirm.kind === 'delete' ? 'Xác nhận xóa bản sao lưu' : 'Xác nhận khôi phục'}>
          {confirm.kind === 'restore-file' ? (
            <>
              <p>
                <strong>Khôi phục dữ liệu từ tệp {baseName(confirm.file)}?</strong>
              </p>
              <p>
                Toàn bộ dữ liệu hiện tại sẽ được thay bằng nội dung của tệp này (nếu tệp không phải bản sao lưu của Báo cáo 121 hoặc bị hỏng, phần mềm từ chối
                và không thay đổi gì). Trước khi thay, phần mềm tự sao lưu dữ liệu hiện tại thành bản &quot;Tự động, trước khi khôi phục&quot;.
              </p>
              <div className="panel-actions">
                <button type="button" className="primary" disabled={busy} onClick={() => void restoreFile(confirm.file)}>
                  Khôi phục từ tệp này
                </button>
                <button type="button" disabled={busy} onClick={() => setConfirm(null)}>
                  Hủy
                </button>
              </div>
            </>
          ) : confirm.kind === 'restore' ? (
            <>
              <p>
                <strong>Khôi phục dữ liệu như lúc {formatDateTime(confirm.backup.at)}?</strong>
              </p>
              <p>
                Toàn bộ dữ liệu hiện tại — báo cáo đã nhận{status ? ` (năm ${status.year}: ${status.reported}/${status.expected} đơn vị)` : ''}, số liệu đã sửa,
                xác nhận cảnh báo, nội dung báo cáo, thiết lập và danh sách đơn vị — sẽ được thay bằng nội dung của bản sao lưu này (
                {confirm.backup.label.toLocaleLowerCase('vi')}). Trước khi thay, phần mềm tự sao lưu dữ liệu hiện tại thành bản &quot;Tự động, trước khi khôi
                phục&quot;, nên có thể quay lại nếu cần.
              </p>
              <div className="panel-actions">
                <button type="button" className="primary" disabled={busy} onClick={() => void restore(confirm.backup)}>
                  Khôi phục bản này
                </button>
                <button type="button" disabled={busy} onClick={() => setConfirm(null)}>
                  Hủy
                </button>
              </div>
            </>
          ) : (
            <>
              <p>
                <strong>Xóa bản sao lưu lúc {formatDateTime(confirm.backup.at)}?</strong> Bản đã xóa không lấy lại được; dữ liệu đang dùng không thay đổi.
              </p>
              <div className="panel-actions">
                <button type="button" className="primary" disabled={busy} onClick={() => void remove(confirm.backup)}>
                  Xóa bản sao lưu
                </button>
                <button type="button" disabled={busy} onClick={() => setConfirm(null)}>
                  Hủy
                </button>
              </div>
            </>
          )}
        </div>
      )}
      {backups.error && <Notice kind="error">{backups.error}</Notice>}
      {backups.data && backups.data.length === 0 && <p className="muted">Chưa có bản sao lưu nào. Bấm &quot;Sao lưu ngay&quot; để tạo bản đầu tiên.</p>}
      {backups.data && backups.data.length > 0 && (
        <div className="table-scroll records-table">
          <table className="data-table" aria-label="Các bản sao lưu">
            <thead>
              <tr>
                <th>Thời điểm</th>
                <th>Loại</th>
                <th className="num">Dung lượng</th>
                <th>Tệp</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {backups.data.map((b) => (
                <tr key={b.file} className={confirm && confirm.kind !== 'restore-file' && confirm.backup.file === b.file ? 'selected' : undefined}>
                  <td>{formatDateTime(b.at)}</td>
                  <td>{b.label}</td>
                  <td className="num">{sizeInWords(b.bytes)}</td>
                  <td className="muted">{baseName(b.file)}</td>
                  <td className="row-actions">
                    <button type="button" className="small" disabled={busy} onClick={() => setConfirm({ kind: 'restore', backup: b })}>
                      Khôi phục…
                    </button>
                    <button type="button" className="small" disabled={busy} onClick={() => setConfirm({ kind: 'delete', backup: b })}>
                      Xóa…
                    </button>
                  </td>
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
          setConfirm({ kind: 'restore-file', file: otherFile.trim() });
        }}
      >
        <label htmlFor="restore-other">Khôi phục từ một bản sao lưu khác (ví dụ bản chép sang USB): đường dẫn tệp trên máy này</label>
        <div className="folder-row">
          <input
            id="restore-other"
            type="text"
            spellCheck={false}
            value={otherFile}
            onChange={(e) => setOtherFile(e.target.value)}
            placeholder={'ví dụ E:\\sao-luu\\baocao121.sqlite'}
          />
          <button type="submit" disabled={busy || !otherFile.trim()}>
            Khôi phục từ tệp…
          </button>
        </div>
      </form>
    </section>
  );
}
