// Row group "years × list rows": for each year with data a bold year row (sums), then one row per item
// of a template list, each the sum over the feeding units; a grand total of the year rows at the end.
// A range shows the years it spans; a half-year one block of its own figures, led by the period.
import type { YearsByListBody } from '../../shared/annex-schema.ts';
import { periodLabel } from '../../shared/periods.ts';
import { contributors } from '../services/aggregate.ts';
import { columnOf, figureCell, figureColumns, periodFiguresKey, putNumber, putText, type BodyContext, type BodyRows } from './body-context.ts';
import { sumOfRows } from './formulas.ts';
import type { PlannedRow } from './plan-types.ts';
import { fillText, romanNumeral } from './texts.ts';

export function yearsByListRows(b: BodyContext, body: YearsByListBody): BodyRows {
  const items = b.ctx.template.lists[body.list] ?? [];
  // A half-year's block holds its own figures; a year's and a range's blocks are the years' annual ones.
  const own = b.period.kind === 'half' ? periodFiguresKey(b) : undefined;
  const years = own !== undefined ? (contributors(b.book.figures(b.year, own), b.kinds).length > 0 ? [b.year] : []) : b.book.yearsWithData(b.fromYear, b.year, b.kinds);
  const numberCol = columnOf(b.sheet, 'number');
  const labelCol = columnOf(b.sheet, 'label');
  const figures = figureColumns(b.sheet);
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
