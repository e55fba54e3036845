// Row group "documents grouped by a list": the issued documents of every year's current submissions
// (de-duplicated, aggregate.ts), grouped in the list's order under bold rows with a roman numeral and a
// count; a grand total and a one-line breakdown by type under them.
import type { DocumentField, DocumentGroupsBody } from '../../shared/annex-schema.ts';
import { compareVi } from '../../shared/text.ts';
import { documentKey, issuedDocuments, type IssuedDocument } from '../store/aggregate.ts';
import { columnOf, putNumber, type BodyContext, type BodyRows } from './body-context.ts';
import { periodKey } from '../../shared/periods.ts';
import { sheetDates } from './period.ts';
import type { FormulaCell, PlannedCell, PlannedRow } from './plan-types.ts';
import { fillText, romanNumeral, upperVi } from './texts.ts';

interface DocumentGroup {
  label: string;
  documents: IssuedDocument[];
}

/** The date range of the list: the sheet's period when it is one of dates from settings. */
function dateRange(b: BodyContext): { from: string; to: string } {
  const p = b.sheet.period;
  const dates = p.kind === 'dates' ? sheetDates(p, b.settings, b.period) : { from: null, to: null };
  return { from: dates.from ?? '0000-01-01', to: dates.to ?? '9999-12-31' };
}

function groupDocuments(b: BodyContext, body: DocumentGroupsBody, documents: readonly IssuedDocument[]): DocumentGroup[] {
  const byValue = new Map<string, IssuedDocument[]>();
  for (const d of documents) {
    const group = byValue.get(d[body.groupBy]);
    if (group) group.push(d);
    else byValue.set(d[body.groupBy], [d]);
  }
  const listed = (b.ctx.template.lists[body.groupList] ?? []).map((item) => ({ label: item.label, documents: byValue.get(item.code) ?? [] }));
  const known = new Set((b.ctx.template.lists[body.groupList] ?? []).map((i) => i.code));
  const others = [...byValue.entries()].filter(([value]) => !known.has(value)).map(([value, docs]) => ({ label: value, documents: docs }));
  const byDateThenNumber = (x: IssuedDocument, y: IssuedDocument) => x.ngay.localeCompare(y.ngay) || compareVi(x.so_ky_hieu, y.so_ky_hieu);
  return [...listed, ...others].filter((g) => g.documents.length > 0).map((g) => ({ ...g, documents: [...g.documents].sort(byDateThenNumber) }));
}

function documentCell(d: IssuedDocument, field: DocumentField, unitNames: (d: IssuedDocument) => string): PlannedCell | undefined {
  if (field === 'ngay') return { kind: 'date', iso: d.ngay };
  const text = field === 'units' ? unitNames(d) : (d[field] ?? '');
  return text ? { kind: 'text', text } : undefined;
}

/** `03 nghị quyết, 12 kế hoạch`: counts by type in the type list's order, types not in the list after. */
function typeBreakdown(b: BodyContext, body: DocumentGroupsBody, documents: readonly IssuedDocument[]): string {
  const counts = new Map<string, number>();
  for (const d of documents) counts.set(d.loai, (counts.get(d.loai) ?? 0) + 1);
  const list = b.ctx.template.lists[body.typeList] ?? [];
  const ordered = [
    ...list.map((i) => ({ code: i.code, label: i.label })),
    ...[...counts.keys()].filter((k) => !list.some((i) => i.code === k)).map((k) => ({ code: k, label: k.toLocaleLowerCase('vi') })),
  ];
  return ordered
    .filter((t) => counts.has(t.code))
    .map((t) => `${String(counts.get(t.code)).padStart(2, '0')} ${t.label}`)
    .join(', ');
}

export function documentRows(b: BodyContext, body: DocumentGroupsBody): BodyRows {
  const { from, to } = dateRange(b);
  const documents = issuedDocuments(b.ctx, from, to, b.period.kind === 'half' ? periodKey(b.period) : undefined);
  const order = new Map(b.book.units().map((u, i) => [u.code, i]));
  const unitNames = (d: IssuedDocument) => {
    const units = [...new Map(d.units.map((u) => [u.code, u])).values()].sort((x, y) => (order.get(x.code) ?? 0) - (order.get(y.code) ?? 0));
    return units.map((u) => u.name).join(body.unitSeparator);
  };
  const numberCol = columnOf(b.sheet, 'number');
  const firstCol = b.sheet.columns[0]!.col;
  const rows: PlannedRow[] = [];
  const counts: FormulaCell[] = [];
  const countRefs: string[] = [];
  let next = b.firstRow;
  groupDocuments(b, body, documents).forEach((group, gi) => {
    const head: PlannedRow = { row: next++, role: 'group', bold: true, block: gi, cells: {} };
    putNumber(head, numberCol, romanNumeral(gi + 1));
    head.cells[body.titleColumn] = { kind: 'text', text: upperVi(group.label) };
    rows.push(head);
    const refs = group.documents.map((d, j) => {
      const row: PlannedRow = { row: next++, role: 'document', block: gi, cells: {}, documentKey: documentKey(d) };
      putNumber(row, numberCol, j + 1);
      for (const col of b.sheet.columns) {
        if (col.content.kind !== 'document') continue;
        const cell = documentCell(d, col.content.field, unitNames);
        if (cell) row.cells[col.col] = cell;
      }
      rows.push(row);
      return `${body.countColumn}${row.row}`;
    });
    const count: FormulaCell = { kind: 'formula', fn: 'COUNTA', refs, value: group.documents.length, numFmt: body.countFormat };
    head.cells[body.countColumn] = count;
    counts.push(count);
    countRefs.push(`${body.countColumn}${head.row}`);
  });
  const total = counts.reduce((n, c) => n + (c.value ?? 0), 0);
  rows.push({
    row: next++,
    role: 'total',
    bold: true,
    spanAll: true,
    cells: { [firstCol]: { kind: 'formula', fn: 'SUM', refs: countRefs, value: total, numFmt: body.totalFormat } },
  });
  if (total > 0)
    rows.push({
      row: next++,
      role: 'line',
      italic: true,
      spanAll: true,
      cells: { [firstCol]: { kind: 'text', text: fillText(body.breakdown, { items: typeBreakdown(b, body, documents) }) } },
    });
  return { rows, years: [b.year] };
}
