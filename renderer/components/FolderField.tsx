// A folder on this machine: typed as text (browser mode) or chosen with the system dialog (Electron).
import { useApp } from '../app/context.ts';

export function FolderField({ label, value, onChange, id }: { label: string; value: string; onChange(value: string): void; id: string }) {
  const { api } = useApp();
  return (
    <div className="field folder-field">
      <label htmlFor={id}>{label}</label>
      <div className="folder-row">
        <input id={id} type="text" value={value} spellCheck={false} onChange={(e) => onChange(e.target.value)} />
        {api.desktop && (
          <button
            type="button"
            onClick={async () => {
              const chosen = await api.desktop!.chooseFolder(label, value || undefined);
              if (chosen) onChange(chosen);
            }}
          >
            Chọn…
          </button>
        )}
      </div>
    </div>
  );
}

/** "Mở thư mục" where the window can open the file manager (in a browser the path is shown in the result line). */
export function OpenFolder({ path }: { path: string }) {
  const { api } = useApp();
  if (!api.desktop) return null;
  return (
    <button type="button" onClick={() => void api.desktop!.openFolder(path)}>
      Mở thư mục
    </button>
  );
}
