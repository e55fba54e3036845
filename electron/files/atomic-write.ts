// Every file the app writes goes through here: the content is written to a temporary name in the same
// folder, flushed to the disk (fsync), then renamed over the target. A failure at any point (disk full,
// the file open in Excel, no permission, a kill) leaves the previous file exactly as it was, and the
// error names the true cause in Vietnamese (files/os-errors.ts).
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { errnoCode, fileError, isOsError } from './os-errors.ts';

/**
 * The file-system calls used here, replaceable by tests (a full disk, a locked file) and by the kill
 * tests (which pause between the steps). Production code never changes it.
 */
export const atomicIo = {
  open: (file: string, flags: string): number => fs.openSync(file, flags, 0o666),
  write: (fd: number, data: Uint8Array): void => {
    for (let at = 0; at < data.length;) at += fs.writeSync(fd, data, at, data.length - at);
  },
  fsync: (fd: number): void => fs.fsyncSync(fd),
  close: (fd: number): void => fs.closeSync(fd),
  rename: (from: string, to: string): void => fs.renameSync(from, to),
};

/** Temporary files of this module end so (SQLite may add -journal, -wal, -shm); never the target's extension. */
export const TEMP_SUFFIX = '.tmp';
const TEMP_PATTERN = /^\..+\.\d+-\d+\.tmp(-journal|-wal|-shm)?$/;
let counter = 0;

/** A fresh temporary name beside `file` (same folder, so the rename is atomic on one volume). */
export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${++counter}${TEMP_SUFFIX}`);
}

/** Is this one of the temporary names of tempPathFor? (never a result to show or import) */
export function isTempName(name: string): boolean {
  return TEMP_PATTERN.test(path.basename(name));
}

function keptText(file: string): string | undefined {
  return fs.existsSync(file) ? 'Tệp cũ (nếu có) vẫn được giữ nguyên.' : undefined;
}

/** Creates a folder (and its parents) for output, or says in Vietnamese why it cannot. */
export function ensureFolder(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw fileError(e, dir, 'create_folder');
  }
}

function flushFile(file: string): void {
  const fd = atomicIo.open(file, 'r+');
  try {
    atomicIo.fsync(fd);
  } finally {
    atomicIo.close(fd);
  }
}

function writeAndFlush(tmp: string, data: Uint8Array): void {
  const fd = atomicIo.open(tmp, 'wx');
  try {
    atomicIo.write(fd, data);
    atomicIo.fsync(fd);
  } finally {
    atomicIo.close(fd);
  }
}

/** Makes the rename itself durable (POSIX); Windows has no directory handles to flush. */
function flushFolder(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some file systems refuse to fsync a folder; the data itself is already flushed.
  }
}

// Windows: a rename over a file Excel or Word has open fails with EPERM/EBUSY/EACCES; an antivirus
// scanning the new file can do the same for a moment, so such failures are retried briefly.
const LOCKED = new Set(['EPERM', 'EBUSY', 'EACCES']);
const RENAME_RETRIES = process.platform === 'win32' ? 6 : 0;

async function renameOver(tmp: string, file: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      atomicIo.rename(tmp, file);
      return;
    } catch (e) {
      if (attempt >= RENAME_RETRIES || !LOCKED.has(errnoCode(e) ?? '')) throw e;
      await sleep(50 * (attempt + 1));
    }
  }
}

function discard(tmp: string): void {
  try {
    fs.rmSync(tmp, { force: true });
  } catch {
    // Nothing more can be done; the name is a temporary one and never listed.
  }
}

/** Writes `data` to `file` atomically (temporary name, fsync, rename). */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const tmp = tempPathFor(file);
  try {
    writeAndFlush(tmp, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    await renameOver(tmp, file);
  } catch (e) {
    discard(tmp);
    throw isOsError(e) ? fileError(e, file, 'write', keptText(file)) : e;
  }
  flushFolder(path.dirname(path.resolve(file)));
}

/** The synchronous form, for callers that cannot wait (no retry of a locked rename). */
export function writeFileAtomicSync(file: string, data: Uint8Array | string): void {
  const tmp = tempPathFor(file);
  try {
    writeAndFlush(tmp, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    atomicIo.rename(tmp, file);
  } catch (e) {
    discard(tmp);
    throw isOsError(e) ? fileError(e, file, 'write', keptText(file)) : e;
  }
  flushFolder(path.dirname(path.resolve(file)));
}

/**
 * For writers that want a path (ExcelJS `xlsx.writeFile`, SQLite): `produce` writes the temporary
 * file, which is then flushed and renamed over `file`.
 */
export async function writeAtomicWith(file: string, produce: (tmp: string) => Promise<void> | void): Promise<void> {
  const tmp = tempPathFor(file);
  try {
    await produce(tmp);
    flushFile(tmp);
    await renameOver(tmp, file);
  } catch (e) {
    discard(tmp);
    throw isOsError(e) ? fileError(e, file, 'write', keptText(file)) : e;
  }
  flushFolder(path.dirname(path.resolve(file)));
}

/** Removes temporary files a killed run left in `dir` (only this module's names, only of dead processes). */
export function removeStaleTemps(dir: string): number {
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!isTempName(name)) continue;
    const pid = Number(/\.(\d+)-\d+\.tmp(-journal|-wal|-shm)?$/.exec(name)?.[1]);
    if (pid === process.pid || processAlive(pid)) continue;
    discard(path.join(dir, name));
    removed++;
  }
  return removed;
}

export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoCode(e) === 'EPERM';
  }
}
