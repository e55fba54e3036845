// One wording for one operating-system condition: a file the import batch could not read or store reads as
// the same condition does everywhere else (electron/files/os-errors.ts), whether the reader of returned files
// or the batch met it; reading speaks of reading, not of writing; SQLite's full disk reads as a full disk.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImportFile } from '../../electron/import/collect-files.ts';
import { fileError } from '../../electron/files/os-errors.ts';
import { fileFailure } from '../../electron/services/imports.ts';
import { tempDir } from '../helpers/fixtures.ts';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir('bc121-os-'));
});
afterAll(() => cleanup?.());

const osError = (code: string) => Object.assign(new Error(`${code}: simulated, open 'a.xlsx'`), { code, errno: -1, syscall: 'open' });

/** The error Node really gives for reading a path. */
function realError(p: string): unknown {
  try {
    readFileSync(p);
  } catch (e) {
    return e;
  }
  throw new Error(`${p} was readable`);
}

describe('OS failures in an import batch', () => {
  it('a missing file reads the same from the reader and from the batch', () => {
    const missing = path.join(dir, 'khong-co.xlsx');
    const read = readImportFile(missing, 5000);
    expect(read.ok).toBe(false);
    const fromReader = !read.ok && read.result.findings[0];
    const fromBatch = fileFailure(realError(missing), 'khong-co.xlsx');
    expect(fromBatch).toEqual(fromReader);
    expect(fromBatch).toEqual({
      code: 'not_found',
      severity: 'error',
      message:
        'Không đọc được "khong-co.xlsx": không tìm thấy tệp hoặc thư mục (có thể đã bị xóa, đổi tên, hoặc ổ đĩa đã bị rút ra). Hãy kiểm tra đường dẫn rồi thử lại.',
    });
  });

  it('reading speaks of reading: no permission or a lock, never "quyền ghi"', () => {
    expect(fileFailure(osError('EACCES'), 'a.xlsx')).toEqual({
      code: 'no_permission',
      severity: 'error',
      message: 'Không đọc được "a.xlsx": không có quyền đọc. Hãy cấp quyền đọc hoặc chép sang thư mục khác rồi thử lại.',
    });
    expect(fileFailure(osError('EBUSY'), 'a.xlsx')).toMatchObject({
      code: 'file_locked',
      message: expect.stringMatching(/^Không đọc được "a\.xlsx": đang bị chương trình khác \(Excel, Word…\) khóa\. Hãy đóng/),
    });
    expect(fileFailure(osError('EPERM'), 'a.xlsx')).toMatchObject({
      code: 'file_locked',
      message: expect.stringMatching(/^Không đọc được "a\.xlsx": không có quyền đọc hoặc đang bị chương trình khác khóa\./),
    });
    for (const code of ['EACCES', 'EBUSY', 'EPERM', 'ENOENT', 'EISDIR', 'ENOTDIR', 'ELOOP', 'EMFILE', 'EIO']) {
      const f = fileFailure(osError(code), 'a.xlsx');
      expect(f.message, code).toMatch(/^Không đọc được "a\.xlsx": /);
      expect(f.message, code).not.toMatch(/quyền ghi|simulated/);
    }
    // The folder variant, and writing keeps its own words.
    expect(fileError(osError('EACCES'), '/tmp/khoa', 'read_folder').message).toBe(
      'Không đọc được thư mục "/tmp/khoa": không có quyền đọc. Hãy cấp quyền đọc hoặc chép sang thư mục khác rồi thử lại.',
    );
    expect(fileError(osError('EACCES'), 'Bao cao.docx', 'write').message).toMatch(/^Không ghi được "Bao cao\.docx": .*không có quyền ghi/);
  });

  it("SQLite's full disk, met while storing a file, reads as a full disk", () => {
    const db = new Database(':memory:');
    db.pragma('max_page_count = 2');
    db.exec('CREATE TABLE t (x TEXT)');
    let full: unknown;
    try {
      db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000));
    } catch (e) {
      full = e;
    } finally {
      db.close();
    }
    expect((full as { code?: string }).code).toBe('SQLITE_FULL');
    const f = fileFailure(full, 'a.xlsx');
    expect(f.code).toBe('disk_full');
    expect(f.message).toMatch(/^Không lưu được số liệu của "a\.xlsx": ổ đĩa đã đầy\. Hãy giải phóng dung lượng/);
  });

  it('database conditions keep their own words, and anything else is named as unexpected', () => {
    expect(fileFailure(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }), 'a.xlsx').code).toBe('db_busy');
    expect(fileFailure(Object.assign(new Error('readonly'), { code: 'SQLITE_READONLY' }), 'a.xlsx').code).toBe('db_readonly');
    expect(fileFailure(new TypeError('x is undefined'), 'a.xlsx')).toMatchObject({
      code: 'import_failed',
      message: expect.stringMatching(/^Không nhập được "a\.xlsx" do lỗi không lường trước/),
    });
  });
});
