// How tall a wrapped cell is: exceljs cannot measure text and Excel does not grow merged or fixed rows,
// so rows get an explicit height from Times New Roman advance widths (the AFM of Times-Roman and
// Times-Bold, in 1/1000 em; Liberation Serif, LibreOffice's stand-in, has the same metrics).

const REGULAR: Record<string, number> = {
  ' ': 250,
  a: 444,
  b: 500,
  c: 444,
  d: 500,
  e: 444,
  f: 333,
  g: 500,
  h: 500,
  i: 278,
  j: 278,
  k: 500,
  l: 278,
  m: 778,
  n: 500,
  o: 500,
  p: 500,
  q: 500,
  r: 333,
  s: 389,
  t: 278,
  u: 500,
  v: 500,
  w: 722,
  x: 500,
  y: 500,
  z: 444,
  A: 722,
  B: 667,
  C: 667,
  D: 722,
  E: 611,
  F: 556,
  G: 722,
  H: 722,
  I: 333,
  J: 389,
  K: 722,
  L: 611,
  M: 889,
  N: 722,
  O: 722,
  P: 556,
  Q: 722,
  R: 667,
  S: 556,
  T: 611,
  U: 722,
  V: 722,
  W: 944,
  X: 722,
  Y: 722,
  Z: 611,
  ',': 250,
  '.': 250,
  '(': 333,
  ')': 333,
  '/': 278,
  '-': 333,
  ':': 278,
  ';': 278,
  '"': 408,
  '…': 1000,
};
const BOLD: Record<string, number> = {
  ...REGULAR,
  a: 500,
  b: 556,
  d: 556,
  h: 556,
  j: 333,
  k: 556,
  m: 833,
  n: 556,
  p: 556,
  q: 556,
  r: 444,
  t: 333,
  u: 556,
  B: 667,
  C: 722,
  E: 667,
  F: 611,
  G: 778,
  H: 778,
  I: 389,
  J: 500,
  K: 778,
  L: 667,
  M: 944,
  O: 778,
  P: 611,
  Q: 778,
  R: 722,
  T: 667,
  W: 1000,
  Z: 667,
  ',': 250,
  '.': 250,
  '(': 333,
  ')': 333,
  '-': 333,
  ':': 333,
  ';': 333,
  '/': 278,
  '&': 833,
};

/** Advance width of one character in 1/1000 em, each character worked out once per weight. */
const CHAR_UNITS = { regular: new Map<string, number>(), bold: new Map<string, number>() };

function charUnits(ch: string, bold: boolean): number {
  const cache = bold ? CHAR_UNITS.bold : CHAR_UNITS.regular;
  let units = cache.get(ch);
  if (units === undefined) {
    const horn = /[ơƠưƯ]/.test(ch) ? 60 : 0;
    const base = ch
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace('đ', 'd')
      .replace('Đ', 'D');
    units = ((bold ? BOLD : REGULAR)[base] ?? 500) + horn; // digits and the rest: 500
    cache.set(ch, units);
  }
  return units;
}

/** Width of a text in points at a font size (Vietnamese letters measured as their base letter, ơ ư a little wider). */
export function textWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const ch of text.normalize('NFC')) units += charUnits(ch, bold);
  return (units * size) / 1000;
}

/** Usable text width of an Excel column (width in characters of the default font) in points. */
export function columnPoints(widthChars: number): number {
  return (widthChars * 7 + 5) * 0.75 - 5;
}

/** A text measured once for wrapping: the widths of the words of each paragraph, and of a space. */
export interface MeasuredText {
  paragraphs: number[][];
  space: number;
  /** The least width at which no paragraph wraps (each then takes one line). */
  fits: number;
  /** The width of the widest word: the least a column holding the text may be without breaking a word. */
  widest: number;
}

export function measureText(text: string, size: number, bold = false): MeasuredText {
  const paragraphs = text.split('\n').map((p) =>
    p
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => textWidth(w, size, bold)),
  );
  const space = textWidth(' ', size, bold);
  // The widths measuredLines compares with the available width while no line breaks, computed alike.
  let fits = 0;
  let widest = 0;
  for (const words of paragraphs) {
    let used = 0;
    for (const w of words) {
      fits = Math.max(fits, used > 0 ? used + space + w : w);
      used += (used > 0 ? space : 0) + w;
      widest = Math.max(widest, w);
    }
  }
  return { paragraphs, space, fits, widest };
}

/** Lines a measured text needs when wrapped greedily by words into the given width (points). */
export function measuredLines(text: MeasuredText, availablePt: number): number {
  if (availablePt >= text.fits) return text.paragraphs.length;
  let lines = 0;
  for (const words of text.paragraphs) {
    lines++;
    let used = 0;
    for (const w of words) {
      if (used > 0 && used + text.space + w > availablePt) {
        lines++;
        used = 0;
      }
      if (used === 0 && w > availablePt) {
        lines += Math.ceil(w / availablePt) - 1;
        used = w % availablePt;
      } else {
        used += (used > 0 ? text.space : 0) + w;
      }
    }
  }
  return lines;
}

/**
 * Texts measured so far, by font (weight and size), then by the text itself (the same labels are wrapped
 * in many rows and sheets): keyed by the text as it is, a string seen before is found by the hash V8 keeps
 * in it, with no key to build and hash at every look-up.
 */
const MEASURED = new Map<number, { regular: Map<string, MeasuredText>; bold: Map<string, MeasuredText> }>();
const MEASURED_LIMIT = 100_000;

/** A text measured for wrapping, kept for the next time it is asked at the same size and weight. */
export function measuredText(text: string, size: number, bold = false): MeasuredText {
  let font = MEASURED.get(size);
  if (!font) MEASURED.set(size, (font = { regular: new Map(), bold: new Map() }));
  const texts = bold ? font.bold : font.regular;
  let m = texts.get(text);
  if (!m) {
    if (texts.size >= MEASURED_LIMIT) texts.clear();
    m = measureText(text, size, bold);
    texts.set(text, m);
  }
  return m;
}

/** Lines a text needs when wrapped greedily by words into the given width (points). */
export function wrappedLines(text: string, availablePt: number, size: number, bold = false): number {
  return measuredLines(measuredText(text, size, bold), availablePt);
}

/**
 * Row height in points for `lines` lines at a font size: Excel lays Times New Roman out at 1.3125 em a
 * line (15.75 pt at 12 pt). Rounded up to whole pixels (0.75 pt), as Excel stores a row's height, so the
 * page breaks computed from these heights hold in Excel as in LibreOffice.
 */
export function rowHeightFor(lines: number, size: number): number {
  return Math.ceil((lines * size * 1.32 + 2) / 0.75) * 0.75;
}
