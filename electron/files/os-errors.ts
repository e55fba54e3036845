// Operating-system errors in words a compiler understands: what went wrong with which file, and what to
// do next. Every place the app reads or writes a file turns a Node error into one of these.
import path from 'node:path';
import { AppError } from '../app-error.ts';
import type { ErrorCode } from '../../shared/errors.ts';

/** What the app was doing with the file when the error happened. */
export type FileAction = 'write' | 'read' | 'read_folder' | 'store' | 'replace' | 'create_folder' | 'access';

const ACTION_TEXT: Record<FileAction, string> = {
  write: 'Không ghi được',
  read: 'Không đọc được',
  read_folder: 'Không đọc được thư mục',
  store: 'Không lưu được số liệu của',
  replace: 'Không thay được',
  create_folder: 'Không tạo được thư mục',
  access: 'Không dùng được',
};

interface Cause {
  code: ErrorCode;
  text: (target: string) => string;
  /** When only reading, where the cause as written would speak of writing. */
  whenReading?: string;
}

const READING: ReadonlySet<FileAction> = new Set(['read', 'read_folder']);

// One entry per kind of cause; several Node codes share one (Windows reports a locked file as EBUSY or EPERM).
const CAUSES: Record<string, Cause> = {
  ENOSPC: { code: 'disk_full', text: () => 'ổ đĩa đã đầy. Hãy giải phóng dung lượng (xóa tệp không cần, dọn thùng rác) hoặc chọn ổ đĩa khác rồi thử lại' },
  EDQUOT: { code: 'disk_full', text: () => 'đã hết hạn mức dung lượng được cấp trên ổ đĩa. Hãy giải phóng dung lượng hoặc chọn ổ đĩa khác rồi thử lại' },
  EBUSY: {
    code: 'file_locked',
    text: () => 'tệp đang mở trong chương trình khác (Excel, Word…) hoặc không có quyền ghi. Hãy đóng tệp rồi thử lại',
    whenReading: 'đang bị chương trình khác (Excel, Word…) khóa. Hãy đóng chương trình đó rồi thử lại',
  },
  EPERM: {
    code: 'file_locked',
    text: () => 'tệp đang mở trong chương trình khác (Excel, Word…) hoặc không có quyền ghi. Hãy đóng tệp, kiểm tra quyền ghi của thư mục rồi thử lại',
    whenReading: 'không có quyền đọc hoặc đang bị chương trình khác khóa. Hãy đóng chương trình đó, cấp quyền đọc hoặc chép sang thư mục khác rồi thử lại',
  },
  EACCES: {
    code: 'no_permission',
    text: () => 'tệp đang mở trong chương trình khác hoặc không có quyền ghi vào thư mục này. Hãy đóng tệp hoặc chọn thư mục khác rồi thử lại',
    whenReading: 'không có quyền đọc. Hãy cấp quyền đọc hoặc chép sang thư mục khác rồi thử lại',
  },
  EROFS: { code: 'read_only_fs', text: () => 'ổ đĩa hoặc thư mục chỉ cho phép đọc (USB khóa ghi, ổ mạng, đĩa CD…). Hãy chọn thư mục khác rồi thử lại' },
  ENOTDIR: { code: 'not_folder', text: (t) => `một phần của đường dẫn ${t} là tệp chứ không phải thư mục. Hãy chọn một thư mục khác` },
  EISDIR: { code: 'is_folder', text: (t) => `${t} là một thư mục chứ không phải tệp. Hãy chọn hoặc đặt tên tệp khác` },
  ENOENT: {
    code: 'not_found',
    text: () => 'không tìm thấy tệp hoặc thư mục (có thể đã bị xóa, đổi tên, hoặc ổ đĩa đã bị rút ra). Hãy kiểm tra đường dẫn rồi thử lại',
  },
  EEXIST: { code: 'already_exists', text: () => 'đã có một tệp cùng tên. Hãy chọn tên khác' },
  ENAMETOOLONG: { code: 'bad_path', text: () => 'đường dẫn quá dài. Hãy chọn thư mục gần gốc ổ đĩa hơn hoặc đặt tên ngắn hơn' },
  EMFILE: { code: 'os_error', text: () => 'máy đang mở quá nhiều tệp. Hãy đóng bớt chương trình rồi thử lại' },
  ENFILE: { code: 'os_error', text: () => 'máy đang mở quá nhiều tệp. Hãy đóng bớt chương trình rồi thử lại' },
  ELOOP: { code: 'bad_path', text: () => 'đường dẫn có liên kết vòng (một lối tắt trỏ về chính nó). Hãy kiểm tra lại đường dẫn' },
  ENOTEMPTY: { code: 'already_exists', text: () => 'thư mục không trống. Hãy chọn thư mục khác' },
  EIO: { code: 'os_error', text: () => 'lỗi đọc/ghi thiết bị (ổ đĩa hỏng hoặc bị rút ra giữa chừng). Hãy kiểm tra ổ đĩa rồi thử lại' },
};

export function errnoCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Is this a failure of the file system (as opposed to a bug)? */
export function isOsError(e: unknown): boolean {
  const code = errnoCode(e);
  return code !== undefined && /^E[A-Z]+$/.test(code);
}

/**
 * The Vietnamese message for an OS error on a file: "<action> <file>: <cause>. <what to do>.
 * <what was kept>". `kept` says what is still safe (e.g. the previous version of the file).
 */
export function fileError(e: unknown, file: string, action: FileAction = 'write', kept?: string): AppError {
  if (e instanceof AppError) return e;
  const code = errnoCode(e);
  const cause = code ? CAUSES[code] : undefined;
  const target = path.basename(file) || file;
  const reason = cause
    ? (READING.has(action) && cause.whenReading) || cause.text(file)
    : `lỗi hệ thống ${code ?? ''} (${e instanceof Error ? e.message : String(e)}). Hãy thử lại hoặc chọn thư mục khác`.replace('  ', ' ');
  const tail = kept ? ` ${kept}` : '';
  const what = action === 'create_folder' || action === 'read_folder' ? `"${file}"` : target === file ? `"${file}"` : `tệp ${target} ("${file}")`;
  return new AppError(cause?.code ?? 'os_error', `${ACTION_TEXT[action]} ${what}: ${reason}.${tail}`, { cause: e });
}

/**
 * SQLite's codes for what the operating system said (a full disk, a file it may not open or write, a
 * failing device) as that OS error, so that they read as in the table above; any other error as it is.
 */
export function sqliteAsOsError(e: unknown): unknown {
  const sqlite = errnoCode(e) ?? '';
  const os =
    sqlite === 'SQLITE_FULL' ? 'ENOSPC' : /^SQLITE_(CANTOPEN|READONLY|PERM)/.test(sqlite) ? 'EACCES' : sqlite.startsWith('SQLITE_IOERR') ? 'EIO' : null;
  return os ? Object.assign(new Error(sqlite), { code: os }) : e;
}

/**
 * Any error: an operating-system error becomes a Vietnamese AppError naming its path (`forPath` when
 * given — the file the user named rather than a temporary one); other errors are returned as they are.
 */
export function fromOsError(e: unknown, forPath?: string): unknown {
  if (!isOsError(e)) return e;
  const p = forPath ?? (e as NodeJS.ErrnoException).path;
  return fileError(e, p ?? 'tệp hoặc thư mục', 'access');
}
