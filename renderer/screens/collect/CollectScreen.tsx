// Step 3 — Thu nhận: returned workbooks in (dropped, chosen, or a folder typed in browser mode), a line
// per file with its status and reasons, and the checklist of who has reported. A unit's Word report (.docx)
// chosen or dropped on its own is shown section by section before it is saved (WordReportReview).
import { useEffect, useRef, useState } from 'react';
import type { ImportFileResult, Progress } from '../../../shared/types.ts';
import type { WordReportSaved } from '../../../shared/word-report-types.ts';
import { errorMessage } from '../../api/client.ts';
import { useApp } from '../../app/context.ts';
import { useLoad } from '../../app/useLoad.ts';
import { Notice } from '../../components/Notice.tsx';
import { ProgressLine } from '../../components/ProgressLine.tsx';
import { pastedPaths } from '../../../shared/pasted-paths.ts';
import { Checklist } from './Checklist.tsx';
import { ImportResults } from './ImportResults.tsx';
import { WordReportReview } from './WordReport.tsx';

const WORD_FILE = /\.docx?$/i;

export function CollectScreen() {
  const { api, info, year, refreshStatus, droppedPaths, takeDroppedPaths } = useApp();
  const sep = info.pathSeparator;
  const [folder, setFolder] = useState(`${info.dataDir}${sep}nhan-ve${sep}${year}`);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<ImportFileResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  /** Word reports waiting for their preview, the first one shown. */
  const [wordFiles, setWordFiles] = useState<string[]>([]);
  const [wordSaved, setWordSaved] = useState<WordReportSaved | null>(null);
  const checklist = useLoad(() => api.call('yearChecklist', { year }), [api, year]);
  const units = useLoad(() => api.call('listUnits', {}), [api]);

  const importPaths = async (all: string[]) => {
    const word = all.filter((p) => WORD_FILE.test(p));
    if (word.length > 0) {
      setWordSaved(null);
      setWordFiles((queue) => [...queue, ...word.filter((w) => !queue.includes(w))]);
    }
    const paths = all.filter((p) => !WORD_FILE.test(p));
    if (paths.length === 0) return;
    setBusy(true);
    setError(null);
    setProgress(null);
    try {
      setResults(await api.call('importFiles', { paths }, { onProgress: setProgress }));
      checklist.reload();
      refreshStatus();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  // Files dropped on another step of the window are imported here (once the import under way has ended).
  const importLatest = useRef(importPaths);
  useEffect(() => {
    importLatest.current = importPaths;
  });
  useEffect(() => {
    if (!droppedPaths || busy) return;
    const paths = takeDroppedPaths();
    if (paths) void importLatest.current(paths);
  }, [droppedPaths, busy, takeDroppedPaths]);

  const desktop = api.desktop;
  return (
    <div
      className={`collect-screen ${dragging ? 'dragging' : ''}`}
      onDragOver={(e) => {
        if (!desktop) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={() => setDragging(false)}
    >
      <section className="panel">
        <h2>Nhận báo cáo của các đơn vị</h2>
        {desktop ? (
          <div className="form-actions">
            <span className="muted">Kéo thả tệp hoặc thư mục vào cửa sổ, hoặc</span>
            <button type="button" disabled={busy} onClick={async () => void importPaths(await desktop.chooseFiles('Chọn các tệp báo cáo'))}>
              Chọn tệp…
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={async () => {
                const dir = await desktop.chooseFolder('Chọn thư mục báo cáo nhận về');
                if (dir) void importPaths([dir]);
              }}
            >
              Chọn thư mục…
            </button>
          </div>
        ) : (
          <form
            className="folder-import"
            onSubmit={(e) => {
              e.preventDefault();
              // "Copy as path" quotes, several paths, network folders (\\máy\thư mục): taken as the user pasted them.
              const paths = pastedPaths(folder);
              if (paths.length === 0) return setError('Chưa ghi thư mục hoặc tệp cần nhận. Hãy dán đường dẫn vào ô rồi bấm "Nhận báo cáo".');
              void importPaths(paths);
            }}
          >
            <label htmlFor="import-folder">
              Thư mục hoặc tệp cần nhận (đường dẫn trên máy này hoặc thư mục dùng chung \\máy\thư mục; dán được cả đường dẫn có ngoặc kép)
            </label>
            <div className="folder-row">
              <input id="import-folder" type="text" spellCheck={false} value={folder} onChange={(e) => setFolder(e.target.value)} />
              <button type="submit" className="primary" disabled={busy}>
                Nhận báo cáo
              </button>
            </div>
          </form>
        )}
        {busy && <ProgressLine progress={progress} />}
        {error && <Notice kind="error">{error}</Notice>}
        {results && (
          <ImportResults
            results={results}
            units={units.data ?? []}
            onReview={(file) => setWordFiles((queue) => (queue.includes(file) ? queue : [...queue, file]))}
          />
        )}
      </section>
      {(wordFiles.length > 0 || wordSaved) && (
        <section className="panel">
          {wordSaved && (
            <Notice kind="ok">
              {wordSaved.status === 'same_file'
                ? `Nội dung giống phiên bản ${wordSaved.version} đã lưu của ${wordSaved.unitName} năm ${wordSaved.year}; không lưu thêm.`
                : `Đã lưu báo cáo Word của ${wordSaved.unitName} năm ${wordSaved.year}: phiên bản ${wordSaved.version}, ${wordSaved.sections} mục có nội dung. Nội dung được dùng ở bước Báo cáo.`}
            </Notice>
          )}
          {wordFiles[0] && (
            <WordReportReview
              key={wordFiles[0]}
              file={wordFiles[0]}
              onClose={() => setWordFiles((queue) => queue.slice(1))}
              onSaved={(saved) => {
                setWordSaved(saved);
                setWordFiles((queue) => queue.slice(1));
                refreshStatus();
              }}
            />
          )}
          {wordFiles.length > 1 && <p className="muted">Còn {wordFiles.length - 1} báo cáo Word chờ xem.</p>}
        </section>
      )}
      <section className="panel">
        <h2>
          Tình hình gửi báo cáo năm {year}
          {checklist.data && (
            <span className="heading-note">
              {' '}
              — đã nhận {checklist.data.reported}/{checklist.data.expected}
              {checklist.data.late > 0 && `, ${checklist.data.late} gửi muộn`}
              {checklist.data.deadline && ` · hạn ${checklist.data.deadline.split('-').reverse().join('/')}`}
            </span>
          )}
        </h2>
        {checklist.error && <Notice kind="error">{checklist.error}</Notice>}
        {checklist.data && <Checklist checklist={checklist.data} />}
      </section>
    </div>
  );
}
