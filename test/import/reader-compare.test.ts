// The streaming reader against exceljs (the reference, kept for writing): every corpus file, workbooks
// re-saved by LibreOffice, a bench-like season, and fixtures rewritten at the XML level (inline strings,
// rich text, shared formulas with a cached 0, booleans, errors, 1904 dates) read by both and compared
// cell by cell over every named cell, every cell of the named ranges and _meta; then the import's answer
// (figures, documents, texts, findings) is compared as well.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentTableForKind } from '../../shared/template.ts';
import { readInputBook, wantedCells, type ImportLookup } from '../../electron/import/read-input-workbook.ts';
import { parseSheetRef, encodeAddress, MAX_ROW } from '../../electron/import/xlsx/address.ts';
import type { InputBook } from '../../electron/import/xlsx/book.ts';
import { ExcelJsBook } from '../../electron/import/xlsx/exceljs-book.ts';
import { XLSX_CEILINGS } from '../../electron/import/xlsx/limits.ts';
import { readXlsx } from '../../electron/import/xlsx/reader.ts';
import { importLookup } from '../../electron/services/imports.ts';
import { initDatabase } from '../../electron/services/setup.ts';
import { writeBlankWorkbooks } from '../../electron/services/workbooks.ts';
import { fillWorkbookFile } from '../../electron/workbook/input-filler.ts';
import type { ServiceContext } from '../../electron/store/context.ts';
import { generateProvince } from '../../bench/generate-province.ts';
import { corpusCases } from '../corpus/cases.ts';
import { corpusRunner, type CorpusRunner } from '../corpus/run-corpus.ts';
import { emptySampleDb, sample, tempDir } from '../helpers/fixtures.ts';
import { filledWorkbookFile } from '../helpers/workbooks.ts';

/** A value as both readers must agree on it: type and content, dates as ISO, rich text as its runs' texts. */
function norm(v: ExcelJS.CellValue | undefined): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return { date: Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString() };
  if (typeof v !== 'object') return v;
  if ('richText' in v) return { richText: v.richText.map((r) => r.text) };
  if ('error' in v) return { error: String(v.error) };
  if ('formula' in v || 'sharedFormula' in v) {
    const f = v as { formula?: string; sharedFormula?: string; result?: ExcelJS.CellValue };
    return {
      ...(f.sharedFormula !== undefined ? { sharedFormula: f.sharedFormula } : { formula: f.formula ?? '' }),
      result: f.result === undefined ? undefined : norm(f.result),
    };
  }
  return { other: JSON.stringify(v) };
}

/** Every cell import can read: the template's named cells and ranges (to the last used row), _meta's A:B. */
function cellsToCompare(book: InputBook, ctx: ServiceContext): { sheet: string; row: number; col: number }[] {
  const cells: { sheet: string; row: number; col: number }[] = [];
  for (const [sheet, rects] of wantedCells(ctx.template, book.definedNames())) {
    if (!book.hasSheet(sheet)) continue;
    const rows = book.size(sheet).rows;
    for (const r of rects) {
      for (let row = r.top; row <= Math.min(r.bottom, rows, r.bottom === MAX_ROW ? rows : r.bottom); row++) {
        for (let col = r.left; col <= r.right; col++) cells.push({ sheet, row, col });
      }
    }
  }
  return cells;
}

