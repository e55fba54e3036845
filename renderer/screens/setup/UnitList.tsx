// The unit tree: select with the arrows, Alt+↑/↓ to reorder, F2 to rename; add, merge two communes, deactivate.
import { useMemo, useState, type ReactNode } from 'react';
import type { Unit } from '../../../shared/types.ts';
import { errorMessage } from '../../api/client.ts';
import { useApp } from '../../app/context.ts';
import { useLoad } from '../../app/useLoad.ts';
import { Notice } from '../../components/Notice.tsx';
import { UnitListImport } from './UnitListImport.tsx';
import { unitTree } from './unitTree.ts';

type Action = 'rename' | 'merge' | 'deactivate' | 'add' | 'import' | null;

export function UnitList() {
  const { api, info, template, refreshStatus, year, status } = useApp();
  // A locked year keeps the names it printed (see electron/store/years.ts, lockedView).
  const lockedNote = status?.year === year && status.locked ? ` Báo cáo năm ${year} đã chốt vẫn in tên đơn vị như khi chốt.` : '';
  const units = useLoad(() => api.call('listUnits', {}), [api]);
  const [selected, setSelected] = useState<string | null>(null);
  const [action, setAction] = useState<Action>(null);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [mergeInto, setMergeInto] = useState('');
  const [newUnit, setNewUnit] = useState({ code: '', name: '', kind: 'dia_phuong', parent: '' });
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const rows = useMemo(() => unitTree(units.data ?? []), [units.data]);
  const kindLabel = useMemo(() => new Map(template.unitKinds.map((k) => [k.code, k.label])), [template]);
  const nameOf = useMemo(() => new Map((units.data ?? []).map((u) => [u.code, u.name])), [units.data]);
  const current = rows.find((r) => r.unit.code === selected)?.unit ?? null;

  const run = async (work: () => Promise<Unit[] | Unit>, done: string | (() => string)) => {
    try {
      const result = await work();
      if (Array.isArray(result)) units.setData(() => result);
      else units.reload();
      setMessage({ kind: 'ok', text: typeof done === 'function' ? done() : done });
      setAction(null);
      setReason('');
      refreshStatus();
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };

  const move = (direction: 'up' | 'down') =>
    current && void run(() => api.call('moveUnit', { code: current.code, direction }), `Đã chuyển ${current.name} ${direction === 'up' ? 'lên' : 'xuống'}.`);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const at = rows.findIndex((r) => r.unit.code === selected);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (e.altKey) return move(e.key === 'ArrowUp' ? 'up' : 'down');
      const next = rows[Math.max(0, Math.min(rows.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
      if (next) setSelected(next.unit.code);
    } else if (e.key === 'F2' && current) {
      e.preventDefault();
      setText(current.name);
      setAction('rename');
    }
  };

  const sameKind = (units.data ?? []).filter((u) => current && u.kind === current.kind && u.code !== current.code && u.active);

  return (
    <div className="unit-list">
      {units.error && <Notice kind="error">{units.error}</Notice>}
      <div className="unit-tree" role="tree" aria-label="Đơn vị" tabIndex={0} onKeyDown={onKeyDown}>
        {rows.map(({ unit, depth }) => (
          <div
            key={unit.code}
            role="treeitem"
            aria-selected={unit.code === selected}
            aria-level={depth + 1}
            className={`unit-row ${unit.code === selected ? 'selected' : ''} ${unit.active ? '' : 'inactive'}`}
            style={{ paddingLeft: `${8 + depth * 18}px` }}
            onClick={() => setSelected(unit.code)}
            // The unit's code (in its workbooks' file names) for whoever needs it, never as a label.
            title={`Mã đơn vị: ${unit.code}`}
          >
            <span className="unit-name">{unit.name}</span>
            <span className="unit-kind">{kindLabel.get(unit.kind) ?? unit.kind}</span>
            <span className="unit-state">
              {unit.mergedIntoCode ? `Đã sáp nhập vào ${nameOf.get(unit.mergedIntoCode) ?? unit.mergedIntoCode}` : unit.active ? '' : 'Ngừng báo cáo'}
            </span>
          </div>
        ))}
      </div>
      <div className="unit-actions">
        <button type="button" onClick={() => setAction('add')}>
          Thêm đơn vị
        </button>
        <button type="button" onClick={() => setAction('import')}>
          Nhập danh sách…
        </button>
        <button type="button" disabled={!current} onClick={() => current && (setText(current.name), setAction('rename'))} title="F2">
          Đổi tên
        </button>
        <button type="button" disabled={!current} onClick={() => move('up')} title="Alt+↑">
          Lên
        </button>
        <button type="button" disabled={!current} onClick={() => move('down')} title="Alt+↓">
          Xuống
        </button>
        <button type="button" disabled={!current || !current.active} onClick={() => (setMergeInto(''), setAction('merge'))}>
          Sáp nhập…
        </button>
        {current && !current.active ? (
          <button
            type="button"
            onClick={() => void run(() => api.call('setUnitActive', { code: current.code, active: true }), `${current.name} báo cáo trở lại.`)}
          >
            Dùng lại
          </button>
        ) : (
          <button type="button" disabled={!current} onClick={() => setAction('deactivate')}>
            Ngừng báo cáo…
          </button>
        )}
      </div>
      {action === 'add' && (
        <ActionForm
          onSubmit={() => {
            void run(
              () => api.call('addUnit', { ...newUnit, code: newUnit.code.trim() || undefined, parent: newUnit.parent || null }),
              `Đã thêm ${newUnit.name.trim()}.`,
            );
          }}
          submitLabel="Thêm"
          onCancel={() => setAction(null)}
        >
          <input
            aria-label="Tên đơn vị"
            placeholder="Tên đơn vị, VD: Xã An Phú"
            value={newUnit.name}
            onChange={(e) => setNewUnit({ ...newUnit, name: e.target.value })}
            autoFocus
          />
          <select aria-label="Loại đơn vị" value={newUnit.kind} onChange={(e) => setNewUnit({ ...newUnit, kind: e.target.value })}>
            {template.unitKinds.map((k) => (
              <option key={k.code} value={k.code}>
                {k.label}
              </option>
            ))}
          </select>
          <span>thuộc</span>
          <select aria-label="Đơn vị cấp trên" value={newUnit.parent} onChange={(e) => setNewUnit({ ...newUnit, parent: e.target.value })}>
            <option value="">(không có cấp trên)</option>
            {(units.data ?? []).map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
          {/* The code starts the unit's workbook file names; left blank, one is made from the name. */}
          <input
            aria-label="Mã đơn vị (không bắt buộc)"
            placeholder="Mã (để trống: tự đặt)"
            title="Mã đứng đầu tên tệp biểu mẫu của đơn vị. Để trống thì phần mềm tự đặt theo tên."
            size={18}
            value={newUnit.code}
            onChange={(e) => setNewUnit({ ...newUnit, code: e.target.value })}
          />
        </ActionForm>
      )}
      {action === 'import' && (
        <div className="unit-import-panel">
          <UnitListImport
            api={api}
            info={info}
            onCancel={() => setAction(null)}
            onImported={(r) => {
              units.setData(() => r.units);
              const parts = [`thêm ${r.added}`, `giữ ${r.kept}`, `cập nhật ${r.updated}`];
              if (r.removed) parts.push(`bỏ ${r.removed} đơn vị không có trong danh sách`);
              if (r.retired) parts.push(`ngừng theo dõi ${r.retired}`);
              if (r.skipped) parts.push(`bỏ qua ${r.skipped} dòng trùng tên`);
              setMessage({
                kind: 'ok',
                text: `Đã nhập danh sách đơn vị: ${parts.join(', ')}. Danh sách hiện có ${r.units.filter((u) => u.active).length} đơn vị.`,
              });
              setAction(null);
              refreshStatus();
            }}
          />
        </div>
      )}
      {action === 'rename' && current && (
        <ActionForm
          onSubmit={() => {
            void run(() => api.call('renameUnit', { code: current.code, name: text, reason: reason || undefined }), `Đã đổi tên thành ${text}.${lockedNote}`);
          }}
          submitLabel="Đổi tên"
          onCancel={() => setAction(null)}
        >
          <input
            aria-label="Tên mới"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoFocus
            onKeyDown={(e) => e.key === 'Escape' && setAction(null)}
          />
          <input aria-label="Lý do" placeholder="Lý do (nếu có)" value={reason} onChange={(e) => setReason(e.target.value)} />
        </ActionForm>
      )}
      {action === 'merge' && current && (
        <ActionForm
          onSubmit={() => {
            if (!mergeInto) return setMessage({ kind: 'error', text: 'Hãy chọn đơn vị nhận sáp nhập.' });
            void run(
              () => api.call('mergeUnits', { from: current.code, into: mergeInto, reason: reason || undefined }),
              `Đã sáp nhập ${current.name} vào ${nameOf.get(mergeInto) ?? mergeInto}.${lockedNote}`,
            );
          }}
          submitLabel="Sáp nhập"
          onCancel={() => setAction(null)}
        >
          <span>
            Sáp nhập <strong>{current.name}</strong> vào
          </span>
          <select aria-label="Sáp nhập vào" value={mergeInto} onChange={(e) => setMergeInto(e.target.value)} autoFocus>
            <option value="">(chọn đơn vị)</option>
            {sameKind.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
          <input aria-label="Lý do" placeholder="Lý do, VD: Nghị quyết sắp xếp đơn vị hành chính" value={reason} onChange={(e) => setReason(e.target.value)} />
        </ActionForm>
      )}
      {action === 'deactivate' && current && (
        <ActionForm
          onSubmit={() => {
            void run(() => api.call('setUnitActive', { code: current.code, active: false, reason: reason || undefined }), `${current.name} ngừng báo cáo.`);
          }}
          submitLabel="Ngừng báo cáo"
          onCancel={() => setAction(null)}
        >
          <span>
            <strong>{current.name}</strong> ngừng báo cáo (số liệu các năm trước vẫn giữ)
          </span>
          <input aria-label="Lý do" placeholder="Lý do" value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
        </ActionForm>
      )}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
    </div>
  );
}

/** One action's line under the unit list: its fields, then the action's button and Hủy. */
function ActionForm({ onSubmit, submitLabel, onCancel, children }: { onSubmit: () => void; submitLabel: string; onCancel: () => void; children: ReactNode }) {
  return (
    <form
      className="action-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <button type="submit" className="primary">
        {submitLabel}
      </button>
      <button type="button" onClick={onCancel}>
        Hủy
      </button>
    </form>
  );
}
