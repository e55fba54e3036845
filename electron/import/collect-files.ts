// Which files an import reads, and how: folders are walked without following links and to a bounded
// depth; only regular files are opened (a link, a FIFO, a device or a folder is refused from its
// metadata, never read); a folder that cannot be listed becomes a line of its own, not an exception.
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, type Stats } from 'node:fs';
import path from 'node:path';
import { compareVi } from '../../shared/text.ts';
import type { ImportFileResult } from '../../shared/types.ts';
import { fileError } from '../files/os-errors.ts';
import { fileTooLarge } from './zip-guard.ts';

// Workbooks and units' Word reports (electron/services/word-reports.ts).
const WORKBOOK_EXT = /\.(xlsx|xlsm|xls|docx|doc)$/i;
/** Folder levels searched below a folder the user chose. */
export const MAX_FOLDER_DEPTH = 8;

function refusal(file: string, message: string, code = 'not_xlsx'): ImportFileResult {
  return { file, status: 'rejected', findings: [{ code, severity: 'error', message }] };
}

/** A file that could not be read: the OS error in the words of electron/files/os-errors.ts. */
function unreadable(file: string, name: string, err: unknown): ImportFileResult {
  const e = fileError(err, name, 'read');
  return refusal(file, e.message, e.code);
}

function kindOf(st: Stats): string {
  if (st.isSymbolicLink()) return 'một liên kết (symlink/shortcut)';
  if (st.isDirectory()) return 'một thư mục';
  if (st.isFIFO()) return 'một đường ống (FIFO)';
  if (st.isSocket()) return 'một socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'một thiết bị';
  return 'không phải tệp thông thường';
}

function notRegular(file: string, st: Stats): ImportFileResult {
  return refusal(
    file,
    `${path.basename(file)} là ${kindOf(st)}, không phải tệp .xlsx thông thường; phần mềm không mở để đọc. Hãy chọn chính tệp biểu mẫu do đơn vị gửi.`,
  );
}

export interface CollectedFiles {
  /** Workbooks to import, in the order they are taken. */
  files: string[];
  /** Paths not taken, each with its reason (a link, a folder that cannot be read, a folder too deep). */
  skipped: ImportFileResult[];
}

/** Files to import: the given files as they are, folders searched (to MAX_FOLDER_DEPTH levels) for workbooks. */
export function collectImportFiles(paths: string[]): CollectedFiles {
  const files: string[] = [];
  const skipped: ImportFileResult[] = [];
  const walk = (p: string, depth: number) => {
    let st: Stats;
    try {
      st = lstatSync(p);
    } catch {
      files.push(p); // reported as unreadable by readImportFile
      return;
    }
    if (!st.isDirectory()) {
      if (depth === 0 || WORKBOOK_EXT.test(p)) files.push(p); // a link or device named by the user is refused by readImportFile
      return;
    }
    if (depth > MAX_FOLDER_DEPTH) {
      skipped.push(
        refusal(
          p,
          `Thư mục ${p} nằm sâu quá ${MAX_FOLDER_DEPTH} cấp dưới thư mục đã chọn; không tìm tệp trong đó. Hãy chọn trực tiếp thư mục này nếu cần nhập.`,
          'folder_skipped',
        ),
      );
      return;
    }
    let entries: string[];
    try {
      entries = readdirSync(p).sort(compareVi);
    } catch (e) {
      skipped.push(refusal(p, fileError(e, p, 'read_folder').message, 'folder_unreadable'));
      return;
    }
    for (const e of entries) {
      if (e.startsWith('~$') || e.startsWith('.')) continue;
      const child = path.join(p, e);
      // Links inside a folder are never followed (a link to itself, to /dev/zero or to a huge tree).
      let cst: Stats | null = null;
      try {
        cst = lstatSync(child);
      } catch {
        /* vanished: skip */
      }
      if (cst?.isSymbolicLink()) {
        skipped.push(notRegular(child, cst));
        continue;
      }
      walk(child, depth + 1);
    }
  };
  for (const p of paths) walk(p, 0);
  return { files, skipped };
}

/**
 * The bytes of a file to import, or why it is not read: only a regular file is opened (checked with
 * lstat before opening, and again on the open descriptor), and never more than `maxBytes` + 1 bytes.
 */
export function readImportFile(file: string, maxBytes: number): { ok: true; buf: Buffer } | { ok: false; result: ImportFileResult } {
  const name = path.basename(file);
  let st: Stats;
  try {
    st = lstatSync(file);
  } catch (e) {
    return { ok: false, result: unreadable(file, name, e) };
  }
  if (!st.isFile()) return { ok: false, result: notRegular(file, st) };
  if (st.size > maxBytes) return { ok: false, result: { file, status: 'rejected', findings: [fileTooLarge(st.size, maxBytes)] } };
  let fd: number;
  try {
    // O_NONBLOCK: should the path have become a FIFO since lstat, opening it does not wait for a writer.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  } catch (e) {
    return { ok: false, result: unreadable(file, name, e) };
  }
  try {
    const now = fstatSync(fd);
    if (!now.isFile()) return { ok: false, result: notRegular(file, now) };
    const buf = Buffer.allocUnsafe(Math.min(now.size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n === buf.length) break;
    }
    if (n > maxBytes) return { ok: false, result: { file, status: 'rejected', findings: [fileTooLarge(n, maxBytes)] } };
    return { ok: true, buf: buf.subarray(0, n) };
  } catch (e) {
    return { ok: false, result: unreadable(file, name, e) };
  } finally {
    closeSync(fd);
  }
}
