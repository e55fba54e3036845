// Compares the annexes (Phu luc *.xlsx, Nguon so lieu.xlsx) of two output folders, read back by exceljs:
// every cell's type, value, formula, result, style (font, alignment, border, number format, fill,
// protection) and merge master; merges, column widths, row heights, manual page breaks (from the XML:
// exceljs does not read them), page setup, margins, print titles, header and footer, views, sheet
// properties, defined names and document properties. Used to prove a change of how annexes are written
// leaves them as they were:
//   node --import tsx bench/compare-xlsx.ts OLD_DIR NEW_DIR   (folders are searched recursively)
// The creation time only has to be close (both files were made "now"); an empty property and none are alike.
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const [oldDir, newDir] = process.argv.slice(2) as [string, string];
const SHOWN = 40;
let cells = 0;
let problems = 0;

/** Object keys sorted: the order of a font's elements in the XML is no difference. */
function sortedKeys(_key: string, v: unknown): unknown {
  return v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([p], [q]) => (p < q ? -1 : 1))) : v;
}

function same(where: string, a: unknown, b: unknown): void {
  const x = JSON.stringify(a, sortedKeys);
  const y = JSON.stringify(b, sortedKeys);
  if (x === y) return;
  if (++problems <= SHOWN) console.log(`DIFF ${where}\n  old ${x}\n  new ${y}`);
}

function annexFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    if (statSync(p).isDirectory()) return annexFiles(p).map((q) => path.join(n, q));
    return /^(Phu luc|Nguon so lieu).*\.xlsx$/.test(n) ? [n] : [];
  });
}

function pageBreaks(buf: Buffer): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, data] of Object.entries(unzipSync(new Uint8Array(buf))))
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) out[name] = [...strFromU8(data).matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => m[1]!);
  return out;
}

function describe(c: ExcelJS.Cell): Record<string, unknown> {
  return {
    type: c.type,
    value: c.value instanceof Date ? c.value.toISOString() : c.value,
    formula: c.formula,
    result: c.result,
    master: c.master.address,
    font: c.font,
    alignment: c.alignment,
    border: c.border,
    numFmt: c.numFmt,
    fill: c.fill,
    protection: c.protection,
  };
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

const PROPERTIES = ['creator', 'lastModifiedBy', 'title', 'subject', 'company', 'manager', 'description', 'keywords', 'category', 'calcProperties'] as const;
const files = annexFiles(oldDir);
for (const rel of files) {
  const a = readFileSync(path.join(oldDir, rel));
  const b = readFileSync(path.join(newDir, rel));
  const [wa, wb] = [await load(a), await load(b)];
  for (const k of PROPERTIES) same(`${rel} ${k}`, wa[k] ?? '', wb[k] ?? '');
  same(`${rel} created within a day`, Math.abs(wa.created.getTime() - wb.created.getTime()) < 86_400_000, true);
  same(`${rel} defined names`, wa.definedNames.model, wb.definedNames.model);
  same(`${rel} page breaks`, pageBreaks(a), pageBreaks(b));
  same(
    `${rel} sheets`,
    wa.worksheets.map((w) => [w.name, w.state]),
    wb.worksheets.map((w) => [w.name, w.state]),
  );
  wa.worksheets.forEach((sa, i) => {
    const sb = wb.worksheets[i]!;
    const at = `${rel}!${sa.name}`;
    // exceljs writes an odd x14ac:dyDescent of its own; it is no property of the sheet.
    const props = (s: ExcelJS.Worksheet) => ({ ...s.properties, dyDescent: undefined });
    same(`${at} properties`, props(sa), props(sb));
    same(`${at} page setup`, sa.pageSetup, sb.pageSetup);
    same(`${at} header and footer`, sa.headerFooter, sb.headerFooter);
    same(`${at} views`, sa.views, sb.views);
    same(`${at} autofilter`, sa.autoFilter, sb.autoFilter);
    const merges = (s: ExcelJS.Worksheet) => [...(s.model as { merges: string[] }).merges].sort();
    same(`${at} merges`, merges(sa), merges(sb));
    same(`${at} size`, [sa.rowCount, sa.columnCount, sa.actualRowCount], [sb.rowCount, sb.columnCount, sb.actualRowCount]);
    for (let c = 1; c <= Math.max(sa.columnCount, sb.columnCount); c++) {
      const [ca, cb] = [sa.getColumn(c), sb.getColumn(c)];
      same(`${at} column ${c}`, [ca.width, ca.hidden, ca.style], [cb.width, cb.hidden, cb.style]);
    }
    for (let r = 1; r <= Math.max(sa.rowCount, sb.rowCount); r++) {
      const [ra, rb] = [sa.getRow(r), sb.getRow(r)];
      same(`${at} row ${r}`, [ra.height, ra.hidden, ra.cellCount], [rb.height, rb.hidden, rb.cellCount]);
      for (let c = 1; c <= Math.max(ra.cellCount, rb.cellCount); c++) {
        cells++;
        same(`${at} ${ra.getCell(c).address}`, describe(ra.getCell(c)), describe(rb.getCell(c)));
      }
    }
  });
}
console.log(JSON.stringify({ files: files.length, cells, problems }));
process.exitCode = problems ? 1 : 0;
