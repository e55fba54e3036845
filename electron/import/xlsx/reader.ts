// The import's workbook reader: from the .xlsx package only what the contract names — workbook.xml's
// sheets and defined names, the worksheets (only the wanted cells kept, every cell counted for the
// size checks), the shared strings those cells use, the number formats that make a number a date, and
// merged ranges as rectangles. A streaming tokenizer (xml-tokenizer.ts) reads each part once; ceilings are checked
// from the zip directory before a part is inflated and again while it is streamed, so a hostile file is
// refused early instead of filling the memory. Data validations, conditional formats, drawings,
// themes and everything else are never interpreted.
import path from 'node:path/posix';
import type ExcelJS from 'exceljs';
import type { ImportFinding } from '../../../shared/types.ts';
import { notXlsx, openZip, type ZipLimits } from '../zip-guard.ts';
import { addressKey, CELL_KEY_ROW, decodeRange, encodeAddress, inRect, type Rect } from './address.ts';
import type { DefinedName, InputBook, InputCell, WantedCells } from './book.ts';
import { XLSX_CEILINGS, type XlsxCeilings } from './limits.ts';
import { parseXmlBytes, XmlError, type XmlHandlers } from './xml-tokenizer.ts';

export interface XlsxReadLimits extends ZipLimits {
  maxRowsPerSheet: number;
  maxColumnsPerSheet: number;
}

/** A refusal while reading: carries the finding to report. */
class Refusal extends Error {
  constructor(readonly finding: ImportFinding) {
    super(finding.message);
  }
}

const tooLarge = (message: string, sheet?: string): Refusal => new Refusal({ code: 'too_large', severity: 'error', ...(sheet ? { sheet } : {}), message });
const corrupt = () => new Refusal(notXlsx('Không đọc được nội dung tệp .xlsx (tệp hỏng hoặc không phải bảng tính Excel).'));
const vi = (n: number) => n.toLocaleString('vi-VN');

// ---- XML streaming --------------------------------------------------------------------------------------

/** Streams one part through the tokenizer; anything not well-formed (a DTD, an unknown entity…) is corrupt. */
function streamXml(bytes: Buffer, h: XmlHandlers): void {
  try {
    parseXmlBytes(bytes, h);
  } catch (e) {
    if (e instanceof XmlError) throw corrupt();
    throw e;
  }
}

// ---- dates -------------------------------------------------------------------------------------------------

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** The test exceljs applies: a format with date or time letters outside quotes and brackets. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

// ---- the book --------------------------------------------------------------------------------------------

/** A shared-string index left to resolve once the sheets have said which strings they use. */
class SharedRef {
  constructor(readonly index: number) {}
}

type Stored = ExcelJS.CellValue | SharedRef;

interface SheetData {
  name: string;
  rows: number;
  cols: number;
  cells: Map<number, Stored>;
  merges: Rect[];
}

const key = (row: number, col: number) => row * CELL_KEY_ROW + col;

class StreamedBook implements InputBook {
  constructor(
    private readonly sheets: Map<string, SheetData>,
    private readonly order: string[],
    private readonly names: DefinedName[],
  ) {}
  sheetNames(): string[] {
    return this.order;
  }
  hasSheet(name: string): boolean {
    return this.sheets.has(name);
  }
  definedNames(): DefinedName[] {
    return this.names;
  }
  size(sheet: string): { rows: number; cols: number } {
    const s = this.sheets.get(sheet);
    return s ? { rows: s.rows, cols: s.cols } : { rows: 0, cols: 0 };
  }
  cell(sheet: string, row: number, col: number): InputCell {
    const s = this.sheets.get(sheet);
    if (!s) return { value: null };
    const merge = s.merges.find((m) => inRect(m, row, col));
    const value = (s.cells.get(key(row, col)) ?? null) as ExcelJS.CellValue;
    if (merge && (merge.top !== row || merge.left !== col)) return { value: null, master: encodeAddress(merge.top, merge.left) };
    return { value };
  }
  rowsWithData(sheet: string, rect: Rect): number[] {
    const s = this.sheets.get(sheet);
    if (!s) return [];
    const rows = new Set<number>();
    for (const [k, v] of s.cells) {
      const row = Math.floor(k / CELL_KEY_ROW);
      const col = k - row * CELL_KEY_ROW;
      if (inRect(rect, row, col) && v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) rows.add(row);
    }
    return [...rows].sort((a, b) => a - b);
  }
}

