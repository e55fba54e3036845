// Row group "years × list rows": for each year with data a bold year row (sums), then one row per item
// of a template list, each the sum over the feeding units; a grand total of the year rows at the end.
import type { YearsByListBody } from '../../shared/annex-schema.ts';
import { columnOf, figureCell, figureColumns, putNumber, putText, type BodyContext, type BodyRows } from './body-context.ts';
import { sumOfRows } from './formulas.ts';
import type { PlannedRow } from './plan-types.ts';
import { fillText, romanNumeral } from './texts.ts';

export function yearsByListRows(b: BodyContext, body: YearsByListBody): BodyRows {
  const items = b.ctx.template.lists[body.list] ?? [];
  const years = b.book.yearsWithData(b.fromYear, b.year, b.kinds);
  const numberCol = columnOf(b.sheet, 'number');
  const labelCol = columnOf(b.sheet, 'label');
  const figures = figureColumns(b.sheet);
  const rows: PlannedRow[] = [];
  const yearRows: PlannedRow[] = [];
  let next = b.firstRow;
  years.forEach((year, i) => {
    const yearRow: PlannedRow = { row: next++, role: 'year', bold: true, block: i, cells: {} };
    putNumber(yearRow, numberCol, romanNumeral(i + 1));
    putText(yearRow, labelCol, fillText(body.yearLabel, { year }));
    const itemRows = items.map((item, j) => {
      const row: PlannedRow = { row: next++, role: 'item', block: i, cells: {} };
      putNumber(row, numberCol, j + 1);
      putText(row, labelCol, item.label);
      for (const col of figures) row.cells[col.col] = figureCell(b, col, year, item.code);
      return row;
    });
    for (const col of figures) yearRow.cells[col.col] = sumOfRows(col.col, itemRows);
    rows.push(yearRow, ...itemRows);
    yearRows.push(yearRow);
  });
  const total: PlannedRow = { row: next, role: 'total', bold: true, cells: {} };
  putText(total, labelCol, body.totalLabel);
  for (const col of figures) total.cells[col.col] = sumOfRows(col.col, yearRows);
  rows.push(total);
  return { rows, years };
}