/** `referenceBuf`: what exceljs reads instead of `buf` (the same workbook written as exceljs understands it). */
async function compareBuffers(
  buf: Buffer,
  ctx: ServiceContext,
  lookup: ImportLookup,
  referenceBuf: Buffer = buf,
): Promise<{ diffs: string[]; cells: number; bothRead: boolean }> {
  const streamed = readXlsx(buf, ctx.template.limits, (names) => wantedCells(ctx.template, names));
  let reference: ExcelJsBook | null = null;
  try {
    reference = await ExcelJsBook.load(referenceBuf);
  } catch {
    reference = null;
  }
  if (!streamed.ok || !reference) {
    // exceljs opens some broken packages the reader refuses (and never the other way round for a file it can read).
    return { diffs: streamed.ok && !reference ? ['the reader read a file exceljs cannot open'] : [], cells: 0, bothRead: false };
  }
  const a = streamed.book;
  const b = reference;
  const diffs: string[] = [];
  expect(a.sheetNames().slice().sort()).toEqual(b.sheetNames().slice().sort());
  const names = (book: InputBook) =>
    book
      .definedNames()
      .filter((d) => parseSheetRef(d.ref))
      .map((d) => `${d.name}=${parseSheetRef(d.ref) ? d.ref.replace(/\$/g, '').replace(/^'(.*)'!/, '$1!') : d.ref}`)
      .sort();
  if (JSON.stringify(names(a)) !== JSON.stringify(names(b))) diffs.push('defined names differ');
  const cells = cellsToCompare(b, ctx);
  for (const { sheet, row, col } of cells) {
    const x = a.cell(sheet, row, col);
    const y = b.cell(sheet, row, col);
    const nx = JSON.stringify([norm(x.value), x.master ?? null]);
    const ny = JSON.stringify([norm(y.value), y.master ?? null]);
    if (nx !== ny) diffs.push(`${sheet}!${encodeAddress(row, col)}: reader ${nx}, exceljs ${ny}`);
  }
  for (const s of b.sheetNames()) {
    const sa = a.size(s);
    const sb = b.size(s);
    // exceljs counts rows that only carry a height; both must agree on whether the sheet is over the limits.
    const over = (z: { rows: number; cols: number }) => z.rows > ctx.template.limits.maxRowsPerSheet || z.cols > ctx.template.limits.maxColumnsPerSheet;
    if (over(sa) !== over(sb)) diffs.push(`${s}: size ${JSON.stringify(sa)} vs ${JSON.stringify(sb)}`);
  }
  const ra = await readInputBook(a, lookup);
  const rb = await readInputBook(b, lookup);
  if (JSON.stringify(ra) !== JSON.stringify(rb))
    diffs.push(`import answers differ: reader ${JSON.stringify(ra).slice(0, 300)} / exceljs ${JSON.stringify(rb).slice(0, 300)}`);
  return { diffs, cells: cells.length, bothRead: true };
}

let ctx: ServiceContext;
let lookup: ImportLookup;
let dir: string;
let cleanup: () => void;
let runner: CorpusRunner;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir('bc121-compare-'));
  ctx = emptySampleDb();
  lookup = importLookup(ctx);
  runner = await corpusRunner();
}, 60_000);
afterAll(() => {
  runner?.close();
  ctx?.db.close();
  cleanup?.();
});

