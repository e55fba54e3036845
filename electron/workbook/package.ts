// Every .xlsx exceljs writes (the input workbooks; the annexes have their own writer, xlsx-writer.ts)
// goes through here, so that Excel opens it cleanly: Vietnamese document
// properties, Times New Roman as the workbook's default style (what an official types under a table),
// and data validations that never overlap. exceljs cannot do the last two: it always writes Calibri as
// font 0 and, when it squeezes alike validations into ranges, sorts cell addresses as strings, so a run
// starting at C10 and one starting at C6 both cover C10:C14. The package is fixed after exceljs wrote
// it, on the XML, and written to a temporary name beside the target before it is renamed.
import type ExcelJS from 'exceljs';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { zipEntries } from './zip-writer.ts';
import { columnIndex } from '../../shared/annex-schema.ts';
import { nfc } from '../../shared/text.ts';
import { columnLetter, FONT_NAME } from './styles.ts';
import { DEFAULT_FONT_SIZE, type DocumentProperties } from './document-properties.ts';

const DEFAULT_FONT_XML = `<font><sz val="${DEFAULT_FONT_SIZE}"/><color theme="1"/><name val="${FONT_NAME}"/><family val="1"/><charset val="163"/></font>`;

export function setDocumentProperties(wb: ExcelJS.Workbook, props: DocumentProperties): void {
  wb.title = nfc(props.title);
  wb.subject = nfc(props.subject);
  wb.creator = nfc(props.author);
  wb.company = nfc(props.author);
  wb.lastModifiedBy = nfc(props.lastModifiedBy ?? props.author);
}

/** styles.xml with Times New Roman as font 0 (the Normal style every unstyled cell uses). */
export function withDefaultFont(stylesXml: string): string {
  return stylesXml.replace(/(<fonts\b[^>]*>)<font>[\s\S]*?<\/font>/, `$1${DEFAULT_FONT_XML}`);
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseRef(ref: string): Rect {
  const [a, b = a] = ref.replace(/\$/g, '').split(':') as [string, string?];
  const cell = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s);
    if (!m) throw new Error(`bad cell reference ${s}`);
    return { col: columnIndex(m[1]!), row: Number(m[2]) };
  };
  const p = cell(a);
  const q = cell(b);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

function refOf(r: Rect): string {
  const a = `${columnLetter(r.left)}${r.top}`;
  const b = `${columnLetter(r.right)}${r.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

/** Rectangles covering a set of cells exactly once: vertical runs per column, then alike runs of neighbouring columns joined. */
export function cellsToRects(cells: Iterable<[number, number]>): Rect[] {
  const byCol = new Map<number, number[]>();
  for (const [row, col] of cells) byCol.set(col, [...(byCol.get(col) ?? []), row]);
  const runs: Rect[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byCol.get(col))].sort((a, b) => a - b);
    let start = rows[0]!;
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1]! + 1) continue;
      runs.push({ top: start, bottom: rows[i - 1]!, left: col, right: col });
      if (i < rows.length) start = rows[i]!;
    }
  }
  const out: Rect[] = [];
  for (const run of runs) {
    const prev = out.find((r) => r.right === run.left - 1 && r.top === run.top && r.bottom === run.bottom);
    if (prev) prev.right = run.right;
    else out.push({ ...run });
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * A sheet's <dataValidations> rewritten so that no two ranges overlap: the cells of alike validations
 * (same rule, messages and formulas) are pooled and covered once; a cell claimed by two different rules
 * keeps the first. One <dataValidation> per rectangle (readers such as exceljs read one range best).
 */
export function withoutOverlappingValidations(sheetXml: string): string {
  const block = /<dataValidations\b[^>]*>([\s\S]*?)<\/dataValidations>/.exec(sheetXml);
  if (!block) return sheetXml;
  const rules = new Map<string, Set<string>>();
  const claimed = new Set<string>();
  for (const m of block[1]!.matchAll(/<dataValidation\b([^>]*?)\ssqref="([^"]*)"([^>]*?)(\/>|>([\s\S]*?)<\/dataValidation>)/g)) {
    const key = `<dataValidation${m[1]}${m[3]}>${m[5] ?? ''}</dataValidation>`;
    const cells = rules.get(key) ?? new Set<string>();
    rules.set(key, cells);
    for (const ref of m[2]!.trim().split(/\s+/)) {
      const r = parseRef(ref);
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          const at = `${row}:${col}`;
          if (claimed.has(at) && !cells.has(at)) continue;
          claimed.add(at);
          cells.add(at);
        }
      }
    }
  }
  const elements: string[] = [];
  for (const [key, cells] of rules) {
    const rects = cellsToRects([...cells].map((c) => c.split(':').map(Number) as [number, number]));
    for (const r of rects) elements.push(key.replace('<dataValidation', `<dataValidation sqref="${refOf(r)}"`));
  }
  return sheetXml.replace(block[0], `<dataValidations count="${elements.length}">${elements.join('')}</dataValidations>`);
}

/**
 * The bytes of a clean package: exceljs's output with the default font and the validations fixed.
 * exceljs hands its parts over stored (compressing them there would be undone here) and the package
 * is compressed once, by zlib (zip-writer.ts): jszip's deflate took as long as writing the sheets.
 */
export async function xlsxBytes(wb: ExcelJS.Workbook, props?: DocumentProperties): Promise<Buffer> {
  if (props) setDocumentProperties(wb, props);
  const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions)));
  const text = (name: string) => strFromU8(parts[name]!);
  if (parts['xl/styles.xml']) parts['xl/styles.xml'] = strToU8(withDefaultFont(text('xl/styles.xml')));
  for (const name of Object.keys(parts).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    const xml = text(name);
    if (xml.includes('<dataValidations')) parts[name] = strToU8(withoutOverlappingValidations(xml));
  }
  return zipEntries(Object.entries(parts), { level: 6 });
}

/** Writes a clean package to a temporary name beside `file`, then renames it over `file` (electron/files). */
export async function writeXlsx(wb: ExcelJS.Workbook, file: string, props?: DocumentProperties): Promise<void> {
  await writeFileAtomic(file, await xlsxBytes(wb, props));
}
