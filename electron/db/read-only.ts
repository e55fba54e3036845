// Which open databases are read-only (a read-only file or folder), where they come from, and the
// Vietnamese words for it. Kept apart so that both the opener and the backups can ask.
import { AppError } from '../errors.ts';
import type { Db } from './database.ts';

interface ReadOnlyInfo {
  file: string;
  notice: string;
}
const readOnlyDbs = new WeakMap<Db, ReadOnlyInfo>();

export function markReadOnly(db: Db, file: string, notice: string): void {
  readOnlyDbs.set(db, { file, notice });
}

/** The Vietnamese notice of a database opened read-only (null when it is writable). */
export function readOnlyNotice(db: Db): string | null {
  return readOnlyDbs.get(db)?.notice ?? null;
}

/** The database's file on disk (a read-only database may be read from a private copy in memory). */
export function databaseFile(db: Db): string {
  return readOnlyDbs.get(db)?.file ?? db.name;
}

export function readOnlyError(file: string): AppError {
  return new AppError(
    'db_readonly',
    `Cơ sở dữ liệu ${file} đang mở ở chế độ chỉ đọc (tệp hoặc thư mục chứa nó không cho phép ghi): chỉ xem, kiểm tra và truy vết được; thao tác này cần ghi nên chưa thực hiện. Hãy chép tệp vào một thư mục có quyền ghi (ví dụ Tài liệu) rồi mở tệp đó.`,
  );
}
