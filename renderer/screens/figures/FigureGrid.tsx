// One sheet's figures as a spreadsheet: rows units, columns indicators, a live total row (and, for a
// matrix, totals per measure). Habits of Excel: arrows, Enter down, Tab right, typing replaces, F2 edits,
// Delete blanks, Shift+arrows select a block, Ctrl+C / Ctrl+V as tab-separated text, Ctrl+Z undoes,
// Ctrl+Y redoes (anywhere on the screen but a text box), Ctrl+D fills down, Ctrl+F finds a unit, a click on a
// header sorts, the filter list keeps some units. Every edit is a correction with a reason, asked for in a line
// above the grid, after the figure passed the shared value checker; the rules run on the corrected figures at
// once and an error they raise is said straight away. The cursor comes back to the grid after every action.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DataGrid, type DataGridHandle, type SortColumn } from 'react-data-grid';
import type { FigureUpdate, GridData, GridRow } from '../../../shared/api-types.ts';
import { looseKey } from '../../../shared/text.ts';
import { sheetWords } from '../../../shared/sheet-words.ts';
import { formatFigure } from '../../format.ts';
import { checkNumber, type NumberDefinition } from '../../../shared/values/check-value.ts';
import { errorMessage } from '../../api/client.ts';
import { useApp, type CellTarget } from '../../app/context.ts';
import { useLoad } from '../../app/useLoad.ts';
import { Notice } from '../../components/Notice.tsx';
import { colOf, figureColumns, measuresOf, VALUE_OFFSET, type CellEditing, type Move, type RowModel, type SummaryRow } from './figureColumns.tsx';
import { clamp, onGridKey } from './gridKeys.ts';
import {
  arrangeRows,
  fillDown,
  parseTsv,
  rangeValues,
  selectionSummary,
  sumOrNull,
  toTsv,
  type CellRange,
  type Change,
  type RowFilter,
  type RowSort,
} from './gridModel.ts';
import { paperReason } from './PaperEntry.tsx';
import { ReasonBar } from './ReasonBar.tsx';
import { gridHistory, type HistoryEntry } from './undoHistory.ts';
import { gridShape } from './unitShape.ts';

interface RowView {
  sort: RowSort | null;
  filter: RowFilter;
  /** The units shown, in order, taken when the user sorted or filtered; null for all, in the list's order. */
  units: string[] | null;
}
const ALL: RowView = { sort: null, filter: { kind: 'all' }, units: null };

