// Batches: one file's or folder's failure never stops the batch; each file gets its line naming the unit;
// two files for one unit and year in one batch are both refused and named; two imports into one database
// at once are serialized (busy timeout + immediate transactions) and all succeed.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServiceContext } from '../../electron/store/context.ts';
import { importFiles } from '../../electron/services/imports.ts';
import { emptySampleDb, sample, tempDir } from '../helpers/fixtures.ts';
import { dbSnapshot, filledWorkbookFile } from '../helpers/workbooks.ts';

// An unreadable folder and a full disk cannot be made as root: node:fs answers them for two chosen paths.
const failing = vi.hoisted(() => ({ folder: '', file: '' }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const fail = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
  return {
    ...fs,
    readdirSync: ((p: string, ...rest: unknown[]) => {
      if (failing.folder && String(p) === failing.folder) throw fail('EACCES');
      return (fs.readdirSync as (...a: unknown[]) => unknown)(p, ...rest);
    }) as typeof fs.readdirSync,
    openSync: ((p: string, ...rest: unknown[]) => {
      if (failing.file && String(p) === failing.file) throw fail('ENOSPC');
      return (fs.openSync as (...a: unknown[]) => unknown)(p, ...rest);
    }) as typeof fs.openSync,
  };
});

let ctx: ServiceContext;
let dir: string;
let cleanup: () => void;
const answers = (unit: string, year = 2026) => {
  const s = sample.submissions.find((x) => x.unit === unit && x.year === year)!;
  return { values: s.values, documents: s.documents, texts: s.texts };
};

beforeAll(() => {
  ({ dir, cleanup } = tempDir('bc121-batch-'));
  ctx = emptySampleDb();
});
afterAll(() => {
  ctx.db.close();
  cleanup();
});

