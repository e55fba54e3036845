// Bad Word files get what a bad workbook gets: refused with a Vietnamese reason, nothing stored — a .doc, a
// password-protected .docx (an OLE container), a damaged or truncated file, a zip bomb (too much declared, or sizes
// that lie), a huge document part, a huge embedded image, a workbook renamed .docx, an empty file.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/store/context.ts';
import { importFiles } from '../../electron/services/imports.ts';
import { previewWordReport } from '../../electron/services/word-reports.ts';
import { emptySampleDb, tempDir } from '../helpers/fixtures.ts';
import { standardReport, wordReport } from './docx-fixtures.ts';

let ctx: ServiceContext;
let dir: string;
let cleanup: () => void;
let good: Buffer;

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('bc121-docx-bad-'));
  ctx = emptySampleDb();
  good = await wordReport(standardReport(), { agency: ['UBND TỈNH AN LẠC', 'SỞ Y TẾ'] });
});
afterAll(() => {
  ctx.db.close();
  cleanup();
});

async function rezip(edit: (zip: JSZip) => Promise<void> | void, level = 6): Promise<Buffer> {
  const zip = await JSZip.loadAsync(good);
  await edit(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level } });
}

/** Makes the size fields of one entry claim `size` bytes, whatever its data inflates to. */
function lieAboutSize(buf: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(buf);
  const nameBytes = Buffer.from(name);
  for (let i = 0; i < out.length - 46; i++) {
    if (out.readUInt32LE(i) === 0x02014b50 && out.subarray(i + 46, i + 46 + nameBytes.length).equals(nameBytes)) {
      out.writeUInt32LE(size, i + 24);
      const local = out.readUInt32LE(i + 42);
      out.writeUInt32LE(size, local + 22);
    }
  }
  return out;
}

function stored(): { reports: number; audit: number } {
  return {
    reports: (ctx.db.prepare('SELECT COUNT(*) AS n FROM word_reports').get() as { n: number }).n,
    audit: (ctx.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n,
  };
}

describe('bad Word files', () => {
  const cases: [string, () => Promise<Buffer> | Buffer, RegExp][] = [
    ['cu.doc', () => Buffer.concat([OLE, Buffer.alloc(4096)]), /định dạng Word cũ \(\.doc\)/],
    ['mat-khau.docx', () => Buffer.concat([OLE, Buffer.alloc(4096, 1)]), /đặt mật khẩu/],
    ['rong.docx', () => Buffer.alloc(0), /Tệp rỗng/],
    ['cut.docx', () => good.subarray(0, Math.floor(good.length / 2)), /\.docx bị hỏng/],
    ['rac.docx', () => Buffer.from('Đây không phải tệp Word'.repeat(20)), /không phải định dạng \.docx/],
    ['so-lieu.docx', () => rezip((z) => void z.remove('word/document.xml')), /không phải báo cáo Word/],
    // A bomb that says so in its directory (200 MB declared), and one whose entry inflates past what it declares.
    [
      'bom.docx',
      async () => lieAboutSize(await rezip((z) => void z.file('word/media/bom.bin', Buffer.alloc(1048576))), 'word/media/bom.bin', 200 * 1048576),
      /giải nén ra quá lớn \(200 MB\)/,
    ],
    [
      'noi-dung-lon.docx',
      () =>
        rezip(
          async (z) =>
            void z.file('word/document.xml', (await z.file('word/document.xml')!.async('string')).replace('</w:body>', `${' '.repeat(17 * 1048576)}</w:body>`)),
        ),
      /Nội dung văn bản quá lớn/,
    ],
    ['anh-lon.docx', () => rezip((z) => void z.file('word/media/image1.png', Buffer.alloc(30 * 1048576))), /phần nhúng quá lớn \(image1\.png, 30 MB/],
    [
      'noi-doi.docx',
      async () => lieAboutSize(await rezip((z) => void z.file('word/media/image1.png', Buffer.alloc(4 * 1048576))), 'word/media/image1.png', 1000),
      /quá lớn/,
    ],
  ];

  for (const [name, make, reason] of cases) {
    it(`refuses ${name} with its reason and stores nothing`, async () => {
      const file = path.join(dir, name);
      writeFileSync(file, await make());
      const before = stored();
      const preview = await previewWordReport(ctx, file);
      expect(preview.ok).toBe(false);
      expect(preview.findings[0]!.severity).toBe('error');
      expect(preview.findings[0]!.message).toMatch(reason);
      expect(preview.sections).toEqual([]);
      const [r] = await importFiles(ctx, [file]);
      expect(r!.status).toBe('rejected');
      expect(r!.findings[0]!.message).toMatch(reason);
      expect(stored()).toEqual(before);
    });
  }

  it('reads a report with a normal photo, never the photo', async () => {
    const buf = await rezip((z) => void z.file('word/media/image9.png', Buffer.alloc(2 * 1048576, 7)));
    const p = await previewWordReport(ctx, path.join(dir, 'anh.docx'), buf);
    expect(p.ok).toBe(true);
    expect(p.sections.filter((s) => s.text !== '')).toHaveLength(32);
  });
});
