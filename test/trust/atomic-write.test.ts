// Every file the app writes goes to a temporary name, is flushed and renamed: a failure at any step
// (disk full, a file open in Excel/Word, a path through a file) leaves the previous file byte-identical,
// leaves no temporary file behind, and the message names the true cause in Vietnamese.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { atomicIo, isTempName, removeStaleTemps, writeFileAtomic } from '../../electron/files/atomic-write.ts';
import { fileError } from '../../electron/files/os-errors.ts';
import type { ServiceContext } from '../../electron/store/context.ts';
import { generateAll } from '../../electron/services/generate.ts';
import { REPORT_FILE_NAME } from '../../electron/services/report.ts';
import { writeBlankWorkbooks } from '../../electron/services/workbooks.ts';
import { cli } from '../helpers/cli.ts';
import { sampleDb, tempDir } from '../helpers/fixtures.ts';

let dir: string;
let cleanup: () => void;
let ctx: ServiceContext;
let dbFile: string;
const original = { ...atomicIo };

beforeAll(() => {
  ({ dir, cleanup } = tempDir('bc121-atomic-'));
  dbFile = path.join(dir, 'season.sqlite');
  ctx = sampleDb(dbFile);
}, 60_000);
afterAll(() => {
  ctx.db.close();
  cleanup();
});
afterEach(() => Object.assign(atomicIo, original));

function osError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

const snapshot = (folder: string) => new Map(readdirSync(folder).map((f) => [f, readFileSync(path.join(folder, f))]));

function expectUnchanged(folder: string, before: Map<string, Buffer>): void {
  const after = snapshot(folder);
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort()); // no temporary file left behind
  for (const [f, bytes] of before) expect(after.get(f)!.equals(bytes), `${f} changed`).toBe(true);
}

describe('atomic writes of the season’s files', () => {
  it('a full disk while the report is flushed keeps the previous report and annexes, and says the disk is full (not Word)', async () => {
    const out = path.join(dir, 'full');
    const first = await generateAll(ctx, { year: 2026, outDir: out, sources: true });
    expect(first.files.map((f) => path.basename(f))).toContain(REPORT_FILE_NAME);
    const before = snapshot(out);
    // Written, then the flush fails as a full disk does.
    atomicIo.fsync = () => {
      throw osError('ENOSPC');
    };
    const err = await generateAll(ctx, { year: 2026, outDir: out, sources: true }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/ổ đĩa đã đầy/);
    expect((err as Error).message).not.toMatch(/Word/);
    expect((err as Error).message).toMatch(/Tệp cũ .*giữ nguyên/);
    expectUnchanged(out, before);
  }, 60_000);

  it('the report: a full disk in the middle of the write names Bao cao.docx and keeps the old one', async () => {
    const out = path.join(dir, 'report-only');
    await generateAll(ctx, { year: 2026, outDir: out });
    const before = snapshot(out);
    // The annexes go through; the report's bytes stop half way.
    const reportFds = new Set<number>();
    atomicIo.open = (file, flags) => {
      const fd = original.open(file, flags);
      if (path.basename(file).includes(REPORT_FILE_NAME)) reportFds.add(fd);
      return fd;
    };
    atomicIo.write = (fd, data) => {
      if (!reportFds.has(fd)) return original.write(fd, data);
      original.write(fd, data.subarray(0, data.length >> 1));
      throw osError('ENOSPC');
    };
    const err = (await generateAll(ctx, { year: 2026, outDir: out }).catch((e: Error) => e)) as Error & { code: string };
    expect(err.code).toBe('disk_full');
    expect(err.message).toContain(REPORT_FILE_NAME);
    expect(readFileSync(path.join(out, REPORT_FILE_NAME)).equals(before.get(REPORT_FILE_NAME)!)).toBe(true);
    expect(readdirSync(out).filter(isTempName)).toEqual([]);
  }, 60_000);

  it('an annex open in Excel (the rename refused) keeps the old annex and says the file is open', async () => {
    const out = path.join(dir, 'locked');
    await generateAll(ctx, { year: 2026, outDir: out });
    const before = snapshot(out);
    atomicIo.rename = () => {
      throw osError('EBUSY');
    };
    const err = (await generateAll(ctx, { year: 2026, outDir: out }).catch((e: Error) => e)) as Error & { code: string };
    expect(err.code).toBe('file_locked');
    expect(err.message).toMatch(/Phu luc 01\.xlsx.*đang mở trong chương trình khác/);
    expectUnchanged(out, before);
  }, 60_000);

  it('a folder path that runs through a file is refused as "not a folder", for output and for blank workbooks', async () => {
    const file = path.join(dir, 'a-file.txt');
    writeFileSync(file, 'x');
    const err = (await generateAll(ctx, { year: 2026, outDir: path.join(file, 'out') }).catch((e: Error) => e)) as Error & { code: string };
    expect(err.code).toBe('not_folder');
    expect(err.message).toMatch(/không phải thư mục/);
    const blank = (await writeBlankWorkbooks(ctx, { year: 2026, outDir: path.join(file, 'bieu-mau'), units: ['X01'] }).catch((e: Error) => e)) as Error;
    expect(blank.message).toMatch(/không phải thư mục/);
  });

  it('blank workbooks: a full disk keeps the workbook already there', async () => {
    const out = path.join(dir, 'blank');
    await writeBlankWorkbooks(ctx, { year: 2026, outDir: out, units: ['X01'] });
    const before = snapshot(out);
    atomicIo.fsync = () => {
      throw osError('ENOSPC');
    };
    await expect(writeBlankWorkbooks(ctx, { year: 2026, outDir: out, units: ['X01'] })).rejects.toThrow(/ổ đĩa đã đầy/);
    expectUnchanged(out, before);
  });

  it('CLI export and audit: the previous file survives a failed write; a path through a file says so', async () => {
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const out = path.join(dir, 'cli');
    mkdirSync(out);
    const json = path.join(out, 'tinh.json');
    expect((await cli('export', '--db', dbFile, '--year', '2026', '--out', json)).code).toBe(0);
    const csv = path.join(out, 'nhat-ky.csv');
    expect((await cli('audit', '--db', dbFile, '--out', csv)).code).toBe(0);
    const before = snapshot(out);
    atomicIo.write = () => {
      throw osError('ENOSPC');
    };
    const e1 = await cli('export', '--db', dbFile, '--year', '2026', '--out', json);
    const e2 = await cli('audit', '--db', dbFile, '--out', csv);
    expect([e1.code, e2.code]).toEqual([1, 1]);
    expect(e1.err).toMatch(/tinh\.json.*ổ đĩa đã đầy/);
    expect(e2.err).toMatch(/nhat-ky\.csv.*ổ đĩa đã đầy/);
    expectUnchanged(out, before);
    Object.assign(atomicIo, original);
    const e3 = await cli('audit', '--db', dbFile, '--out', path.join(csv, 'x.csv'));
    expect(e3.err).toMatch(/nhat-ky\.csv.*(không phải thư mục|đã có một tệp cùng tên)/);
  });
});

