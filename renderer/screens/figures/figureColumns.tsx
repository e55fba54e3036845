// The columns of the figure grid: the frozen unit column, a column per indicator (grouped under the
// matrix row it belongs to), and for a matrix the totals per measure; how each cell looks and edits.
import type { CalculatedColumn, Column, ColumnOrColumnGroup, SortDirection } from 'react-data-grid';
import type { GridColumn, GridData, GridRow } from '../../../shared/api-types.ts';
import { formatFigure } from '../../format.ts';
import { CellEditor } from './CellEditor.tsx';
import { cellSourceText } from './cellSource.ts';
import type { NamedSheet } from '../../../shared/cell-words.ts';
import { inRange, sumOrNull, type CellRange } from './gridModel.ts';

export type RowModel = GridRow & { idx: number };
export interface SummaryRow {
  totals: (number | null)[];
  measureTotals: (number | null)[];
}
export type Move = 'down' | 'up' | 'right' | 'left' | null;

/** The unit column comes first: value column i is the grid's column i + 1. */
export const VALUE_OFFSET = 1;

/** How a cell's editor starts (the key that opened it) and ends (the text typed). */
export interface CellEditing {
  seed(row: number, col: number): string | null;
  commit(row: number, col: number, text: string, move: Move): void;
  cancel(row: number, col: number): void;
}

export interface ColumnsInput {
  data: GridData;
  year: number;
  range: CellRange | null;
  pendingMap: ReadonlyMap<string, number | null>;
  measures: readonly string[];
  canEdit(row: GridRow, col: number): boolean;
  editing(): CellEditing;
  /** The first column's heading: "Đơn vị", or the row items' when one unit's matrix is laid out as its annex. */
  rowHeader?: string;
  /** The definition's sheets: a figure's source cell is said as "Phụ lục 01, ô C8". */
  sheets: readonly NamedSheet[];
}

/** The measures of a matrix (its column list), whose totals over the rows get columns of their own. */
export function measuresOf(columns: readonly GridColumn[]): string[] {
  return columns.some((c) => c.group) ? [...new Set(columns.map((c) => c.short))] : [];
}

/** The value column index of a grid column, or -1 for the unit and total columns. */
export function colOf(column: CalculatedColumn<RowModel, SummaryRow> | undefined): number {
  return column && column.key.startsWith('v') ? Number(column.key.slice(1)) : -1;
}

function sortMark(direction: SortDirection | undefined): string {
  return direction === 'ASC' ? ' ▲' : direction === 'DESC' ? ' ▼' : '';
}

function valueColumn(input: ColumnsInput, c: GridColumn, i: number): Column<RowModel, SummaryRow> {
  const { range, pendingMap, canEdit, year } = input;
  const shownValue = (row: RowModel) => {
    const key = `${row.idx}:${i}`;
    return pendingMap.has(key) ? pendingMap.get(key)! : row.values[i]!;
  };
  return {
    key: `v${i}`,
    name: c.short,
    width: c.group ? 76 : input.rowHeader && input.rowHeader !== 'Đơn vị' ? 88 : 118,
    headerCellClass: 'figure-header',
    summaryCellClass: 'figure-cell',
    sortable: true,
    renderHeaderCell: ({ sortDirection }) => (
      <span title={`${c.label} — bấm để sắp xếp`}>
        {c.short}
        {sortMark(sortDirection)}
      </span>
    ),
    editable: (row) => canEdit(row, i),
    cellClass: (row) => {
      const shown = shownValue(row);
      const classes = ['figure-cell'];
      if (!row.applicable[i]) classes.push('cell-na');
      else if (row.submissionId === null) classes.push('cell-missing');
      else if (shown === null) classes.push('cell-blank');
      if (row.corrections[i]) classes.push('cell-corrected');
      if (pendingMap.has(`${row.idx}:${i}`)) classes.push('cell-pending');
      if (inRange(range, row.idx, i)) classes.push('cell-in-range');
      return classes.join(' ');
    },
    renderCell: ({ row }) => (
      <span className="cell-content" title={cellSourceText(row, c, i, year, input.sheets)}>
        {row.applicable[i] ? formatFigure(shownValue(row)) : ''}
      </span>
    ),
    renderEditCell: ({ row, onClose }) => {
      const editing = input.editing();
      // The key that opened the editor replaces the figure; F2 edits the figure in place.
      const seed = editing.seed(row.idx, i);
      return (
        <CellEditor
          initial={seed ?? (row.values[i] === null ? '' : formatFigure(row.values[i]))}
          onCommit={(text, move) => {
            onClose(false, false);
            input.editing().commit(row.idx, i, text, move);
          }}
          onCancel={() => {
            onClose(false, false);
            input.editing().cancel(row.idx, i);
          }}
        />
      );
    },
    renderSummaryCell: ({ row }) => <span className="cell-content total">{formatFigure(row.totals[i])}</span>,
  };
}

