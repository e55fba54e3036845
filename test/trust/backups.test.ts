// Backups: before an import batch (online backup API) and before a migration, rolling (10 kept),
// restore that first saves the file it replaces; a backup from a newer app is refused.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEEP_BACKUPS, backupDatabase, listBackups, restoreBackup } from '../../electron/db/backup.ts';
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
    expect(backups[0]!.reason).toBe('truoc-nhap');
    expect(count(backups[0]!.file)).toBe(1);
    expect(count(file)).toBe(2);

    // Restore: the current file is saved first, then replaced; the data is back as it was.
    ctx.db.close();
    const { replacedBackup } = restoreBackup(file, backups[0]!.file, SCHEMA_VERSION);
    expect(replacedBackup && existsSync(replacedBackup)).toBeTruthy();
    expect(count(replacedBackup!)).toBe(2);
    expect(count(file)).toBe(1);
    const reopened = openDatabase(file);
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  });

  it('lists and prunes only its own backups, not a neighbour database\'s (baocao121-2025.sqlite)', async () => {
    const sub = path.join(dir, 'neighbours');
    mkdirSync(sub);
    const main = emptySampleDb(path.join(sub, 'baocao121.sqlite'));
    const archive = emptySampleDb(path.join(sub, 'baocao121-2025.sqlite'));
    const mine = await backupDatabase(main.db, 'chinh');
    const theirs = await backupDatabase(archive.db, 'luu-tru');
    for (let i = 0; i < KEEP_BACKUPS + 1; i++) await backupDatabase(main.db, `lan-${i}`);
    expect(listBackups(path.join(sub, 'baocao121.sqlite')).map((b) => b.file)).not.toContain(theirs);
    expect(existsSync(theirs)).toBe(true);
    expect(existsSync(mine)).toBe(false); // pruned: the oldest of the main database's 12
    main.db.close();
    archive.db.close();
  });

  it('keeps the newest 10', async () => {
    const file = path.join(dir, 'rolling.sqlite');
    const ctx = emptySampleDb(file);
    for (let i = 0; i < KEEP_BACKUPS + 3; i++) await backupDatabase(ctx.db, `lan-${i}`);
    const left = listBackups(file);
    expect(left).toHaveLength(KEEP_BACKUPS);
    expect(left[0]!.reason).toBe(`lan-${KEEP_BACKUPS + 2}`);
    ctx.db.close();
  });

  it('an older database is backed up before it is migrated; a backup from a newer app is refused', () => {
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
    expect(() => restoreBackup(file, fromNewer, SCHEMA_VERSION)).toThrow(/phiên bản mới hơn/);
  });
});
