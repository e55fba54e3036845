// The zip container of the packages the app writes (.xlsx): entries in the given order, each file
// deflated by Node's zlib (native, several times faster than a JavaScript deflate on the large
// annexes of a national roll-up), folder entries and empty files stored. Plain zip: no zip64 (a
// package stays far below 4 GB and 65,535 entries), no data descriptors, no extra fields.
import { crc32, deflateRawSync } from 'node:zlib';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Version 2.0: deflate and folders. */
const VERSION = 20;
const STORED = 0;
const DEFLATED = 8;
/** General purpose flag bit 11: names are UTF-8. */
const UTF8_NAMES = 0x0800;
/** MS-DOS attribute of a folder. */
const DOS_FOLDER = 0x10;
const LIMIT = 0xffffffff;

/** A time as MS-DOS stores it in a zip entry (local time, two-second steps, 1980 at the earliest). */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.max(1980, at.getFullYear());
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

/** A zip archive of `entries` (name → bytes; a name ending in "/" is a folder), deflated at `level`. */
export function zipEntries(entries: Iterable<readonly [string, Uint8Array]>, options: { level?: number; modified?: Date } = {}): Buffer {
  const level = options.level ?? 6;
  const { time, date } = dosDateTime(options.modified ?? new Date());
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const [name, data] of entries) {
    const folder = name.endsWith('/');
    const nameBytes = Buffer.from(name, 'utf8');
    const ascii = nameBytes.length === name.length;
    const method = folder || data.length === 0 ? STORED : DEFLATED;
    const body = method === DEFLATED ? deflateRawSync(data, { level }) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const crc = data.length === 0 ? 0 : crc32(data);
    if (data.length > LIMIT || body.length > LIMIT || offset > LIMIT) throw new Error(`zip entry ${name} too large for a plain zip`);
    const flags = ascii ? 0 : UTF8_NAMES;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(CENTRAL_HEADER, 0);
    entry.writeUInt16LE(VERSION, 4);
    entry.writeUInt16LE(VERSION, 6);
    entry.writeUInt16LE(flags, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt16LE(time, 12);
    entry.writeUInt16LE(date, 14);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    // Extra field, comment, disk number, internal attributes: none.
    entry.writeUInt32LE(folder ? DOS_FOLDER : 0, 38);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, body);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + body.length;
    count++;
  }
  if (count > 0xffff) throw new Error('too many zip entries for a plain zip');
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