export function FigureGrid({ sheet, target }: { sheet: string; target: CellTarget | null }) {
  const { api, year, setSelection, refreshStatus, template } = useApp();
  const grid = useLoad(() => api.call('gridData', { year, sheet }), [api, year, sheet]);
  // A matrix one unit reports is laid out as its annex (row items × measures); else a row per unit.
  const shape = useMemo(() => (grid.data ? gridShape(grid.data) : null), [grid.data]);
  const data: GridData | null = shape?.data ?? null;
  const gridRef = useRef<DataGridHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [range, setRange] = useState<CellRange | null>(null);
  const [pending, setPending] = useState<Change[] | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error' | 'info'; text: string } | null>(null);
  const [search, setSearch] = useState('');
  const editSeed = useRef<{ row: number; col: number; text: string } | null>(null);
  const resumeAt = useRef<{ idx: number; rowIdx: number } | null>(null);
  const lastReason = useRef('');
  const [view, setView] = useState<RowView>(ALL);

  const rows = useMemo<RowModel[]>(() => {
    if (!data) return [];
    let list: GridRow[] = data.rows;
    if (view.units) {
      const byUnit = new Map(data.rows.map((r) => [r.unit, r]));
      list = view.units.flatMap((u) => byUnit.get(u) ?? []);
    }
    return list.map((r, idx) => ({ ...r, idx }));
  }, [data, view.units]);
  const values = useMemo(() => rows.map((r) => r.values), [rows]);
  const measures = useMemo(() => measuresOf(data?.columns ?? []), [data]);
  const pendingMap = useMemo(() => new Map((pending ?? []).map((c) => [`${c.row}:${c.col}`, c.value])), [pending]);

  const canEdit = useCallback(
    (row: GridRow | undefined, col: number) => !!data && !!row && !data.locked && row.submissionId !== null && row.applicable[col] === true,
    [data],
  );

  useEffect(() => {
    if (range) setSelection(selectionSummary(values, range));
    else setSelection(null);
  }, [range, values, setSelection]);
  useEffect(() => () => setSelection(null), [setSelection]);

  // Opened from Kiểm tra: put the cursor on the figure, once (not again when a correction changes the data).
  const targetShown = useRef<CellTarget | null>(null);
  useEffect(() => {
    if (!data || !target || target.sheet !== sheet || targetShown.current === target) return;
    targetShown.current = target;
    const at = target.unit && target.code ? shape?.fromReal(target.unit, target.code) : null;
    const row = rows.findIndex((r) => r.unit === (at?.rowKey ?? target.unit));
    const col = at?.col ?? -1;
    if (row < 0 && view.units) return setView(ALL); // the unit was filtered out: show every unit, then look again
    if (row < 0) return;
    const position = { idx: Math.max(col, 0) + VALUE_OFFSET, rowIdx: row };
    requestAnimationFrame(() => {
      gridRef.current?.scrollToCell(position);
      gridRef.current?.setActivePosition(position, { shouldFocus: true });
    });
  }, [data, shape, target, sheet, rows, view.units]);

  /** The cursor back in the grid: on the cell the action asked for, else on the active cell. */
  const focusGrid = () => {
    const at = resumeAt.current;
    resumeAt.current = null;
    requestAnimationFrame(() => {
      if (at) gridRef.current?.setActivePosition(at, { shouldFocus: true });
      // The grid does not move the focus when the position is already the active one: do it here.
      requestAnimationFrame(() => {
        const element = gridRef.current?.element;
        if (!element || element.contains(document.activeElement)) return;
        element.querySelector<HTMLElement>('[role="gridcell"][aria-selected="true"]')?.focus();
      });
    });
  };

  const definitionOf = (col: number): NumberDefinition | undefined => {
    const column = data?.columns[col];
    return column ? { type: column.type, max: column.max } : undefined;
  };

  const propose = (changes: Change[]) => {
    if (!data) return;
    if (data.locked) return setMessage({ kind: 'error', text: `Năm ${year} đã chốt số liệu: không sửa được. Mở khóa ở thanh tiêu đề nếu cần.` });
    const refused = changes.find((c) => !canEdit(rows[c.row], c.col));
    if (refused) {
      const row = rows[refused.row]!;
      return setMessage({
        kind: 'error',
        text:
          row.submissionId === null
            ? `${row.unitName} chưa gửi báo cáo năm ${year}: không có số liệu để sửa.`
            : `${row.unitName} không báo cáo chỉ tiêu "${data.columns[refused.col]?.label}".`,
      });
    }
    // The shared value checker, before a reason is asked for (the service checks again when saving).
    for (const c of changes) {
      const checked = checkNumber(definitionOf(c.col)!, c.value);
      if (!checked.ok) {
        setMessage({ kind: 'error', text: `${rows[c.row]!.unitName}, ${data.columns[c.col]!.label}: ${checked.reason}` });
        return focusGrid();
      }
    }
    const real = changes.filter((c) => rows[c.row]!.values[c.col] !== c.value);
    if (real.length === 0) return focusGrid();
    setMessage(null);
    setPending(real);
  };

  const applyUpdates = (updates: FigureUpdate[]) => {
    grid.setData((d) => {
      if (!d) return d;
      const colIndex = new Map(d.columns.map((c, i) => [c.code, i]));
      const byUnit = new Map<string, FigureUpdate[]>();
      for (const u of updates) byUnit.set(u.unit, [...(byUnit.get(u.unit) ?? []), u]);
      return {
        ...d,
        rows: d.rows.map((r) => {
          const list = byUnit.get(r.unit);
          if (!list) return r;
          const next = { ...r, values: [...r.values], corrections: { ...r.corrections } };
          for (const u of list) {
            const i = colIndex.get(u.code);
            if (i === undefined) continue;
            next.values[i] = u.value;
            if (u.correction) next.corrections[i] = u.correction;
            else delete next.corrections[i];
          }
          return next;
        }),
      };
    });
  };

  const save = async (reason: string) => {
    if (!data || !pending) return;
    const changes = pending.map((c) => ({ ...shape!.toReal(rows[c.row]!.unit, c.col)!, value: c.value }));
    const before = pending.map((c) => rows[c.row]!.values[c.col] ?? null);
    try {
      applyUpdates(await api.call('correctFigures', { year, reason, changes }));
      gridHistory.record(year, { reason, changes: changes.map((c, i) => ({ unit: c.unit, code: c.code, before: before[i] ?? null, after: c.value })) });
      lastReason.current = reason;
      setPending(null);
      setMessage({ kind: 'ok', text: `Đã sửa ${changes.length} ô. Ctrl+Z để hoàn tác.` });
      refreshStatus();
      focusGrid();
      await warnOfErrors(changes, `Đã sửa ${changes.length} ô`);
    } catch (e) {
      setMessage({ kind: 'error', text: `Chưa lưu được: ${errorMessage(e)}` });
    }
  };

  /** Runs the rules on the year as corrected: an error about a cell just changed is said at once. */
  const warnOfErrors = async (changes: { unit: string; code: string }[], done: string) => {
    const units = new Set(changes.map((c) => c.unit));
    const codes = new Set(changes.map((c) => c.code));
    let report;
    try {
      report = await api.call('validateYear', { year });
    } catch {
      return; // the correction is saved; Kiểm tra will run the rules again
    }
    const raised = report.findings.filter((f) => f.severity === 'error' && f.unit !== null && units.has(f.unit) && f.cells.some((c) => codes.has(c.code)));
    if (raised.length === 0) return;
    const more = raised.length > 1 ? ` (và ${raised.length - 1} lỗi khác, xem ở bước Kiểm tra)` : '';
    setMessage({
      kind: 'error',
      text: `${done}, nhưng số liệu vừa sửa có lỗi: ${raised[0]!.message.replace(/\.$/, '')}${more}. Hãy sửa lại ô đó, hoặc nhấn Ctrl+Z để hoàn tác.`,
    });
  };

  const replay = async (direction: 'undo' | 'redo') => {
    const entry: HistoryEntry | null = direction === 'undo' ? gridHistory.takeUndo(year) : gridHistory.takeRedo(year);
    if (!entry) return setMessage({ kind: 'info', text: direction === 'undo' ? 'Không còn thao tác nào để hoàn tác.' : 'Không còn thao tác nào để làm lại.' });
    const changes = entry.changes.map((c) => ({ unit: c.unit, code: c.code, value: direction === 'undo' ? c.before : c.after }));
    try {
      applyUpdates(await api.call('correctFigures', { year, reason: `${direction === 'undo' ? 'Hoàn tác' : 'Làm lại'}: ${entry.reason}`, changes }));
      const done = direction === 'undo' ? `Đã hoàn tác ${changes.length} ô` : `Đã làm lại ${changes.length} ô`;
      setMessage({ kind: 'ok', text: `${done}. ${direction === 'undo' ? 'Ctrl+Y để làm lại.' : 'Ctrl+Z để hoàn tác.'}` });
      refreshStatus();
      focusGrid();
      if (direction === 'redo') await warnOfErrors(changes, done);
    } catch (e) {
      gridHistory.restore(year, entry, direction);
      setMessage({ kind: 'error', text: `Chưa ${direction === 'undo' ? 'hoàn tác' : 'làm lại'} được: ${errorMessage(e)}` });
    }
  };

  // Ctrl+Z / Ctrl+Y wherever the cursor is on this screen, except in a text box (which has its own).
  const replayRef = useRef(replay);
  replayRef.current = replay;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key !== 'z' && key !== 'y') return;
      if ((e.target as HTMLElement | null)?.closest?.('input, textarea, select, [contenteditable="true"]')) return;
      e.preventDefault();
      void replayRef.current(key === 'z' && !e.shiftKey ? 'undo' : 'redo');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const arrange = (sort: RowSort | null, filter: RowFilter) => {
    if (!data) return;
    setView({ sort, filter, units: sort || filter.kind !== 'all' ? arrangeRows(data.rows, sort, filter) : null });
    setRange(null);
  };

  const chooseFilter = (kind: string) => {
    if (kind === 'blank' || kind === 'filled') {
      if (!range) return setMessage({ kind: 'info', text: 'Hãy bấm vào một ô của cột cần lọc, rồi chọn lại cách lọc.' });
      return arrange(view.sort, { kind, col: Math.min(range.c1, range.c2) });
    }
    arrange(view.sort, { kind } as RowFilter);
  };

  const findUnit = () => {
    const q = looseKey(search);
    if (!q) return;
    const start = range ? Math.min(range.r1, range.r2) + 1 : 0;
    const order = [...rows.slice(start), ...rows.slice(0, start)];
    const hit = order.find((r) => looseKey(r.unitName).includes(q) || looseKey(r.unit) === q);
    if (!hit) return setMessage({ kind: 'info', text: `Không thấy đơn vị nào có "${search}".` });
    const position = { idx: VALUE_OFFSET, rowIdx: hit.idx };
    gridRef.current?.scrollToCell(position);
    gridRef.current?.setActivePosition(position, { shouldFocus: true });
  };

  const onPaste = (e: React.ClipboardEvent) => {
    if (!range || !data || (e.target as HTMLElement).closest('input, textarea')) return;
    e.preventDefault();
    const parsed = parseTsv(e.clipboardData.getData('text/plain'), (c) => definitionOf(Math.min(range.c1, range.c2) + c));
    if (!parsed.ok) return setMessage({ kind: 'error', text: `Không dán được: ${parsed.message}` });
    const top = Math.min(range.r1, range.r2);
    const left = Math.min(range.c1, range.c2);
    const changes: Change[] = [];
    parsed.block.forEach((line, r) =>
      line.forEach((value, c) => {
        if (top + r < rows.length && left + c < data.columns.length) changes.push({ row: top + r, col: left + c, value });
      }),
    );
    resumeAt.current = { idx: left + VALUE_OFFSET, rowIdx: top };
    setRange({ r1: top, c1: left, r2: top + parsed.block.length - 1, c2: Math.min(left + (parsed.block[0]?.length ?? 1) - 1, data.columns.length - 1) });
    propose(changes);
  };

  const editing: CellEditing = {
    seed: (row, col) => (editSeed.current && editSeed.current.row === row && editSeed.current.col === col ? editSeed.current.text : null),
    commit: (row, col, text, move) => {
      editSeed.current = null;
      resumeAt.current = nextPosition(row, col, move, rows.length, data?.columns.length ?? 1);
      // The figure shown, left as it was (F2 then Enter): no change, even when it reads "1.000".
      const current = rows[row]?.values[col] ?? null;
      if (current !== null && text === formatFigure(current)) return focusGrid();
      const checked = checkNumber(definitionOf(col) ?? { type: 'money' }, text);
      if (checked.ok) return propose([{ row, col, value: checked.value }]);
      const hint = checked.code === 'not_number' ? ' Ô chỉ nhận số (VD: 12 hoặc 1.234 hoặc 12,5); để trống bằng phím Delete.' : '';
      setMessage({ kind: 'error', text: `${rows[row]?.unitName ?? ''}, ${data?.columns[col]?.label ?? ''}: ${checked.reason}${hint}` });
      focusGrid();
    },
    cancel: (row, col) => {
      editSeed.current = null;
      resumeAt.current = { idx: col + VALUE_OFFSET, rowIdx: row };
      focusGrid();
    },
  };
  const editingRef = useRef(editing);
  editingRef.current = editing;

  const columns = useMemo(
    () =>
      data
        ? figureColumns({
            data,
            year,
            range,
            pendingMap,
            measures,
            canEdit,
            editing: () => editingRef.current,
            rowHeader: shape?.unit ? 'Nội dung' : 'Đơn vị',
            sheets: template.sheets,
          })
        : [],
    [data, range, pendingMap, measures, canEdit, year, shape, template],
  );

  const summaryRows = useMemo<SummaryRow[]>(() => {
    if (!data) return [];
    const totals = data.columns.map((_, i) => sumOrNull(rows.map((r) => (r.applicable[i] ? r.values[i]! : null))));
    const measureTotals = measures.map((m) => sumOrNull(data.columns.map((c, i) => (c.short === m ? totals[i]! : null))));
    return [{ totals, measureTotals }];
  }, [data, rows, measures]);

  if (grid.error) return <Notice kind="error">{grid.error}</Notice>;
  if (!data) return <p className="muted">Đang tải số liệu…</p>;

  const reported = data.rows.filter((r) => r.submissionId !== null).length;
  const filterCol = view.filter.kind === 'blank' || view.filter.kind === 'filled' ? data.columns[view.filter.col] : undefined;
  const sortColumns: SortColumn[] = view.sort ? [{ columnKey: view.sort.col < 0 ? 'unit' : `v${view.sort.col}`, direction: view.sort.direction }] : [];
  return (
    <div className="figure-grid" onPaste={onPaste}>
      <div className="grid-toolbar">
        <span className="grid-title">{data.title}</span>
        <span className="muted">
          {shape?.unit
            ? `Số liệu của ${shape.unit.name}${data.rows[0]?.submissionId === null ? ' (chưa gửi báo cáo)' : ''}, trình bày như phụ lục`
            : `${reported}/${data.rows.length} đơn vị đã gửi`}
          {view.units ? ` · đang hiện ${rows.length}` : ''}
          {data.locked ? ' · đã chốt, chỉ xem' : ''}
        </span>
        <label className="grid-filter">
          Lọc{' '}
          <select aria-label="Lọc đơn vị" value={view.filter.kind} onChange={(e) => chooseFilter(e.target.value)}>
            <option value="all">Tất cả đơn vị</option>
            <option value="sent">Đơn vị đã gửi</option>
            <option value="missing">Đơn vị chưa gửi</option>
            <option value="corrected">Có ô đã sửa</option>
            <option value="blank">Ô trống ở cột đang chọn</option>
            <option value="filled">Có số ở cột đang chọn</option>
          </select>
          {filterCol && (
            <span className="muted" title={filterCol.label}>
              {' '}
              ({filterCol.group ? `${filterCol.group} — ` : ''}
              {filterCol.short})
            </span>
          )}
        </label>
        {(view.units || view.sort) && (
          <button type="button" onClick={() => arrange(null, { kind: 'all' })}>
            Bỏ lọc và sắp xếp
          </button>
        )}
        <form
          className="grid-search"
          onSubmit={(e) => {
            e.preventDefault();
            findUnit();
          }}
        >
          <input
            ref={searchRef}
            type="search"
            placeholder={shape?.unit ? 'Tìm dòng (Ctrl+F)' : 'Tìm đơn vị (Ctrl+F)'}
            aria-label="Tìm đơn vị"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </form>
        <span className="legend">
          <span className="swatch cell-blank" /> trống <span className="swatch cell-corrected" /> đã sửa <span className="swatch cell-missing" /> chưa gửi
        </span>
      </div>
      {pending && (
        <ReasonBar
          changes={pending.map((c) => ({
            unit: rows[c.row]!.unitName,
            label: data.columns[c.col]!.label,
            before: rows[c.row]!.values[c.col] ?? null,
            after: c.value,
          }))}
          initialReason={lastReason.current || paperReason(pending.map((c) => rows[c.row]!))}
          onSave={(reason) => void save(reason)}
          onCancel={() => {
            setPending(null);
            focusGrid();
          }}
        />
      )}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <DataGrid
        ref={gridRef}
        className="rdg-light figures"
        aria-label={`Số liệu ${sheetWords({ name: data.sheet, title: data.title })}`}
        columns={columns}
        rows={rows}
        rowKeyGetter={(r) => r.unit}
        bottomSummaryRows={summaryRows}
        rowHeight={28}
        headerRowHeight={data.columns.some((c) => c.group) ? 50 : 72}
        summaryRowHeight={30}
        sortColumns={sortColumns}
        onSortColumnsChange={(cols) => {
          const c = cols.at(-1);
          arrange(c ? { col: c.columnKey === 'unit' ? -1 : Number(c.columnKey.slice(1)), direction: c.direction } : null, view.filter);
        }}
        onActivePositionChange={({ rowIdx, column }) => {
          const col = colOf(column);
          setRange(col >= 0 && rowIdx >= 0 && rowIdx < rows.length ? { r1: rowIdx, c1: col, r2: rowIdx, c2: col } : null);
        }}
        onCellMouseDown={({ rowIdx, column }, e) => {
          const col = colOf(column);
          if (e.shiftKey && range && col >= 0) {
            e.preventGridDefault();
            setRange({ ...range, r2: rowIdx, c2: col });
          }
        }}
        onCellDoubleClick={({ row, column, setActivePosition }, e) => {
          if (!canEdit(row, colOf(column))) e.preventGridDefault();
          else setActivePosition(true);
        }}
        onCellCopy={(_args, e) => {
          if (!range) return;
          e.clipboardData.setData('text/plain', toTsv(rangeValues(values, range)));
          e.preventDefault();
        }}
        onCellKeyDown={(args, e) =>
          onGridKey(args, e, {
            range,
            rows,
            colCount: data.columns.length,
            canEdit,
            setRange,
            scrollTo: (position) => gridRef.current?.scrollToCell(position),
            focusSearch: () => searchRef.current?.focus(),
            edit: (rowIdx, col, seed) => {
              editSeed.current = seed === null ? null : { row: rowIdx, col, text: seed };
              gridRef.current?.setActivePosition({ idx: col + VALUE_OFFSET, rowIdx }, { enableEditor: true });
            },
            propose: (changes, resume) => {
              resumeAt.current = resume;
              propose(changes);
            },
            fillDown: () => {
              if (!range) return;
              const changes = fillDown(values, range, (r, c) => canEdit(rows[r], c));
              if (changes.length === 0)
                return setMessage({ kind: 'info', text: 'Không có ô nào để chép xuống: chọn từ ô có số xuống các ô cần điền, rồi nhấn Ctrl+D.' });
              resumeAt.current = { idx: range.c1 + VALUE_OFFSET, rowIdx: range.r1 };
              propose(changes);
            },
          })
        }
      />
    </div>
  );
}

function nextPosition(row: number, col: number, move: Move, rowCount: number, colCount: number): { idx: number; rowIdx: number } {
  const r = move === 'down' ? row + 1 : move === 'up' ? row - 1 : row;
  const c = move === 'right' ? col + 1 : move === 'left' ? col - 1 : col;
  return { idx: clamp(c, 0, colCount - 1) + VALUE_OFFSET, rowIdx: clamp(r, 0, rowCount - 1) };
}
