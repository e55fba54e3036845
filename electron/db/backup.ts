// Backups of the store and restore, so that nothing a compiler did is ever lost.
//
// Kinds: a manual backup, one before each import batch, one before a restore, one before a schema
// upgrade. The kind is written in the file name ("<base>-<stamp>-<kind>[-detail].sqlite") rather than
// in a table: a backups folder then describes itself even when the database beside it cannot be opened
// (which is when backups are needed), and backups made by earlier versions (same words) keep their kind.
// Only the automatic pre-import backups rotate (the newest 10 kept); the others stay until deleted.
//
// A backup is written under a temporary name, switched out of WAL (one self-contained file), checked
// (integrity_check, and it is a Báo cáo 121 database), flushed, and only then renamed to its listed
// name: a half-written file from a killed run never carries a backup's name, and is removed later.
//
// Restore never copies files over a database: the chosen backup is read through SQLite (a -wal beside
// it included) into a verified copy, the current content is backed up (kind: before restore), and the
// copy is written INTO the database with SQLite's online backup API — one transaction, so a kill leaves
// the old content, and connections already open (the window's) see the restored content afterwards.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readSync, openSync, closeSync, rmSync, statSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { ProgressListener } from '../../shared/types.ts';
import { AppError } from '../errors.ts';
import { atomicIo, ensureFolder, isTempName, removeStaleTemps, tempPathFor } from '../files/atomic-write.ts';
import { fileError, isOsError, sqliteAsOsError } from '../files/os-errors.ts';
import type { Db } from './database.ts';
import { databaseFile, readOnlyError } from './read-only.ts';

export const KEEP_BACKUPS = 10;
/** Pages copied per step of SQLite's backup API (4 KiB each): other work runs between steps. */
const PAGES_PER_STEP = 100;

export type BackupKind = 'manual' | 'before_import' | 'before_restore' | 'before_upgrade';

/** The word in the file name (unaccented, as earlier versions wrote it) and what the window shows. */
export const BACKUP_KINDS: Record<BackupKind, { token: string; label: string }> = {
  manual: { token: 'thu-cong', label: 'Sao lưu thủ công' },
  before_import: { token: 'truoc-nhap', label: 'Tự động, trước khi nhập biểu mẫu' },
  before_restore: { token: 'truoc-khoi-phuc', label: 'Tự động, trước khi khôi phục' },
  before_upgrade: { token: 'truoc-nang-cap', label: 'Tự động, trước khi nâng cấp phần mềm' },
};

export interface BackupInfo {
  file: string;
  kind: BackupKind;
  /** The kind as written in the file name, with its detail (e.g. "truoc-nang-cap-1-2"). */
  reason: string;
  label: string;
  at: string;
  bytes: number;
}

export function backupDir(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), 'backups');
}

function stamp(d = new Date()): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('Z', '').replace('.', '');
}

function baseName(dbFile: string): string {
  return path.basename(dbFile, path.extname(dbFile));
}

function kindOf(reason: string): BackupKind {
  for (const kind of ['before_upgrade', 'before_restore', 'before_import'] as const) {
    if (reason === BACKUP_KINDS[kind].token || reason.startsWith(`${BACKUP_KINDS[kind].token}-`)) return kind;
  }
  return 'manual'; // "thu-cong", and any other word: never rotated away
}

function backupPath(dbFile: string, kind: BackupKind, detail?: string): string {
  const dir = backupDir(dbFile);
  ensureFolder(dir);
  const reason = [BACKUP_KINDS[kind].token, detail?.replace(/[^a-z0-9-]/gi, '')].filter(Boolean).join('-');
  const first = path.join(dir, `${baseName(dbFile)}-${stamp()}-${reason}.sqlite`);
  let file = first;
  for (let n = 2; existsSync(file); n++) file = first.replace(/\.sqlite$/, `-${n}.sqlite`);
  return file;
}

export function isFileDatabase(db: Db): boolean {
  const file = databaseFile(db);
  return file !== '' && file !== ':memory:';
}

/** "SQLite format 3" and a size that matches the page count in its header: a whole file, not a torn one. */
function looksWhole(file: string, bytes: number): boolean {
  if (bytes < 512) return false;
  const head = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (head.subarray(0, 16).toString('latin1') !== 'SQLite format 3\0') return false;
  const raw = head.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const pages = head.readUInt32BE(28);
  const valid = head.readUInt32BE(24) === head.readUInt32BE(92); // the in-header size is current
  return !valid || pages === 0 || pages * pageSize === bytes;
}

/**
 * This database's backups, newest first, with their kind. Only complete backups carry a backup's name
 * (they are renamed once verified); temporary files of runs that were killed are removed here.
 */