/** A filled commune workbook with some of its XML rewritten. */
async function rewritten(edit: (zip: JSZip, sheetOf: (name: string) => Promise<string>) => Promise<void>): Promise<Buffer> {
  const s = sample.submissions.find((x) => x.unit === 'X03' && x.year === 2026)!;
  const file = await filledWorkbookFile(
    ctx,
    dir,
    'X03',
    2026,
    { values: s.values, documents: s.documents, texts: s.texts },
    undefined,
    `rw-${Math.random().toString(36).slice(2)}.xlsx`,
  );
  const zip = await JSZip.loadAsync(readFileSync(file));
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const sheetOf = async (name: string) => {
    const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(wb)![1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1]!;
    return `xl/${target.replace(/^\/?xl\//, '')}`;
  };
  await edit(zip, sheetOf);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Replaces the <c> element at `address` in a sheet's XML by `cell`. */
function setCellXml(xml: string, address: string, cell: string): string {
  const re = new RegExp(`<c r="${address}"[^>]*?(/>|>.*?</c>)`);
  if (!re.test(xml)) throw new Error(`no cell ${address}`);
  return xml.replace(re, cell);
}

describe('streaming reader = exceljs, cell by cell', () => {
  it('every corpus file that exceljs can open (heavy cases aside: exceljs expands their ranges)', async () => {
    let compared = 0;
    let cells = 0;
    const all: string[] = [];
    for (const c of corpusCases().filter((x) => !x.heavy && !x.place)) {
      const file = await runner.write(c);
      const r = await compareBuffers(readFileSync(file), ctx, lookup);
      if (r.bothRead) compared++;
      cells += r.cells;
      all.push(...r.diffs.map((d) => `${c.id}: ${d}`));
    }
    expect(all).toEqual([]);
    expect(compared).toBeGreaterThan(150);
    expect(cells).toBeGreaterThan(100_000);
  }, 300_000);

  it('inline strings, rich text, shared formulas with a cached 0, booleans, errors and string results', async () => {
    const buf = await rewritten(async (zip, sheetOf) => {
      const pl01 = await sheetOf('PL01');
      let x = await zip.file(pl01)!.async('string');
      x = setCellXml(x, 'C6', '<c r="C6" s="0"><f t="shared" ref="C6:C8" si="7">1+1</f><v>2</v></c>');
      x = setCellXml(x, 'C7', '<c r="C7" s="0"><f t="shared" si="7"/><v>0</v></c>');
      x = setCellXml(x, 'C8', '<c r="C8" s="0"><f t="shared" si="7"/></c>');
      x = setCellXml(x, 'D6', '<c r="D6" t="inlineStr"><is><t xml:space="preserve"> 7 </t></is></c>');
      x = setCellXml(x, 'D7', '<c r="D7" t="inlineStr"><is><r><rPr><b/></rPr><t>1</t></r><r><t>2</t></r></is></c>');
      x = setCellXml(x, 'D8', '<c r="D8" t="b"><v>1</v></c>');
      x = setCellXml(x, 'E6', '<c r="E6" t="e"><v>#DIV/0!</v></c>');
      x = setCellXml(x, 'E7', '<c r="E7" t="str"><f>"4"</f><v>4</v></c>');
      x = setCellXml(x, 'E8', '<c r="E8"><f>1-1</f><v>0</v></c>');
      zip.file(pl01, x);
    });
    const r = await compareBuffers(buf, ctx, lookup);
    expect(r.bothRead).toBe(true);
    expect(r.diffs).toEqual([]);
    // And the reader's own values are the ones written above.
    const read = readXlsx(buf, ctx.template.limits, (names) => wantedCells(ctx.template, names));
    if (!read.ok) throw new Error('not read');
    const v = (addr: string) => {
      const d = parseSheetRef(`PL01!${addr}`)!.rect;
      return norm(read.book.cell('PL01', d.top, d.left).value);
    };
    expect(v('C6')).toEqual({ formula: '1+1', result: 2 });
    expect(v('C7')).toEqual({ sharedFormula: 'C6', result: 0 });
    expect(v('C8')).toEqual({ sharedFormula: 'C6', result: undefined });
    expect(v('D6')).toBe(' 7 ');
    expect(v('D7')).toEqual({ richText: ['1', '2'] });
    expect(v('D8')).toBe(true);
    expect(v('E6')).toEqual({ error: '#DIV/0!' });
    expect(v('E7')).toEqual({ formula: '"4"', result: '4' });
    expect(v('E8')).toEqual({ formula: '1-1', result: 0 });
  }, 60_000);

  it('XML written differently: references and CDATA, single quotes, a BOM, CR LF between elements', async () => {
    const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
    // exceljs drops CDATA in an inline string: it reads the same workbook with the text escaped instead.
    let escaped: Buffer = Buffer.alloc(0);
    const withCdata = await rewritten(async (zip, sheetOf) => {
      const ss = await zip.file('xl/sharedStrings.xml')!.async('string');
      const refs = ss
        .replace(/ụ/g, '&#x1EE5;')
        .replace(/ô/g, '&#244;')
        .replace(/<t>/, '<t>&lt;&amp;&gt;&quot;&apos;')
        .replace(/<\/si>/g, '</si>\r\n');
      expect(refs).not.toBe(ss);
      zip.file('xl/sharedStrings.xml', Buffer.concat([BOM, Buffer.from(refs, 'utf8')]));
      const pl01 = await sheetOf('PL01');
      let x = await zip.file(pl01)!.async('string');
      x = setCellXml(x, 'D7', "<c r='D7' s='0'  ><v>5</v></c>");
      x = x.replace(/<\/row>/g, '</row>\r\n  ');
      const withD6 = (text: string) => Buffer.concat([BOM, Buffer.from(setCellXml(x, 'D6', `<c r="D6" t="inlineStr"><is><t>${text}</t></is></c>`), 'utf8')]);
      zip.file(pl01, withD6('1&lt;2&amp;&#x1EA0;\r\n'));
      escaped = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      zip.file(pl01, withD6('<![CDATA[1<2]]>&amp;&#x1EA0;\r\n'));
    });
    for (const buf of [escaped, withCdata]) {
      const r = await compareBuffers(buf, ctx, lookup, escaped);
      expect(r.bothRead).toBe(true);
      expect(r.diffs).toEqual([]);
      const read = readXlsx(buf, ctx.template.limits, (names) => wantedCells(ctx.template, names));
      if (!read.ok) throw new Error('not read');
      expect(read.book.cell('PL01', 6, 4).value).toBe('1<2&Ạ\n');
      expect(read.book.cell('PL01', 7, 4).value).toBe(5);
    }
  }, 60_000);

  it('namespace prefixes (x:c for c): read as the same workbook without them', async () => {
    const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const prefixed = (xml: string) => xml.replace(/<(\/?)([A-Za-z])/g, '<$1x:$2').replace(/<x:(worksheet|workbook|sst)\b/, `<x:$1 xmlns:x="${MAIN}"`);
    const plain = await rewritten(async () => {});
    const zip = await JSZip.loadAsync(plain);
    const parts = ['xl/workbook.xml', 'xl/sharedStrings.xml', ...Object.keys(zip.files).filter((f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f))];
    for (const part of parts) zip.file(part, prefixed(await zip.file(part)!.async('string')));
    const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(await (await JSZip.loadAsync(buf)).file(parts[2]!)!.async('string')).toMatch(/<x:c r=/);
    const r = await compareBuffers(buf, ctx, lookup, plain);
    expect(r.bothRead).toBe(true);
    expect(r.cells).toBeGreaterThan(100);
    expect(r.diffs).toEqual([]);
  }, 60_000);

  for (const date1904 of [false, true]) {
    it(`document dates as serial numbers in the ${date1904 ? '1904' : '1900'} date system`, async () => {
      const buf = await rewritten(async (zip, sheetOf) => {
        if (date1904) {
          const wbXml = await zip.file('xl/workbook.xml')!.async('string');
          zip.file(
            'xl/workbook.xml',
            wbXml.includes('<workbookPr')
              ? wbXml.replace('<workbookPr', '<workbookPr date1904="1"')
              : wbXml.replace('<bookViews>', '<workbookPr date1904="1"/><bookViews>'),
          );
        }
        const pl02 = await sheetOf('PL02');
        const x = await zip.file(pl02)!.async('string');
        // The style of D6 is the writer's dd/mm/yyyy; 46058 is 2026-02-05 in 1900 and 2030-02-06 in 1904.
        const style = /<c r="D6" s="(\d+)"/.exec(x)![1];
        zip.file(pl02, setCellXml(x, 'D6', `<c r="D6" s="${style}"><v>${date1904 ? 46058 - 1462 : 46058}</v></c>`));
      });
      const r = await compareBuffers(buf, ctx, lookup);
      expect(r.bothRead).toBe(true);
      expect(r.diffs).toEqual([]);
      const read = readXlsx(buf, ctx.template.limits, (names) => wantedCells(ctx.template, names));
      if (!read.ok) throw new Error('not read');
      expect(read.date1904).toBe(date1904);
      expect(norm(read.book.cell('PL02', 6, 4).value)).toEqual({ date: '2026-02-05T00:00:00.000Z' });
    }, 60_000);
  }

  it('an empty cell written <c/> (read without looking at its value) is counted, sized and read blank as <c></c>', async () => {
    const plain = await rewritten(async (zip, sheetOf) => {
      const pl01 = await sheetOf('PL01');
      let x = await zip.file(pl01)!.async('string');
      // A wanted input cell and a cell far right, both empty-element tags.
      x = setCellXml(x, 'C6', '<c r="C6" s="1"/>');
      zip.file(pl01, x.replace('</sheetData>', '<row r="90"><c r="XFD90" s="1"/></row></sheetData>'));
    });
    // The same workbook with every empty-element cell written as an open and a close tag.
    const zip = await JSZip.loadAsync(plain);
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f));
    let cellTags = 0;
    let emptyTags = 0;
    for (const f of sheets) {
      const x = await zip.file(f)!.async('string');
      cellTags += (x.match(/<c[ />]/g) ?? []).length;
      emptyTags += (x.match(/<c [^>]*\/>/g) ?? []).length;
      zip.file(f, x.replace(/<c ([^>]*)\/>/g, '<c $1></c>'));
    }
    const opened = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(emptyTags).toBeGreaterThan(100);
    const read = (buf: Buffer, maxCells: number, limits = ctx.template.limits) =>
      readXlsx(buf, limits, (names) => wantedCells(ctx.template, names), { ...XLSX_CEILINGS, maxCells } as typeof XLSX_CEILINGS);
    const wide = { ...ctx.template.limits, maxColumnsPerSheet: 16384 };
    for (const buf of [plain, opened]) {
      // Every cell counts toward the ceiling, empty or not: one cell fewer allowed is refused.
      const all = read(buf, cellTags, wide);
      if (!all.ok) throw new Error(JSON.stringify(all.findings));
      expect(all.book.size('PL01')).toEqual({ rows: 90, cols: 16384 });
      expect(all.book.cell('PL01', 6, 3)).toEqual({ value: null });
      const fewer = read(buf, cellTags - 1, wide);
      expect(fewer.ok ? [] : fewer.findings.map((f) => f.message)).toEqual([expect.stringMatching(/ô dữ liệu/)]);
      // And its place is checked against the sheet's limits.
      const limited = read(buf, cellTags);
      expect(limited.ok ? [] : limited.findings.map((f) => f.code)).toEqual(['too_large']);
    }
  }, 60_000);

  it('a merged input cell reads blank with its merge master, as in exceljs', async () => {
    const buf = await rewritten(async (zip, sheetOf) => {
      const pl01 = await sheetOf('PL01');
      const x = await zip.file(pl01)!.async('string');
      zip.file(pl01, x.replace('</mergeCells>', '<mergeCell ref="C6:D7"/></mergeCells>'));
    });
    const r = await compareBuffers(buf, ctx, lookup);
    expect(r.diffs).toEqual([]);
    const read = readXlsx(buf, ctx.template.limits, (names) => wantedCells(ctx.template, names));
    if (!read.ok) throw new Error('not read');
    expect(read.book.cell('PL01', 7, 4)).toEqual({ value: null, master: 'C6' });
  }, 60_000);
});

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;

