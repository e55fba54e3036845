// The CLI's errors: with --json exactly one JSON object on stdout, errors included; operating-system
// errors in Vietnamese naming their path, without a stack trace unless --debug; negative numbers are
// values; one condition gives one code and one exit code whichever command meets it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli.ts';
import { isAppError } from '../../electron/errors.ts';
import { fromOsError } from '../../electron/files/os-errors.ts';
import { dispatch } from '../../electron/ipc/handlers.ts';
import { openContext } from '../../electron/store/context.ts';
import { ERROR_KINDS } from '../../shared/errors.ts';
import { cli } from '../helpers/cli.ts';
import { sampleDb, tempDir } from '../helpers/fixtures.ts';

let dir: string;
let cleanup: () => void;
let db: string;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  db = path.join(dir, 'sample.sqlite');
  sampleDb(db).db.close();
});
afterAll(() => cleanup());

/** stdout must be one JSON object and nothing else. */
function oneJson(out: string): Record<string, unknown> {
  const value = JSON.parse(out) as unknown;
  expect(typeof value).toBe('object');
  return value as Record<string, unknown>;
}

const STACK = /\n\s+at /;
const ENGLISH = /\b(Error|Invalid|ambiguous|expected|undefined)\b/;

describe('--json prints one JSON object, errors included', () => {
  it.each([
    [['lam-gi-do', '--json'], 2, 'usage', /Không có lệnh "lam-gi-do"/],
    [['validate', '--db', 'x.sqlite', '--json'], 2, 'usage', /Thiếu tùy chọn --year/],
    [['validate', '--db', 'x.sqlite', '--year', 'hai nghìn', '--json'], 2, 'bad_year', /"hai nghìn" không phải là một năm/],
    [['units', '--bogus', '--json'], 2, 'usage', /Không có tùy chọn "--bogus"/],
    [['units', '--db', 'khong-co.sqlite', '--json'], 2, 'db_missing', /Không tìm thấy cơ sở dữ liệu/],
  ])('%j exits %i with code %s', async (argv, exit, code, message) => {
    const r = await cli(...argv.map((a) => (a.endsWith('.sqlite') ? path.join(dir, a) : a)));
    expect(r.code).toBe(exit);
    expect(oneJson(r.out)).toEqual({ ok: false, code, message: expect.stringMatching(message) });
    expect(r.out + r.err).not.toMatch(ENGLISH);
  });

  it('commands that print a sentence print an object under --json', async () => {
    const file = path.join(dir, 'json.sqlite');
    sampleDb(file).db.close();
    expect(oneJson((await cli('lock', '--db', file, '--year', '2026', '--reason', 'Đã rà soát', '--json')).out)).toMatchObject({ year: 2026, locked: true });
    expect(oneJson((await cli('unlock', '--db', file, '--year', '2026', '--reason', 'Xã gửi lại', '--json')).out)).toMatchObject({ year: 2026, locked: false });
    const backup = oneJson((await cli('backup', '--db', file, '--json')).out);
    expect(backup.file).toMatch(/\.sqlite$/);
    expect(oneJson((await cli('restore', '--db', file, '--from', backup.file as string, '--json')).out)).toMatchObject({ db: file });
    expect(oneJson((await cli('audit', '--db', file, '--out', path.join(dir, 'a.csv'), '--json')).out)).toMatchObject({ rows: expect.any(Number) });
    expect(oneJson((await cli('export', '--db', file, '--year', '2026', '--out', path.join(dir, 'e.json'), '--json')).out)).toMatchObject({ year: 2026 });
  });
});

