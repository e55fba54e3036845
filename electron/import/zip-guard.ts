// Checks on the raw file before any XML is parsed: is it a zip at all, and would it unpack to
// something sane? The sizes the zip declares are summed first (a plain zip bomb is refused from its
// directory), then each entry is inflated with its declared size as a hard cap, so a zip that lies
// about its sizes is refused after at most that many bytes instead of filling the memory.
// `openZip` keeps the inflated bytes of the entries the reader asks for, so nothing is inflated twice.
import { inflateRawSync } from 'node:zlib';
import type { ImportFinding } from '../../shared/types.ts';

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
/** The largest single output buffer of an inflate (larger entries come in pieces of this size). */
const MAX_CHUNK = 1 << 24;
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export interface ZipLimits {
  maxFileBytes: number;
  maxUncompressedBytes: number;
}

export function notXlsx(message: string): ImportFinding {
  return { code: 'not_xlsx', severity: 'error', message };
}

function findEndOfCentralDirectory(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD_SIG) return i;
  return -1;
}

export interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  localHeader: number;
}

export type ZipDirectory = { ok: true; entries: Map<string, ZipEntry> } | { ok: false; findings: ImportFinding[] };

/** Reads the central directory: the names and declared sizes of the entries, without inflating anything. */
export function readZipDirectory(buf: Buffer, limits: ZipLimits): ZipDirectory {
  const fail = (f: ImportFinding): ZipDirectory => ({ ok: false, findings: [f] });
  if (buf.length === 0) return fail(notXlsx('Tệp rỗng (0 byte), không phải biểu mẫu Excel.'));
  if (buf.length > limits.maxFileBytes) return fail(fileTooLarge(buf.length, limits.maxFileBytes));
  if (buf.subarray(0, 8).equals(OLE_MAGIC)) {
    return fail(notXlsx('Tệp được đặt mật khẩu hoặc là định dạng Excel cũ (.xls). Hãy bỏ mật khẩu hoặc lưu lại dưới dạng .xlsx rồi gửi lại.'));
  }
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) return fail(notXlsx('Tệp không phải định dạng .xlsx (không đọc được cấu trúc tệp).'));
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) return fail(notXlsx('Tệp .xlsx bị hỏng hoặc không trọn vẹn (thiếu phần cuối của tệp nén).'));
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (cdOffset >= buf.length || count === 0xffff || cdOffset === 0xffffffff) return fail(notXlsx('Tệp .xlsx bị hỏng (mục lục tệp nén không hợp lệ).'));
  let total = 0;
  let p = cdOffset;
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CDH_SIG) return fail(notXlsx('Tệp .xlsx bị hỏng (mục lục tệp nén không hợp lệ).'));
    const size = buf.readUInt32LE(p + 24);
    if (size === 0xffffffff) total = Infinity;
    else total += size;
    const nameLen = buf.readUInt16LE(p + 28);
    if (p + 46 + nameLen > buf.length) return fail(notXlsx('Tệp .xlsx bị hỏng (mục lục tệp nén không hợp lệ).'));
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.set(name, { name, method: buf.readUInt16LE(p + 10), compressed: buf.readUInt32LE(p + 20), size, localHeader: buf.readUInt32LE(p + 42) });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  if (total > limits.maxUncompressedBytes) return fail(tooLarge(Number.isFinite(total) ? `${Math.round(total / 1048576)} MB` : 'trên 4 GB'));
  return { ok: true, entries };
}

export function fileTooLarge(bytes: number, max: number): ImportFinding {
  return { code: 'too_large', severity: 'error', message: `Tệp quá lớn (${(bytes / 1048576).toFixed(1)} MB, tối đa ${Math.round(max / 1048576)} MB).` };
}

function tooLarge(amount: string): ImportFinding {
  return { code: 'too_large', severity: 'error', message: `Tệp giải nén ra quá lớn (${amount}), vượt quá khả năng chứa của biểu mẫu; có thể là tệp độc hại.` };
}

/** Inflates one entry with its declared size as the cap: more output than declared is a lie (a bomb). */
export function inflateEntry(buf: Buffer, e: ZipEntry): Buffer | ImportFinding {
  const lh = e.localHeader;
  if (lh + 30 > buf.length || buf.readUInt32LE(lh) !== 0x04034b50) return notXlsx('Tệp .xlsx bị hỏng (phần nội dung nén không hợp lệ).');
  const start = lh + 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
  if (start + e.compressed > buf.length) return notXlsx('Tệp .xlsx bị hỏng hoặc không trọn vẹn.');
  const data = buf.subarray(start, start + e.compressed);
  if (e.method === 0) return e.compressed === e.size ? data : notXlsx('Tệp .xlsx bị hỏng (kích thước nội dung không khớp).');
  if (e.method !== 8) return notXlsx('Tệp .xlsx dùng kiểu nén không được hỗ trợ.');
  try {
    // One output buffer one byte larger than declared: the whole entry lands in it without the 16 KiB
    // pieces and their concatenation, and a longer output still overflows the cap.
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size), chunkSize: Math.max(64, Math.min(e.size + 1, MAX_CHUNK)) });
    return out.length === e.size ? out : notXlsx('Tệp .xlsx bị hỏng (kích thước nội dung không khớp).');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return tooLarge('nhiều hơn kích thước khai báo trong tệp nén');
    return notXlsx('Tệp .xlsx bị hỏng (không giải nén được).');
  }
}

export type OpenZip = { ok: true; entries: Map<string, ZipEntry>; parts: Map<string, Buffer> } | { ok: false; findings: ImportFinding[] };

/**
 * The directory checked, every entry inflated under its declared size (a lying entry is refused even
 * when the reader would not need it), and the inflated bytes of the entries `keep` accepts returned.
 */
export function openZip(
  buf: Buffer,
  limits: ZipLimits,
  keep: (name: string) => boolean = () => false,
  precheck?: (entries: Map<string, ZipEntry>) => ImportFinding | null,
): OpenZip {
  const dir = readZipDirectory(buf, limits);
  if (!dir.ok) return dir;
  const early = precheck?.(dir.entries);
  if (early) return { ok: false, findings: [early] };
  const parts = new Map<string, Buffer>();
  for (const entry of dir.entries.values()) {
    const out = inflateEntry(buf, entry);
    if (!Buffer.isBuffer(out)) return { ok: false, findings: [out] };
    if (keep(entry.name)) parts.set(entry.name, out);
  }
  return { ok: true, entries: dir.entries, parts };
}

/** Returns the findings that make the file unreadable or too large; empty when it may be parsed. */
export function checkZipContainer(buf: Buffer, limits: ZipLimits): ImportFinding[] {
  const z = openZip(buf, limits);
  return z.ok ? [] : z.findings;
}
