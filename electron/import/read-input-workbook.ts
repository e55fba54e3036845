// Reads a filled input workbook back, by defined names only, through a list of small named checks.
// Pure with respect to the database: the caller passes what it needs to know (units, years, dates).
// The workbook is read by the streaming reader of ./xlsx (only the named cells, within ceilings);
// the checks work on an InputBook, so exceljs can be plugged in as the reference (tests compare both).
import { collectsOwnSubmissions, parsePeriod, periodSeason, yearPeriod, type ReportPeriod } from '../../shared/periods.ts';
import type { TableSheet, TemplateDefinition } from '../../shared/template-schema.ts';
import { documentTableForKind, indicatorsForKind, narrativeCodesForKind, type Indicator } from '../../shared/template.ts';
import { documentKey, looseKey, nfc, sentenceCase } from '../../shared/text.ts';
import { listItemOf } from '../../shared/values/check-value.ts';
import { toUnicodeText } from '../../shared/legacy-text.ts';
import type { DocumentRecord, ImportFinding } from '../../shared/types.ts';
import { cellLabel, readDateCell, readNumericCell, readTextCell, type CellRef } from './cell-values.ts';
import { encodeAddress, MAX_ROW, parseSheetRef, type Rect } from './xlsx/address.ts';
import type { DefinedName, InputBook, InputCell, WantedCells } from './xlsx/book.ts';
import { readXlsx } from './xlsx/reader.ts';
import { checkDefinedNames } from './name-checks.ts';
import { inputNameLayout, META_SHEET, signatureRows, valueName } from '../workbook/input-layout.ts';

/** What import needs to know, as plain data (it crosses to the parsing threads). */
export interface ImportLookupData {
  template: TemplateDefinition;
  /** Units that report (their kind has sheets). */
  units: { code: string; name: string; kind: string }[];
  years: number[];
  documentsFrom: string;
  today: string;
}

export function makeLookup(data: ImportLookupData): ImportLookup {
  const units = new Map(data.units.map((u) => [u.code, u]));
  const years = new Set(data.years);
  return {
    template: data.template,
    findUnit: (code) => units.get(code),
    hasYear: (y) => years.has(y),
    documentsFrom: data.documentsFrom,
    today: data.today,
    data,
  };
}

export interface ImportLookup {
  /** The plain data this lookup was made from, when it was (lets parsing move to worker threads). */
  data?: ImportLookupData;
  template: TemplateDefinition;
  findUnit(code: string): { code: string; name: string; kind: string } | undefined;
  hasYear(year: number): boolean;
  documentsFrom: string; // ISO
  today: string; // ISO
}

export interface ValueRecord {
  code: string;
  value: number | null;
  raw: string | null;
  cell: string;
  formula: string | null;
}

export interface DocumentRow extends DocumentRecord {
  rowNo: number;
  cell: string;
}

export interface ParsedSubmission {
  unit: { code: string; name: string; kind: string };
  year: number;
  /** The period the workbook was made for (_meta "period"; a workbook without it is the year's). */
  period: ReportPeriod;
  templateVersion: number;
  workbookId: string | null;
  values: ValueRecord[];
  documents: DocumentRow[];
  narratives: { code: string; text: string; cell: string }[];
  findings: ImportFinding[]; // warnings and info only
}

export type ReadResult = { ok: true; submission: ParsedSubmission } | { ok: false; findings: ImportFinding[]; unit?: string; year?: number };

const MAX_TEXT = 32767;

/** Keys of _meta that identify the workbook: each must be on exactly one row. */
const META_IDENTITY = ['template_id', 'template_version', 'unit_code', 'unit_name', 'year', 'period'];

function definedNameMap(book: InputBook): Map<string, string> {
  const map = new Map<string, string>();
  for (const dn of book.definedNames()) if (!map.has(dn.name)) map.set(dn.name, dn.ref);
  return map;
}

interface Meta extends Map<string, string> {
  rows?: Map<string, number[]>;
}

