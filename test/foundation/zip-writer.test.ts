// The zip container the app writes its packages in, read back by three readers that share no code
// with it: jszip, fflate and the import's own zip reader.
import JSZip from 'jszip';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inflateEntry, readZipDirectory } from '../../electron/import/zip-guard.ts';
import { zipEntries } from '../../electron/workbook/zip-writer.ts';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

const sheet = `<?xml version="1.0" encoding="UTF-8"?><sheetData>${Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i % 7}</v></c></row>`).join('')}</sheetData>`;
const entries: [string, Uint8Array][] = [
  ['[Content_Types].xml', utf8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')],
  ['xl/', new Uint8Array(0)],
  ['xl/worksheets/sheet1.xml', utf8(sheet)],
  ['xl/sharedStrings.xml', utf8('<sst><si><t>Phường An Lạc – Ủy ban nhân dân</t></si></sst>')],
  ['xl/empty.bin', new Uint8Array(0)],
  ['docProps/Báo cáo.xml', utf8('<x>tên tệp có dấu</x>')],
];
const zip = zipEntries(entries, { modified: new Date(2026, 4, 17, 9, 30, 42) });

describe('zip writer', () => {
  it('is read back by jszip with every name, in order, and every byte', async () => {
    const read = await JSZip.loadAsync(zip);
    expect(Object.keys(read.files)).toEqual(entries.map(([n]) => n));
    expect(read.files['xl/']!.dir).toBe(true);
    for (const [name, data] of entries.filter(([n]) => !n.endsWith('/')))
      expect(Buffer.from(await read.file(name)!.async('uint8array'))).toEqual(Buffer.from(data));
    const when = read.files['xl/worksheets/sheet1.xml']!.date;
    expect([when.getFullYear(), when.getMonth() + 1, when.getDate(), when.getHours(), when.getMinutes(), when.getSeconds()]).toEqual([2026, 5, 17, 9, 30, 42]);
  });

  it('is read back by fflate, byte for byte', () => {
    const read = unzipSync(new Uint8Array(zip));
    for (const [name, data] of entries) expect(Buffer.from(read[name]!)).toEqual(Buffer.from(data));
  });

  it('is read by the import: sizes declared, text deflated much smaller, folders and empty files stored', () => {
    const dir = readZipDirectory(zip, { maxFileBytes: 1e9, maxUncompressedBytes: 1e9 });
    if (!dir.ok) throw new Error(JSON.stringify(dir.findings));
    expect([...dir.entries.keys()]).toEqual(entries.map(([n]) => n));
    for (const [name, data] of entries) {
      const e = dir.entries.get(name)!;
      expect(e.size).toBe(data.length);
      expect(e.method).toBe(data.length === 0 ? 0 : 8);
      if (data.length > 0) expect(Buffer.from(inflateEntry(zip, e) as Buffer)).toEqual(Buffer.from(data));
    }
    const big = dir.entries.get('xl/worksheets/sheet1.xml')!;
    expect(big.compressed).toBeLessThan(big.size / 5);
  });
});
