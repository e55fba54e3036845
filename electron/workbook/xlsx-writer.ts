// The app's own SpreadsheetML writer: a Workbook of sheet-model.ts serialized into the parts of an
// .xlsx package (docs/measured.md: exceljs's cell API and XML writing were most of an annex's time,
// and loading exceljs alone 170–400 ms). Texts go to the shared strings table, NFC and stripped of the
// characters XML 1.0 forbids; styles are interned once; dates are serials with their date format; a
// formula carries its cached result. The package is zipped by zip-writer.ts and written atomically.
import { writeFileAtomic } from '../files/atomic-write.ts';
import { DEFAULT_FONT_SIZE } from './document-properties.ts';
import type { Cell, CellStyle, FontStyle, Sheet, Workbook } from './sheet-model.ts';
import { columnLetter, FONT_NAME } from './styles.ts';
import { zipEntries } from './zip-writer.ts';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const MS_PER_DAY = 86_400_000;
/** Days from Excel's day 0 (1899-12-30 in the 1900 date system) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;
/** The last column of a sheet, as Excel writes it on a row break. */
const MAX_COL_INDEX = 16383;
/** Number formats Excel knows by id; any other is declared in styles.xml from id 164. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10 };
const FIRST_CUSTOM_FORMAT = 164;

// Characters XML 1.0 forbids (C0 controls but tab, newline and return; lone surrogates; U+FFFE/U+FFFF).
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL = /[&<>"]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text as XML character data or an attribute value: NFC, forbidden characters dropped, markup escaped. */
function xmlText(text: string): string {
  return text
    .normalize('NFC')
    .replace(FORBIDDEN, '')
    .replace(SPECIAL, (c) => ENTITIES[c]!);
}

/** A date as the serial number Excel stores (days since 1899-12-30, UTC). */
function dateSerial(d: Date): number {
  return UNIX_EPOCH_SERIAL + d.getTime() / MS_PER_DAY;
}

function cellRef(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

function rangeRef(r: { top: number; left: number; bottom: number; right: number }): string {
  return `${cellRef(r.top, r.left)}:${cellRef(r.bottom, r.right)}`;
}

/** The workbook's shared strings: each distinct text once, in order of first use. */
class SharedStrings {
  private readonly ids = new Map<string, number>();
  readonly items: string[] = [];
  count = 0;

  id(text: string): number {
    this.count++;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.items.length;
      this.items.push(text);
      this.ids.set(text, id);
    }
    return id;
  }

  xml(): string {
    const out = [XML_HEAD, `<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.items.length}">`];
    for (const t of this.items) {
      const text = xmlText(t);
      out.push(/^\s|\s$/.test(text) ? `<si><t xml:space="preserve">${text}</t></si>` : `<si><t>${text}</t></si>`);
    }
    out.push('</sst>');
    return out.join('');
  }
}

function fontXml(f: FontStyle): string {
  const color = f.color ? `<color rgb="${xmlText(f.color)}"/>` : '';
  return `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}<sz val="${f.size}"/>${color}<name val="${xmlText(f.name)}"/></font>`;
}

const VERTICAL: Record<NonNullable<CellStyle['vertical']>, string> = { top: 'top', middle: 'center', bottom: 'bottom' };

function alignmentXml(s: CellStyle): string {
  if (!s.horizontal && !s.vertical && !s.wrapText && !s.indent) return '';
  const attrs = [
    s.horizontal ? ` horizontal="${s.horizontal}"` : '',
    s.vertical ? ` vertical="${VERTICAL[s.vertical]}"` : '',
    s.wrapText ? ' wrapText="1"' : '',
    s.indent ? ` indent="${s.indent}"` : '',
  ];
  return `<alignment${attrs.join('')}/>`;
}

