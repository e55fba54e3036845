// The folder walk: workbooks found to a bounded depth, links never followed (each named in the answer),
// and a path that is not a regular file refused from its metadata.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectImportFiles, MAX_FOLDER_DEPTH, readImportFile } from '../../electron/import/collect-files.ts';
import { tempDir } from '../helpers/fixtures.ts';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir('bc121-walk-'));
});
afterAll(() => cleanup?.());

describe.skipIf(process.platform === 'win32')('collectImportFiles (skipped on Windows: POSIX links)', () => {
  it('goes down to the depth bound, names the folder beyond it, and never follows a link', () => {
    const root = path.join(dir, 'root');
    let p = root;
    const expected: string[] = [];
    for (let depth = 0; depth <= MAX_FOLDER_DEPTH + 1; depth++) {
      mkdirSync(p, { recursive: true });
      const f = path.join(p, `cap ${depth}.xlsx`);
      writeFileSync(f, 'x');
      if (depth <= MAX_FOLDER_DEPTH) expected.push(f);
      p = path.join(p, 'sau');
    }
    symlinkSync(root, path.join(root, 'vong'));
    symlinkSync('/dev/zero', path.join(root, 'zero.xlsx'));
    writeFileSync(path.join(root, 'ghi chu.txt'), 'không phải biểu mẫu');
    const { files, skipped } = collectImportFiles([root]);
    expect(files.sort()).toEqual(expected.sort());
    expect(skipped.map((s) => [path.basename(s.file), s.findings[0]!.code]).sort()).toEqual([
      ['sau', 'folder_skipped'],
      ['vong', 'not_xlsx'],
      ['zero.xlsx', 'not_xlsx'],
    ]);
    expect(skipped.find((s) => s.file.endsWith('vong'))!.findings[0]!.message).toMatch(/liên kết/);
  });

  it('reads a regular file, refuses a device or a folder without reading it, and caps the bytes read', () => {
    const f = path.join(dir, 'a.xlsx');
    writeFileSync(f, Buffer.alloc(1000, 1));
    const ok = readImportFile(f, 5000);
    expect(ok.ok && ok.buf.length).toBe(1000);
    const big = readImportFile(f, 999);
    expect(!big.ok && big.result.findings[0]!.code).toBe('too_large');
    const dev = readImportFile('/dev/zero', 5000);
    expect(!dev.ok && dev.result.findings[0]!.message).toMatch(/thiết bị/);
    const folder = readImportFile(dir, 5000);
    expect(!folder.ok && folder.result.findings[0]!.message).toMatch(/thư mục/);
    const missing = readImportFile(path.join(dir, 'khong-co.xlsx'), 5000);
    expect(!missing.ok && missing.result.findings[0]).toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/^Không đọc được "khong-co\.xlsx": không tìm thấy tệp hoặc thư mục/),
    });
  });
});
