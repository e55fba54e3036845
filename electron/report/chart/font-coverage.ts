// Does a TrueType/OpenType font file have glyphs for these characters? Reads the font's cmap table
// (formats 4 and 12), so we can refuse a font that would draw Vietnamese letters as empty boxes.
const VIETNAMESE_LETTERS = 'ĂăÂâĐđÊêÔôƠơƯưĨĩŨũẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ';

type Lookup = (codePoint: number) => boolean;

function format4(buf: Buffer, at: number): Lookup {
  const segX2 = buf.readUInt16BE(at + 6);
  const ends = at + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const ranges = deltas + segX2;
  return (c) => {
    if (c > 0xffff) return false;
    for (let i = 0; i < segX2; i += 2) {
      if (buf.readUInt16BE(ends + i) < c) continue;
      const start = buf.readUInt16BE(starts + i);
      if (start > c) return false;
      const delta = buf.readUInt16BE(deltas + i);
      const rangeOffset = buf.readUInt16BE(ranges + i);
      if (rangeOffset === 0) return ((c + delta) & 0xffff) !== 0;
      const glyph = buf.readUInt16BE(ranges + i + rangeOffset + 2 * (c - start));
      return glyph !== 0 && ((glyph + delta) & 0xffff) !== 0;
    }
    return false;
  };
}

function format12(buf: Buffer, at: number): Lookup {
  const groups = buf.readUInt32BE(at + 12);
  return (c) => {
    for (let g = 0; g < groups; g++) {
      const p = at + 16 + g * 12;
      const start = buf.readUInt32BE(p);
      const end = buf.readUInt32BE(p + 4);
      if (c >= start && c <= end) return buf.readUInt32BE(p + 8) + (c - start) !== 0;
    }
    return false;
  };
}

/** The Unicode cmap of a font file (the first font of a collection), or null when it cannot be read. */
function unicodeLookup(buf: Buffer): Lookup | null {
  let base = 0;
  if (buf.toString('latin1', 0, 4) === 'ttcf') base = buf.readUInt32BE(12);
  const numTables = buf.readUInt16BE(base + 4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = base + 12 + i * 16;
    if (buf.toString('latin1', rec, rec + 4) === 'cmap') cmap = buf.readUInt32BE(rec + 8);
  }
  if (cmap < 0) return null;
  const count = buf.readUInt16BE(cmap + 2);
  let best: { rank: number; at: number } | null = null;
  for (let i = 0; i < count; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = buf.readUInt16BE(rec);
    const encoding = buf.readUInt16BE(rec + 2);
    const at = cmap + buf.readUInt32BE(rec + 4);
    const format = buf.readUInt16BE(at);
    const rank = format === 12 ? 2 : format === 4 && (platform === 0 || (platform === 3 && encoding === 1)) ? 1 : 0;
    if (rank > 0 && (!best || rank > best.rank)) best = { rank, at };
  }
  if (!best) return null;
  return best.rank === 2 ? format12(buf, best.at) : format4(buf, best.at);
}

/** True when the font has a glyph for every character of `text` (Vietnamese letters by default). */
export function fontCovers(font: Buffer, text = VIETNAMESE_LETTERS): boolean {
  try {
    const lookup = unicodeLookup(font);
    if (!lookup) return false;
    for (const ch of text) if (!lookup(ch.codePointAt(0)!)) return false;
    return true;
  } catch {
    return false; // a truncated or unusual file: not a font we can rely on
  }
}