/** styles.xml: Times New Roman 11 as font 0 (the Normal style), then each distinct font, format and cell style once. */
function stylesXml(styles: readonly CellStyle[]): string {
  const fonts = [`<font><sz val="${DEFAULT_FONT_SIZE}"/><name val="${FONT_NAME}"/><family val="1"/><charset val="163"/></font>`];
  const fontIds = new Map<string, number>();
  const formats: string[] = [];
  const formatIds = new Map<string, number>();
  const xfs: string[] = [];
  for (const s of styles) {
    let fontId = 0;
    if (s.font) {
      const xml = fontXml(s.font);
      fontId = fontIds.get(xml) ?? fonts.push(xml) - 1;
      fontIds.set(xml, fontId);
    }
    let numFmtId = 0;
    if (s.numFmt) {
      numFmtId = BUILTIN_FORMATS[s.numFmt] ?? formatIds.get(s.numFmt) ?? FIRST_CUSTOM_FORMAT + formats.length;
      if (numFmtId >= FIRST_CUSTOM_FORMAT && !formatIds.has(s.numFmt)) {
        formatIds.set(s.numFmt, numFmtId);
        formats.push(`<numFmt numFmtId="${numFmtId}" formatCode="${xmlText(s.numFmt)}"/>`);
      }
    }
    const borderId = s.border ? 1 : 0;
    const alignment = alignmentXml(s);
    const apply = [
      numFmtId ? ' applyNumberFormat="1"' : '',
      fontId ? ' applyFont="1"' : '',
      borderId ? ' applyBorder="1"' : '',
      alignment ? ' applyAlignment="1"' : '',
    ].join('');
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="${borderId}" xfId="0"${apply}`;
    xfs.push(alignment ? `${head}>${alignment}</xf>` : `${head}/>`);
  }
  return [
    XML_HEAD,
    `<styleSheet xmlns="${MAIN_NS}">`,
    formats.length ? `<numFmts count="${formats.length}">${formats.join('')}</numFmts>` : '',
    `<fonts count="${fonts.length}">${fonts.join('')}</fonts>`,
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>',
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>',
    '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>',
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>`,
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
    '<dxfs count="0"/><tableStyles count="0"/>',
    '</styleSheet>',
  ].join('');
}

function cellXml(ref: string, cell: Cell, strings: SharedStrings): string {
  const s = cell.style ? ` s="${cell.style}"` : '';
  const v = cell.value;
  if (v === undefined) return `<c r="${ref}"${s}/>`;
  if (typeof v === 'string') return `<c r="${ref}"${s} t="s"><v>${strings.id(v)}</v></c>`;
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : `<c r="${ref}"${s}/>`;
  if (v instanceof Date) return `<c r="${ref}"${s}><v>${dateSerial(v)}</v></c>`;
  return `<c r="${ref}"${s}><f>${xmlText(v.formula)}</f><v>${v.result}</v></c>`;
}

/** <cols>: neighbouring columns of one width in one element. */
function colsXml(widths: readonly (number | undefined)[]): string {
  const out: string[] = [];
  for (let c = 1; c < widths.length; c++) {
    const w = widths[c];
    if (w === undefined) continue;
    let last = c;
    while (widths[last + 1] === w) last++;
    out.push(`<col min="${c}" max="${last}" width="${w}" customWidth="1"/>`);
    c = last;
  }
  return out.length ? `<cols>${out.join('')}</cols>` : '';
}

