// The layout of an output annex (Phụ lục) as data (templates/<id>/annexes/*.json), checked with zod.
// One generic writer lays out any layout: columns say what a cell holds, the body says how rows are
// generated (years × a list, units of the feeding kinds, documents grouped by a list).
import { z } from 'zod';

const columnLetter = z.string().regex(/^[A-Z]{1,2}$/, 'cột viết bằng chữ cái, ví dụ "C"');
const cellRange = z.string().regex(/^[A-Z]{1,2}[1-9]\d*(:[A-Z]{1,2}[1-9]\d*)?$/, 'vùng ô dạng "A6" hoặc "D6:I6"');

/** A figure: an indicator code pattern. `{row}` is the row's list item; other placeholders are summed over `sumOver` lists. */
const figureContent = z.object({
  kind: z.literal('figure'),
  code: z.string().regex(/^[a-z0-9_{}]+$/),
  sumOver: z.record(z.string(), z.string()).optional(),
});

const documentField = z.enum(['loai', 'so_ky_hieu', 'ngay', 'co_quan', 'trich_yeu', 'ghi_chu', 'units']);

/** The difference of two figure columns of the same row: `of[0]` minus `of[1]` (a formula, blank when either is blank). */
const differenceContent = z.object({ kind: z.literal('difference'), of: z.tuple([columnLetter, columnLetter]) });

const columnContent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('number') }), // STT
  z.object({ kind: z.literal('label') }),
  z.object({ kind: z.literal('note') }),
  figureContent,
  differenceContent,
  z.object({ kind: z.literal('document'), field: documentField }),
]);

const annexColumn = z.object({
  col: columnLetter,
  width: z.number().positive().max(120),
  content: columnContent,
  align: z.enum(['left', 'center', 'right']).optional(),
  /** Overrides the format derived from the indicator type (count `#,##0`, money `#,##0.0`). */
  numFmt: z.string().optional(),
});

/**
 * A header cell's text. In the layout file a cell may name a list item instead ("item": "forms.bl"): its
 * label is taken from the template, not repeated (resolved when the layout is read, electron/annex/layouts.ts).
 */
const headerCell = z.object({ range: cellRange, text: z.string().min(1) });

const annexHeader = z.object({
  firstRow: z.number().int().min(2),
  rows: z.number().int().min(1).max(5),
  cells: z.array(headerCell).min(1),
  /** A row of column numbers "(1)", "(2)", … under the header. */
  columnNumbers: z.boolean().default(true),
});

/** Rows: for each year with data, a bold year row (sum of its items), one row per list item; a grand total. */
const yearsByListBody = z.object({
  kind: z.literal('years_by_list'),
  list: z.string(),
  yearLabel: z.string().includes('{year}'),
  totalLabel: z.string(),
});

/**
 * Rows: the reporting year only; for each item of `list` a bold row with its label, then one row per item of
 * `subList` (figure codes use `{row}` for the item and `{sub}` for the sub-item); then the total rows.
 */
const listBody = z.object({
  kind: z.literal('list'),
  list: z.string(),
  subList: z.string(),
  totalLabel: z.string(),
});

/** Rows: the reporting year, one per unit of the feeding kinds in unit-list order (children under parents, with subtotals). */
const unitsBody = z.object({
  kind: z.literal('units'),
  totalLabel: z.string(),
  notReported: z.string(),
  /** Label of the row holding a parent unit's own figures, when it has children too. */
  ownFigures: z.string().includes('{unit}'),
  /** Note of a retired unit that still reported for the year. */
  retired: z.string(),
  mergedInto: z.string().includes('{unit}'),
  /**
   * A roll-up (the units sit under several top-level units, e.g. provinces' files imported into one database)
   * shows one row per top-level unit; this is its note when some of its units have not reported
   * (`{missing}` of `{units}`). Without it a roll-up lists every unit as a province's database does.
   */
  someNotReported: z.string().includes('{missing}').includes('{units}').optional(),
});

