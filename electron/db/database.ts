// Opening the store: WAL, foreign keys, numbered migrations recorded in schema_migrations,
// and a refusal of databases written by a newer version of the app. A database where nothing may be
// written (a read-only file or folder, a write-protected USB stick, a CD) opens read-only: reading
// works, and every write is refused with a Vietnamese reason.
import Database from 'better-sqlite3';
import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { AppError } from '../errors.ts';
import { databaseFile, markReadOnly, readOnlyError } from './read-only.ts';
import { isFileDatabase, snapshotDatabase } from './backup.ts';
import { cacheStatements } from './statement-cache.ts';

export type Db = Database.Database;

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.replace(/\.sql$/, ''), sql: readFileSync(path.join(dir, f), 'utf8') }));
}

export const SCHEMA_VERSION = loadMigrations().at(-1)?.version ?? 0;

function appliedVersion(db: Db): number {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_migrations'").get();
  if (!hasTable) return 0;
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

function appliedVersionSafe(db: Db): number {
  try {
    return appliedVersion(db);
  } catch {
    return 0;
  }
}

export interface OpenOptions {
  /** Create the file when it does not exist (init, demo); otherwise a missing file is an error. */
  create?: boolean;
  /** Called with the database before pending migrations are applied (backups hook in here). */
  beforeMigrate?: (db: Db, from: number, to: number) => void;
  /** Where the numbered .sql files are (tests point this at a copy). */
  migrationsDir?: string;
}

/** Can SQLite write here? It needs the file and, for its journal, the folder. */
function writableLocation(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    accessSync(path.dirname(path.resolve(file)), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens a database that cannot be written. SQLite can read a WAL database in a read-only folder only
 * when its -shm file is already there, so otherwise the content is read into memory (a -wal left
 * beside it is replayed on a private copy first); either way nothing on the disk is touched.
 */
function openReadOnly(file: string): Db {
  try {
    const direct = new Database(file, { readonly: true, fileMustExist: true });
    try {
      direct.prepare('SELECT COUNT(*) FROM sqlite_master').get();
      return direct;
    } catch {
      direct.close();
    }
  } catch {
    // not readable in place: read into memory below
  }
  let bytes: Buffer;
  const wal = `${file}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'bc121-ro-'));
    try {
      const copy = path.join(tmp, 'copy.sqlite');
      copyFileSync(file, copy);
      copyFileSync(wal, `${copy}-wal`);
      const replay = new Database(copy);
      try {
        bytes = replay.serialize();
      } finally {
        replay.close();
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  } else bytes = readFileSync(file);
  // In memory there is no WAL: the header's file-format bytes say "rollback journal".
  if (bytes.length >= 20 && bytes[18] === 2) bytes[18] = bytes[19] = 1;
  return new Database(bytes, { readonly: true });
}

/** Writes on a read-only database fail with SQLite's English message: turn it into ours. */
function guardWrites(db: Db, file: string): void {
  const convert = (e: unknown): unknown => ((e as { code?: string }).code?.startsWith('SQLITE_READONLY') ? readOnlyError(file) : e);
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const stmt = prepare(sql);
    if (!stmt.reader) {
      const run = stmt.run.bind(stmt);
      stmt.run = ((...params: unknown[]) => {
        try {
          return run(...params);
        } catch (e) {
          throw convert(e);
        }
      }) as typeof stmt.run;
    }
    return stmt;
  }) as typeof db.prepare;
  const exec = db.exec.bind(db);
  db.exec = ((sql: string) => {
    try {
      return exec(sql);
    } catch (e) {
      throw convert(e);
    }
  }) as typeof db.exec;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:' && !options.create && !existsSync(file)) {
    throw new AppError('db_missing', `Không tìm thấy cơ sở dữ liệu ${file}. Hãy tạo bằng lệnh "baocao121 init --db ${file}".`);
  }
  const unreadable = (cause?: unknown) =>
    new AppError(
      'db_unreadable',
      `Không mở được cơ sở dữ liệu ${file}: tệp hỏng hoặc không phải cơ sở dữ liệu của Báo cáo 121; không có gì trong tệp bị thay đổi.`,
      { cause },
    );
  if (file !== ':memory:' && existsSync(file) && !writableLocation(file)) {
    let db: Db;
    try {
      db = openReadOnly(file);
    } catch (e) {
      throw unreadable(e);
    }
    if (appliedVersionSafe(db) === 0) {
      db.close();
      throw unreadable();
    }
    const notice = `Cơ sở dữ liệu ${file} nằm ở nơi chỉ cho phép đọc (tệp hoặc thư mục không cho phép ghi): đã mở ở chế độ chỉ đọc — xem, kiểm tra, truy vết và xuất tệp được; nhập, sửa, chốt năm, sao lưu và khôi phục thì không. Muốn làm tiếp, hãy chép tệp vào một thư mục có quyền ghi rồi mở tệp đó.`;
    markReadOnly(db, path.resolve(file), notice);
    guardWrites(db, file);
    cacheStatements(db);
    db.pragma('foreign_keys = ON');
    try {
      migrate(db, undefined, options.migrationsDir, 'readonly');
    } catch (e) {
      db.close();
      throw e;
    }
    return db;
  }
  let db: Db;
  try {
    db = new Database(file);
  } catch (e) {
    throw unreadable(e);
  }
  cacheStatements(db);
  // A second process writing at once (two imports) is waited for, up to 10 s, instead of failing with
  // "database is locked"; writers open their transactions IMMEDIATE so that the wait happens up front.
  db.pragma('busy_timeout = 10000');
  // An existing file must already be one of ours: an empty or foreign SQLite file is left untouched.
  if (!options.create && file !== ':memory:' && appliedVersionSafe(db) === 0) {
    db.close();
    throw unreadable();
  }
  try {
    db.pragma('journal_mode = WAL');
  } catch (e) {
    db.close();
    throw unreadable(e);
  }
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  // Statement journals (and temporary sorts) in memory, not in temporary files: an insert into submissions runs a
  // trigger, so SQLite keeps a journal of that one statement, and in a file it cost 4× the insert itself (a roll-up
  // inserts 6,600). Nothing durable is kept there: the database and its WAL are written as before.
  db.pragma('temp_store = MEMORY');
  try {
    migrate(db, options.beforeMigrate, options.migrationsDir);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

export function migrate(db: Db, beforeMigrate?: OpenOptions['beforeMigrate'], migrationsDir?: string, readonly?: 'readonly'): void {
  const migrations = loadMigrations(migrationsDir);
  const current = appliedVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new AppError(
      'db_newer',
      `Cơ sở dữ liệu này do phiên bản mới hơn của Báo cáo 121 tạo (lược đồ ${current}, phiên bản này hiểu đến ${latest}). Hãy cập nhật phần mềm; dữ liệu không bị thay đổi.`,
    );
  }
  // Every numbered migration not yet recorded (not only those above the highest): a database whose
  // record lacks one (a test that takes a schema step back) gets exactly that one.
  const applied = new Set(current > 0 ? (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version) : []);
  const pending = migrations.filter((m) => !applied.has(m.version));
  if (pending.length === 0) return;
  if (readonly) {
    throw new AppError(
      'db_readonly',
      `Cơ sở dữ liệu ${databaseFile(db)} do phiên bản cũ của Báo cáo 121 tạo, cần nâng cấp lược đồ (${current} → ${latest}) nhưng nằm ở nơi chỉ cho phép đọc. Hãy chép tệp vào một thư mục có quyền ghi rồi mở tệp đó; tệp gốc không bị thay đổi.`,
    );
  }
  if (current > 0) {
    // An existing season's data: keep a copy before its schema changes.
    if (isFileDatabase(db)) snapshotDatabase(db, 'before_upgrade', `${current}-${latest}`);
    beforeMigrate?.(db, current, latest);
  }
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of pending) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }
  })();
}
