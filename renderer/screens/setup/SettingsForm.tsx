// The settings the report and the workbooks print, field by field from the one schema
// (shared/settings-schema.ts): province-wide ones, and the selected year's own (period, number, signer…).
// Dates are typed dd/mm/yyyy. Unsaved text is kept in the app's state per year, so changing step loses
// nothing; each wrong field is marked and explained, and the right ones are saved all the same.
import { useMemo, useState } from 'react';
import type { Settings } from '../../../shared/types.ts';
import {
  isYearSetting,
  readSettingText,
  SETTING_GROUPS,
  settingChoices,
  settingFields,
  settingText,
  type SettingKey,
} from '../../../shared/settings-schema.ts';
import { errorMessage } from '../../api/client.ts';
import { useApp } from '../../app/context.ts';
import { useLoad } from '../../app/useLoad.ts';
import { Notice } from '../../components/Notice.tsx';

const FIELDS = settingFields();

function savedTexts(settings: Settings): Record<string, string> {
  return Object.fromEntries(FIELDS.map((f) => [f.key, settingText(f.key, settings[f.key])]));
}

export function SettingsForm() {
  const { api, year, status, refreshInfo, settingsDrafts, setSettingsDraft } = useApp();
  const settings = useLoad(() => api.call('getSettings', { year }), [api, year]);
  const [errors, setErrors] = useState<Partial<Record<SettingKey, string>>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const saved = useMemo(() => (settings.data ? savedTexts(settings.data) : null), [settings.data]);
  const locked = status?.year === year && status.locked;

  if (settings.error) return <Notice kind="error">{settings.error}</Notice>;
  if (!saved || !settings.data) return <p className="muted">Đang tải…</p>;
  const draft = { ...saved, ...(settingsDrafts[year] ?? {}) };
  const edited = FIELDS.filter((f) => draft[f.key] !== saved[f.key]);

  const setField = (key: SettingKey, text: string) => {
    const next = { ...(settingsDrafts[year] ?? {}), [key]: text };
    if (text === saved[key]) delete next[key];
    setSettingsDraft(year, Object.keys(next).length ? next : null);
    if (errors[key]) setErrors(({ [key]: _gone, ...rest }) => rest);
  };

  const save = async () => {
    const changes: Record<string, unknown> = {};
    const wrong: Partial<Record<SettingKey, string>> = {};
    for (const f of edited) {
      const r = readSettingText(f.key, draft[f.key] ?? '');
      if (r.ok) changes[f.key] = r.value;
      else wrong[f.key] = r.message;
    }
    setErrors(wrong);
    const nWrong = Object.keys(wrong).length;
    const wrongText = nWrong ? ` ${nWrong} ô chưa lưu vì giá trị chưa đúng (tô đỏ, lời giải thích ở dưới ô): hãy sửa rồi bấm "Lưu thiết lập" lần nữa.` : '';
    if (Object.keys(changes).length === 0) {
      setMessage(nWrong ? { kind: 'error', text: wrongText.trim() } : { kind: 'ok', text: 'Không có gì thay đổi.' });
      if (nWrong) document.getElementById(`setting-${Object.keys(wrong)[0]}`)?.focus();
      return;
    }
    try {
      const next = await api.call('setSettings', { year, changes });
      settings.setData(() => next);
      // What was saved leaves the draft; what was wrong stays, marked.
      const left = Object.fromEntries(Object.keys(wrong).map((k) => [k, draft[k] ?? '']));
      setSettingsDraft(year, nWrong ? left : null);
      setMessage({ kind: nWrong ? 'error' : 'ok', text: `Đã lưu ${Object.keys(changes).length} thiết lập.${wrongText}` });
      if (nWrong) document.getElementById(`setting-${Object.keys(wrong)[0]}`)?.focus();
      refreshInfo();
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };

  return (
    <form
      className="settings-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {locked && (
        <Notice kind="info">
          Năm {year} đã chốt số liệu: số, ngày, người ký và kỳ báo cáo năm {year} giữ nguyên như khi chốt. Muốn sửa, hãy mở khóa năm {year} (nút “Mở khóa” ở
          thanh trên, kèm lý do).
        </Notice>
      )}
      {SETTING_GROUPS.map((g) => {
        const fields = FIELDS.filter((f) => f.meta.group === g.key);
        const perYear = fields.some((f) => isYearSetting(f.key));
        return (
          <fieldset key={g.key} disabled={perYear && locked}>
            <legend>
              {g.title}
              {perYear ? ` — năm ${year}` : ''}
            </legend>
            {fields.map(({ key, meta }) => {
              const id = `setting-${key}`;
              const value = draft[key] ?? '';
              const error = errors[key];
              const common = {
                id,
                value,
                'aria-invalid': error ? true : undefined,
                'aria-describedby': error ? `${id}-error` : undefined,
              };
              return (
                <div key={key} className={`field field-${meta.input}${error ? ' field-error' : ''}${draft[key] !== saved[key] ? ' field-edited' : ''}`}>
                  <label htmlFor={id}>{meta.label}</label>
                  {meta.input === 'choice' ? (
                    <select {...common} onChange={(e) => setField(key, e.target.value)}>
                      {settingChoices(key).map((c) => (
                        <option key={c}>{c}</option>
                      ))}
                    </select>
                  ) : meta.input === 'lines' || meta.input === 'long' ? (
                    <textarea {...common} rows={meta.input === 'lines' ? 4 : 3} onChange={(e) => setField(key, e.target.value)} />
                  ) : (
                    <input
                      {...common}
                      type="text"
                      placeholder={meta.input === 'date' ? 'ngày/tháng/năm' : undefined}
                      onChange={(e) => setField(key, e.target.value)}
                    />
                  )}
                  {error && (
                    <p id={`${id}-error`} className="field-message" role="alert">
                      {error}
                    </p>
                  )}
                </div>
              );
            })}
          </fieldset>
        );
      })}
      <div className="form-actions sticky-actions">
        <button type="submit" className="primary">
          Lưu thiết lập
        </button>
        {edited.length > 0 && <span className="muted">{edited.length} ô đã sửa, chưa lưu</span>}
        {message && <Notice kind={message.kind}>{message.text}</Notice>}
      </div>
    </form>
  );
}