describe('a batch goes on whatever one file does', () => {
  it('an unreadable folder, a file on a full disk, a symlink loop: each its refusal in words; the others are taken', async () => {
    const folder = path.join(dir, 'mixed');
    const locked = path.join(dir, 'khoa');
    mkdirSync(locked, { recursive: true });
    mkdirSync(folder, { recursive: true });
    const good1 = await filledWorkbookFile(ctx, folder, 'X01', 2026, answers('X01'), undefined, 'a-X01.xlsx');
    const full = await filledWorkbookFile(ctx, folder, 'X02', 2026, answers('X02'), undefined, 'b-X02.xlsx');
    symlinkSync('c-loop.xlsx', path.join(folder, 'c-loop.xlsx'));
    const good2 = await filledWorkbookFile(ctx, folder, 'X03', 2026, answers('X03'), undefined, 'd-X03.xlsx');
    failing.folder = locked;
    failing.file = full;
    const results = await importFiles(ctx, [folder, locked, path.join(dir, 'khong-co')]);
    failing.folder = '';
    failing.file = '';
    const line = (f: string) => results.find((r) => r.file === f)!;
    expect(line(good1)).toMatchObject({ status: 'accepted', unitName: 'Phường An Lạc' });
    expect(line(good2)).toMatchObject({ status: 'accepted' });
    expect(line(full)).toMatchObject({
      status: 'rejected',
      findings: [{ message: expect.stringMatching(/^Không đọc được "b-X02\.xlsx": ổ đĩa đã đầy\. Hãy giải phóng dung lượng/) }],
    });
    expect(line(path.join(folder, 'c-loop.xlsx'))).toMatchObject({
      status: 'rejected',
      findings: [{ message: expect.stringMatching(/^c-loop\.xlsx là một liên kết/) }],
    });
    // The unreadable folder: refused in words, the batch goes on (the files before and after it are in).
    expect(line(locked)).toMatchObject({ status: 'rejected', findings: [{ code: 'folder_unreadable' }] });
    expect(results.map((r) => path.basename(r.file))).toEqual(['a-X01.xlsx', 'b-X02.xlsx', 'd-X03.xlsx', 'c-loop.xlsx', 'khoa', 'khong-co']); // a folder's files, then what it skipped
    expect(line(locked).findings[0]!.message).toMatch(/^Không đọc được thư mục "\S*khoa": không có quyền đọc\. Hãy cấp quyền đọc/);
    expect(line(path.join(dir, 'khong-co'))).toMatchObject({ status: 'rejected' });
    expect(results.every((r) => r.findings.every((f) => !/\bat \w+ \(|Error:/.test(f.message)))).toBe(true);
  });

  it('a database that stays locked by another writer refuses each file as busy; nothing stops the batch', async () => {
    const { dir: d2, cleanup: c2 } = tempDir('bc121-busy-');
    try {
      const file = path.join(d2, 'busy.sqlite');
      const busyCtx = emptySampleDb(file);
      const files = [await filledWorkbookFile(busyCtx, d2, 'X04', 2026, answers('X04')), await filledWorkbookFile(busyCtx, d2, 'X05', 2026, answers('X05'))];
      busyCtx.db.pragma('busy_timeout = 200');
      const other = new Database(file);
      other.exec('BEGIN IMMEDIATE');
      const results = await importFiles(busyCtx, files);
      other.exec('ROLLBACK');
      other.close();
      expect(results.map((r) => [r.status, r.unitName, r.findings[0]?.code])).toEqual([
        ['rejected', 'Xã Hòa Bình', 'db_busy'],
        ['rejected', expect.stringMatching(/^(Xã|Phường) /), 'db_busy'],
      ]);
      expect(results[0]!.findings[0]!.message).toMatch(/Cơ sở dữ liệu đang bận .*Hãy nhập lại tệp này sau ít phút/);
      busyCtx.db.close();
    } finally {
      c2();
    }
  });

  it('a rejected file names its unit by name', async () => {
    const bad = await filledWorkbookFile(
      ctx,
      dir,
      'X06',
      2026,
      { ...answers('X06'), values: { ...answers('X06').values, pl01_bl_tre: -1 } },
      undefined,
      'neg-X06.xlsx',
    );
    const [r] = await importFiles(ctx, [bad]);
    expect(r).toMatchObject({ status: 'rejected', unit: 'X06', unitName: expect.stringMatching(/^(Xã|Phường) /), year: 2026 });
  });
});

describe('two files for one unit and year in one batch', () => {
  it('differing: neither is taken, both are named; identical copies: one is taken', async () => {
    const folder = path.join(dir, 'two');
    mkdirSync(folder);
    const first = await filledWorkbookFile(ctx, folder, 'X07', 2026, answers('X07'), undefined, 'X07 lan 1.xlsx');
    const second = await filledWorkbookFile(
      ctx,
      folder,
      'X07',
      2026,
      { ...answers('X07'), values: { ...answers('X07').values, tt_cuoc: 99 } },
      undefined,
      'X07 lan 2.xlsx',
    );
    const single = await filledWorkbookFile(ctx, folder, 'X08', 2026, answers('X08'), undefined, 'X08.xlsx');
    copyFileSync(single, path.join(folder, 'X08 ban sao.xlsx'));
    const before = (ctx.db.prepare("SELECT COUNT(*) AS n FROM submissions s JOIN units u ON u.id = s.unit_id WHERE u.code = 'X07'").get() as { n: number }).n;
    const results = await importFiles(ctx, [folder]);
    const byName = new Map(results.map((r) => [path.basename(r.file), r]));
    for (const [f, other] of [
      [first, 'X07 lan 2.xlsx'],
      [second, 'X07 lan 1.xlsx'],
    ] as const) {
      const r = byName.get(path.basename(f))!;
      expect(r).toMatchObject({ status: 'rejected', unit: 'X07', year: 2026, findings: [{ code: 'conflicting_files' }] });
      expect(r.findings[0]!.message).toContain(other);
      expect(r.findings[0]!.message).toMatch(/cùng là báo cáo năm 2026 của .*: không nhận tệp nào\. Hãy hỏi đơn vị tệp nào đúng/);
    }
    expect((ctx.db.prepare("SELECT COUNT(*) AS n FROM submissions s JOIN units u ON u.id = s.unit_id WHERE u.code = 'X07'").get() as { n: number }).n).toBe(
      before,
    );
    expect([byName.get('X08 ban sao.xlsx')!.status, byName.get('X08.xlsx')!.status].sort()).toEqual(['accepted', 'same_file']);
  });

  it('a rejection leaves the database as it was', async () => {
    const folder = path.join(dir, 'two-again');
    mkdirSync(folder);
    await filledWorkbookFile(ctx, folder, 'X09', 2026, answers('X09'), undefined, '1.xlsx');
    await filledWorkbookFile(ctx, folder, 'X09', 2026, { ...answers('X09'), texts: { t_a2: 'Khác.' } }, undefined, '2.xlsx');
    const before = dbSnapshot(ctx);
    expect((await importFiles(ctx, [folder])).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(dbSnapshot(ctx)).toBe(before);
  });
});

describe('two imports into one database at once', () => {
  it('three processes importing three folders into one file: all succeed, every file is in', async () => {
    const { dir: d3, cleanup: c3 } = tempDir('bc121-two-');
    try {
      const db = path.join(d3, 'chung.sqlite');
      const seed = emptySampleDb(db);
      const units = sample.submissions.filter((s) => s.year === 2026).map((s) => s.unit);
      const folders = [path.join(d3, 'a'), path.join(d3, 'b'), path.join(d3, 'c')];
      for (const f of folders) mkdirSync(f);
      for (const [i, u] of units.entries()) await filledWorkbookFile(seed, folders[i % 3]!, u, 2026, answers(u));
      seed.db.close();
      const run = (folder: string) =>
        new Promise<{ code: number | null; err: string; out: string }>((resolve) => {
          const child = spawn(process.execPath, [path.resolve('bin/baocao121.mjs'), 'import', '--db', db, folder], { stdio: ['ignore', 'pipe', 'pipe'] });
          let err = '';
          let out = '';
          child.stderr.on('data', (c: Buffer) => (err += c.toString()));
          child.stdout.on('data', (c: Buffer) => (out += c.toString()));
          child.on('exit', (code) => resolve({ code, err, out }));
        });
      const runs = await Promise.all(folders.map(run));
      expect(
        runs.map((r) => r.code),
        runs.map((r) => `${r.out}\n${r.err}`).join('\n'),
      ).toEqual([0, 0, 0]);
      expect(runs.map((r) => r.out).join('\n')).not.toMatch(/locked|TỪ CHỐI/);
      const conn = new Database(db, { readonly: true });
      expect((conn.prepare('SELECT COUNT(*) AS n FROM submissions WHERE is_current = 1 AND year = 2026').get() as { n: number }).n).toBe(units.length);
      conn.close();
    } finally {
      c3();
    }
  }, 120_000);
});
