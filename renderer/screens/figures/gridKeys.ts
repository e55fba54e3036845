// The grid's keyboard, as in Excel: Enter moves down, Shift+arrows select a block, F2 edits in place, typing
// replaces, Delete clears to blank, Ctrl+D fills down, Ctrl+F finds a unit; Ctrl+Z / Ctrl+Y are the screen's
// (they work wherever the cursor is), Ctrl+C / Ctrl+V are left to the browser's copy and paste events. Arrows
// and Tab are the grid's own.
import type { CellKeyboardEvent, CellKeyDownArgs } from 'react-data-grid';
import type { GridRow } from '../../../shared/api-types.ts';
import { colOf, VALUE_OFFSET, type RowModel, type SummaryRow } from './figureColumns.tsx';
import { bounds, type CellRange, type Change } from './gridModel.ts';

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

export interface GridKeyContext {
  range: CellRange | null;
  rows: readonly RowModel[];
  colCount: number;
  canEdit(row: GridRow | undefined, col: number): boolean;
  setRange(range: CellRange): void;
  scrollTo(position: { idx: number; rowIdx: number }): void;
  focusSearch(): void;
  /** Ctrl+D: the block's top row copied down (a single cell takes the one above). */
  fillDown(): void;
  /** Opens the cell's editor; `seed` is the key typed (replacing the figure), null for F2. */
  edit(rowIdx: number, col: number, seed: string | null): void;
  /** Figures to change, asking for a reason; the cursor returns to `resume` afterwards. */
  propose(changes: Change[], resume: { idx: number; rowIdx: number }): void;
}

export function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n));
}

export function onGridKey(args: CellKeyDownArgs<RowModel, SummaryRow>, e: CellKeyboardEvent, g: GridKeyContext): void {
  if (args.mode === 'EDIT') return;
  const col = colOf(args.column);
  const ctrl = e.ctrlKey || e.metaKey;
  const take = () => {
    e.preventGridDefault();
    e.preventDefault();
  };
  if (ctrl && (e.key.toLowerCase() === 'z' || e.key.toLowerCase() === 'y')) {
    e.preventGridDefault(); // the screen's own listener undoes or redoes
  } else if (ctrl && e.key.toLowerCase() === 'd') {
    take();
    g.fillDown();
  } else if (ctrl && e.key.toLowerCase() === 'f') {
    take();
    g.focusSearch();
  } else if (ctrl) {
    e.preventGridDefault(); // the browser's own copy and paste events follow
  } else if (e.shiftKey && ARROWS.has(e.key) && g.range) {
    take();
    const r2 = clamp(g.range.r2 + (e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0), 0, g.rows.length - 1);
    const c2 = clamp(g.range.c2 + (e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0), 0, g.colCount - 1);
    g.setRange({ ...g.range, r2, c2 });
    g.scrollTo({ idx: c2 + VALUE_OFFSET, rowIdx: r2 });
  } else if (e.key === 'Enter') {
    take();
    const rowIdx = clamp(args.rowIdx + (e.shiftKey ? -1 : 1), 0, g.rows.length - 1);
    if (args.column && rowIdx !== args.rowIdx) args.setActivePosition({ idx: args.column.idx, rowIdx });
  } else if (e.key === 'F2') {
    take();
    if (g.canEdit(args.row, col)) g.edit(args.rowIdx, col, null);
  } else if (e.key === 'Delete' || e.key === 'Backspace') {
    take();
    if (!g.range) return;
    const b = bounds(g.range);
    const changes: Change[] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) if (g.rows[r]!.applicable[c] && g.rows[r]!.values[c] !== null) changes.push({ row: r, col: c, value: null });
    }
    g.propose(changes, { idx: g.range.c1 + VALUE_OFFSET, rowIdx: g.range.r1 });
  } else if (e.key.length === 1 && !e.altKey && args.column) {
    e.preventGridDefault();
    if (!g.canEdit(args.row, col)) return;
    e.preventDefault();
    g.edit(args.rowIdx, col, e.key);
  }
}
