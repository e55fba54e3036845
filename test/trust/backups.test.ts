// Backups: before an import batch (online backup API) and before a migration; only the automatic
// pre-import ones rotate (10 kept), manual, pre-restore and pre-upgrade ones stay until deleted; a backup
// is listed only once complete and verified; restore first saves what it replaces; a newer app's is refused.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEEP_BACKUPS, backupDatabase, deleteBackup, listBackups, restoreBackup, snapshotDatabase } from '../../electron/db/backup.ts';
import { atomicIo } from '../../electron/files/atomic-write.ts';
import { loadMigrations, MIGRATIONS_DIR, openDatabase, SCHEMA_VERSION } from '../../electron/db/database.ts';
import { importFiles } from '../../electron/services/imports.ts';
import { emptySampleDb, tempDir } from '../helpers/fixtures.ts';
import { filledWorkbookFile } from '../helpers/workbooks.ts';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

const count = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('backups', () => {
  it('an import batch into a database with data is preceded by a backup holding the data as it was', async () => {
    const file = path.join(dir, 'season.sqlite');
    const ctx = emptySampleDb(file);
    const a = await filledWorkbookFile(ctx, dir, 'X01', 2026, { values: { pl01_bl_tre: 1 } }, undefined, 'a.xlsx');
    const b = await filledWorkbookFile(ctx, dir, 'X02', 2026, { values: { pl01_bl_tre: 2 } }, undefined, 'b.xlsx');
    await importFiles(ctx, [a]);
    expect(listBackups(file)).toHaveLength(0); // nothing to lose before the first import
    await importFiles(ctx, [b]);
    const backups = listBackups(file);
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ reason: 'truoc-nhap', kind: 'before_import' });
    expect(count(backups[0]!.file)).toBe(1);
    expect(count(file)).toBe(2);

    // Restore: the current file is saved first, then replaced; the data is back as it was.
    ctx.db.close();
    const { replacedBackup } = await restoreBackup(file, backups[0]!.file, SCHEMA_VERSION);
    expect(replacedBackup && existsSync(replacedBackup)).toBeTruthy();
    expect(count(replacedBackup!)).toBe(2);
    expect(count(file)).toBe(1);
    const reopened = openDatabase(file);
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  });

  it("lists and prunes only its own backups, not a neighbour database's (baocao121-2025.sqlite)", async () => {
    const sub = path.join(dir, 'neighbours');
    mkdirSync(sub);
    const main = emptySampleDb(path.join(sub, 'baocao121.sqlite'));
    const archive = emptySampleDb(path.join(sub, 'baocao121-2025.sqlite'));
    const oldest = await backupDatabase(main.db, 'before_import');
    const theirs = await backupDatabase(archive.db, 'before_import');
    for (let i = 0; i < KEEP_BACKUPS; i++) await backupDatabase(main.db, 'before_import');
    expect(listBackups(path.join(sub, 'baocao121.sqlite')).map((b) => b.file)).not.toContain(theirs);
    expect(existsSync(theirs)).toBe(true);
    expect(existsSync(oldest)).toBe(false); // pruned: the oldest of the main database's 11
    main.db.close();
    archive.db.close();
  });

  it('rotates only the automatic pre-import backups (newest 10); manual, pre-restore and pre-upgrade ones stay', async () => {
    const file = path.join(dir, 'rolling.sqlite');
    const ctx = emptySampleDb(file);
    const manual = await backupDatabase(ctx.db, 'manual');
    const beforeRestore = await backupDatabase(ctx.db, 'before_restore');
    const beforeUpgrade = snapshotDatabase(ctx.db, 'before_upgrade', '1-2');
    const imports: string[] = [];
    for (let i = 0; i < KEEP_BACKUPS + 3; i++) imports.push(await backupDatabase(ctx.db, 'before_import'));
    const left = listBackups(file);
    expect(left.filter((b) => b.kind === 'before_import').map((b) => b.file)).toEqual(imports.slice(3).reverse());
    expect(left.filter((b) => b.kind !== 'before_import').map((b) => [b.file, b.kind, b.label])).toEqual([
      [beforeUpgrade, 'before_upgrade', 'Tự động, trước khi nâng cấp phần mềm'],
      [beforeRestore, 'before_restore', 'Tự động, trước khi khôi phục'],
      [manual, 'manual', 'Sao lưu thủ công'],
    ]);
    // They go only when the user deletes them; delete touches nothing but a listed backup.
    deleteBackup(file, manual);
    expect(existsSync(manual)).toBe(false);
    expect(() => deleteBackup(file, file)).toThrow(/không phải một bản sao lưu/);
    expect(existsSync(file)).toBe(true);
    ctx.db.close();
  });

  it('lists a backup only once complete and verified: torn files and temporary files of a killed run are never listed, and are cleaned up', async () => {
    const sub = path.join(dir, 'torn');
    mkdirSync(sub);
    const file = path.join(sub, 'baocao121.sqlite');
    const ctx = emptySampleDb(file);
    const good = await backupDatabase(ctx.db, 'manual');
    const bytes = readFileSync(good);
    const backups = path.dirname(good);
    // A file with a backup's name cut short (as a kill in an older version left it), and a kill's leftovers.
    writeFileSync(path.join(backups, 'baocao121-20260101-120000000-thu-cong.sqlite'), bytes.subarray(0, bytes.length - 4096));
    writeFileSync(path.join(backups, 'baocao121-20260101-120000001-truoc-nhap.sqlite'), Buffer.alloc(0));
    const leftover = `.baocao121-20260102-000000000-thu-cong.sqlite.999999999-1.tmp`;
    writeFileSync(path.join(backups, leftover), bytes.subarray(0, 8192));
    writeFileSync(path.join(backups, `${leftover}-journal`), 'x');
    expect(listBackups(file).map((b) => b.file)).toEqual([good]);
    expect(readdirSync(backups).filter((f) => f.startsWith('.'))).toEqual([]);
    // A failure while the backup is flushed (a full disk): nothing listed, nothing left behind, the cause said.
    const fsync = atomicIo.fsync;
    atomicIo.fsync = () => {
      throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    };
    try {
      await expect(backupDatabase(ctx.db, 'manual')).rejects.toThrow(/Chưa sao lưu được .*ổ đĩa đã đầy/);
    } finally {
      atomicIo.fsync = fsync;
    }
    expect(listBackups(file).map((b) => b.file)).toEqual([good]);
    expect(readdirSync(backups).filter((f) => f.startsWith('.'))).toEqual([]);
    // A listed backup is a whole database of ours: it passes integrity_check and has the schema.
    const copy = new Database(good, { readonly: true });
    expect([copy.pragma('integrity_check', { simple: true }), copy.pragma('journal_mode', { simple: true })]).toEqual(['ok', 'delete']);
    copy.close();
    ctx.db.close();
  });

  it('an older database is backed up before it is migrated; a backup from a newer app is refused', async () => {
    // Migrations of an "older app": only the first file; the "newer app" adds one more.
    const older = path.join(dir, 'migrations-old');
    const newer = path.join(dir, 'migrations-new');
    mkdirSync(older);
    mkdirSync(newer);
    const first = loadMigrations()[0]!;
    for (const d of [older, newer]) copyFileSync(path.join(MIGRATIONS_DIR, `${first.name}.sql`), path.join(d, `${first.name}.sql`));
    writeFileSync(path.join(newer, '900_test_extra.sql'), 'CREATE TABLE test_extra (x INTEGER);');
    const file = path.join(dir, 'old.sqlite');
    const db = openDatabase(file, { create: true, migrationsDir: older });
    db.prepare("INSERT INTO settings (key, value) VALUES ('province', '\"An Lạc\"')").run();
    db.close();
    expect(listBackups(file)).toHaveLength(0);
    openDatabase(file, { migrationsDir: newer }).close();
    const backups = listBackups(file);
    expect(backups.map((b) => b.reason)).toEqual([`truoc-nang-cap-${first.version}-900`]);
    const copy = new Database(backups[0]!.file, { readonly: true });
    expect(copy.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: first.version });
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'province'").get()).toEqual({ value: '"An Lạc"' });
    copy.close();

    const fromNewer = path.join(dir, 'newer.sqlite');
    emptySampleDb(fromNewer).db.close();
    const n = new Database(fromNewer);
    n.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '999_x', 'x')").run();
    n.close();
    await expect(restoreBackup(file, fromNewer, SCHEMA_VERSION)).rejects.toThrow(/phiên bản mới hơn/);
  });
});
