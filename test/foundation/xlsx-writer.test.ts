// The app's own SpreadsheetML writer (electron/workbook/xlsx-writer.ts), read back by two readers that
// share no code with it: exceljs and the import's streaming reader. A workbook with the awkward cases —
// markup and forbidden characters, decomposed Vietnamese, a repeated text, a formula whose cached
// result is 0, a date, merges, a quote in the sheet name — comes back as it was put in.
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../electron/import/xlsx/reader.ts';
import { loadTemplateFile } from '../../electron/template-store.ts';
import { Workbook } from '../../electron/workbook/sheet-model.ts';
import { xlsxPackage } from '../../electron/workbook/xlsx-writer.ts';

const NFD = 'Tiếng Việt có dấu'.normalize('NFD');
const NFC = 'Tiếng Việt có dấu';
const MARKUP = 'A & B < C > D "E" \'F\'';
const SHEET = "Số liệu 'A' năm";
const DATE = new Date(Date.UTC(2026, 4, 17));

function sample(): Buffer {
  const book = new Workbook({ title: 'Phụ lục thử', subject: 'Kiểm tra bộ ghi', author: 'Sở Tư pháp tỉnh An Lạc' }, new Date('2026-11-27T09:00:00Z'));
  const ws = book.addSheet(SHEET);
  const bold = { font: { name: 'Times New Roman', size: 13, bold: true }, horizontal: 'center', vertical: 'middle', wrapText: true, border: 'thin' } as const;
  ws.merge(1, 1, 1, 4, NFD, bold);
  ws.set(2, 1, MARKUP, { font: { name: 'Times New Roman', size: 12, italic: true, color: 'FFC00000' }, horizontal: 'left', indent: 2 });
  ws.set(2, 2, `bell\u0007 and\u0001 nul\u0000 gone`);
  ws.set(2, 3, '  kept spaces ');
  for (let r = 3; r <= 102; r++) {
    ws.set(r, 1, 'Cùng một chữ', bold);
    ws.set(r, 2, r % 2 ? 0 : r, { numFmt: '#,##0', border: 'thin' });
  }
  ws.set(3, 3, { formula: 'SUM(B3:B102)', result: 0 }, { numFmt: '#,##0' });
  ws.set(4, 3, { formula: 'SUM(B3:B102)', result: 2600 }, { numFmt: '#,##0' });
  ws.set(5, 3, DATE, { numFmt: 'dd/mm/yyyy', horizontal: 'center' });
  ws.set(6, 3, undefined, { border: 'thin' });
  ws.setWidth(1, 40.5);
  ws.setWidth(2, 9);
  ws.setWidth(3, 12);
  ws.setWidth(4, 12);
  ws.setHeight(1, 33.75);
  ws.setHeight(5, 7.5);
  ws.addRowBreak(50);
  ws.addRowBreak(20);
  ws.showGridLines = false;
  ws.printTitleRows = { from: 1, to: 2 };
  ws.oddFooter = '&C&"Times New Roman,Regular"&11Trang &P/&N';
  ws.oddHeader = '&RDỰ THẢO && bản 2';
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    scale: 92,
    horizontalCentered: true,
    margins: { top: 0.79, bottom: 0.79, left: 0.59, right: 0.59, header: 0.31, footer: 0.31 },
  };
  book.addSheet('Trang 2').set(1, 1, NFD);
  return xlsxPackage(book);
}

const buf = sample();
const parts = unzipSync(new Uint8Array(buf));
const xml = (name: string) => strFromU8(parts[name]!);