export function listBackups(dbFile: string): BackupInfo[] {
  const dir = backupDir(dbFile);
  if (!existsSync(dir)) return [];
  removeStaleTemps(dir);
  const base = baseName(dbFile).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Exactly "<base>-<stamp>-<reason>.sqlite": a neighbour such as "<base>-2025.sqlite" has backups of its own.
  const own = new RegExp(`^${base}-\\d{8}-\\d{9}-[a-z0-9-]*\\.sqlite$`, 'i');
  const out: BackupInfo[] = [];
  for (const f of readdirSync(dir)
    .filter((name) => own.test(name))
    .sort()
    .reverse()) {
    const file = path.join(dir, f);
    let bytes: number;
    try {
      bytes = statSync(file).size;
      if (!looksWhole(file, bytes)) continue;
    } catch {
      continue;
    }
    const m = /-(\d{8}-\d{9})-([a-z0-9-]*)\.sqlite$/i.exec(f);
    const s = m?.[1] ?? '';
    const reason = m?.[2] ?? '';
    const at = s ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z` : '';
    const kind = kindOf(reason);
    out.push({ file, kind, reason, label: BACKUP_KINDS[kind].label, at, bytes });
  }
  return out;
}

/** Rotation: only the automatic pre-import backups, the newest KEEP_BACKUPS of them kept. */
function prune(dbFile: string): void {
  for (const old of listBackups(dbFile)
    .filter((b) => b.kind === 'before_import')
    .slice(KEEP_BACKUPS))
    rmSync(old.file, { force: true });
}

function discardDatabaseFile(file: string): void {
  for (const ext of ['', '-journal', '-wal', '-shm']) rmSync(file + ext, { force: true });
}

/**
 * Checks an open connection holds a whole Báo cáo 121 database: integrity_check, and a schema this app
 * knows. Returns its schema version.
 */
function checkOurs(conn: Db, label: string, maxSchemaVersion?: number): number {
  let ok: unknown;
  let version: number;
  try {
    ok = conn.pragma('integrity_check', { simple: true });
    const has = conn.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    version = has ? ((conn.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0) : 0;
  } catch (e) {
    throw new AppError(
      'bad_backup',
      `Tệp ${label} không phải bản sao lưu cơ sở dữ liệu của Báo cáo 121 (không đọc được như một cơ sở dữ liệu). Hãy chọn bản sao lưu khác.`,
      { cause: e },
    );
  }
  if (ok !== 'ok') throw new AppError('bad_backup', `Bản sao lưu ${label} bị hỏng (kiểm tra toàn vẹn không đạt). Hãy chọn bản sao lưu khác.`);
  if (version === 0) throw new AppError('bad_backup', `Tệp ${label} không phải bản sao lưu cơ sở dữ liệu của Báo cáo 121. Hãy chọn bản sao lưu khác.`);
  if (maxSchemaVersion !== undefined && version > maxSchemaVersion) {
    throw new AppError(
      'db_newer',
      `Bản sao lưu ${label} do phiên bản mới hơn của phần mềm tạo (lược đồ ${version}, phiên bản này hiểu đến ${maxSchemaVersion}). Hãy cập nhật phần mềm.`,
    );
  }
  return version;
}

/**
 * Turns a freshly written copy into a self-contained file (no WAL), checks it, and flushes it to disk.
 * Returns its schema version.
 */
function sealCopy(tmp: string, label: string, maxSchemaVersion?: number): number {
  const conn = new Database(tmp, { fileMustExist: true });
  let version: number;
  try {
    // No flushes while the copy is switched out of WAL: it is a temporary file, checked, flushed whole
    // below and only then renamed, so a crash meanwhile leaves a temporary file, never a named backup.
    conn.pragma('synchronous = OFF');
    conn.pragma('journal_mode = DELETE');
    version = checkOurs(conn, label, maxSchemaVersion);
  } finally {
    conn.close();
  }
  const fd = atomicIo.open(tmp, 'r+');
  try {
    atomicIo.fsync(fd);
  } finally {
    atomicIo.close(fd);
  }
  return version;
}

function finishBackup(db: Db, tmp: string, dest: string, kind: BackupKind): string {
  sealCopy(tmp, path.basename(dest));
  atomicIo.rename(tmp, dest);
  if (kind === 'before_import') prune(databaseFile(db));
  return dest;
}

function backupFailed(e: unknown, dest: string): unknown {
  if (e instanceof AppError) return e;
  if (isOsError(e) || (e as { code?: string }).code?.startsWith('SQLITE_')) {
    const cause = sqliteAsOsError(e);
    const err = isOsError(cause) ? fileError(cause, dest, 'write') : null;
    return new AppError(
      err?.code ?? 'backup_failed',
      `Chưa sao lưu được cơ sở dữ liệu: ${err?.message ?? (e as Error).message}. Dữ liệu đang dùng không bị thay đổi.`,
      { cause: e },
    );
  }
  return e;
}

/** An online backup of an open database (SQLite's backup API, step by step); returns the backup file. */
export async function backupDatabase(db: Db, kind: BackupKind, options: { onProgress?: ProgressListener; pagesPerStep?: number } = {}): Promise<string> {
  // A read-only database lives where nothing may be written, its backups folder included.
  if (db.readonly) throw readOnlyError(databaseFile(db));
  const dest = backupPath(databaseFile(db), kind);
  removeStaleTemps(path.dirname(dest));
  const tmp = tempPathFor(dest);
  try {
    await db.backup(tmp, {
      progress: ({ totalPages, remainingPages }) => {
        options.onProgress?.({ done: totalPages - remainingPages, total: totalPages, label: 'Đang sao lưu' });
        return options.pagesPerStep ?? PAGES_PER_STEP;
      },
    });
    return finishBackup(db, tmp, dest, kind);
  } catch (e) {
    discardDatabaseFile(tmp);
    throw backupFailed(e, dest);
  }
}

/** A synchronous, consistent snapshot (before a migration, while opening). */
export function snapshotDatabase(db: Db, kind: BackupKind, detail?: string): string {
  const dest = backupPath(databaseFile(db), kind, detail);
  removeStaleTemps(path.dirname(dest));
  const tmp = tempPathFor(dest);
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    return finishBackup(db, tmp, dest, kind);
  } catch (e) {
    discardDatabaseFile(tmp);
    throw backupFailed(e, dest);
  }
}

/** Deletes one of this database's backups (only its own, listed ones). */
export function deleteBackup(dbFile: string, file: string): void {
  const target = path.resolve(file);
  if (!listBackups(dbFile).some((b) => path.resolve(b.file) === target)) {
    throw new AppError('no_backup', `${path.basename(file)} không phải một bản sao lưu của cơ sở dữ liệu này; không xóa gì.`);
  }
  try {
    rmSync(target);
  } catch (e) {
    throw fileError(e, target, 'write');
  }
}

export interface RestoreResult {
  /** The backup of what the restore replaced (kind: before restore); null when there was nothing. */
  replacedBackup: string | null;
  /** The schema version of the restored content before it was brought up to date. */
  restoredVersion: number;
}

/** Reads the chosen backup through SQLite into a sealed, verified copy under a temporary name. */
async function stageCopy(source: string, dir: string, maxSchemaVersion: number): Promise<{ stage: string; version: number }> {
  const label = path.basename(source);
  if (!existsSync(source)) throw new AppError('no_backup', `Không tìm thấy bản sao lưu ${source}. Hãy kiểm tra đường dẫn.`);
  if (isTempName(source)) throw new AppError('bad_backup', `${label} là tệp tạm của một lần sao lưu chưa xong, không phải bản sao lưu.`);
  let src: Db;
  try {
    // Read-only, through SQLite: a -wal beside the file is part of its content.
    src = new Database(source, { readonly: true, fileMustExist: true });
  } catch (e) {
    if (isOsError(e)) throw fileError(e, source, 'read');
    throw new AppError('bad_backup', `Tệp ${label} không phải bản sao lưu cơ sở dữ liệu của Báo cáo 121. Hãy chọn bản sao lưu khác.`, { cause: e });
  }
  ensureFolder(dir);
  removeStaleTemps(dir);
  const stage = tempPathFor(path.join(dir, `khoi-phuc-${label.replace(/[^a-z0-9.-]/gi, '')}`));
  try {
    checkOurs(src, label, maxSchemaVersion);
    await src.backup(stage);
    const version = sealCopy(stage, label, maxSchemaVersion);
    return { stage, version };
  } catch (e) {
    discardDatabaseFile(stage);
    throw backupFailed(e, stage);
  } finally {
    src.close();
  }
}

/** A short fingerprint of a database's content: every table's row count, and the schema. */
function fingerprint(conn: Db): string {
  const tables = conn.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
    name: string;
    sql: string;
  }[];
  return tables.map((t) => `${t.sql}:${(conn.prepare(`SELECT COUNT(*) AS n FROM "${t.name.replace(/"/g, '""')}"`).get() as { n: number }).n}`).join('\n');
}

const BUSY_MESSAGE = (file: string) =>
  `Chưa khôi phục được: một chương trình khác (một cửa sổ Báo cáo 121 khác hoặc lệnh baocao121) đang ghi vào cơ sở dữ liệu ${file}. Hãy đợi thao tác đó xong hoặc đóng chương trình đó rồi thử lại; dữ liệu đang dùng không bị thay đổi.`;

/** How long a restore waits for another process's write to end before it gives up (ms). */
export const RESTORE_BUSY_MS = 5000;

/**
 * Restores a backup INTO an open database (the connection keeps working and sees the restored content).
 * The backup is verified first, the current content is backed up (kind: before restore), then the copy
 * is written by SQLite's online backup API in one transaction.
 */
export async function restoreInto(
  db: Db,
  source: string,
  options: { maxSchemaVersion: number; onProgress?: ProgressListener; busyMs?: number; pagesPerStep?: number },
): Promise<RestoreResult> {
  const busyMs = options.busyMs ?? RESTORE_BUSY_MS;
  if (!isFileDatabase(db)) throw new AppError('bad_backup', 'Cơ sở dữ liệu tạm (trong bộ nhớ) không khôi phục được từ tệp.');
  if (db.readonly) throw readOnlyError(databaseFile(db));
  if (path.resolve(source) === path.resolve(db.name))
    throw new AppError('bad_backup', 'Không thể khôi phục cơ sở dữ liệu từ chính nó. Hãy chọn một bản sao lưu.');
  const { stage, version } = await stageCopy(source, backupDir(db.name), options.maxSchemaVersion);
  try {
    // Nobody else may be writing: a short write transaction proves it (and waits a little for one to end).
    const timeout = db.pragma('busy_timeout', { simple: true }) as number;
    try {
      db.pragma(`busy_timeout = ${busyMs}`);
      db.exec('BEGIN IMMEDIATE; COMMIT');
    } catch (e) {
      if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw new AppError('db_busy', BUSY_MESSAGE(db.name), { cause: e });
      throw e;
    } finally {
      db.pragma(`busy_timeout = ${timeout}`);
    }
    const replacedBackup = await backupDatabase(db, 'before_restore');
    const copy = new Database(stage, { readonly: true, fileMustExist: true });
    try {
      const expected = fingerprint(copy);
      let last = -1;
      let since = Date.now();
      await copy.backup(db.name, {
        progress: ({ totalPages, remainingPages }) => {
          options.onProgress?.({ done: totalPages - remainingPages, total: totalPages, label: 'Đang khôi phục' });
          if (remainingPages !== last) [last, since] = [remainingPages, Date.now()];
          else if (Date.now() - since > busyMs) throw new AppError('db_busy', BUSY_MESSAGE(db.name));
          return options.pagesPerStep ?? PAGES_PER_STEP;
        },
      });
      if (fingerprint(db) !== expected) throw new AppError('db_busy', BUSY_MESSAGE(db.name));
      options.onProgress?.({ done: 1, total: 1, label: 'Đã khôi phục' });
    } finally {
      copy.close();
    }
    return { replacedBackup, restoredVersion: version };
  } finally {
    discardDatabaseFile(stage);
  }
}

/**
 * Restore by path, for a database no one has open here (the CLI): into the existing database when it
 * opens, else (missing, or not a database any more) the verified copy takes its place and a damaged file
 * is kept aside in the backups folder.
 */
export async function restoreBackup(
  dbFile: string,
  source: string,
  maxSchemaVersion: number,
  options: { onProgress?: ProgressListener } = {},
): Promise<RestoreResult> {
  let current: Db | null = null;
  if (existsSync(dbFile)) {
    try {
      current = new Database(dbFile, { fileMustExist: true });
      checkOurs(current, path.basename(dbFile));
    } catch (e) {
      current?.close();
      current = null;
      if (isOsError(e)) throw fileError(e, dbFile, 'read');
    }
  }
  if (current) {
    try {
      current.pragma('journal_mode = WAL');
      return await restoreInto(current, source, { maxSchemaVersion, onProgress: options.onProgress });
    } finally {
      current.close();
    }
  }
  const { stage, version } = await stageCopy(source, backupDir(dbFile), maxSchemaVersion);
  try {
    let replacedBackup: string | null = null;
    if (existsSync(dbFile)) {
      // A damaged file is never deleted: it is kept aside (not listed as a backup: it is not one).
      replacedBackup = path.join(backupDir(dbFile), `${baseName(dbFile)}-${stamp()}-hong.sqlite.damaged`);
      for (const ext of ['', '-wal', '-shm']) if (existsSync(dbFile + ext)) renameSync(dbFile + ext, replacedBackup + ext);
    }
    atomicIo.rename(stage, dbFile);
    return { replacedBackup, restoredVersion: version };
  } catch (e) {
    throw isOsError(e) ? fileError(e, dbFile, 'replace') : e;
  } finally {
    discardDatabaseFile(stage);
  }
}
