// The printed width of a line of bold Times New Roman, from the font's advance widths (Adobe Times-Bold
// metrics, per 1000 units of the em). Vietnamese letters take the width of their base letter. Used to draw
// the header's rules as long as the text above them and to size the header's columns.
const BOLD_WIDTHS: Record<string, number> = {
  ' ': 250,
  '-': 333,
  '.': 250,
  ',': 250,
  ':': 333,
  ';': 333,
  '(': 333,
  ')': 333,
  '/': 278,
  '&': 833,
  A: 722,
  B: 667,
  C: 722,
  D: 722,
  E: 667,
  F: 611,
  G: 778,
  H: 778,
  I: 389,
  J: 500,
  K: 778,
  L: 667,
  M: 944,
  N: 722,
  O: 778,
  P: 611,
  Q: 778,
  R: 722,
  S: 556,
  T: 667,
  U: 722,
  V: 722,
  W: 1000,
  X: 722,
  Y: 722,
  Z: 667,
  a: 500,
  b: 556,
  c: 444,
  d: 556,
  e: 444,
  f: 333,
  g: 500,
  h: 556,
  i: 278,
  j: 333,
  k: 556,
  l: 278,
  m: 833,
  n: 556,
  o: 500,
  p: 556,
  q: 556,
  r: 444,
  s: 389,
  t: 333,
  u: 556,
  v: 500,
  w: 722,
  x: 500,
  y: 500,
  z: 444,
};
const DIGIT_WIDTH = 500;
const OTHER_WIDTH = 556;

function baseLetter(ch: string): string {
  if (ch === 'đ') return 'd';
  if (ch === 'Đ') return 'D';
  return ch.normalize('NFD').charAt(0);
}

/** Width in twips of `text` set in bold Times New Roman at `sizePt` points. */
export function boldTextWidth(text: string, sizePt: number): number {
  let units = 0;
  for (const ch of text) {
    const base = baseLetter(ch);
    units += BOLD_WIDTHS[base] ?? (/\d/.test(base) ? DIGIT_WIDTH : OTHER_WIDTH);
  }
  return Math.ceil((units / 1000) * sizePt * 20);
}