describe('own xlsx writer', () => {
  it('escapes markup, drops forbidden characters, writes NFC, shares each text once', () => {
    const sst = xml('xl/sharedStrings.xml');
    expect(sst).toContain("<t>A &amp; B &lt; C &gt; D &quot;E&quot; 'F'</t>");
    expect(sst).toContain('<t>bell and nul gone</t>');
    expect(sst).toContain('<t xml:space="preserve">  kept spaces </t>');
    expect(sst).not.toMatch(/[\u0000-\u0008]/);
    expect(sst).toContain(NFC);
    expect(sst).not.toContain(NFD);
    expect(sst.split('Cùng một chữ').length - 1).toBe(1);
    // Cells holding a text: A1, A2, B2, C2, A3–A102 and A1 of the second sheet (A1's text again).
    expect(sst).toMatch(/count="105" uniqueCount="5"/);
  });

  it('interns each style once', () => {
    const styles = xml('xl/styles.xml');
    // Default (also B2, C2), bold header (A1:D1 and A3:A102), italic red, #,##0 with border (B3:B102), #,##0 alone, date, border alone.
    expect(/<cellXfs count="(\d+)"/.exec(styles)?.[1]).toBe('7');
    expect(styles.match(/<b\/>/g)).toHaveLength(1);
    expect(styles).toContain('<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>');
    expect(styles).not.toContain('formatCode="#,##0"'); // a built-in format (id 3)
  });

  it('is read back by exceljs as written', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    expect([wb.title, wb.subject, wb.creator, wb.lastModifiedBy, wb.company]).toEqual([
      'Phụ lục thử',
      'Kiểm tra bộ ghi',
      'Sở Tư pháp tỉnh An Lạc',
      'Sở Tư pháp tỉnh An Lạc',
      'Sở Tư pháp tỉnh An Lạc',
    ]);
    expect(wb.created.toISOString()).toBe('2026-11-27T09:00:00.000Z');
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET, 'Trang 2']);
    const ws = wb.getWorksheet(SHEET)!;
    expect(ws.getCell('A1').value).toBe(NFC);
    expect(ws.getCell('D1').master.address).toBe('A1');
    expect(ws.getCell('D1').font).toEqual({ name: 'Times New Roman', size: 13, bold: true });
    expect(ws.getCell('D1').border).toEqual({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    expect(ws.getCell('A1').alignment).toEqual({ horizontal: 'center', vertical: 'middle', wrapText: true });
    expect(ws.getCell('A2').value).toBe(MARKUP);
    expect(ws.getCell('A2').font).toEqual({ name: 'Times New Roman', size: 12, italic: true, color: { argb: 'FFC00000' } });
    expect(ws.getCell('A2').alignment).toEqual({ horizontal: 'left', indent: 2 });
    expect(ws.getCell('B4').value).toBe(4);
    expect(ws.getCell('B3').value).toBe(0);
    expect(ws.getCell('B4').numFmt).toBe('#,##0');
    expect(ws.getCell('C3').formula).toBe('SUM(B3:B102)');
    expect(ws.getCell('C4').result).toBe(2600);
    expect(ws.getCell('C5').value).toEqual(DATE);
    expect(ws.getCell('C5').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('C6').value).toBeNull();
    expect(ws.getCell('C6').border?.top).toEqual({ style: 'thin' });
    expect((ws.model as { merges: string[] }).merges).toEqual(['A1:D1']);
    expect([1, 2, 3, 4].map((c) => ws.getColumn(c).width)).toEqual([40.5, 9, 12, 12]);
    expect([ws.getRow(1).height, ws.getRow(5).height]).toEqual([33.75, 7.5]);
    expect(ws.views[0]?.showGridLines).toBe(false);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', scale: 92, horizontalCentered: true, printTitlesRow: '1:2' });
    expect(ws.pageSetup.margins).toEqual({ top: 0.79, bottom: 0.79, left: 0.59, right: 0.59, header: 0.31, footer: 0.31 });
    expect(ws.headerFooter).toMatchObject({ oddHeader: '&RDỰ THẢO && bản 2', oddFooter: '&C&"Times New Roman,Regular"&11Trang &P/&N' });
  });

  it('keeps a cached 0, the page breaks in order and the print titles of a quoted sheet name in the XML', () => {
    const sheet = xml('xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<c r="C3" s="\d+"><f>SUM\(B3:B102\)<\/f><v>0<\/v><\/c>/);
    expect([...sheet.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([20, 50]);
    expect(sheet).toMatch(new RegExp(`<c r="C5" s="\\d+"><v>${DATE.getTime() / 86_400_000 + 25569}</v></c>`));
    expect(xml('xl/workbook.xml')).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'Số liệu ''A'' năm'!$1:$2</definedName>`);
  });

  it('is read back by the import’s own reader', () => {
    const read = readXlsx(buf, loadTemplateFile().limits, (_names, sheets) => new Map(sheets.map((s) => [s, [{ top: 1, left: 1, bottom: 200, right: 10 }]])));
    if (!read.ok) throw new Error(JSON.stringify(read.findings));
    const book = read.book;
    expect(book.sheetNames()).toEqual([SHEET, 'Trang 2']);
    expect(book.size(SHEET)).toEqual({ rows: 102, cols: 4 });
    expect(book.cell(SHEET, 1, 1).value).toBe(NFC);
    expect(book.cell(SHEET, 1, 3).master).toBe('A1');
    expect(book.cell(SHEET, 2, 1).value).toBe(MARKUP);
    expect(book.cell(SHEET, 4, 2).value).toBe(4);
    expect(book.cell(SHEET, 4, 3).value).toEqual({ formula: 'SUM(B3:B102)', result: 2600 });
    expect(book.cell(SHEET, 5, 3).value).toEqual(DATE);
    expect(book.cell('Trang 2', 1, 1).value).toBe(NFC);
  });
});