/** Rows: the issued documents (de-duplicated), grouped by a document field in the order of a list. */
const documentGroupsBody = z.object({
  kind: z.literal('document_groups'),
  groupBy: z.enum(['cap', 'loai']),
  groupList: z.string(),
  typeList: z.string(),
  titleColumn: columnLetter,
  countColumn: columnLetter,
  /** Number format of a group's count, e.g. `0 "văn bản"`. */
  countFormat: z.string(),
  /** Number format of the grand total row, e.g. `"TỔNG SỐ: "0" văn bản"`. */
  totalFormat: z.string(),
  /** The breakdown line under the total: `{items}` is "03 nghị quyết, 12 kế hoạch". */
  breakdown: z.string().includes('{items}'),
  unitSeparator: z.string().default('; '),
});

const annexBody = z.discriminatedUnion('kind', [yearsByListBody, listBody, unitsBody, documentGroupsBody]);

const period = z.discriminatedUnion('kind', [
  /** The span of the years shown: `(Từ năm {from} đến năm {to})`, or `single` for one year. */
  z.object({ kind: z.literal('years'), text: z.string(), single: z.string() }),
  /**
   * Two dates from settings (keys), shown dd/mm/yyyy. A key listed in `seasonal` holds a date of the current
   * season: an annex of another year takes the same day moved by the years between (`to`'s year is the season's).
   */
  z.object({ kind: z.literal('dates'), from: z.string(), to: z.string(), seasonal: z.array(z.string()).default([]), text: z.string() }),
]);

export const annexSheetSchema = z.object({
  name: z.string().regex(/^[A-Z0-9_]{1,31}$/, 'tên trang chỉ gồm chữ in hoa không dấu, số và _'),
  /** May hold `{year}` (the reporting year). */
  title: z.string().min(1),
  period,
  /** The unit kinds that feed this sheet: those whose input workbook holds this sheet (or one of `moreSheets`). */
  feeds: z.object({ inputSheet: z.string(), moreSheets: z.array(z.string()).optional() }),
  /** The sheet is written only when a province setting holds one of these values (e.g. whose figures Phụ lục 01 states). */
  when: z.object({ setting: z.string(), in: z.array(z.string()).min(1) }).optional(),
  fonts: z.object({ title: z.number().min(8).max(20), table: z.number().min(8).max(16) }),
  columns: z.array(annexColumn).min(2),
  header: annexHeader,
  body: annexBody,
  /** Under the table when a feeding unit has not reported: `{units}` lists them. */
  missingNote: z.string().includes('{units}'),
  /** A unit missing in earlier years than the reporting year: `{unit} (năm {years})`. */
  missingInYears: z.string().includes('{unit}').includes('{years}'),
  /** In a roll-up (units under several top-level units), a top-level unit's missing units counted: `{count} đơn vị của {unit}`. */
  missingUnder: z.string().includes('{count}').includes('{unit}').optional(),
  /** Over the table, at the right: `Đơn vị tính: vụ, trẻ em`. */
  unitLine: z.string().min(1).optional(),
  /** Under the table: `Nguồn: {units}.` — the units that feed the sheet, from the unit list. */
  source: z.string().includes('{units}').optional(),
});

/** One side of the signature block: a title in capitals, a note in brackets under it. */
const signatureSide = z.object({ title: z.string().min(1), note: z.string() });

/**
 * Under each sheet: the place-and-date line over the right side (`{place}, ngày {day} tháng {month} năm
 * {year}`), the one who made the table on the left and the head of the agency on the right. Who signs on
 * the right comes from settings (signer_authority, signer_title, signer_name) when they are set.
 */
const signature = z.object({ date: z.string(), left: signatureSide, right: signatureSide });