describe.skipIf(!hasSoffice)('LibreOffice re-saved and a bench-like season (skipped: soffice not installed)', () => {
  it('a season of a small province (one workbook per unit), as written and as re-saved by LibreOffice', async () => {
    const province = generateProvince(ctx.template, { code: 'CMP', name: 'So Sánh', communes: 3, departments: 2, years: [2026], seed: 17 });
    const season = initDatabase({ file: ':memory:', province: 'So Sánh', settings: province.settings, units: province.units, years: [2026] });
    try {
      const blankDir = path.join(dir, 'blank');
      const filledDir = path.join(dir, 'season');
      const resavedDir = path.join(dir, 'season-lo');
      for (const d of [blankDir, filledDir, resavedDir]) mkdirSync(d, { recursive: true });
      const blanks = await writeBlankWorkbooks(season, { year: 2026, outDir: blankDir });
      for (const s of province.submissions) {
        const blank = blanks.find((b) => b.unit === s.unit)!;
        const kind = province.units.find((u) => u.code === s.unit)!.kind;
        const table = documentTableForKind(season.template, kind);
        await fillWorkbookFile(
          blank.file,
          path.join(filledDir, path.basename(blank.file)),
          { values: s.values, documents: s.documents, texts: s.texts },
          table?.kind === 'table' ? table : undefined,
        );
      }
      const filled = readdirSync(filledDir).map((f) => path.join(filledDir, f));
      execFileSync(
        'soffice',
        [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', resavedDir, ...filled],
        { stdio: 'ignore', timeout: 180_000 },
      );
      const resaved = readdirSync(resavedDir).map((f) => path.join(resavedDir, f));
      expect(resaved.length).toBe(filled.length);
      const seasonLookup = importLookup(season);
      let cells = 0;
      for (const f of [...filled, ...resaved]) {
        const r = await compareBuffers(readFileSync(f), season, seasonLookup);
        expect(r.bothRead, f).toBe(true);
        expect(r.diffs, f).toEqual([]);
        cells += r.cells;
        const answer = await readInputBook(
          (readXlsx(readFileSync(f), season.template.limits, (n) => wantedCells(season.template, n)) as { book: InputBook }).book,
          seasonLookup,
        );
        expect(answer.ok, `${f}: ${JSON.stringify(answer.ok ? '' : answer.findings)}`).toBe(true);
      }
      expect(cells).toBeGreaterThan(1000);
      writeFileSync(path.join(dir, 'done'), '');
    } finally {
      season.db.close();
    }
  }, 300_000);
});
