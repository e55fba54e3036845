// Backups of the store: SQLite's online backup API (better-sqlite3 `db.backup`) before every import
// batch, a consistent `VACUUM INTO` snapshot before a migration (opening is synchronous), rolling
// (the newest 10 kept), and restore (which first backs up the file it replaces).
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';
import type { Db } from './database.ts';

export const KEEP_BACKUPS = 10;

export interface BackupInfo {
  file: string;
  reason: string;
  at: string;
  bytes: number;
}

export function backupDir(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), 'backups');
}

function stamp(d = new Date()): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('Z', '').replace('.', '');
}

function backupPath(dbFile: string, reason: string): string {
  const dir = backupDir(dbFile);
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${path.basename(dbFile, path.extname(dbFile))}-${stamp()}-${reason.replace(/[^a-z0-9-]/gi, '')}.sqlite`);
}

export function isFileDatabase(db: Db): boolean {
  return !db.memory && db.name !== '' && db.name !== ':memory:';
}

export function listBackups(dbFile: string): BackupInfo[] {
  const dir = backupDir(dbFile);
  if (!existsSync(dir)) return [];
  const base = path.basename(dbFile, path.extname(dbFile)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Exactly "<base>-<stamp>-<reason>.sqlite": a neighbour such as "<base>-2025.sqlite" has backups of its own.
  const own = new RegExp(`^${base}-\\d{8}-\\d{9}-[a-z0-9-]*\\.sqlite$`, 'i');
  return readdirSync(dir)
    .filter((f) => own.test(f))
    .sort()
    .reverse()
    .map((f) => {
      const m = /-(\d{8}-\d{9})-([a-z0-9-]*)\.sqlite$/i.exec(f);
      const s = m?.[1] ?? '';
      const at = s ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z` : '';
      return { file: path.join(dir, f), reason: m?.[2] ?? '', at, bytes: statSync(path.join(dir, f)).size };
    });
}

function prune(dbFile: string): void {
  for (const old of listBackups(dbFile).slice(KEEP_BACKUPS)) rmSync(old.file, { force: true });
}

/** An online backup of an open database; returns the backup file. */
export async function backupDatabase(db: Db, reason: string): Promise<string> {
  const dest = backupPath(db.name, reason);
  await db.backup(dest);
  prune(db.name);
  return dest;
}

/** A synchronous, consistent snapshot (used before migrations, while opening). */
export function snapshotDatabase(db: Db, reason: string): string {
  const dest = backupPath(db.name, reason);
  db.prepare('VACUUM INTO ?').run(dest);
  prune(db.name);
  return dest;
}

/**
 * Replaces the database file with a backup. The backup is checked first (integrity, a schema this
 * app can read); the file it replaces is itself backed up. The database must not be open elsewhere.
 */
export function restoreBackup(dbFile: string, backupFile: string, maxSchemaVersion: number): { replacedBackup: string | null } {
  if (!existsSync(backupFile)) throw new AppError('no_backup', `Không tìm thấy bản sao lưu ${backupFile}.`);
  let check: Db | undefined;
  try {
    check = new Database(backupFile, { readonly: true, fileMustExist: true });
    const ok = check.pragma('integrity_check', { simple: true });
    const v = (check.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
    if (ok !== 'ok') throw new AppError('bad_backup', `Bản sao lưu ${path.basename(backupFile)} bị hỏng (kiểm tra toàn vẹn không đạt).`);
    if (v > maxSchemaVersion) throw new AppError('db_newer', `Bản sao lưu ${path.basename(backupFile)} do phiên bản mới hơn của phần mềm tạo.`);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('bad_backup', `Tệp ${path.basename(backupFile)} không phải bản sao lưu cơ sở dữ liệu của Báo cáo 121.`);
  } finally {
    check?.close();
  }
  let replacedBackup: string | null = null;
  if (existsSync(dbFile)) {
    const current = new Database(dbFile);
    try {
      replacedBackup = snapshotDatabase(current, 'truoc-khoi-phuc');
      current.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      current.close();
    }
  }
  for (const ext of ['-wal', '-shm']) rmSync(dbFile + ext, { force: true });
  copyFileSync(backupFile, dbFile);
  return { replacedBackup };
}
