// Step 5 — Số liệu: a tab per sheet (PL01, PL03, PL04, Số liệu khác, PL02 list).
import { useState } from 'react';
import { useApp, type CellTarget } from '../../app/context.ts';
import { DocumentsTable } from './DocumentsTable.tsx';
import { FigureGrid } from './FigureGrid.tsx';

export function FiguresScreen({ target }: { target: CellTarget | null }) {
  const { template } = useApp();
  const tabs = template.sheets.filter((s) => s.kind !== 'narrative');
  const [active, setActive] = useState(target?.sheet && tabs.some((t) => t.name === target.sheet) ? target.sheet : (tabs[0]?.name ?? ''));
  const sheet = tabs.find((t) => t.name === active);
  return (
    <div className="figures-screen">
      <div className="tabs" role="tablist" aria-label="Bảng số liệu">
        {tabs.map((t) => (
          <button key={t.name} type="button" role="tab" aria-selected={t.name === active} className={t.name === active ? 'tab active' : 'tab'} onClick={() => setActive(t.name)} title={t.title}>
            {t.tab}
          </button>
        ))}
      </div>
      {sheet?.kind === 'table' ? <DocumentsTable /> : sheet ? <FigureGrid key={sheet.name} sheet={sheet.name} target={target} /> : null}
    </div>
  );
}
