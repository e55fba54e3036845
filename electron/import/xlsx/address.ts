// A1 addresses and sheet-qualified references, as numbers (row, column), never expanded into cells.
export const MAX_ROW = 1048576;
export const MAX_COL = 16384;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The factor of `addressKey`: a cell's key is row × CELL_KEY_ROW + column. */
export const CELL_KEY_ROW = MAX_COL + 1;

/**
 * "C12" → 12 × CELL_KEY_ROW + 3, one number (nothing allocated); -1 for anything else (also out of
 * bounds). `start` and `end` read the address inside a longer text without cutting it out.
 */
export function addressKey(address: string, start = 0, end = address.length): number {
  // Hand-rolled (it runs for every cell of every sheet): [$]LETTERS[$]DIGITS, 1–3 letters, 1–7 digits. Never
  // reads at or past `end` (reading past a string's end made V8 drop its compiled addressKey).
  const n = end;
  let i = start;
  if (i < n && address.charCodeAt(i) === 36) i++;
  let col = 0;
  const colStart = i;
  for (; i < n; i++) {
    const ch = address.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  if (i === colStart || i - colStart > 3) return -1;
  if (i < n && address.charCodeAt(i) === 36) i++;
  let row = 0;
  const rowStart = i;
  for (; i < n; i++) {
    const ch = address.charCodeAt(i);
    if (ch < 48 || ch > 57) break;
    row = row * 10 + (ch - 48);
  }
  if (i === rowStart || i - rowStart > 7 || i !== n) return -1;
  if (row < 1 || row > MAX_ROW || col < 1 || col > MAX_COL) return -1;
  return row * CELL_KEY_ROW + col;
}

/** "C12" → { row: 12, col: 3 }; null for anything else (also out of the sheet's bounds). */
export function decodeAddress(address: string): { row: number; col: number } | null {
  const k = addressKey(address);
  if (k < 0) return null;
  const row = Math.floor(k / CELL_KEY_ROW);
  return { row, col: k - row * CELL_KEY_ROW };
}

export function encodeAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** "A1:C3" (or "B2") → a rectangle; null when it is not a cell range. */
export function decodeRange(range: string): Rect | null {
  const colon = range.indexOf(':');
  const from = decodeAddress(colon < 0 ? range : range.slice(0, colon));
  // As split(':') read it: the second part ends at a further colon, if any.
  const colon2 = colon < 0 ? -1 : range.indexOf(':', colon + 1);
  const to = colon < 0 ? from : decodeAddress(colon2 < 0 ? range.slice(colon + 1) : range.slice(colon + 1, colon2));
  if (!from || !to) return null;
  return { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
}

export function encodeRange(r: Rect): string {
  const a = encodeAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${encodeAddress(r.bottom, r.right)}`;
}

/** A reference parsed by parseSheetRef: shared by every caller of the same text, so never changed. */
export type SheetRef = { readonly sheet: string; readonly rect: Readonly<Rect> };

// parseSheetRef's answers by text: every workbook of a season names the same cells (~100 names, each read three
// times a file: the wanted cells, the names' places, the values), so a batch parses them once instead of ~60,000
// times (measured). Emptied when full, so that no file's names make it grow without end.
const sheetRefs = new Map<string, SheetRef | null>();
const SHEET_REFS_KEPT = 4096;

/** "'Sheet name'!$A$1:$B$2" → sheet and rectangle; null for a union, a formula, #REF! and the like. */
export function parseSheetRef(ref: string): SheetRef | null {
  let parsed = sheetRefs.get(ref);
  if (parsed === undefined) {
    parsed = readSheetRef(ref);
    if (sheetRefs.size >= SHEET_REFS_KEPT) sheetRefs.clear();
    sheetRefs.set(ref, parsed);
  }
  return parsed;
}

function readSheetRef(ref: string): SheetRef | null {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return null;
  const rawSheet = ref.slice(0, bang);
  const sheet = /^'.*'$/.test(rawSheet) ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const rect = decodeRange(ref.slice(bang + 1).replace(/\$/g, ''));
  return rect ? { sheet, rect } : null;
}

export function inRect(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}