export type XlsxRead = { ok: true; book: InputBook; date1904: boolean } | { ok: false; findings: ImportFinding[] };

interface WorkbookPart {
  date1904: boolean;
  sheets: { name: string; rid: string }[];
  names: DefinedName[];
}

function readWorkbookPart(bytes: Buffer, c: XlsxCeilings): WorkbookPart {
  const out: WorkbookPart = { date1904: false, sheets: [], names: [] };
  let nameAttrs: { name: string; localSheetId: string | undefined } | null = null;
  let nameText = '';
  streamXml(bytes, {
    open(name, a) {
      if (name === 'workbookPr') out.date1904 = a.get('date1904') === '1' || a.get('date1904') === 'true';
      else if (name === 'sheet') {
        if (out.sheets.length >= c.maxSheets) throw tooLarge(`Tệp có hơn ${c.maxSheets} trang tính, không phải biểu mẫu của Báo cáo 121.`);
        const idName = a.names().find((k) => k === 'r:id' || k.endsWith(':id'));
        const rid = (idName !== undefined ? a.get(idName) : undefined) ?? '';
        out.sheets.push({ name: a.get('name') ?? '', rid });
      } else if (name === 'definedName') {
        if (out.names.length >= c.maxDefinedNames) throw tooLarge(`Tệp có hơn ${vi(c.maxDefinedNames)} tên ô, vượt quá khả năng chứa của biểu mẫu.`);
        nameAttrs = { name: a.get('name') ?? '', localSheetId: a.get('localSheetId') };
        nameText = '';
      }
    },
    wantsText: () => nameAttrs !== null,
    text(t) {
      if (nameAttrs) nameText += t;
    },
    close(name) {
      if (name !== 'definedName' || !nameAttrs) return;
      const n = nameAttrs.name;
      // Sheet-scoped names and Excel's own (_xlnm.Print_Titles…) are not the contract's.
      if (nameAttrs.localSheetId === undefined && !n.startsWith('_xlnm.')) {
        const ranges = nameText.split(',');
        out.names.push({ name: n, ref: ranges[0]!.trim(), union: ranges.length > 1 });
      }
      nameAttrs = null;
    },
  });
  return out;
}

function readRels(bytes: Buffer | undefined): Map<string, { type: string; target: string }> {
  const rels = new Map<string, { type: string; target: string }>();
  if (!bytes) return rels;
  streamXml(bytes, {
    open(name, a) {
      if (name !== 'Relationship') return;
      const id = a.get('Id');
      const target = a.get('Target');
      if (id && target && a.get('TargetMode') !== 'External') rels.set(id, { type: a.get('Type') ?? '', target });
    },
  });
  return rels;
}

function resolveTarget(base: string, target: string): string {
  return target.startsWith('/') ? target.slice(1) : path.normalize(path.join(path.dirname(base), target));
}

/** Styles: for each cell format index, whether its number format shows a date. */
function readDateStyles(bytes: Buffer | undefined, c: XlsxCeilings): boolean[] {
  if (!bytes) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  streamXml(bytes, {
    open(name, a) {
      if (name === 'numFmt') {
        if (custom.size >= c.maxStyles) throw tooLarge(`Tệp có hơn ${vi(c.maxStyles)} định dạng số, vượt quá khả năng chứa của biểu mẫu.`);
        custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        if (xfFormats.length >= c.maxStyles) throw tooLarge(`Tệp có hơn ${vi(c.maxStyles)} kiểu định dạng ô, vượt quá khả năng chứa của biểu mẫu.`);
        xfFormats.push(Number(a.get('numFmtId') ?? 0));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return xfFormats.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id);
  });
}

/** The key of a cell's address read in place (see addressKey); -2 for an empty address. */
const cellKey = (text: string, start: number, end: number) => (end > start ? addressKey(text, start, end) : -2);

/**
 * Number(text.slice(start, end)), read in place with a fast path for the plain digits Excel writes (row
 * numbers, style indexes); undefined for an empty text.
 */
function plainNumber(text: string, start: number, end: number): number | undefined {
  if (end === start) return undefined;
  if (end - start > 9) return Number(text.slice(start, end));
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number(text.slice(start, end));
    n = n * 10 + d;
  }
  return n;
}

/**
 * An empty list of rectangles made to hold objects from the start: an empty `[]` holds small integers until
 * its first push, and that change made V8 drop its compiled `open` handler of readSheet (--trace-deopt).
 */