describe('the pieces', () => {
  it('no module under electron/ writes a file but through electron/files (the database layer aside)', () => {
    const offenders: string[] = [];
    const sources = readdirSync('electron', { recursive: true, encoding: 'utf8' }).map((f) => path.join('electron', f).replace(/\\/g, '/'));
    for (const file of sources.filter((f) => f.endsWith('.ts'))) {
      if (/^electron\/(files|db)\//.test(file)) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const raw = /\b(writeFileSync|appendFileSync|createWriteStream|copyFileSync|renameSync)\b|\bfs\.(writeFile|rename|copyFile)\b/.test(line);
          const unwrapped = /\.xlsx\.writeFile\(/.test(line) && !/writeAtomicWith/.test(line);
          if (raw || unwrapped) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('a real failure (the target is a folder) keeps the folder and names the cause', async () => {
    const target = path.join(dir, 'is-a-folder');
    mkdirSync(target);
    const err = (await writeFileAtomic(target, 'x').catch((e: Error) => e)) as Error & { code: string };
    expect(err.code).toBe('is_folder');
    expect(readdirSync(dir).filter(isTempName)).toEqual([]);
  });

  it('OS errors read as causes with what to do next', () => {
    const f = path.join('C:', 'Bao cao', 'Bao cao.docx');
    expect(fileError(osError('ENOSPC'), f).message).toMatch(/^Không ghi được tệp Bao cao\.docx .*ổ đĩa đã đầy\. Hãy giải phóng/);
    expect(fileError(osError('EPERM'), f).message).toMatch(/đang mở trong chương trình khác .*Hãy đóng tệp/);
    expect(fileError(osError('EROFS'), f).code).toBe('read_only_fs');
    expect(fileError(osError('ENOENT'), f, 'read').message).toMatch(/^Không đọc được .*không tìm thấy/);
  });

  it('temporary files of a dead run are removed, a live one’s are kept', () => {
    const folder = path.join(dir, 'stale');
    mkdirSync(folder);
    const dead = path.join(folder, '.Bao cao.docx.999999999-1.tmp'); // no such process
    const live = path.join(folder, `.Bao cao.docx.${process.pid}-7.tmp`);
    writeFileSync(dead, '');
    writeFileSync(live, '');
    writeFileSync(path.join(folder, 'Bao cao.docx'), 'kept');
    expect(removeStaleTemps(folder)).toBe(1);
    expect(readdirSync(folder).sort()).toEqual(['.Bao cao.docx.' + process.pid + '-7.tmp', 'Bao cao.docx'].sort());
  });
});