/** _meta's key/value rows (every row of the sheet: a second, hidden unit_code row must be seen). */
function readMeta(book: InputBook): Meta | null {
  if (!book.hasSheet(META_SHEET)) return null;
  const meta: Meta = new Map<string, string>();
  const rows = new Map<string, number[]>();
  for (let r = 1; r <= book.size(META_SHEET).rows; r++) {
    const k = readTextCell(book.cell(META_SHEET, r, 1).value).text?.trim();
    if (!k) continue;
    const v = readTextCell(book.cell(META_SHEET, r, 2).value).text;
    if (!meta.has(k)) meta.set(k, (v ?? '').trim());
    rows.set(k, [...(rows.get(k) ?? []), r]);
  }
  meta.rows = rows;
  return meta;
}

/** One row per identity key: with two unit_code rows nobody can tell which unit the file belongs to. */
function checkMetaRows(meta: Meta): ImportFinding[] {
  const findings: ImportFinding[] = [];
  for (const k of META_IDENTITY) {
    const rows = meta.rows?.get(k) ?? [];
    if (rows.length > 1) {
      findings.push({
        code: 'meta_duplicate',
        severity: 'error',
        sheet: META_SHEET,
        cell: `A${rows[1]}`,
        message: `Trang ẩn ${META_SHEET} có ${rows.length} dòng "${k}" (dòng ${rows.join(', ')}), nên không xác định được tệp thuộc về ai; tệp đã bị sửa. Hãy dùng lại biểu mẫu gốc do phần mềm tạo.`,
      });
    }
  }
  return findings;
}

/** _meta's unit name against the unit list: the code decides; a different name is said (both names). */
function checkUnitName(meta: Meta, unit: { code: string; name: string }): ImportFinding[] {
  const name = meta.get('unit_name');
  if (!name || looseKey(name) === looseKey(unit.name)) return [];
  return [
    {
      code: 'unit_name_mismatch',
      severity: 'warning',
      sheet: META_SHEET,
      message: `Tệp ghi tên đơn vị "${name}", danh sách đơn vị ghi "${unit.name}" (cùng mã ${unit.code}); tệp được nhận cho ${unit.name} theo mã đơn vị. Nếu tệp không phải của ${unit.name}, hãy xóa phiên bản này và yêu cầu đơn vị gửi lại.`,
    },
  ];
}

/** What the template gives a unit kind, built once per template and kind (each file of the kind reads the same). */
function perKind<T>(
  cache: WeakMap<TemplateDefinition, Map<string, T>>,
  t: TemplateDefinition,
  kind: string,
  build: (t: TemplateDefinition, kind: string) => T,
): T {
  let byKind = cache.get(t);
  if (!byKind) cache.set(t, (byKind = new Map()));
  if (!byKind.has(kind)) byKind.set(kind, build(t, kind));
  return byKind.get(kind)!;
}
const kindIndicatorCache = new WeakMap<TemplateDefinition, Map<string, Indicator[]>>();
const kindIndicators = (t: TemplateDefinition, kind: string) => perKind(kindIndicatorCache, t, kind, indicatorsForKind);
const kindNarrativeCache = new WeakMap<TemplateDefinition, Map<string, string[]>>();
const kindNarratives = (t: TemplateDefinition, kind: string) => perKind(kindNarrativeCache, t, kind, narrativeCodesForKind);
const kindTableCache = new WeakMap<TemplateDefinition, Map<string, ReturnType<typeof documentTableForKind>>>();
const kindTable = (t: TemplateDefinition, kind: string) => perKind(kindTableCache, t, kind, documentTableForKind);

/** Every name the template can give a cell (any unit kind): the only names whose cells are read. */
const templateNameCache = new WeakMap<TemplateDefinition, Set<string>>();
function templateNames(t: TemplateDefinition): Set<string> {
  const cached = templateNameCache.get(t);
  if (cached) return cached;
  const names = new Set<string>();
  templateNameCache.set(t, names);
  for (const kind of t.unitKinds) {
    for (const ind of kindIndicators(t, kind.code)) names.add(valueName(ind.code));
    for (const code of narrativeCodesForKind(t, kind.code)) names.add(code);
    const table = documentTableForKind(t, kind.code);
    if (table && table.kind === 'table') names.add(table.rangeName);
  }
  return names;
}