describe('operating-system errors in Vietnamese, naming the path', () => {
  it('a folder given where a file is written (EISDIR), a file where a folder is needed, a missing file', async () => {
    const folder = path.join(dir, 'a-folder');
    mkdirSync(folder);
    const eisdir = await cli('export', '--db', db, '--year', '2026', '--out', folder, '--json');
    expect(eisdir.code).toBe(2);
    expect(oneJson(eisdir.out)).toEqual({
      ok: false,
      code: 'is_folder',
      message: expect.stringMatching(/a-folder.* là một thư mục chứ không phải tệp\. Hãy chọn hoặc đặt tên tệp khác/),
    });
    expect(eisdir.err).not.toMatch(STACK);

    const aFile = path.join(dir, 'a-file.txt');
    writeFileSync(aFile, 'x');
    const notDir = await cli('template', '--db', db, '--year', '2026', '--out', path.join(aFile, 'sub'));
    expect(notDir.code).toBe(2);
    expect(notDir.err).toContain(aFile);
    expect(notDir.err).not.toMatch(STACK);
    expect(notDir.err).not.toMatch(ENGLISH);

    const eexist = await cli('template', '--db', db, '--year', '2026', '--out', aFile, '--json');
    expect(eexist.code).toBe(2);
    expect(oneJson(eexist.out)).toMatchObject({
      ok: false,
      code: expect.stringMatching(/^(already_exists|not_folder)$/),
      message: expect.stringContaining(`"${aFile}"`),
    });

    const missing = path.join(dir, 'khong-co.json');
    const ij = await cli('import-json', '--db', db, missing);
    expect(ij.code).toBe(1);
    expect(ij.out).toBe(
      `TỪ CHỐI: ${missing} — Không dùng được tệp khong-co.json ("${missing}"): không tìm thấy tệp hoặc thư mục (có thể đã bị xóa, đổi tên, hoặc ổ đĩa đã bị rút ra). Hãy kiểm tra đường dẫn rồi thử lại.`,
    );
  });

  it('a full disk (ENOSPC, from /dev/full) and the other errors all say their path', () => {
    const full = (() => {
      try {
        writeFileSync('/dev/full', 'x');
      } catch (e) {
        return fromOsError(e, '/dev/full');
      }
      return null;
    })();
    expect(isAppError(full) && full.code).toBe('disk_full');
    expect((full as Error).message).toMatch(/^Không dùng được tệp full \("\/dev\/full"\): ổ đĩa đã đầy\. Hãy giải phóng dung lượng/);
    for (const code of ['ENOENT', 'EISDIR', 'ENOTDIR', 'EEXIST', 'EACCES', 'EPERM', 'ENOSPC', 'EBUSY', 'EROFS', 'ENAMETOOLONG', 'ELOOP', 'EMFILE', 'EXDEV']) {
      const raw = Object.assign(new Error(`${code}: something, open 'C:\\Bao cao\\a.xlsx'`), { code, errno: -1, syscall: 'open', path: 'C:\\Bao cao\\a.xlsx' });
      const e = fromOsError(raw);
      expect(isAppError(e), code).toBe(true);
      expect((e as Error).message, code).toContain('"C:\\Bao cao\\a.xlsx"');
      expect((e as Error).message, code).not.toMatch(ENGLISH);
      expect(Object.keys(ERROR_KINDS), code).toContain((e as { code: string }).code);
    }
    const plain = new Error('not an OS error');
    expect(fromOsError(plain)).toBe(plain);
  });

  it('an unexpected error has no stack trace unless --debug', async () => {
    const run = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      let first = true;
      const code = await runCli(argv, {
        out: (l) => {
          if (first) {
            first = false;
            throw new TypeError('boom');
          }
          out.push(l);
        },
        err: (l) => err.push(l),
      });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const plain = await run('units', '--db', db, '--json');
    expect(plain.code).toBe(1);
    expect(oneJson(plain.out)).toEqual({ ok: false, code: 'internal', message: expect.stringMatching(/^Lỗi không mong đợi: boom .*--debug/) });
    expect(plain.err).not.toMatch(STACK);
    const debug = await run('units', '--db', db, '--debug');
    expect(debug.err).toMatch(STACK);
  });
});

describe('negative numbers are values', () => {
  it('--value -5 reaches the value checker, which refuses it in Vietnamese', async () => {
    const file = path.join(dir, 'neg.sqlite');
    sampleDb(file).db.close();
    for (const value of [['--value', '-5'], ['--value=-5'], ['--value', '-0,5']]) {
      const r = await cli('correct', '--db', file, '--unit', 'X02', '--year', '2026', '--code', 'pl01_bl_tre', ...value, '--reason', 'thử', '--json');
      expect(r.code).toBe(1);
      expect(oneJson(r.out)).toMatchObject({ ok: false, code: 'negative', message: expect.stringMatching(/số âm \(-(5|0,5)\) không hợp lệ/) });
      expect(r.err).not.toMatch(/ambiguous/);
    }
    const year = await cli('validate', '--db', file, '--year', '-5', '--json');
    expect(oneJson(year.out)).toMatchObject({ ok: false, code: 'bad_year' });
  });
});

describe('one condition, one code, one exit code', () => {
  it('a year the database does not hold: unknown_year and exit 2 in every command and API method', async () => {
    for (const argv of [
      ['validate', '--year', '2019'],
      ['generate', '--year', '2019', '--out', path.join(dir, 'out-2019')],
      ['lock', '--year', '2019'],
      ['unlock', '--year', '2019', '--reason', 'x'],
    ]) {
      const r = await cli(argv[0]!, '--db', db, ...argv.slice(1), '--json');
      expect([r.code, oneJson(r.out).code], argv.join(' ')).toEqual([2, 'unknown_year']);
    }
    const ctx = openContext(db);
    try {
      const env = { ctx, dbFile: db, dataDir: dir, desktop: false };
      for (const [method, input] of [
        ['validateYear', { year: 2019 }],
        ['setYearLocked', { year: 2019, locked: true }],
        ['setSectionText', { year: 2019, code: 't_a2', text: 'x' }],
        ['reportSections', { year: 2019 }],
      ] as const) {
        expect(await dispatch(env, method, input), method).toMatchObject({ ok: false, error: { code: 'unknown_year' } });
      }
    } finally {
      ctx.db.close();
    }
  });
});
