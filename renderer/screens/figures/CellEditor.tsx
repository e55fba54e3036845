// The editor inside a grid cell: Enter commits and moves down, Tab right (Shift back), Escape cancels.
import { useRef, useState } from 'react';

type Move = 'down' | 'up' | 'right' | 'left' | null;

/** Commits the text typed (trimmed); the grid checks it against the column's definition. */
export function CellEditor({ initial, onCommit, onCancel }: { initial: string; onCommit(text: string, move: Move): void; onCancel(): void }) {
  const [text, setText] = useState(initial);
  const done = useRef(false);
  const commit = (move: Move) => {
    if (done.current) return;
    done.current = true;
    const t = text.trim();
    onCommit(t, move);
  };
  return (
    <input
      className="cell-editor"
      aria-label="Sửa số liệu"
      autoFocus
      value={text}
      inputMode="decimal"
      onFocus={(e) => e.currentTarget.setSelectionRange(e.currentTarget.value.length, e.currentTarget.value.length)}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => commit(null)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === 'Tab') {
          e.preventDefault();
          e.stopPropagation();
          commit(e.key === 'Tab' ? (e.shiftKey ? 'left' : 'right') : e.shiftKey ? 'up' : 'down');
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          done.current = true;
          onCancel();
        }
      }}
    />
  );
}
