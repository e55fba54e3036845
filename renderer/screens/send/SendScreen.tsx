// Step 2 — Gửi biểu mẫu: one blank input workbook per unit, written into a folder, with a count.
import { useMemo, useState } from 'react';
import type { WrittenWorkbooksResult } from '../../../shared/api-types.ts';
import type { Progress } from '../../../shared/types.ts';
import { errorMessage } from '../../api/client.ts';
import { useApp } from '../../app/context.ts';
import { useLoad } from '../../app/useLoad.ts';
import { FolderField, OpenFolder } from '../../components/FolderField.tsx';
import { Notice } from '../../components/Notice.tsx';
import { ProgressLine } from '../../components/ProgressLine.tsx';
import { baseName } from '../../format.ts';

export function SendScreen() {
  const { api, info, template, year, period } = useApp();
  const sep = info.pathSeparator;
  const [folder, setFolder] = useState(`${info.dataDir}${sep}bieu-mau${sep}${year}`);
  const [chosen, setChosen] = useState<Set<string> | null>(null); // null: every reporting unit
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<WrittenWorkbooksResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const units = useLoad(() => api.call('listUnits', {}), [api]);
  const reporting = useMemo(() => {
    const kinds = new Set(template.unitKinds.filter((k) => k.reports).map((k) => k.code));
    return (units.data ?? []).filter((u) => u.active && kinds.has(u.kind));
  }, [units.data, template]);
  const nameOf = useMemo(() => new Map((units.data ?? []).map((u) => [u.code, u.name])), [units.data]);

  const write = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await api.call('writeBlankWorkbooks', { year, period, outDir: folder, units: chosen ? [...chosen] : undefined }, { onProgress: setProgress });
      setResult(r);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (code: string) => {
    const next = new Set(chosen ?? reporting.map((u) => u.code));
    if (next.has(code)) next.delete(code);
    else next.add(code);
    setChosen(next.size === reporting.length ? null : next);
  };

  return (
    <div className="send-screen">
      <section className="panel">
        <h2>Tạo biểu mẫu năm {year}</h2>
        <p className="muted">Mỗi đơn vị nhận một tệp Excel có sẵn tên đơn vị và số liệu năm trước để đối chiếu.</p>
        <FolderField id="send-folder" label="Thư mục lưu biểu mẫu" value={folder} onChange={setFolder} />
        <details className="unit-picker">
          <summary>Đơn vị nhận biểu mẫu: {chosen ? `${chosen.size}/${reporting.length}` : `tất cả ${reporting.length}`} đơn vị</summary>
          <div className="form-actions">
            <button type="button" onClick={() => setChosen(null)}>
              Chọn tất cả
            </button>
            <button type="button" onClick={() => setChosen(new Set())}>
              Bỏ chọn tất cả
            </button>
          </div>
          <div className="checkbox-list" role="group" aria-label="Đơn vị nhận biểu mẫu">
            {reporting.map((u) => (
              <label key={u.code}>
                <input type="checkbox" checked={chosen ? chosen.has(u.code) : true} onChange={() => toggle(u.code)} /> {u.name}
              </label>
            ))}
          </div>
        </details>
        <div className="form-actions">
          <button type="button" className="primary" disabled={busy || chosen?.size === 0} onClick={() => void write()}>
            Tạo biểu mẫu
          </button>
          {result && <OpenFolder path={result.outDir} />}
        </div>
        {busy && <ProgressLine progress={progress} />}
        {error && <Notice kind="error">{error}</Notice>}
        {result && (
          <>
            <Notice kind="ok">
              Đã tạo {result.files.length} biểu mẫu trong <code className="path">{result.outDir}</code>
            </Notice>
            {/* Units by name; the file's name (which starts with the unit's code) in the tooltip. */}
            <ul className="file-list" aria-label="Biểu mẫu đã tạo">
              {result.files.map((f) => (
                <li key={f.file} title={baseName(f.file)}>
                  {nameOf.get(f.unit) ?? baseName(f.file)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