export const annexLayoutSchema = z
  .object({
    id: z.string().regex(/^[A-Z0-9_]+$/),
    order: z.number().int(),
    label: z.string().min(1),
    file: z.string().regex(/^[A-Za-z0-9 ._-]+\.xlsx$/, 'tên tệp chỉ gồm chữ không dấu'),
    /**
     * Row 4: `{number}` (the report's number and symbol, shared/document-number.ts), `{abbreviation}`,
     * `{day}`, `{month}`, `{year}`, `{agency}` (the issuing agency in running-text case, "Sở Y tế tỉnh An Lạc").
     */
    caption: z.string(),
    /** The symbol after the report's number: `BC-{abbreviation}`. */
    documentSymbol: z.string().default('BC-{abbreviation}'),
    /** Shown at the top right of a draft. */
    draftMark: z.string().min(1),
    signature: signature.optional(),
    sheets: z.array(annexSheetSchema).min(1),
  })
  .superRefine((layout, ctx) => {
    const names = new Set<string>();
    layout.sheets.forEach((sheet, si) => {
      const at = (msg: string) => ctx.addIssue({ code: 'custom', path: ['sheets', si], message: `trang ${sheet.name}: ${msg}` });
      if (names.has(sheet.name)) at('trùng tên trang');
      names.add(sheet.name);
      for (const issue of layoutIssues(sheet)) at(issue);
    });
  });

export type AnnexLayout = z.infer<typeof annexLayoutSchema>;
export type AnnexSheet = z.infer<typeof annexSheetSchema>;
export type AnnexColumn = z.infer<typeof annexColumn>;
export type AnnexBody = z.infer<typeof annexBody>;
export type YearsByListBody = z.infer<typeof yearsByListBody>;
export type ListBody = z.infer<typeof listBody>;
export type DifferenceContent = z.infer<typeof differenceContent>;
export type UnitsBody = z.infer<typeof unitsBody>;
export type DocumentGroupsBody = z.infer<typeof documentGroupsBody>;
export type DocumentField = z.infer<typeof documentField>;
export type FigureContent = z.infer<typeof figureContent>;
export type AnnexSignature = z.infer<typeof signature>;

export function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export function parseRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = range.split(':') as [string, string?];
  const cell = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s)!;
    return { col: columnIndex(m[1]!), row: Number(m[2]) };
  };
  const p = cell(a);
  const q = cell(b);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** Structural checks of a sheet layout: columns A, B, C… in order, header cells tiling the header block exactly once. */
export function layoutIssues(sheet: AnnexSheet): string[] {
  const issues: string[] = [];
  sheet.columns.forEach((c, i) => {
    if (columnIndex(c.col) !== i + 1) issues.push(`cột thứ ${i + 1} phải là ${String.fromCharCode(65 + i)}, không phải ${c.col}`);
  });
  const width = sheet.columns.length;
  const { firstRow, rows } = sheet.header;
  const covered = new Map<string, string>();
  for (const cell of sheet.header.cells) {
    const r = parseRange(cell.range);
    if (r.top < firstRow || r.bottom > firstRow + rows - 1 || r.right > width) {
      issues.push(`ô tiêu đề ${cell.range} nằm ngoài vùng tiêu đề`);
      continue;
    }
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const key = `${row}:${col}`;
        if (covered.has(key)) issues.push(`ô tiêu đề ${cell.range} chồng lên ${covered.get(key)}`);
        covered.set(key, cell.range);
      }
    }
  }
  for (let row = firstRow; row < firstRow + rows; row++) {
    for (let col = 1; col <= width; col++) {
      if (!covered.has(`${row}:${col}`)) issues.push(`tiêu đề thiếu ô ở dòng ${row}, cột ${col}`);
    }
  }
  const body = sheet.body;
  for (const c of sheet.columns) {
    if (c.content.kind !== 'difference') continue;
    for (const ref of c.content.of) {
      const target = sheet.columns.find((x) => x.col === ref);
      if (!target || target.content.kind !== 'figure') issues.push(`cột ${c.col}: cột ${ref} không phải cột số liệu`);
    }
  }
  if (body.kind === 'document_groups') {
    for (const c of [body.titleColumn, body.countColumn]) if (columnIndex(c) > width) issues.push(`cột ${c} không có trong bảng`);
  }
  return issues;
}
