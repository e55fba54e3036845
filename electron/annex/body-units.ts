// Row group "units of the feeding kinds": the reporting year, one row per unit in unit-list order,
// children under their parent with a subtotal row; a unit without a submission keeps its (empty) row.
// A roll-up (the units sit under several top-level units: provinces' files in one database) shows one
// row per top-level unit instead, the sum of its units, its note counting those that have not reported.
import type { UnitsBody } from '../../shared/annex-schema.ts';
import { formatVietnameseNumber } from '../../shared/numbers.ts';
import type { Unit } from '../../shared/types.ts';
import { columnOf, figureCell, figureColumns, periodFiguresKey, putNumber, putText, type BodyContext, type BodyRows } from './body-context.ts';
import { sumOfRows } from './formulas.ts';
import type { PlannedRow } from './plan-types.ts';
import { fillText } from './texts.ts';

export function unitRows(b: BodyContext, body: UnitsBody): BodyRows {
  const period = periodFiguresKey(b);
  const reported = b.book.figures(b.year, period).byUnit;
  const all = b.book.units();
  const byCode = new Map(all.map((u) => [u.code, u]));
  // A retired unit keeps its row in a year it still reported for.
  const shown = all.filter((u) => b.kinds.includes(u.kind) && (u.active || reported.has(u.code)));
  const shownCodes = new Set(shown.map((u) => u.code));
  if (body.someNotReported !== undefined && b.book.spansTops(b.kinds)) return topUnitRows(b, body, body.someNotReported, shown, reported);
  const children = new Map<string | null, Unit[]>();
  for (const u of shown) {
    const parent = u.parentCode && shownCodes.has(u.parentCode) ? u.parentCode : null;
    const list = children.get(parent);
    if (list) list.push(u);
    else children.set(parent, [u]);
  }
  const childrenOf = (code: string | null) => children.get(code) ?? [];
  const numberCol = columnOf(b.sheet, 'number');
  const labelCol = columnOf(b.sheet, 'label');
  const noteCol = columnOf(b.sheet, 'note');
  const figures = figureColumns(b.sheet);
  const rows: PlannedRow[] = [];
  let next = b.firstRow;

  const figureRow = (unit: Unit, number: string | number, label: string, level: number): PlannedRow => {
    const row: PlannedRow = { row: next++, role: 'unit', level, cells: {} };
    putNumber(row, numberCol, number);
    putText(row, labelCol, label);
    for (const col of figures) row.cells[col.col] = figureCell(b, col, b.year, undefined, { unit: unit.code }, period);
    const merged = unit.mergedIntoCode ? byCode.get(unit.mergedIntoCode) : undefined;
    const note = !reported.has(unit.code) ? body.notReported : merged ? fillText(body.mergedInto, { unit: merged.name }) : !unit.active ? body.retired : '';
    putText(row, noteCol, note);
    rows.push(row);
    return row;
  };

  const place = (unit: Unit, number: string | number, level: number): PlannedRow => {
    const children = childrenOf(unit.code);
    if (children.length === 0) return figureRow(unit, number, unit.name, level);
    const subtotal: PlannedRow = { row: next++, role: 'subtotal', bold: true, level, cells: {} };
    putNumber(subtotal, numberCol, number);
    putText(subtotal, labelCol, unit.name);
    rows.push(subtotal);
    const parts: PlannedRow[] = [];
    if (reported.has(unit.code)) parts.push(figureRow(unit, `${number}.1`, fillText(body.ownFigures, { unit: unit.name }), level + 1));
    const offset = parts.length;
    children.forEach((child, i) => parts.push(place(child, `${number}.${i + 1 + offset}`, level + 1)));
    for (const col of figures) subtotal.cells[col.col] = sumOfRows(col.col, parts);
    return subtotal;
  };

  const top = childrenOf(null).map((unit, i) => {
    const from = rows.length;
    const placed = place(unit, i + 1, 0);
    // A unit and its children: one block, kept on a page when it fits.
    for (const r of rows.slice(from)) r.block = i;
    return placed;
  });
  const total: PlannedRow = { row: next, role: 'total', bold: true, cells: {} };
  putText(total, labelCol, body.totalLabel);
  for (const col of figures) total.cells[col.col] = sumOfRows(col.col, top);
  rows.push(total);
  return { rows, years: [b.year] };
}

/**
 * A roll-up's rows: one per top-level unit over shown units, in unit-list order, each the sum of the shown
 * units under it; its note says none or how many of them have not reported (a unit counts as today's
 * tree would show it: a unit with shown units under it only when it reported figures of its own).
 */
function topUnitRows(b: BodyContext, body: UnitsBody, someNotReported: string, shown: readonly Unit[], reported: ReadonlyMap<string, unknown>): BodyRows {
  const period = periodFiguresKey(b);
  const shownCodes = new Set(shown.map((u) => u.code));
  const parents = new Set(shown.map((u) => u.parentCode).filter((c): c is string => c !== null && shownCodes.has(c)));
  const count = new Map<string, { units: number; missing: number }>();
  for (const u of shown) {
    const top = b.book.topOf(u.code);
    const c = count.get(top) ?? { units: 0, missing: 0 };
    if (reported.has(u.code)) c.units++;
    else if (!parents.has(u.code)) {
      c.units++;
      c.missing++;
    }
    count.set(top, c);
  }
  const numberCol = columnOf(b.sheet, 'number');
  const labelCol = columnOf(b.sheet, 'label');
  const noteCol = columnOf(b.sheet, 'note');
  const figures = figureColumns(b.sheet);
  let next = b.firstRow;
  const rows = b.book
    .units()
    .filter((u) => count.has(u.code))
    .map((top, i): PlannedRow => {
      const row: PlannedRow = { row: next++, role: 'unit', level: 0, block: i, cells: {} };
      putNumber(row, numberCol, i + 1);
      putText(row, labelCol, top.name);
      for (const col of figures) row.cells[col.col] = figureCell(b, col, b.year, undefined, { under: top.code }, period);
      const { units, missing } = count.get(top.code)!;
      const note =
        missing === 0
          ? ''
          : missing === units
            ? body.notReported
            : fillText(someNotReported, { missing: formatVietnameseNumber(missing), units: formatVietnameseNumber(units) });
      putText(row, noteCol, note);
      return row;
    });
  const total: PlannedRow = { row: next, role: 'total', bold: true, cells: {} };
  putText(total, labelCol, body.totalLabel);
  for (const col of figures) total.cells[col.col] = sumOfRows(col.col, rows);
  return { rows: [...rows, total], years: [b.year] };
}
