// Row group "years × list rows": for each year with data a bold year row (sums), then one row per item
// of a template list, each the sum over the feeding units; a grand total of the year rows at the end.
// A range shows the years it spans; a half-year one block of its own figures, led by the period.
import type { ListBody, YearsByListBody } from '../../shared/annex-schema.ts';
import { periodLabel } from '../../shared/periods.ts';
import { contributors } from '../store/aggregate.ts';
import {
  columnOf,
  differenceColumns,
  figureCell,
  figureColumns,
  periodFiguresKey,
  putDifferences,
  putNumber,
  putText,
  type BodyContext,
  type BodyRows,
} from './body-context.ts';
import { sumOfRows } from './formulas.ts';
import type { PlannedRow } from './plan-types.ts';
import { fillText, romanNumeral } from './texts.ts';

export function yearsByListRows(b: BodyContext, body: YearsByListBody): BodyRows {
  const items = b.ctx.template.lists[body.list] ?? [];
  // A half-year's block holds its own figures; a year's and a range's blocks are the years' annual ones.
  const own = b.period.kind === 'half' ? periodFiguresKey(b) : undefined;
  const numberCol = columnOf(b.sheet, 'number');
  const labelCol = columnOf(b.sheet, 'label');
  const figures = figureColumns(b.sheet);
  // A year shows when some feeding unit gave a figure of the sheet (a unit that added the sheet later, as the
  // police's Phụ lục 01, does not bring empty earlier years); the reporting year always.
  const years =
    own !== undefined
      ? contributors(b.book.figures(b.year, own), b.kinds).length > 0
        ? [b.year]
        : []
      : b.book
          .yearsWithData(b.fromYear, b.year, b.kinds)
          .filter((y) => y === b.year || figures.some((col) => items.some((item) => figureCell(b, col, y, item.code).value !== null)));
  const rows: PlannedRow[] = [];
  const yearRows: PlannedRow[] = [];
  let next = b.firstRow;
  years.forEach((year, i) => {
    const yearRow: PlannedRow = { row: next++, role: 'year', bold: true, block: i, cells: {} };
    putNumber(yearRow, numberCol, romanNumeral(i + 1));
    putText(yearRow, labelCol, own !== undefined ? periodLabel(b.period) : fillText(body.yearLabel, { year }));
    const itemRows = items.map((item, j) => {
      const row: PlannedRow = { row: next++, role: 'item', block: i, cells: {} };
      putNumber(row, numberCol, j + 1);
      putText(row, labelCol, item.label);
      for (const col of figures) row.cells[col.col] = figureCell(b, col, year, item.code, undefined, own);
      putDifferences(b.sheet, row);
      return row;
    });
    for (const col of figures) yearRow.cells[col.col] = sumOfRows(col.col, itemRows);
    putDifferences(b.sheet, yearRow);
    rows.push(yearRow, ...itemRows);
    yearRows.push(yearRow);
  });
  const total: PlannedRow = { row: next, role: 'total', bold: true, cells: {} };
  putText(total, labelCol, body.totalLabel);
  for (const col of figures) total.cells[col.col] = sumOfRows(col.col, yearRows);
  putDifferences(b.sheet, total);
  rows.push(total);
  return { rows, years };
}

/** Row group "list × sub-list": the reporting year; per item a bold label row and its sub-item rows; then the totals. */
export function listRows(b: BodyContext, body: ListBody): BodyRows {
  const items = b.ctx.template.lists[body.list] ?? [];
  const subs = b.ctx.template.lists[body.subList] ?? [];
  const numberCol = columnOf(b.sheet, 'number');
  const labelCol = columnOf(b.sheet, 'label');
  const figures = figureColumns(b.sheet);
  const computed = [...figures.map((c) => c.col), ...differenceColumns(b.sheet).map((c) => c.col)];
  const rows: PlannedRow[] = [];
  const bySub = new Map<string, PlannedRow[]>(subs.map((s) => [s.code, []]));
  let next = b.firstRow;
  items.forEach((item, i) => {
    const head: PlannedRow = { row: next++, role: 'group', bold: true, block: i, cells: {} };
    putNumber(head, numberCol, romanNumeral(i + 1));
    putText(head, labelCol, item.label);
    rows.push(head);
    subs.forEach((sub, j) => {
      const row: PlannedRow = { row: next++, role: 'item', block: i, level: 1, cells: {} };
      putNumber(row, numberCol, j + 1);
      putText(row, labelCol, sub.label);
      for (const col of figures)
        row.cells[col.col] = figureCell(b, { ...col, content: { ...col.content, code: col.content.code.replaceAll('{sub}', sub.code) } }, b.year, item.code);
      putDifferences(b.sheet, row);
      bySub.get(sub.code)!.push(row);
      rows.push(row);
    });
  });
  const total: PlannedRow = { row: next++, role: 'total', bold: true, block: items.length, cells: {} };
  putText(total, labelCol, body.totalLabel);
  rows.push(total);
  subs.forEach((sub) => {
    // Total rows carry no STT, as every annex's totals.
    const row: PlannedRow = { row: next++, role: 'total', bold: true, block: items.length, level: 1, cells: {} };
    putText(row, labelCol, sub.label);
    for (const col of computed) row.cells[col] = sumOfRows(col, bySub.get(sub.code)!);
    rows.push(row);
  });
  return { rows, years: [b.year] };
}