/** The cells import reads: the template's named cells, its ranges down to the sheet's end (rows typed below), _meta's keys and values. */
export function wantedCells(t: TemplateDefinition, names: DefinedName[]): WantedCells {
  const known = templateNames(t);
  const out: WantedCells = new Map([[META_SHEET, [{ top: 1, left: 1, bottom: MAX_ROW, right: 2 }]]]);
  for (const n of names) {
    if (!known.has(n.name)) continue;
    const ref = parseSheetRef(n.ref);
    if (!ref) continue;
    // Written out as a literal (not a spread): every rectangle has one shape, which keeps the per-cell test fast.
    const rect: Rect =
      ref.rect.top === ref.rect.bottom && ref.rect.left === ref.rect.right
        ? ref.rect
        : { top: ref.rect.top, left: ref.rect.left, bottom: MAX_ROW, right: ref.rect.right };
    const list = out.get(ref.sheet) ?? [];
    list.push(rect);
    out.set(ref.sheet, list);
  }
  return out;
}

// ---- the named checks; each returns findings (errors refuse the file) --------------------------------

function checkDimensions(book: InputBook, t: TemplateDefinition): ImportFinding[] {
  for (const name of book.sheetNames()) {
    const { rows, cols } = book.size(name);
    if (rows > t.limits.maxRowsPerSheet || cols > t.limits.maxColumnsPerSheet) {
      return [
        {
          code: 'too_large',
          severity: 'error',
          sheet: name,
          message: `Trang ${name} có ${rows} dòng × ${cols} cột, vượt quá khả năng chứa của biểu mẫu (tối đa ${t.limits.maxRowsPerSheet} dòng, ${t.limits.maxColumnsPerSheet} cột).`,
        },
      ];
    }
  }
  return [];
}

function checkTemplateIdentity(meta: Map<string, string> | null, t: TemplateDefinition): ImportFinding[] {
  if (!meta || meta.get('template_id') !== t.id) {
    return [
      {
        code: 'not_template',
        severity: 'error',
        sheet: META_SHEET,
        message: 'Tệp này không phải biểu mẫu của Báo cáo 121 (không có thông tin nhận dạng biểu mẫu). Hãy dùng biểu mẫu do phần mềm tạo.',
      },
    ];
  }
  const version = Number(meta.get('template_version'));
  if (!Number.isInteger(version) || version < 1 || version > t.version) {
    return [
      {
        code: 'template_version',
        severity: 'error',
        sheet: META_SHEET,
        message: `Biểu mẫu phiên bản ${meta.get('template_version') || '(không rõ)'} do phiên bản phần mềm mới hơn tạo; phiên bản này chỉ đọc được đến phiên bản ${t.version}. Hãy cập nhật phần mềm.`,
      },
    ];
  }
  return [];
}

function checkUnitAndYear(meta: Map<string, string>, lookup: ImportLookup): ImportFinding[] {
  const findings: ImportFinding[] = [];
  const code = meta.get('unit_code') ?? '';
  if (!lookup.findUnit(code)) {
    findings.push({ code: 'unknown_unit', severity: 'error', sheet: META_SHEET, message: `Mã đơn vị "${code}" không có trong danh sách đơn vị báo cáo.` });
  }
  const year = Number(meta.get('year'));
  if (!Number.isInteger(year) || !lookup.hasYear(year)) {
    findings.push({
      code: 'wrong_year',
      severity: 'error',
      sheet: META_SHEET,
      message: `Năm báo cáo "${meta.get('year') ?? ''}" không thuộc các năm của cơ sở dữ liệu.`,
    });
  } else if (!metaPeriod(meta, year)) {
    findings.push({
      code: 'wrong_period',
      severity: 'error',
      sheet: META_SHEET,
      message: `Kỳ báo cáo "${meta.get('period') ?? ''}" ghi trong tệp không phải năm ${year} hay sáu tháng của năm ${year}; tệp đã bị sửa. Hãy dùng lại biểu mẫu gốc do phần mềm tạo.`,
    });
  }
  return findings;
}

/** The workbook's period: _meta "period" (a year or a half-year of `year`); a workbook made before periods is the year's. */
function metaPeriod(meta: Map<string, string>, year: number): ReportPeriod | null {
  const key = meta.get('period');
  if (key === undefined || key === '') return yearPeriod(year);
  const parsed = parsePeriod(key);
  return parsed.ok && collectsOwnSubmissions(parsed.period) && periodSeason(parsed.period) === year ? parsed.period : null;
}

