// Errors that reach a person: a stable code for programs (shared/errors.ts), a Vietnamese message for people.
import { z } from 'zod';
import type { ErrorCode } from '../shared/errors.ts';

export type { ErrorCode } from '../shared/errors.ts';

// Every zod message that can reach a person (settings, unit lists, JSON files, API inputs) in Vietnamese;
// this module is loaded by every entry point (CLI, window host, bridge, tests).
z.config(z.locales.vi());
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'AppError';
  }
}

/** An error meant for the user: wrong usage or data that cannot be processed. */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** An error of the operating system (ENOENT, EISDIR, EACCES, ENOSPC…), as Node reports it. */
export function isOsError(e: unknown): e is NodeJS.ErrnoException & { code: string } {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && /^E[A-Z0-9]+$/.test((e as NodeJS.ErrnoException).code!) && ('syscall' in e || 'errno' in e);
}

const OS_ERRORS: Record<string, { code: ErrorCode; say: (where: string) => string }> = {
  ENOENT: { code: 'not_found', say: (p) => `Không tìm thấy ${p}. Hãy kiểm tra lại đường dẫn.` },
  EISDIR: { code: 'is_folder', say: (p) => `${p} là một thư mục, không phải tệp. Hãy ghi đường dẫn của một tệp.` },
  ENOTDIR: { code: 'not_folder', say: (p) => `Đường dẫn ${p} đi qua một tệp chứ không phải thư mục. Hãy kiểm tra lại đường dẫn.` },
  EEXIST: { code: 'already_exists', say: (p) => `Đã có ${p}. Hãy chọn tên khác, hoặc đổi tên hay xóa cái đang có rồi làm lại.` },
  ENOTEMPTY: { code: 'already_exists', say: (p) => `Thư mục ${p} không trống. Hãy chọn thư mục khác.` },
  EACCES: { code: 'no_permission', say: (p) => `Không có quyền truy cập ${p}. Hãy chọn thư mục khác, hoặc nhờ người quản trị máy cấp quyền.` },
  EPERM: { code: 'no_permission', say: (p) => `Không được phép thao tác trên ${p}. Hãy chọn thư mục khác, hoặc nhờ người quản trị máy cấp quyền.` },
  ENOSPC: { code: 'disk_full', say: (p) => `Ổ đĩa đã đầy, không ghi được ${p}. Hãy giải phóng dung lượng rồi làm lại.` },
  EDQUOT: { code: 'disk_full', say: (p) => `Đã hết hạn mức dung lượng, không ghi được ${p}. Hãy giải phóng dung lượng rồi làm lại.` },
  EBUSY: { code: 'file_locked', say: (p) => `${p} đang được chương trình khác mở (Excel, Word…). Hãy đóng chương trình đó rồi làm lại.` },
  EROFS: { code: 'read_only_fs', say: (p) => `${p} nằm trên ổ chỉ đọc. Hãy chọn thư mục khác.` },
  ENAMETOOLONG: { code: 'bad_path', say: (p) => `Đường dẫn ${p} quá dài. Hãy chọn thư mục có đường dẫn ngắn hơn.` },
  ELOOP: { code: 'bad_path', say: (p) => `Đường dẫn ${p} có liên kết vòng. Hãy kiểm tra lại đường dẫn.` },
  EMFILE: { code: 'os_error', say: (p) => `Máy đang mở quá nhiều tệp, không mở được ${p}. Hãy đóng bớt chương trình rồi làm lại.` },
  ENFILE: { code: 'os_error', say: (p) => `Máy đang mở quá nhiều tệp, không mở được ${p}. Hãy đóng bớt chương trình rồi làm lại.` },
};

/**
 * An operating-system error said in Vietnamese, naming its path (`forPath` when given: the file the user
 * named rather than a temporary one); other errors are returned as they are.
 */
export function fromOsError(e: unknown, forPath?: string): unknown {
  if (!isOsError(e)) return e;
  const target = forPath ?? e.path;
  const where = target ? `"${target}"` : 'tệp hoặc thư mục';
  const known = OS_ERRORS[e.code];
  if (known) return new AppError(known.code, known.say(where), { cause: e });
  return new AppError('os_error', `Không thao tác được trên ${where} (lỗi hệ thống ${e.code}). Hãy kiểm tra tệp, thư mục rồi làm lại.`, { cause: e });
}