function sheetXml(sheet: Sheet, strings: SharedStrings): string {
  const out: string[] = [XML_HEAD, `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`];
  const setup = sheet.pageSetup;
  if (setup?.fitTo) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  let lastRow = 0;
  let lastCol = 0;
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    lastRow = r;
    lastCol = Math.max(lastCol, row.cells.length - 1);
  });
  out.push(`<dimension ref="${lastRow && lastCol ? `A1:${cellRef(lastRow, lastCol)}` : 'A1'}"/>`);
  const grid = sheet.showGridLines ? '' : ' showGridLines="0"';
  if (sheet.frozenRows > 0) {
    const top = cellRef(sheet.frozenRows + 1, 1);
    out.push(
      `<sheetViews><sheetView${grid} workbookViewId="0"><pane ySplit="${sheet.frozenRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
        '<selection pane="bottomLeft"/></sheetView></sheetViews>',
    );
  } else out.push(`<sheetViews><sheetView${grid} workbookViewId="0"/></sheetViews>`);
  out.push('<sheetFormatPr defaultRowHeight="15"/>', colsXml(sheet.widths), '<sheetData>');
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    const ht = row.height === undefined ? '' : ` ht="${row.height}" customHeight="1"`;
    let cells = '';
    row.cells.forEach((cell, c) => {
      if (cell) cells += cellXml(cellRef(r, c), cell, strings);
    });
    out.push(cells ? `<row r="${r}"${ht}>${cells}</row>` : `<row r="${r}"${ht}/>`);
  });
  out.push('</sheetData>');
  if (sheet.autoFilter) out.push(`<autoFilter ref="${rangeRef(sheet.autoFilter)}"/>`);
  if (sheet.merges.length)
    out.push(`<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${rangeRef(m)}"/>`).join('')}</mergeCells>`);
  if (setup) {
    const m = setup.margins;
    if (setup.horizontalCentered) out.push('<printOptions horizontalCentered="1"/>');
    out.push(`<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`);
    const fit = setup.fitTo ? ` fitToWidth="${setup.fitTo.width}" fitToHeight="${setup.fitTo.height}"` : '';
    const scale = setup.scale === undefined ? '' : ` scale="${setup.scale}"`;
    out.push(`<pageSetup paperSize="${setup.paperSize}" orientation="${setup.orientation}"${scale}${fit}/>`);
  }
  if (sheet.oddHeader || sheet.oddFooter) {
    const header = sheet.oddHeader ? `<oddHeader>${xmlText(sheet.oddHeader)}</oddHeader>` : '';
    const footer = sheet.oddFooter ? `<oddFooter>${xmlText(sheet.oddFooter)}</oddFooter>` : '';
    out.push(`<headerFooter>${header}${footer}</headerFooter>`);
  }
  if (sheet.rowBreaks.length) {
    const breaks = [...new Set(sheet.rowBreaks)].sort((a, b) => a - b);
    out.push(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">`);
    for (const r of breaks) out.push(`<brk id="${r}" max="${MAX_COL_INDEX}" man="1"/>`);
    out.push('</rowBreaks>');
  }
  out.push('</worksheet>');
  return out.join('');
}

/** A sheet name as a formula writes it: always quoted, a quote doubled. */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function workbookXml(book: Workbook): string {
  const sheets = book.sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  const names: string[] = [];
  book.sheets.forEach((s, i) => {
    if (s.printTitleRows)
      names.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(`${quotedSheet(s.name)}!$${s.printTitleRows.from}:$${s.printTitleRows.to}`)}</definedName>`,
      );
  });
  return [
    XML_HEAD,
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    '<workbookPr/>',
    `<sheets>${sheets.join('')}</sheets>`,
    names.length ? `<definedNames>${names.join('')}</definedNames>` : '',
    '<calcPr calcId="171027"/>',
    '</workbook>',
  ].join('');
}

function relationships(rels: [type: string, target: string][], typeNs = `${REL_NS}/`): string {
  const items = rels.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type.startsWith('http') ? type : typeNs + type}" Target="${target}"/>`);
  return `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">${items.join('')}</Relationships>`;
}

function contentTypes(sheetCount: number): string {
  const sml = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const overrides = [
    ['/xl/workbook.xml', `${sml}.sheet.main+xml`],
    ...Array.from({ length: sheetCount }, (_, i) => [`/xl/worksheets/sheet${i + 1}.xml`, `${sml}.worksheet+xml`]),
    ['/xl/styles.xml', `${sml}.styles+xml`],
    ['/xl/sharedStrings.xml', `${sml}.sharedStrings+xml`],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
  ];
  return [
    XML_HEAD,
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    ...overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`),
    '</Types>',
  ].join('');
}

/** A time as W3CDTF without fractions (2026-12-01T08:36:22Z). */
function w3cdtf(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function coreXml(book: Workbook): string {
  const p = book.properties;
  const when = w3cdtf(book.created);
  return [
    XML_HEAD,
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:creator>${xmlText(p.author)}</dc:creator><dc:title>${xmlText(p.title)}</dc:title><dc:subject>${xmlText(p.subject)}</dc:subject>`,
    `<cp:lastModifiedBy>${xmlText(p.lastModifiedBy ?? p.author)}</cp:lastModifiedBy>`,
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

function appXml(book: Workbook): string {
  const n = book.sheets.length;
  return [
    XML_HEAD,
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">',
    '<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>',
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>`,
    `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">${book.sheets.map((s) => `<vt:lpstr>${xmlText(s.name)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>`,
    `<Company>${xmlText(book.properties.author)}</Company>`,
    '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion>',
    '</Properties>',
  ].join('');
}

/** The package's parts, in the order they are zipped. */
function xlsxParts(book: Workbook): [string, string][] {
  const strings = new SharedStrings();
  const sheets = book.sheets.map((s, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s, strings)]);
  const n = book.sheets.length;
  return [
    ['[Content_Types].xml', contentTypes(n)],
    [
      '_rels/.rels',
      relationships(
        [
          ['officeDocument', 'xl/workbook.xml'],
          ['http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
          ['extended-properties', 'docProps/app.xml'],
        ],
        `${REL_NS}/`,
      ),
    ],
    ['docProps/core.xml', coreXml(book)],
    ['docProps/app.xml', appXml(book)],
    ['xl/workbook.xml', workbookXml(book)],
    [
      'xl/_rels/workbook.xml.rels',
      relationships([
        ...book.sheets.map((_s, i): [string, string] => ['worksheet', `worksheets/sheet${i + 1}.xml`]),
        ['styles', 'styles.xml'],
        ['sharedStrings', 'sharedStrings.xml'],
      ]),
    ],
    ['xl/styles.xml', stylesXml(book.styles)],
    ['xl/sharedStrings.xml', strings.xml()],
    ...sheets,
  ];
}

/** The .xlsx package of `book`, deflated by zlib. */
export function xlsxPackage(book: Workbook): Buffer {
  return zipEntries(
    xlsxParts(book).map(([name, xml]) => [name, Buffer.from(xml, 'utf8')] as const),
    { level: 6 },
  );
}

/** Writes `book` to a temporary name beside `file`, then renames it over `file` (electron/files). */
export async function writeWorkbook(book: Workbook, file: string): Promise<void> {
  await writeFileAtomic(file, xlsxPackage(book));
}