function rectList(): Rect[] {
  const list: Rect[] = [{ top: 0, left: 0, bottom: 0, right: 0 }];
  list.length = 0;
  return list;
}

interface SheetContext {
  limits: XlsxReadLimits;
  c: XlsxCeilings;
  wanted: { cells: Set<number>; rects: Rect[] };
  dateStyles: boolean[];
  date1904: boolean;
  sharedUsed: Set<number>;
  cellCount: { n: number };
}

function readSheet(name: string, bytes: Buffer, ctx: SheetContext): SheetData {
  const { limits, c, wanted, dateStyles, date1904, sharedUsed, cellCount } = ctx;
  const sheet: SheetData = { name, rows: 0, cols: 0, cells: new Map(), merges: rectList() };
  const masters = new Map<string, string>(); // shared formula si → master address
  let row = 0;
  let col = 0;
  // The cell being read (only for wanted cells).
  let want = false;
  let t = '';
  let style = 0;
  let mode: 'v' | 'f' | 't' | null = null;
  let v: string | undefined;
  let f: string | undefined;
  let fShared = false;
  let fMaster = false;
  let fSi = '';
  let inCell = false;
  let inRun = false;
  let inPhonetic = false;
  let runs: { text: string }[] | null = null;
  let runText = '';
  const refuseSize = () =>
    tooLarge(
      `Trang ${name} có dữ liệu tới dòng ${vi(sheet.rows)}, cột ${vi(sheet.cols)}, vượt quá khả năng chứa của biểu mẫu (tối đa ${vi(limits.maxRowsPerSheet)} dòng, ${vi(limits.maxColumnsPerSheet)} cột).`,
      name,
    );

  const isWanted = (row: number, col: number): boolean => {
    if (wanted.cells.has(key(row, col))) return true;
    for (const r of wanted.rects) if (inRect(r, row, col)) return true;
    return false;
  };

  const number = (text: string): ExcelJS.CellValue => {
    const n = parseFloat(text);
    return dateStyles[style] ? excelToDate(n, date1904) : n;
  };

  streamXml(bytes, {
    open(tag, a) {
      switch (tag) {
        case 'row': {
          // Absent or empty: the next row.
          const r = a.read('r', plainNumber) ?? row + 1;
          if (!Number.isInteger(r) || r < 1) throw corrupt();
          row = r;
          col = 0;
          if (row > sheet.rows) sheet.rows = row;
          if (row > limits.maxRowsPerSheet) throw refuseSize();
          return;
        }
        case 'c': {
          if (++cellCount.n > c.maxCells) throw tooLarge(`Tệp có hơn ${vi(c.maxCells)} ô dữ liệu, vượt quá khả năng chứa của biểu mẫu.`);
          // -2: no address (or an empty one), the next column.
          const k = a.read('r', cellKey) ?? -2;
          if (k !== -2) {
            if (k < 0) throw corrupt();
            row = Math.floor(k / CELL_KEY_ROW);
            col = k - row * CELL_KEY_ROW;
          } else col += 1;
          if (row > sheet.rows) sheet.rows = row;
          if (col > sheet.cols) sheet.cols = col;
          if (row > limits.maxRowsPerSheet || col > limits.maxColumnsPerSheet) throw refuseSize();
          inCell = true;
          // An empty-element tag (a styled empty cell, most of a worksheet's) holds no value: kept nowhere.
          want = !a.empty() && isWanted(row, col);
          if (!want) return;
          t = a.get('t') ?? 'n';
          style = a.read('s', plainNumber) ?? 0;
          v = f = undefined;
          fShared = fMaster = false;
          runs = null;
          return;
        }
        case 'f':
          if (!inCell) return;
          if (a.get('t') === 'shared') {
            fShared = true;
            fSi = a.get('si') ?? '';
            fMaster = a.get('ref') !== undefined;
            if (fMaster) masters.set(fSi, encodeAddress(row, col));
          }
          if (want) {
            mode = 'f';
            f ??= '';
          }
          return;
        case 'v':
          if (want) mode = 'v';
          return;
        case 'r':
          if (want && inCell) {
            inRun = true;
            runs ??= [];
            runText = '';
          }
          return;
        case 'rPh':
          inPhonetic = true;
          return;
        case 't':
          if (want && inCell && !inPhonetic) mode = 't';
          return;
        case 'mergeCell': {
          const m = decodeRange(a.get('ref') ?? '');
          if (!m) return;
          if (sheet.merges.length >= c.maxMerges)
            throw tooLarge(`Trang ${name} có hơn ${vi(c.maxMerges)} vùng ô gộp, vượt quá khả năng chứa của biểu mẫu.`, name);
          sheet.merges.push(m);
          return;
        }
        default:
          return;
      }
    },
    wantsText: () => mode !== null,
    text(s) {
      if (mode === null) return;
      if (mode === 'f') f += s;
      else if (mode === 't' && inRun) runText += s;
      else v = (v ?? '') + s;
    },
    close(tag) {
      switch (tag) {
        case 'f':
        case 'v':
          mode = null;
          return;
        case 't':
          mode = null;
          return;
        case 'rPh':
          inPhonetic = false;
          return;
        case 'r':
          if (inRun) {
            runs!.push({ text: runText });
            v = (v ?? '') + runText;
            inRun = false;
          }
          return;
        case 'c': {
          inCell = false;
          if (!want) return;
          let value: Stored = null;
          if (f !== undefined || fShared) {
            let result: ExcelJS.CellValue | undefined;
            if (v) {
              if (t === 'str') result = v;
              else if (t === 'b') result = parseInt(v, 10) !== 0;
              else if (t === 'e') result = { error: v } as ExcelJS.CellErrorValue;
              else result = number(v);
            }
            const formula: Record<string, unknown> = fShared && !fMaster ? { sharedFormula: masters.get(fSi) } : { formula: f ?? '' };
            if (result !== undefined) formula['result'] = result;
            value = formula as unknown as ExcelJS.CellValue;
          } else if (v !== undefined) {
            switch (t) {
              case 's': {
                const i = parseInt(v, 10);
                sharedUsed.add(i);
                value = new SharedRef(i);
                break;
              }
              case 'str':
                value = v;
                break;
              case 'inlineStr':
                value = runs ? ({ richText: runs } as ExcelJS.CellRichTextValue) : v;
                break;
              case 'b':
                value = parseInt(v, 10) !== 0;
                break;
              case 'e':
                value = { error: v } as ExcelJS.CellErrorValue;
                break;
              case 'd': {
                const d = new Date(v);
                value = Number.isNaN(d.getTime()) ? v : d;
                break;
              }
              default:
                value = number(v);
            }
          }
          if (value !== null) sheet.cells.set(key(row, col), value);
          return;
        }
        default:
          return;
      }
    },
  });
  return sheet;
}

