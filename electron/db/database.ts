// Opening the store: WAL, foreign keys, numbered migrations recorded in schema_migrations,
// and a refusal of databases written by a newer version of the app.
import Database from 'better-sqlite3';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { AppError } from '../errors.ts';
import { isFileDatabase, snapshotDatabase } from './backup.ts';

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

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:' && !options.create && !existsSync(file)) {
    throw new AppError('db_missing', `Không tìm thấy cơ sở dữ liệu ${file}. Hãy tạo bằng lệnh "baocao121 init --db ${file}".`);
  }
  const unreadable = (cause?: unknown) =>
    new AppError('db_unreadable', `Không mở được cơ sở dữ liệu ${file}: tệp hỏng hoặc không phải cơ sở dữ liệu của Báo cáo 121; không có gì trong tệp bị thay đổi.`, { cause });
  let db: Db;
  try {
    db = new Database(file);
  } catch (e) {
    throw unreadable(e);
  }
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
  try {
    migrate(db, options.beforeMigrate, options.migrationsDir);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

export function migrate(db: Db, beforeMigrate?: OpenOptions['beforeMigrate'], migrationsDir?: string): void {
  const migrations = loadMigrations(migrationsDir);
  const current = appliedVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new AppError(
      'db_newer',
      `Cơ sở dữ liệu này do phiên bản mới hơn của Báo cáo 121 tạo (lược đồ ${current}, phiên bản này hiểu đến ${latest}). Hãy cập nhật phần mềm; dữ liệu không bị thay đổi.`,
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  if (current > 0) {
    // An existing season's data: keep a copy before its schema changes.
    if (isFileDatabase(db)) snapshotDatabase(db, `truoc-nang-cap-${current}-${latest}`);
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
