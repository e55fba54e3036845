// The table of the year inside the report (Decree 30: 12–13 pt, header rows repeated on every page): rows
// are the list's items and a total row, columns the measures, grouped under merged labels.
import { AlignmentType, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx';
import { formatVietnameseNumber } from '../../../shared/numbers.ts';
import type { FormTable, TextTable } from '../content-model.ts';
import { mm, SIZE, TEXT_WIDTH } from './layout.ts';

const LABEL_WIDTH = mm(46);

function cellText(text: string, options: { bold?: boolean; align?: 'left' | 'center' } = {}): Paragraph {
  return new Paragraph({
    alignment: options.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
    spacing: { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text, bold: options.bold, size: SIZE.table })],
  });
}

function tableCell(text: string, width: number, options: { bold?: boolean; align?: 'left' | 'center'; rowSpan?: number; columnSpan?: number } = {}): TableCell {
  return new TableCell({
    children: [cellText(text, options)],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    rowSpan: options.rowSpan,
    columnSpan: options.columnSpan,
    margins: { left: 60, right: 60 },
  });
}

/** Consecutive columns of one group: [{group, from, count}] in order; ungrouped columns are groups of one. */
function columnGroups(columns: FormTable['columns']): { group?: string; from: number; count: number }[] {
  const groups: { group?: string; from: number; count: number }[] = [];
  columns.forEach((c, i) => {
    const last = groups.at(-1);
    if (c.group && last?.group === c.group) last.count++;
    else groups.push({ group: c.group, from: i, count: 1 });
  });
  return groups;
}

export function formTable(table: FormTable): Table {
  const valueWidth = Math.floor((TEXT_WIDTH - LABEL_WIDTH) / table.columns.length);
  const widths = [LABEL_WIDTH, ...table.columns.map(() => valueWidth)];
  const groups = columnGroups(table.columns);
  const first = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      tableCell(table.rowHeader, LABEL_WIDTH, { bold: true, rowSpan: 2 }),
      ...groups.map((g) =>
        g.group
          ? tableCell(g.group, valueWidth * g.count, { bold: true, columnSpan: g.count })
          : tableCell(table.columns[g.from]!.label, valueWidth, { bold: true, rowSpan: 2 }),
      ),
    ],
  });
  const second = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.flatMap((c) => (c.group ? [tableCell(c.label, valueWidth, { bold: true })] : [])),
  });
  const body = table.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [
          tableCell(r.label, LABEL_WIDTH, { bold: r.total, align: 'left' }),
          ...r.values.map((v) => tableCell(v === null ? '' : formatVietnameseNumber(v), valueWidth, { bold: r.total })),
        ],
      }),
  );
  return new Table({
    rows: [first, second, ...body],
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
  });
}

/** A table of words (the plan's targets): the header row repeated on every page, rows kept whole. */
export function textTable(table: TextTable): Table {
  const widths = table.widths.map((w) => Math.floor(TEXT_WIDTH * w));
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: table.headers.map((h, i) => tableCell(h, widths[i]!, { bold: true })) });
  const body = table.rows.map(
    (r) => new TableRow({ cantSplit: true, children: r.map((c, i) => tableCell(c, widths[i]!, { align: i === 0 || i === 2 ? 'left' : 'center' })) }),
  );
  return new Table({
    rows: [header, ...body],
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
  });
}

export function captionParagraph(text: string, options: { keepNext?: boolean; before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: options.keepNext,
    spacing: { before: options.before ?? 120, after: options.after ?? 120, line: 240, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text, italics: true, size: SIZE.caption })],
  });
}
