// Paths that reach the services through the loopback bridge (typed by the person in the window, or sent by
// whoever holds the bridge's token) are limited to what a person can mean by "this file" or "this folder":
//  - a full path (C:\…, \\server\share\… on Windows; /… elsewhere), never a relative one, which would
//    depend on where the bridge was started;
//  - never a device or a special file: Windows' \\.\ and \\?\ namespaces and reserved names (CON, NUL,
//    COM1, LPT1…), /dev, /proc and /sys elsewhere; an existing path must be a regular file (or a folder
//    where a folder is meant) once links are followed, so FIFOs, sockets and devices are refused;
//  - a file written is never the season's database itself (nor its -wal, -shm or -journal).
// A path that does not exist yet passes (the service then says it is missing, or creates it). The
// contract (shared/api.ts) says which input fields are paths and what each may name.
import { statSync } from 'node:fs';
import path from 'node:path';
import { apiContract, type ApiErrorInfo, type ApiMethod, type PathUse } from '../../shared/api.ts';

const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
const POSIX_SPECIAL = ['/dev', '/proc', '/sys'];

function refuse(message: string): ApiErrorInfo {
  return { code: 'bad_path', message };
}

/** Why a path may not be used this way, or null when it may. */
export function pathProblem(p: string, use: PathUse, options: { dbFile: string; platform?: NodeJS.Platform }): ApiErrorInfo | null {
  const platform = options.platform ?? process.platform;
  const api = platform === 'win32' ? path.win32 : path.posix;
  const text = p.trim();
  if (/[\0]/.test(text)) return refuse('Đường dẫn có ký tự không hợp lệ. Hãy chọn lại tệp hoặc thư mục.');
  if (!api.isAbsolute(text) || (platform === 'win32' && !/^([a-z]:[\\/]|\\\\)/i.test(text))) {
    return refuse(
      `"${text}" không phải là đường dẫn đầy đủ. Hãy ghi cả ổ đĩa và thư mục, ví dụ ${platform === 'win32' ? 'D:\\BaoCao\\2026' : '/home/ten/BaoCao/2026'}.`,
    );
  }
  const full = api.resolve(text);
  const device =
    platform === 'win32'
      ? /^\\\\[.?]\\/.test(text) || full.split(/[\\/]/).some((part) => WINDOWS_DEVICE.test(part.replace(/\..*$/, '').trim()))
      : POSIX_SPECIAL.some((dir) => full === dir || full.startsWith(`${dir}/`));
  if (device) return refuse(`"${text}" là thiết bị hoặc tệp hệ thống, không phải tệp hay thư mục dữ liệu. Hãy chọn tệp hoặc thư mục khác.`);

  let stat: ReturnType<typeof statSync> | undefined;
  try {
    stat = statSync(full, { throwIfNoEntry: false });
  } catch {
    stat = undefined; // unreadable: the service says why
  }
  if (stat) {
    const isFile = stat.isFile();
    const isFolder = stat.isDirectory();
    if (!isFile && !isFolder) return refuse(`"${text}" là thiết bị hoặc tệp đặc biệt, không phải tệp dữ liệu. Hãy chọn tệp hoặc thư mục khác.`);
    if ((use === 'read-file' || use === 'write-file') && !isFile) return refuse(`"${text}" là một thư mục. Hãy chọn một tệp.`);
    if (use === 'write-folder' && !isFolder) return refuse(`"${text}" là một tệp. Hãy chọn một thư mục.`);
  }
  if (use === 'write-file' || use === 'write-folder') {
    const db = api.resolve(options.dbFile);
    const same = (a: string, b: string) => (platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b);
    if ([db, `${db}-wal`, `${db}-shm`, `${db}-journal`].some((f) => same(f, full)))
      return refuse(`Không được ghi đè lên cơ sở dữ liệu đang dùng (${text}). Hãy chọn tên tệp khác.`);
  }
  return null;
}

/** The first path of a call that may not be used, or null. `input` is the call's input once parsed. */
export function callPathProblem(method: ApiMethod, input: unknown, options: { dbFile: string; platform?: NodeJS.Platform }): ApiErrorInfo | null {
  const fields = apiContract[method].paths;
  for (const [field, use] of Object.entries(fields)) {
    const value = (input as Record<string, unknown> | null)?.[field];
    const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
    for (const p of list) {
      if (typeof p !== 'string') continue;
      const problem = pathProblem(p, use, options);
      if (problem) return problem;
    }
  }
  return null;
}
