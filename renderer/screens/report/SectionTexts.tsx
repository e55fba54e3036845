// The outline's narrative sections: pick one in the tree; the units' texts are shown unit by unit, and the
// compiler's own text (prefilled with the merge) is saved when the field is left.
import { useEffect, useMemo, useState } from 'react';
import type { ReportSection } from '../../../shared/api-types.ts';
import { errorMessage } from '../../api/client.ts';
import { useApp } from '../../app/context.ts';
import { useLoad } from '../../app/useLoad.ts';
import { Notice } from '../../components/Notice.tsx';
import { formatDateTime } from '../../format.ts';

const PART_TITLES: Record<string, string> = { A: 'PHẦN A. Tình hình trẻ em bị xâm hại', B: 'PHẦN B. Kết quả thực hiện', C: 'PHẦN C. Kiến nghị, đề xuất' };

function partOf(label: string): string {
  return /^([A-Z])\./.exec(label)?.[1] ?? '';
}

export function SectionTexts() {
  const { api, year, period } = useApp();
  const sections = useLoad(() => api.call('reportSections', { year, period }), [api, year, period]);
  const [code, setCode] = useState<string | null>(null);
  const list = useMemo(() => sections.data ?? [], [sections.data]);
  const current = list.find((s) => s.code === code) ?? list[0] ?? null;
  const parts = useMemo(() => {
    const out = new Map<string, ReportSection[]>();
    for (const s of list) out.set(partOf(s.label), [...(out.get(partOf(s.label)) ?? []), s]);
    return [...out.entries()];
  }, [list]);

  if (sections.error) return <Notice kind="error">{sections.error}</Notice>;
  if (!sections.data) return <p className="muted">Đang tải…</p>;
  return (
    <div className="sections">
      <nav className="outline" aria-label="Đề cương">
        {parts.map(([part, items]) => (
          <div key={part} className="outline-part">
            <div className="outline-part-title">{PART_TITLES[part] ?? (part || 'Nội dung khác')}</div>
            {items.map((s) => (
              <button key={s.code} type="button" className={`outline-item ${s.code === current?.code ? 'active' : ''}`} onClick={() => setCode(s.code)}>
                <span>{s.label}</span>
                <span
                  className={`source-dot source-${s.source}`}
                  title={
                    s.source === 'compiler'
                      ? 'Đã viết lại'
                      : s.source === 'units'
                        ? `${s.units.length} đơn vị có nội dung`
                        : s.source === 'none'
                          ? 'Không có nội dung báo cáo (không in gì dưới đề mục)'
                          : 'Chưa có nội dung: báo cáo còn là dự thảo'
                  }
                />
              </button>
            ))}
          </div>
        ))}
      </nav>
      {current && (
        <SectionEditor
          key={`${year}:${current.code}`}
          section={current}
          onSaved={(s) => sections.setData((all) => (all ? all.map((x) => (x.code === s.code ? s : x)) : all))}
          save={(text) => api.call('setSectionText', { year, period, code: current.code, text })}
          markNone={(none) => api.call('setSectionNoContent', { year, period, code: current.code, none })}
        />
      )}
    </div>
  );
}

function SectionEditor({
  section,
  save,
  markNone,
  onSaved,
}: {
  section: ReportSection;
  save(text: string | null): Promise<ReportSection>;
  markNone(none: boolean): Promise<ReportSection>;
  onSaved(s: ReportSection): void;
}) {
  const [text, setText] = useState(section.compilerText ?? section.merged);
  const [state, setState] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => setText(section.compilerText ?? section.merged), [section.compilerText, section.merged]);

  const mark = async (none: boolean) => {
    try {
      onSaved(await markNone(none));
      setState({
        kind: 'ok',
        text: none ? 'Đã đánh dấu: mục này không có nội dung báo cáo (không in gì dưới đề mục).' : 'Đã bỏ đánh dấu “Không có nội dung báo cáo”.',
      });
    } catch (e) {
      setState({ kind: 'error', text: errorMessage(e) });
    }
  };

  const commit = async (value: string | null) => {
    if (value !== null && value === (section.compilerText ?? section.merged)) return;
    try {
      const saved = await save(value);
      onSaved(saved);
      setState({ kind: 'ok', text: value === null ? 'Đã trở lại văn bản gộp từ các đơn vị.' : 'Đã lưu.' });
    } catch (e) {
      setState({ kind: 'error', text: errorMessage(e) });
    }
  };

  return (
    <div className="section-editor">
      <h3>{section.label}</h3>
      {section.prompts && section.prompts.length > 0 ? (
        <ul className="muted section-prompts" aria-label="Gợi ý nội dung theo Đề cương">
          {section.prompts.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : (
        section.prompt && <p className="muted">{section.prompt}</p>
      )}
      <div className="section-columns">
        <div className="unit-texts" aria-label="Nội dung các đơn vị gửi">
          <div className="column-title">Các đơn vị gửi ({section.units.length})</div>
          {section.units.length === 0 && <p className="muted">Chưa đơn vị nào viết mục này.</p>}
          {section.units.map((u) => (
            <div key={u.unit} className="unit-text">
              <strong>{u.unitName}:</strong> {u.text}
            </div>
          ))}
        </div>
        <div className="compiler-text">
          <label className="column-title" htmlFor="compiler-text">
            Nội dung đưa vào báo cáo{' '}
            {section.compilerText !== null ? `(đã viết lại${section.updatedAt ? `, ${formatDateTime(section.updatedAt)}` : ''})` : '(đang dùng văn bản gộp)'}
          </label>
          <textarea id="compiler-text" value={text} onChange={(e) => setText(e.target.value)} onBlur={() => void commit(text)} rows={14} />
          <div className="form-actions">
            <button type="button" onClick={() => void commit(text)}>
              Lưu
            </button>
            {section.compilerText !== null && section.source !== 'none' && (
              <button type="button" onClick={() => void commit(null)}>
                Dùng lại văn bản gộp
              </button>
            )}
            {section.source === 'none' ? (
              <button type="button" onClick={() => void mark(false)}>
                Bỏ đánh dấu “Không có nội dung báo cáo”
              </button>
            ) : (
              section.source === 'empty' && (
                <button type="button" onClick={() => void mark(true)} title="Không in gì dưới đề mục này; báo cáo không còn chờ mục này">
                  Không có nội dung báo cáo
                </button>
              )
            )}
            {state && <Notice kind={state.kind}>{state.text}</Notice>}
          </div>
        </div>
      </div>
    </div>
  );
}