/** Shared strings: only the entries the wanted cells use are built (plain text, or rich-text runs). */
function readSharedStrings(bytes: Buffer | undefined, used: Set<number>, c: XlsxCeilings): Map<number, string | ExcelJS.CellRichTextValue> {
  const out = new Map<number, string | ExcelJS.CellRichTextValue>();
  if (!bytes) return out;
  let index = -1;
  let want = false;
  let inT = false;
  let inRun = false;
  let inPhonetic = false;
  let text = '';
  let runText = '';
  let runs: { text: string }[] | null = null;
  streamXml(bytes, {
    open(tag, a) {
      if (tag === 'sst') {
        const declared = Number(a.get('uniqueCount') ?? a.get('count') ?? 0);
        if (declared > c.maxSharedStrings)
          throw tooLarge(`Bảng chuỗi của tệp khai báo ${vi(declared)} chuỗi (tối đa ${vi(c.maxSharedStrings)}), vượt quá khả năng chứa của biểu mẫu.`);
      } else if (tag === 'si') {
        if (++index >= c.maxSharedStrings) throw tooLarge(`Bảng chuỗi của tệp có hơn ${vi(c.maxSharedStrings)} chuỗi, vượt quá khả năng chứa của biểu mẫu.`);
        want = used.has(index);
        text = '';
        runs = null;
      } else if (!want) return;
      else if (tag === 'rPh') inPhonetic = true;
      else if (tag === 'r') {
        inRun = true;
        runs ??= [];
        runText = '';
      } else if (tag === 't' && !inPhonetic) inT = true;
    },
    wantsText: () => inT,
    text(s) {
      if (!inT) return;
      if (inRun) runText += s;
      else text += s;
    },
    close(tag) {
      if (!want) return;
      if (tag === 't') inT = false;
      else if (tag === 'rPh') inPhonetic = false;
      else if (tag === 'r') {
        runs!.push({ text: runText });
        inRun = false;
      } else if (tag === 'si') out.set(index, runs ? { richText: runs } : text);
    },
  });
  return out;
}

