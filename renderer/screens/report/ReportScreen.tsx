// Step 6 — Báo cáo: write the annexes and the report, the outline's texts (the units' merged, read-only;
// the compiler's own, editable and saved as typed), and a chart of children by year and form. A season where
// units have not reported is said before anything is written: how many, which, and a draft is proposed.
import { useState } from 'react';
import type { ChecklistRow, GeneratedFiles } from '../../../shared/api-types.ts';
import type { Progress } from '../../../shared/types.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useApp } from '../../app/context.ts';
import { FolderField, OpenFolder } from '../../components/FolderField.tsx';
import { Notice } from '../../components/Notice.tsx';
import { ProgressLine } from '../../components/ProgressLine.tsx';
import { baseName } from '../../format.ts';
import { SectionTexts } from './SectionTexts.tsx';
import { TrendChart } from './TrendChart.tsx';
import { TargetsPanel } from './TargetsPanel.tsx';

export function ReportScreen() {
  const { api, info, year, period, status } = useApp();
  const sep = info.pathSeparator;
  const [folder, setFolder] = useState(`${info.dataDir}${sep}bao-cao${sep}${year}`);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<GeneratedFiles | null>(null);
  const [error, setError] = useState<{ message: string; blocking: boolean } | null>(null);
  const [sources, setSources] = useState(false);
  /** Units that have not reported, waiting for the compiler's choice before anything is written. */
  const [incomplete, setIncomplete] = useState<{ missing: ChecklistRow[]; expected: number } | null>(null);
  const [asDraft, setAsDraft] = useState(false);

  /** First the season's checklist: an empty or incomplete season asks before writing. */
  const start = async () => {
    setError(null);
    setResult(null);
    try {
      const checklist = await api.call('yearChecklist', { year });
      const missing = checklist.rows.filter((r) => r.status === 'missing');
      if (missing.length > 0) return setIncomplete({ missing, expected: checklist.expected });
    } catch (e) {
      return setError({ message: errorMessage(e), blocking: false });
    }
    void generate(false, false);
  };

  const generate = async (force: boolean, markDraft: boolean) => {
    setIncomplete(null);
    setAsDraft(markDraft);
    setBusy(true);
    setError(null);
    setResult(null);
    setProgress(null);
    try {
      setResult(await api.call('generateAll', { year, period, outDir: folder, force, sources, markDraft }, { onProgress: setProgress }));
    } catch (e) {
      // Validation errors block the official files; a draft can still be written, marked DỰ THẢO.
      setError({ message: errorMessage(e), blocking: e instanceof ApiError && e.code === 'validation_errors' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="report-screen">
      <div className="report-top">
        <section className="panel export-panel">
          <h2>Xuất báo cáo năm {year}</h2>
          <p className="muted">Bốn phụ lục (.xlsx) và báo cáo (.docx) theo đề cương, ghi vào thư mục dưới đây.</p>
          <FolderField id="report-folder" label="Thư mục lưu báo cáo" value={folder} onChange={setFolder} />
          <label className="checkbox-line">
            <input type="checkbox" checked={sources} onChange={(e) => setSources(e.target.checked)} /> Kèm bảng nguồn của từng số liệu (Nguon so lieu.xlsx)
          </label>
          <div className="form-actions">
            <button type="button" className="primary" disabled={busy || incomplete !== null} onClick={() => void start()}>
              Xuất báo cáo
            </button>
            {result && <OpenFolder path={result.outDir} />}
          </div>
          {status && status.errors > 0 && !result && <p className="muted">Còn {status.errors} lỗi trong Kiểm tra: cần sửa trước khi xuất bản chính thức.</p>}
          {incomplete && (
            <div className="confirm-box" role="alertdialog" aria-label="Mùa báo cáo chưa đủ">
              <p>
                {incomplete.missing.length === incomplete.expected
                  ? `Chưa có đơn vị nào báo cáo năm ${year} (0/${incomplete.expected}): các phụ lục và báo cáo sẽ không có số liệu.`
                  : `Còn ${incomplete.missing.length}/${incomplete.expected} đơn vị chưa báo cáo năm ${year}: ${incomplete.missing
                      .slice(0, 6)
                      .map((r) => r.unitName)
                      .join(', ')}${incomplete.missing.length > 6 ? ` và ${incomplete.missing.length - 6} đơn vị khác` : ''}.`}{' '}
                Nên nhận đủ báo cáo (bước Thu nhận) trước khi xuất bản chính thức. Nếu vẫn xuất bây giờ, mọi tệp sẽ ghi DỰ THẢO.
              </p>
              <div className="form-actions">
                <button type="button" className="primary" onClick={() => void generate(false, true)}>
                  Xuất bản dự thảo
                </button>
                {incomplete.missing.length < incomplete.expected && (
                  <button type="button" onClick={() => void generate(false, false)}>
                    Vẫn xuất bản chính thức
                  </button>
                )}
                <button type="button" onClick={() => setIncomplete(null)}>
                  Hủy
                </button>
              </div>
            </div>
          )}
          {busy && <ProgressLine progress={progress} />}
          {error && (
            <Notice kind="error">
              <span className="multiline">{error.message}</span>
              {error.blocking && (
                <div>
                  <button type="button" className="link" onClick={() => void generate(true, asDraft)}>
                    Vẫn xuất bản dự thảo (ghi DỰ THẢO trên mọi tệp)
                  </button>
                </div>
              )}
            </Notice>
          )}
          {result && (
            <>
              <Notice kind={result.draft ? 'info' : 'ok'}>
                Đã ghi {result.files.length} tệp{result.draft ? ' (bản dự thảo, ghi DỰ THẢO trên mọi tệp)' : ''} vào{' '}
                <code className="path">{result.outDir}</code>
              </Notice>
              <ul className="file-list" aria-label="Tệp đã xuất">
                {result.files.map((f) => (
                  <li key={f}>{baseName(f)}</li>
                ))}
              </ul>
              {result.missingSections.length > 0 && (
                <Notice kind="info">
                  Báo cáo Word là bản DỰ THẢO: còn {result.missingSections.length} mục chưa có nội dung (được tô vàng trong tệp). Với mỗi mục, hãy nhập nội dung
                  ở phần “Nội dung báo cáo theo đề cương” của bước này, hoặc đánh dấu mục là “Không có nội dung báo cáo”, rồi xuất lại.
                  <details className="missing-sections">
                    <summary>Xem {result.missingSections.length} mục còn thiếu</summary>
                    <ul aria-label="Mục còn thiếu">
                      {result.missingSections.map((m) => (
                        <li key={m.code}>{m.heading}</li>
                      ))}
                    </ul>
                  </details>
                </Notice>
              )}
              {result.notices.length > 0 && (
                <details className="notices">
                  <summary>{result.notices.length} ghi chú về báo cáo</summary>
                  <ul>
                    {result.notices.map((n) => (
                      <li key={n}>{n}</li>
                    ))}
                  </ul>
                </details>
              )}
            </>
          )}
        </section>
        <section className="panel chart-panel">
          <TrendChart />
        </section>
      </div>
      <section className="panel targets-panel" aria-label="Chỉ tiêu của kế hoạch">
        <h2>Kết quả thực hiện các chỉ tiêu năm {year}</h2>
        <TargetsPanel />
      </section>
      <section className="panel sections-panel">
        <h2>Nội dung báo cáo theo đề cương</h2>
        <SectionTexts />
      </section>
    </div>
  );
}