interface NamedRef extends CellRef {
  rect: Rect;
}

function resolveName(book: InputBook, names: Map<string, string>, name: string, findings: ImportFinding[]): NamedRef | null {
  const ref = names.get(name);
  const parsed = ref ? parseSheetRef(ref) : null;
  if (!parsed || !book.hasSheet(parsed.sheet)) {
    findings.push({
      code: 'missing_name',
      severity: 'error',
      message: `Không tìm thấy ô "${name}" của biểu mẫu (trang tính đã bị sửa cấu trúc, xóa hoặc đổi tên). Hãy dùng lại biểu mẫu gốc.`,
    });
    return null;
  }
  return { sheet: parsed.sheet, address: encodeAddress(parsed.rect.top, parsed.rect.left), rect: parsed.rect };
}

function unicodeText(text: string, ref: CellRef, findings: ImportFinding[]): string {
  const converted = toUnicodeText(text);
  if (converted.encoding) {
    findings.push({
      code: 'legacy_encoding',
      severity: 'warning',
      sheet: ref.sheet,
      cell: ref.address,
      message: `${cellLabel(ref)}: văn bản gõ bằng bảng mã ${converted.encoding === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI'}, đã chuyển sang Unicode.`,
    });
  }
  let out = nfc(converted.text);
  if (out.length > MAX_TEXT) {
    findings.push({
      code: 'text_too_long',
      severity: 'warning',
      sheet: ref.sheet,
      cell: ref.address,
      message: `${cellLabel(ref)}: nội dung dài hơn ${MAX_TEXT} ký tự, phần thừa bị cắt.`,
    });
    out = out.slice(0, MAX_TEXT);
  }
  return out;
}

/** A named input cell, or null (with a warning) when the unit merged it into another cell: it is blank. */
function inputCell(book: InputBook, ref: NamedRef, label: string, findings: ImportFinding[]): InputCell | null {
  const cell = book.cell(ref.sheet, ref.rect.top, ref.rect.left);
  if (!cell.master) return cell;
  findings.push({
    code: 'merged_input',
    severity: 'warning',
    sheet: ref.sheet,
    cell: ref.address,
    message: `${cellLabel(ref)} (${label}): ô đã bị gộp vào ô ${cell.master}; coi là để trống (chưa có số liệu).`,
  });
  return null;
}

function readValues(book: InputBook, names: Map<string, string>, lookup: ImportLookup, kind: string, findings: ImportFinding[]): ValueRecord[] {
  const values: ValueRecord[] = [];
  for (const ind of kindIndicators(lookup.template, kind)) {
    const ref = resolveName(book, names, valueName(ind.code), findings);
    if (!ref) continue;
    const cell = inputCell(book, ref, ind.label, findings);
    const reading = cell ? readNumericCell(cell.value, ref, ind, ind.label) : { value: null, raw: null, formula: null, findings: [] };
    findings.push(...reading.findings);
    values.push({ code: ind.code, value: reading.value, raw: reading.raw, cell: cellLabel(ref), formula: reading.formula });
  }
  return values;
}

function readNarratives(book: InputBook, names: Map<string, string>, lookup: ImportLookup, kind: string, findings: ImportFinding[]) {
  const out: ParsedSubmission['narratives'] = [];
  for (const code of kindNarratives(lookup.template, kind)) {
    const ref = resolveName(book, names, code, findings);
    if (!ref) continue;
    const cell = inputCell(book, ref, code, findings);
    const { text } = cell ? readTextCell(cell.value) : { text: null };
    if (text !== null) out.push({ code, text: unicodeText(text, ref, findings), cell: cellLabel(ref) });
  }
  return out;
}

function canonicalListValue(lookup: ImportLookup, list: string | undefined, text: string): string | null {
  if (!list) return null;
  return listItemOf(lookup.template.lists[list] ?? [], text)?.code ?? null;
}

