// The settings the report and the workbooks print (decree-30.md): edited as text, dates as dd/mm/yyyy.
import { useEffect, useState } from 'react';
import type { Settings } from '../../../shared/types.ts';
import { errorMessage } from '../../api/client.ts';
import { useApp } from '../../app/context.ts';
import { useLoad } from '../../app/useLoad.ts';
import { Notice } from '../../components/Notice.tsx';
import { parseDayMonthYear } from '../../dates.ts';
import { formatDate } from '../../format.ts';

type FieldKind = 'text' | 'date' | 'lines' | 'long' | 'choice';
interface Field {
  key: string;
  label: string;
  kind: FieldKind;
  choices?: string[];
}

const GROUPS: { title: string; fields: Field[] }[] = [
  {
    title: 'Cơ quan báo cáo',
    fields: [
      { key: 'province', label: 'Tên tỉnh, thành phố', kind: 'text' },
      { key: 'province_kind', label: 'Cấp', kind: 'choice', choices: ['tỉnh', 'thành phố'] },
      { key: 'parent_body', label: 'Cơ quan chủ quản', kind: 'text' },
      { key: 'issuing_body', label: 'Cơ quan ban hành', kind: 'text' },
      { key: 'abbreviation', label: 'Chữ viết tắt', kind: 'text' },
      { key: 'place', label: 'Địa danh', kind: 'text' },
      { key: 'contact', label: 'Đầu mối liên hệ', kind: 'text' },
    ],
  },
  {
    title: 'Kỳ báo cáo',
    fields: [
      { key: 'period_from', label: 'Số liệu từ ngày', kind: 'date' },
      { key: 'period_to', label: 'Đến ngày', kind: 'date' },
      { key: 'deadline', label: 'Hạn gửi báo cáo', kind: 'date' },
      { key: 'report_number', label: 'Số báo cáo', kind: 'text' },
      { key: 'report_date', label: 'Ngày báo cáo', kind: 'date' },
    ],
  },
  {
    title: 'Người ký và nơi nhận',
    fields: [
      { key: 'signer_authority', label: 'Thẩm quyền ký', kind: 'text' },
      { key: 'signer_title', label: 'Chức vụ người ký', kind: 'text' },
      { key: 'signer_name', label: 'Họ và tên người ký', kind: 'text' },
      { key: 'recipients', label: 'Nơi nhận (mỗi dòng một nơi)', kind: 'lines' },
      { key: 'opening', label: 'Câu mở đầu báo cáo', kind: 'long' },
    ],
  },
];

const FIELDS = GROUPS.flatMap((g) => g.fields);

function toText(field: Field, value: unknown): string {
  if (field.kind === 'date') return formatDate(typeof value === 'string' ? value : '');
  if (field.kind === 'lines') return Array.isArray(value) ? value.join('\n') : '';
  return value == null ? '' : String(value);
}

export function SettingsForm() {
  const { api, refreshInfo } = useApp();
  const settings = useLoad(() => api.call('getSettings', {}), [api]);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    if (settings.data) setDraft(Object.fromEntries(FIELDS.map((f) => [f.key, toText(f, settings.data![f.key])])));
  }, [settings.data]);

  const save = async () => {
    const current = settings.data ?? {};
    const changes: Settings = {};
    for (const f of FIELDS) {
      const text = draft[f.key] ?? '';
      if (text === toText(f, current[f.key])) continue;
      if (f.kind === 'date') {
        const iso = parseDayMonthYear(text);
        if (iso === null) return setMessage({ kind: 'error', text: `${f.label}: "${text}" không phải ngày dd/mm/yyyy.` });
        changes[f.key] = iso;
      } else if (f.kind === 'lines') changes[f.key] = text.split('\n').map((l) => l.trim()).filter(Boolean);
      else changes[f.key] = text;
    }
    if (Object.keys(changes).length === 0) return setMessage({ kind: 'ok', text: 'Không có gì thay đổi.' });
    try {
      const saved = await api.call('setSettings', { changes });
      settings.setData(() => saved);
      setMessage({ kind: 'ok', text: `Đã lưu ${Object.keys(changes).length} thiết lập.` });
      refreshInfo();
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };

  if (settings.error) return <Notice kind="error">{settings.error}</Notice>;
  if (!settings.data) return <p className="muted">Đang tải…</p>;
  return (
    <form
      className="settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {GROUPS.map((g) => (
        <fieldset key={g.title}>
          <legend>{g.title}</legend>
          {g.fields.map((f) => {
            const id = `setting-${f.key}`;
            const value = draft[f.key] ?? '';
            const set = (v: string) => setDraft((d) => ({ ...d, [f.key]: v }));
            return (
              <div key={f.key} className={`field field-${f.kind}`}>
                <label htmlFor={id}>{f.label}</label>
                {f.kind === 'choice' ? (
                  <select id={id} value={value} onChange={(e) => set(e.target.value)}>
                    {f.choices!.map((c) => (
                      <option key={c}>{c}</option>
                    ))}
                  </select>
                ) : f.kind === 'lines' || f.kind === 'long' ? (
                  <textarea id={id} rows={f.kind === 'lines' ? 4 : 3} value={value} onChange={(e) => set(e.target.value)} />
                ) : (
                  <input id={id} type="text" value={value} placeholder={f.kind === 'date' ? 'dd/mm/yyyy' : undefined} onChange={(e) => set(e.target.value)} />
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
      <div className="form-actions">
        <button type="submit" className="primary">
          Lưu thiết lập
        </button>
        {message && <Notice kind={message.kind}>{message.text}</Notice>}
      </div>
    </form>
  );
}
