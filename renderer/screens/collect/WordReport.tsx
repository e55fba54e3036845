// A unit's Word report (.docx) before it is saved: the unit and year (guessed, or chosen), each outline section
// with the text found for it (editable), the text that could not be placed (put in a section or left out), and a
// warning where a section got nothing. Saving makes a new version of the unit's texts for the year.
import { useEffect, useMemo, useState } from 'react';
import type { WordReportPreview, WordReportSaved } from '../../../shared/word-report-types.ts';
import { errorMessage } from '../../api/client.ts';
import { useApp } from '../../app/context.ts';
import { useLoad } from '../../app/useLoad.ts';
import { Notice } from '../../components/Notice.tsx';

const SOURCE = { header: 'theo tên cơ quan ở đầu văn bản', file_name: 'theo tên tệp' } as const;

export function WordReportReview({ file, onClose, onSaved }: { file: string; onClose: () => void; onSaved: (saved: WordReportSaved) => void }) {
  const { api, info, year: appYear } = useApp();
  const preview = useLoad(() => api.call('previewWordReport', { file }), [api, file]);
  const units = useLoad(() => api.call('listUnits', {}), [api]);
  const template = useLoad(() => api.call('getTemplateInfo', {}), [api]);
  const [unit, setUnit] = useState('');
  const [year, setYear] = useState(appYear);
  const [texts, setTexts] = useState<Record<string, string>>({});
  /** For each unplaced text: the section it goes to ('' = left out). */
  const [placements, setPlacements] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const p: WordReportPreview | null = preview.data;
  useEffect(() => {
    if (!p) return;
    setUnit(p.unit?.code ?? '');
    setYear(p.year ?? appYear);
    setTexts(Object.fromEntries(p.sections.map((s) => [s.code, s.text])));
    setPlacements(p.unplaced.map(() => ''));
  }, [p, appYear]);

  const reporting = useMemo(() => {
    const kinds = new Set((template.data?.unitKinds ?? []).filter((k) => k.reports).map((k) => k.code));
    return (units.data ?? []).filter((u) => kinds.has(u.kind) && u.active);
  }, [units.data, template.data]);

  if (preview.loading) return <p className="muted">Đang đọc báo cáo Word…</p>;
  if (preview.error) return <Notice kind="error">{preview.error}</Notice>;
  if (!p) return null;

  const labelOf = new Map(p.sections.map((s) => [s.code, s.label]));
  const finalTexts = () => {
    const out = { ...texts };
    p.unplaced.forEach((u, i) => {
      const code = placements[i];
      if (code) out[code] = [out[code] ?? '', u.text].filter((t) => t.trim() !== '').join('\n');
    });
    return out;
  };
  const filled = Object.values(finalTexts()).filter((t) => t.trim() !== '').length;

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      onSaved(await api.call('saveWordReport', { file, unit, year, texts: finalTexts() }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="word-report" aria-label={`Báo cáo Word ${p.fileName}`}>
      <h3>
        Báo cáo Word: <span title={p.file}>{p.fileName}</span>
      </h3>
      {!p.ok ? (
        <>
          {p.findings.map((f, i) => (
            <Notice key={i} kind="error">
              {f.message}
            </Notice>
          ))}
          <div className="form-actions">
            <button type="button" onClick={onClose}>
              Đóng
            </button>
          </div>
        </>
      ) : (
        <>
          <div className="word-report-who">
            <label>
              Đơn vị{' '}
              <select value={unit} onChange={(e) => setUnit(e.target.value)} aria-label="Đơn vị gửi báo cáo">
                <option value="">— Chọn đơn vị —</option>
                {reporting.map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.name}
                  </option>
                ))}
              </select>
            </label>
            {p.unit && unit === p.unit.code && <span className="muted">(nhận ra {SOURCE[p.unit.from]})</span>}
            <label>
              Năm{' '}
              <select value={year} onChange={(e) => setYear(Number(e.target.value))} aria-label="Năm báo cáo">
                {info.years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
            <span className="muted">
              {filled}/{p.sections.length} mục có nội dung
            </span>
          </div>
          {p.findings
            .filter((f) => f.code !== 'text_unplaced' && !(f.code === 'unit_unknown' && unit) && !(f.code === 'year_unknown' && p.year !== year))
            .map((f, i) => (
              <div key={i} className={`finding-line severity-${f.severity}`}>
                {f.message}
              </div>
            ))}
          {p.unplaced.length > 0 && (
            <fieldset className="word-unplaced">
              <legend>Đoạn chưa xếp được vào mục nào ({p.unplaced.length}): chọn mục hoặc bỏ qua</legend>
              {p.unplaced.map((u, i) => (
                <div key={i} className="word-unplaced-item">
                  <div className="word-unplaced-text">
                    {u.heading && <strong>{u.heading}</strong>}
                    <div>{u.text}</div>
                  </div>
                  <select
                    aria-label={`Xếp đoạn ${i + 1} vào mục`}
                    value={placements[i] ?? ''}
                    onChange={(e) => setPlacements((list) => list.map((v, j) => (j === i ? e.target.value : v)))}
                  >
                    <option value="">Bỏ qua (không lưu)</option>
                    {p.sections.map((s) => (
                      <option key={s.code} value={s.code}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </fieldset>
          )}
          <div className="word-sections table-scroll">
            <table className="data-table" aria-label="Nội dung theo mục của đề cương">
              <thead>
                <tr>
                  <th>Mục của đề cương</th>
                  <th>Nội dung tìm thấy (có thể sửa)</th>
                </tr>
              </thead>
              <tbody>
                {p.sections.map((s) => {
                  const added = p.unplaced.filter((_, i) => placements[i] === s.code);
                  const text = texts[s.code] ?? '';
                  return (
                    <tr key={s.code} className={text.trim() === '' && added.length === 0 ? 'word-empty' : ''}>
                      <td className="word-label">
                        {s.label}
                        {s.warning && text.trim() === s.text.trim() && <div className="finding-line severity-warning">{s.warning}</div>}
                      </td>
                      <td>
                        <textarea
                          aria-label={s.label}
                          rows={Math.min(6, Math.max(1, text.split('\n').length))}
                          value={text}
                          placeholder="(không có nội dung)"
                          onChange={(e) => setTexts((t) => ({ ...t, [s.code]: e.target.value }))}
                        />
                        {added.map((u, i) => (
                          <div key={i} className="muted">
                            ＋ đoạn xếp thêm{u.heading ? ` (dưới "${u.heading}")` : ''}: {u.text.slice(0, 80)}
                            {u.text.length > 80 ? '…' : ''}
                          </div>
                        ))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {error && <Notice kind="error">{error}</Notice>}
          <div className="form-actions">
            <button type="button" className="primary" disabled={saving || !unit || filled === 0} onClick={() => void save()}>
              Lưu nội dung của {reporting.find((u) => u.code === unit)?.name ?? 'đơn vị'} năm {year}
            </button>
            <button type="button" disabled={saving} onClick={onClose}>
              Hủy
            </button>
            {!unit && <span className="muted">Hãy chọn đơn vị gửi báo cáo.</span>}
            {unit && labelOf.size > 0 && (
              <span className="muted">Lưu thành phiên bản mới; bước Báo cáo dùng nội dung này như nội dung ô BAO_CAO trong biểu mẫu của đơn vị.</span>
            )}
          </div>
        </>
      )}
    </div>
  );
}