// The table as people call it, once per table: sentenceCase's locale-aware case change cost ~20 ms profiled over the
// season's 194 files.
const tableNames = new WeakMap<TableSheet, string>();
function tableNameOf(table: TableSheet): string {
  let name = tableNames.get(table);
  if (name === undefined) tableNames.set(table, (name = sentenceCase(table.title.split(' — ')[0]!.trim())));
  return name;
}

function readDocuments(book: InputBook, names: Map<string, string>, lookup: ImportLookup, table: TableSheet, findings: ImportFinding[]): DocumentRow[] {
  const ref = resolveName(book, names, table.rangeName, findings);
  if (!ref) return [];
  const firstCol = ref.rect.left;
  // The table as people call it: its title before the dash ("PHỤ LỤC 02 — DANH MỤC…" → "Phụ lục 02").
  const tableName = tableNameOf(table);
  const docs: DocumentRow[] = [];
  const seen = new Map<string, number>();
  // Only the rows holding something are read (a blank row is skipped either way; most of the 300 are blank).
  const body = { top: ref.rect.top + 1, left: firstCol, bottom: ref.rect.bottom, right: firstCol + table.columns.length - 1 };
  for (const r of book.rowsWithData(ref.sheet, body)) {
    const fields: Record<string, string | null> = {};
    const rowFindings: ImportFinding[] = [];
    let any = false;
    table.columns.forEach((col, j) => {
      const cell = { address: encodeAddress(r, firstCol + j), ...book.cell(ref.sheet, r, firstCol + j) };
      const cref: CellRef = { sheet: ref.sheet, address: cell.address };
      if (col.type === 'date') {
        const { iso, raw } = readDateCell(cell.value);
        if (iso || raw) any = true;
        if (raw && !iso)
          rowFindings.push({
            code: 'doc_date',
            severity: 'error',
            sheet: ref.sheet,
            cell: cell.address,
            message: `${cellLabel(cref)}: không đọc được ${col.label.toLowerCase()} "${raw}" (ghi theo dạng dd/mm/yyyy).`,
          });
        fields[col.code] = iso;
        return;
      }
      const { text } = readTextCell(cell.value);
      if (text === null) {
        fields[col.code] = null;
        return;
      }
      any = true;
      let value = unicodeText(text.trim(), cref, rowFindings);
      if (col.type === 'list') {
        const canonical = canonicalListValue(lookup, col.list, value);
        if (!canonical)
          rowFindings.push({
            code: 'doc_list_value',
            severity: 'error',
            sheet: ref.sheet,
            cell: cell.address,
            message: `${cellLabel(cref)}: "${value}" không có trong danh mục ${col.label.toLowerCase()}.`,
          });
        else value = canonical;
      }
      fields[col.code] = value;
    });
    if (!any) continue;
    const at = `${ref.sheet}!A${r}`;
    const missing = table.columns.filter((c) => c.required && !fields[c.code] && !(c.type === 'date' && rowFindings.some((f) => f.code === 'doc_date')));
    if (missing.length) {
      rowFindings.push({
        code: 'doc_incomplete',
        severity: 'error',
        sheet: ref.sheet,
        cell: `A${r}`,
        message: `${tableName}, dòng ${r}: thiếu ${missing.map((c) => c.label.toLowerCase()).join(', ')}.`,
      });
    }
    // Every date of a row lies in the documents' window (from the first day documents count to the import).
    table.columns.forEach((col, j) => {
      const day = col.type === 'date' ? fields[col.code] : null;
      if (day && (day < lookup.documentsFrom || day > lookup.today)) {
        rowFindings.push({
          code: 'doc_date',
          severity: 'error',
          sheet: ref.sheet,
          cell: encodeAddress(r, firstCol + j),
          message: `${tableName}, dòng ${r}: ${col.label.toLowerCase()} ${day.split('-').reverse().join('/')} nằm ngoài khoảng từ ${lookup.documentsFrom.split('-').reverse().join('/')} đến ngày nhập (${lookup.today.split('-').reverse().join('/')}).`,
        });
      }
    });
    findings.push(...rowFindings);
    if (rowFindings.some((f) => f.severity === 'error')) continue;
    const key = documentKey(fields, table.duplicateKey);
    const firstRow = seen.get(key);
    if (firstRow !== undefined) {
      findings.push({
        code: 'doc_duplicate',
        severity: 'warning',
        sheet: ref.sheet,
        cell: `A${r}`,
        message: `${tableName}, dòng ${r}: văn bản ${fields[table.duplicateKey[0]!] ?? ''} trùng với dòng ${firstRow}; chỉ lấy một lần.`,
      });
      continue;
    }
    seen.set(key, r);
    docs.push({
      rowNo: r,
      cell: at,
      cap: fields['cap']!,
      loai: fields['loai']!,
      so_ky_hieu: fields['so_ky_hieu']!,
      ngay: fields['ngay']!,
      co_quan: fields['co_quan'] ?? null,
      trich_yeu: fields['trich_yeu']!,
      ghi_chu: fields['ghi_chu'] ?? null,
      ...(fields['han'] ? { han: fields['han'] } : {}),
    });
  }
  // Rows typed below the range are never dropped without a word.
  // The form's signature block (the unit signs there) is not a document row.
  const signature = signatureRows(ref.rect.bottom);
  const below = book
    .rowsWithData(ref.sheet, { top: ref.rect.bottom + 1, left: ref.rect.left, bottom: MAX_ROW, right: ref.rect.right })
    .filter((r) => r < signature.top || r > signature.bottom);
  if (below.length) {
    const shown = below.length > 10 ? `${below.slice(0, 10).join(', ')}… (${below.length} dòng)` : below.join(', ');
    findings.push({
      code: 'doc_below_range',
      severity: 'error',
      sheet: ref.sheet,
      cell: `A${below[0]}`,
      message: `Trang ${ref.sheet}: có nội dung ở dòng ${shown}, nằm dưới bảng nhập văn bản (dòng ${ref.rect.top + 1}–${ref.rect.bottom}), nên không được đọc. Hãy chuyển các văn bản đó lên các dòng trống trong bảng (hoặc xóa nếu không cần) rồi gửi lại.`,
    });
  }
  return docs;
}