/**
 * Reads the package. `wanted` gets the sheets and defined names and returns the cells to keep; every
 * cell of every worksheet is still counted and its position checked against the limits.
 */
export function readXlsx(
  buf: Buffer,
  limits: XlsxReadLimits,
  wanted: (names: DefinedName[], sheets: string[]) => WantedCells,
  c: XlsxCeilings = XLSX_CEILINGS,
): XlsxRead {
  const partTooLarge = (name: string, size: number) =>
    tooLarge(
      `Phần ${name} của tệp giải nén ra ${(size / 1048576).toFixed(1)} MB (tối đa ${Math.round(c.maxXmlPartBytes / 1048576)} MB), vượt quá khả năng chứa của biểu mẫu.`,
    ).finding;
  // The parts of a spreadsheet are checked from the directory, before anything is inflated.
  const SPREADSHEET_PART = /^xl\/(workbook|sharedStrings|styles|worksheets\/[^/]+)\.xml$/;
  const zip = openZip(
    buf,
    limits,
    (n) => /\.(xml|rels)$/i.test(n),
    (entries) => {
      for (const e of entries.values()) if (SPREADSHEET_PART.test(e.name) && e.size > c.maxXmlPartBytes) return partTooLarge(e.name, e.size);
      return null;
    },
  );
  if (!zip.ok) return zip;
  try {
    const part = (name: string | undefined): Buffer | undefined => {
      if (!name) return undefined;
      const entry = zip.entries.get(name);
      if (!entry) return undefined;
      if (entry.size > c.maxXmlPartBytes) throw new Refusal(partTooLarge(name, entry.size));
      return zip.parts.get(name);
    };
    const rootRels = readRels(part('_rels/.rels'));
    const officeDoc = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'));
    const wbPath = officeDoc ? resolveTarget('', officeDoc.target) : 'xl/workbook.xml';
    const wbBytes = part(wbPath);
    if (!wbBytes) return { ok: true, book: new StreamedBook(new Map(), [], []), date1904: false };
    const wb = readWorkbookPart(wbBytes, c);
    const relsPath = path.join(path.dirname(wbPath), '_rels', `${path.basename(wbPath)}.rels`);
    const rels = readRels(part(relsPath));
    const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix));
    const target = (r: { target: string } | undefined) => (r ? resolveTarget(wbPath, r.target) : undefined);
    // A loop, not map then filter: the array map made in optimised code had another map than filter had seen,
    // and V8 dropped its compiled readXlsx (--trace-deopt).
    const sheetParts: { name: string; file: string }[] = [];
    for (const s of wb.sheets) {
      const file = target(rels.get(s.rid));
      if (file && zip.entries.has(file) && /\/worksheet$/.test(rels.get(wb.sheets.find((x) => x.name === s.name)!.rid)!.type))
        sheetParts.push({ name: s.name, file });
    }
    const want = wanted(
      wb.names,
      sheetParts.map((s) => s.name),
    );
    const dateStyles = readDateStyles(part(target(byType('/styles'))), c);
    const sharedUsed = new Set<number>();
    const cellCount = { n: 0 };
    const sheets = new Map<string, SheetData>();
    for (const s of sheetParts) {
      const bytes = part(s.file);
      if (!bytes) continue;
      const rects = want.get(s.name) ?? [];
      const single = (r: Rect) => r.top === r.bottom && r.left === r.right;
      const wanted = { cells: new Set(rects.filter(single).map((r) => key(r.top, r.left))), rects: rects.filter((r) => !single(r)) };
      sheets.set(s.name, readSheet(s.name, bytes, { limits, c, wanted, dateStyles, date1904: wb.date1904, sharedUsed, cellCount }));
    }
    if (sharedUsed.size) {
      const strings = readSharedStrings(part(target(byType('/sharedStrings'))), sharedUsed, c);
      for (const sheet of sheets.values()) {
        for (const [k, v] of sheet.cells) {
          if (v instanceof SharedRef) {
            const s = strings.get(v.index);
            if (s === undefined) sheet.cells.delete(k);
            else sheet.cells.set(k, s);
          }
        }
      }
    }
    return { ok: true, book: new StreamedBook(sheets, [...sheets.keys()], wb.names), date1904: wb.date1904 };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, findings: [e.finding] };
    throw e;
  }
}
