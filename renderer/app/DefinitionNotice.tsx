// Beside the year in the title bar: when the chosen year was collected under an older report definition
// than the app's (forms, checks, annexes, outline), a small notice with a button. Moving the year is a
// one-way action: a panel says what changes and what stays, and the app backs the database up first.
import { useEffect, useState } from 'react';
import type { DefinitionStatus } from '../../shared/api-types.ts';
import { errorMessage } from '../api/client.ts';
import { useApp } from './context.ts';

export function DefinitionNotice() {
  const { api, year, refreshStatus } = useApp();
  const [state, setState] = useState<DefinitionStatus | null>(null);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.call('definitionStatus', {}).then(
      (s) => live && setState(s),
      () => live && setState(null),
    );
    return () => {
      live = false;
    };
  }, [api, year]);

  const mine = state?.years.find((y) => y.year === year);
  if (!state || !mine || !state.upgradable.includes(year)) {
    return message ? (
      <span className="definition-note" role="status">
        {message}
      </span>
    ) : null;
  }

  const upgrade = async () => {
    setBusy(true);
    try {
      const r = await api.call('upgradeYearDefinition', { year });
      setOpen(false);
      setMessage(`Năm ${year} đã chuyển sang mẫu báo cáo phiên bản ${r.to.version}; bản sao lưu trước khi chuyển: ${r.backup.split(/[\\/]/).pop()}.`);
      setState(await api.call('definitionStatus', {}));
      refreshStatus();
    } catch (e) {
      setMessage(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="small definition-note"
        onClick={() => setOpen(true)}
        title={`Năm ${year} dùng mẫu báo cáo phiên bản ${mine.version}; phần mềm có phiên bản ${state.current.version}`}
      >
        Có mẫu báo cáo mới
      </button>
      {open && (
        <form
          className="title-panel"
          role="dialog"
          aria-label={`Chuyển năm ${year} sang mẫu báo cáo mới`}
          onSubmit={(e) => {
            e.preventDefault();
            void upgrade();
          }}
          onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        >
          <p>
            Năm {year} được thu số liệu theo mẫu báo cáo phiên bản {mine.version}; phần mềm này có phiên bản {state.current.version}. Đến khi chuyển, việc kiểm
            tra, các phụ lục và báo cáo năm {year} vẫn theo phiên bản {mine.version}, đúng như đã in.
          </p>
          <p>
            Sau khi chuyển, số liệu và nội dung đã nhận giữ nguyên, nhưng quy tắc kiểm tra, phụ lục, đề cương và biểu mẫu gửi đi của năm {year} theo phiên bản{' '}
            {state.current.version}. Phần mềm tự sao lưu cơ sở dữ liệu trước khi chuyển; muốn quay lại thì khôi phục bản sao lưu đó.
          </p>
          <div className="panel-actions">
            <button type="submit" className="primary" disabled={busy} autoFocus>
              Chuyển năm {year} sang phiên bản {state.current.version}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Hủy
            </button>
          </div>
          {message && (
            <p className="title-message" role="alert">
              {message}
            </p>
          )}
        </form>
      )}
    </>
  );
}