/** Reads an input workbook (the bytes of a .xlsx) with the streaming reader. */
export async function readInputWorkbook(buf: Buffer, lookup: ImportLookup): Promise<ReadResult> {
  const t = lookup.template;
  const read = readXlsx(buf, t.limits, (names) => wantedCells(t, names));
  if (!read.ok) return { ok: false, findings: read.findings };
  return readInputBook(read.book, lookup);
}

/** The checks of import on a parsed workbook, whichever reader parsed it. */
export async function readInputBook(book: InputBook, lookup: ImportLookup): Promise<ReadResult> {
  const t = lookup.template;
  const dims = checkDimensions(book, t);
  if (dims.length) return { ok: false, findings: dims };
  const meta = readMeta(book);
  const identity = checkTemplateIdentity(meta, t);
  if (identity.length || !meta) return { ok: false, findings: identity };
  const metaRows = checkMetaRows(meta);
  if (metaRows.length) return { ok: false, findings: metaRows };
  const unitCheck = checkUnitAndYear(meta, lookup);
  const unitCode = meta.get('unit_code');
  const year = Number(meta.get('year'));
  if (unitCheck.length) return { ok: false, findings: unitCheck, unit: unitCode, year: Number.isInteger(year) ? year : undefined };
  const unit = lookup.findUnit(unitCode!)!;
  const misplaced = checkDefinedNames(book.definedNames(), inputNameLayout(t, unit.kind), (name) => book.hasSheet(name));
  if (misplaced.length) return { ok: false, findings: misplaced, unit: unit.code, year };

  const findings: ImportFinding[] = checkUnitName(meta, unit);
  const names = definedNameMap(book);
  const values = readValues(book, names, lookup, unit.kind, findings);
  const narratives = readNarratives(book, names, lookup, unit.kind, findings);
  const table = kindTable(t, unit.kind);
  const documents = table && table.kind === 'table' ? readDocuments(book, names, lookup, table, findings) : [];

  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length) return { ok: false, findings: errors, unit: unit.code, year };
  return {
    ok: true,
    submission: {
      unit,
      year,
      period: metaPeriod(meta, year)!,
      templateVersion: Number(meta.get('template_version')),
      workbookId: meta.get('workbook_id') || null,
      values,
      documents,
      narratives,
      findings,
    },
  };
}
