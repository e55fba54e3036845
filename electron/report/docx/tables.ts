// Table scaffolding shared by the header, the closing block and the data table.
import { Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType, type ITableCellOptions } from 'docx';
import { CELL_MARGIN } from './layout.ts';

export function cell(children: Paragraph[] | Paragraph, width: number, options: Omit<ITableCellOptions, 'children' | 'width'> = {}): TableCell {
  return new TableCell({
    children: Array.isArray(children) ? children : [children],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.TOP,
    ...options,
  });
}

/** A table without borders whose columns have fixed widths (twips); `indent` shifts it left of the margin. */
export function borderlessTable(rows: TableRow[], widths: number[], indent = 0): Table {
  return new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    indent: indent ? { size: indent, type: WidthType.DXA } : undefined,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 },
  });
}
