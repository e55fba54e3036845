// Where the input workbook puts its input cells and the defined names that point at them, for a unit
// kind: computed from the definition alone (no workbook is built), used by the writer to place the
// cells and names and by the import to check that a returned workbook's names are still in place.
import type { ListSheet, MatrixSheet, NarrativeSheet, SheetDefinition, TableSheet, TemplateDefinition } from '../../shared/template-schema.ts';
import { expandCode, sheetsForKind } from '../../shared/template.ts';

/** The veryHidden sheet that identifies the workbook (template, unit, period) and holds the drop-down lists. */
export const META_SHEET = '_meta';

/** Rows of the signature block under a table whose last row is `tableLast` (a blank row between them). */
export function signatureRows(tableLast: number): { top: number; bottom: number } {
  return { top: tableLast + 3, bottom: tableLast + 9 };
}

/** Rows 1–3 hold the title, the unit and period line and the sheet's note; the table's header is row 5. */
export const HEADER_ROW = 5;
/** The first column of figures in matrix and list sheets (A: STT, B: label). */
export const FIGURE_COLUMN = 3;

export interface CellPlace {
  row: number;
  col: number;
}

export interface NamedPlace {
  sheet: string;
  rect: { top: number; left: number; bottom: number; right: number };
}

/** Sheet and cell (or range) of each defined name, by name. */
export type NameLayout = Map<string, NamedPlace>;

export function valueName(code: string): string {
  return `v_${code}`;
}

/** The input cell of a matrix sheet's row i and column j (0-based, in the lists' order). */
export function matrixCell(i: number, j: number): CellPlace {
  return { row: HEADER_ROW + 1 + i, col: FIGURE_COLUMN + j };
}

/** The items of a list sheet a unit of this kind fills, in order. */
export function listItems(sheet: ListSheet, kind: string): ListSheet['items'] {
  return sheet.items.filter((i) => !i.onlyKinds || i.onlyKinds.includes(kind));
}

/** The input cell of a list sheet's item i, or of a narrative sheet's item i. */
export function itemCell(i: number): CellPlace {
  return { row: HEADER_ROW + 1 + i, col: FIGURE_COLUMN };
}

/** A table sheet's named range: its header row and the empty rows below it, over every column. */
export function tableRange(sheet: TableSheet): NamedPlace['rect'] {
  return { top: HEADER_ROW, left: 1, bottom: HEADER_ROW + sheet.rows, right: sheet.columns.length };
}

const single = (p: CellPlace): NamedPlace['rect'] => ({ top: p.row, left: p.col, bottom: p.row, right: p.col });

function sheetNames(template: TemplateDefinition, sheet: SheetDefinition, kind: string, out: NameLayout): void {
  const put = (name: string, rect: NamedPlace['rect']) => out.set(name, { sheet: sheet.name, rect });
  switch (sheet.kind) {
    case 'matrix': {
      const m: MatrixSheet = sheet;
      const rows = template.lists[m.rows] ?? [];
      const cols = template.lists[m.columns] ?? [];
      rows.forEach((row, i) => cols.forEach((col, j) => put(valueName(expandCode(m.code, row.code, col.code)), single(matrixCell(i, j)))));
      return;
    }
    case 'list':
      listItems(sheet, kind).forEach((item, i) => put(valueName(item.code), single(itemCell(i))));
      return;
    case 'table':
      put(sheet.rangeName, tableRange(sheet));
      return;
    default: {
      const n: NarrativeSheet = sheet;
      n.items.forEach((item, i) => put(item.code, single(itemCell(i))));
    }
  }
}

const layouts = new WeakMap<TemplateDefinition, Map<string, NameLayout>>();

/** Every defined name of a kind's workbook, in the order the writer adds them (kept per definition and kind). */
export function inputNameLayout(template: TemplateDefinition, kind: string): NameLayout {
  let byKind = layouts.get(template);
  if (!byKind) layouts.set(template, (byKind = new Map()));
  let layout = byKind.get(kind);
  if (!layout) {
    layout = new Map();
    for (const sheet of sheetsForKind(template, kind)) sheetNames(template, sheet, kind, layout);
    byKind.set(kind, layout);
  }
  return layout;
}