const unitColumn = (header: string): Column<RowModel, SummaryRow> => ({
  key: 'unit',
  name: header,
  // The row items of an annex (crime groups) are long: a wider column, their text wrapped.
  width: header === 'Đơn vị' ? 210 : 250,
  frozen: true,
  sortable: true,
  renderHeaderCell: ({ sortDirection }) => (
    <span title="Bấm để sắp xếp theo tên">
      {header}
      {sortMark(sortDirection)}
    </span>
  ),
  cellClass: (row) => (row.submissionId === null ? 'unit-cell unit-missing' : 'unit-cell') + (header === 'Đơn vị' ? '' : ' row-item-cell'),
  renderCell: ({ row }) => (
    // The whole name (a long one is cut in the column), then the report it came from.
    <span
      className="cell-content"
      title={`${row.unitName}\n${row.submissionId === null ? 'Chưa gửi báo cáo' : `Phiên bản ${row.version}${row.paperSource ? ` · ${row.paperSource}` : row.fileName ? ` · ${row.fileName}` : ''}`}`}
    >
      {row.unitName}
    </span>
  ),
  renderSummaryCell: () => <strong>Tổng cộng</strong>,
});

function totalColumns(data: GridData, measures: readonly string[]): ColumnOrColumnGroup<RowModel, SummaryRow> {
  return {
    name: 'Cộng các hàng',
    headerCellClass: 'group-header total-group',
    children: measures.map((m, j): Column<RowModel, SummaryRow> => ({
      key: `t${j}`,
      name: m,
      width: 84,
      headerCellClass: 'figure-header',
      renderHeaderCell: () => <span title={`Cộng: ${m}`}>{m}</span>,
      cellClass: 'figure-cell total-cell',
      summaryCellClass: 'figure-cell total-cell',
      renderCell: ({ row }) => (
        <span className="cell-content">
          {formatFigure(sumOrNull(data.columns.map((c, i) => (c.short === m && row.applicable[i] ? row.values[i]! : null))))}
        </span>
      ),
      renderSummaryCell: ({ row }) => <span className="cell-content total">{formatFigure(row.measureTotals[j])}</span>,
    })),
  };
}

export function figureColumns(input: ColumnsInput): ColumnOrColumnGroup<RowModel, SummaryRow>[] {
  const body: ColumnOrColumnGroup<RowModel, SummaryRow>[] = [unitColumn(input.rowHeader ?? 'Đơn vị')];
  input.data.columns.forEach((c, i) => {
    const last = body.at(-1);
    if (c.group && last && 'children' in last && last.name === c.group) (last.children as Column<RowModel, SummaryRow>[]).push(valueColumn(input, c, i));
    else if (c.group) body.push({ name: c.group, headerCellClass: 'group-header', children: [valueColumn(input, c, i)] });
    else body.push(valueColumn(input, c, i));
  });
  if (input.measures.length > 0) body.push(totalColumns(input.data, input.measures));
  return body;
}
