// Step 5 — Số liệu: a tab per sheet ("Phụ lục 01" … as the annexes are numbered, then "Số liệu khác"; Phụ lục 02 a list).
import { useState } from 'react';
import { useApp, type CellTarget } from '../../app/context.ts';
import { DocumentsTable } from './DocumentsTable.tsx';
import { FigureGrid } from './FigureGrid.tsx';
import { PaperEntryButton } from './PaperEntry.tsx';

export function FiguresScreen({ target }: { target: CellTarget | null }) {
  const { template, goTo } = useApp();
  // A paper submission just opened a unit's row: the grid loads again with the cursor on it.
  const [opened, setOpened] = useState(0);
  const tabs = template.sheets.filter((s) => s.kind !== 'narrative');
  const [active, setActive] = useState(target?.sheet && tabs.some((t) => t.name === target.sheet) ? target.sheet : (tabs[0]?.name ?? ''));
  const sheet = tabs.find((t) => t.name === active);
  return (
    <div className="figures-screen">
      <div className="tabs" role="tablist" aria-label="Bảng số liệu">
        {tabs.map((t) => (
          <button
            key={t.name}
            type="button"
            role="tab"
            aria-selected={t.name === active}
            className={t.name === active ? 'tab active' : 'tab'}
            onClick={() => setActive(t.name)}
            title={t.title}
          >
            {t.tab}
          </button>
        ))}
        {sheet && sheet.kind !== 'table' && (
          <PaperEntryButton
            onCreated={(unit) => {
              setOpened((n) => n + 1);
              goTo('figures', { sheet: sheet.name, unit, code: null });
            }}
          />
        )}
      </div>
      {sheet?.kind === 'table' ? (
        <DocumentsTable title={sheet.title} />
      ) : sheet ? (
        <FigureGrid key={`${sheet.name}/${opened}`} sheet={sheet.name} target={target} />
      ) : null}
    </div>
  );
}
