// The grid's Ctrl+Z / Ctrl+Y history, one per year, kept for the whole session of the window: moving to
// another step or another tab unmounts the grid but leaves the history here, so coming back to "Số liệu"
// can still undo. Pure state, no screen.

/** One saved correction: every cell it changed, with the figure before and after. */
export interface HistoryEntry {
  reason: string;
  changes: { unit: string; code: string; before: number | null; after: number | null }[];
}

interface YearHistory {
  undo: HistoryEntry[];
  redo: HistoryEntry[];
}

const LIMIT = 200;

export class UndoHistory {
  private readonly years = new Map<number, YearHistory>();

  private of(year: number): YearHistory {
    let h = this.years.get(year);
    if (!h) {
      h = { undo: [], redo: [] };
      this.years.set(year, h);
    }
    return h;
  }

  /** A new correction: it can be undone, and whatever had been undone can no longer be redone. */
  record(year: number, entry: HistoryEntry): void {
    const h = this.of(year);
    h.undo.push(entry);
    if (h.undo.length > LIMIT) h.undo.shift();
    h.redo = [];
  }

  /** The correction Ctrl+Z takes back (moved to the redo list), or null. */
  takeUndo(year: number): HistoryEntry | null {
    const h = this.of(year);
    const entry = h.undo.pop() ?? null;
    if (entry) h.redo.push(entry);
    return entry;
  }

  /** The correction Ctrl+Y applies again (moved back to the undo list), or null. */
  takeRedo(year: number): HistoryEntry | null {
    const h = this.of(year);
    const entry = h.redo.pop() ?? null;
    if (entry) h.undo.push(entry);
    return entry;
  }

  /** Puts back an entry whose undo or redo failed to save. */
  restore(year: number, entry: HistoryEntry, from: 'undo' | 'redo'): void {
    const h = this.of(year);
    const [source, target] = from === 'undo' ? [h.redo, h.undo] : [h.undo, h.redo];
    const i = source.lastIndexOf(entry);
    if (i >= 0) source.splice(i, 1);
    target.push(entry);
  }

  sizes(year: number): { undo: number; redo: number } {
    const h = this.of(year);
    return { undo: h.undo.length, redo: h.redo.length };
  }

  clear(): void {
    this.years.clear();
  }
}

/** The window's one history (a module lives as long as the window's page). */
export const gridHistory = new UndoHistory();
