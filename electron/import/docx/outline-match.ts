// Placing a Word report's text in the outline's narrative sections. The headings to look for come from the
// outline (each section's heading, numbering and level; each narrative point's lead such as "- Tồn tại, hạn chế."),
// never from this code. A paragraph that looks like a heading (a heading style, all bold, all capitals, or a
// numbering mark) is compared with the outline's headings by its words — Vietnamese-normalised, with a
// diacritics-insensitive fallback — and by its number, in the context of where the document is: "1. Kết quả đạt
// được" under "II." is the second part's result, "Kết quả đạt được" under another number is still that section.
// The text under a heading becomes the text of the section's narrative; text under a heading that matches nothing,
// or under a section that has no narrative of its own, is left "unplaced" for the compiler to place by hand.
import type { Outline, OutlineSection } from '../../../shared/outline-schema.ts';
import { looseKey } from '../../../shared/text.ts';
import type { DocBlock, DocParagraph } from './read-docx.ts';

type Level = 'part' | 'roman' | 'arabic' | 'point';

interface Marker {
  level: Level;
  value: string | null;
}

interface Target {
  level: Level;
  number: string | null;
  tokens: Set<string>;
  loose: Set<string>;
  parent: Target | null;
  order: number;
  heading: string;
  /** The narrative code that receives the text under this heading (null: none, the text is unplaced). */
  code: string | null;
  /** True when the section has no text of its own and its text goes to its first point. */
  viaFirstPoint: boolean;
}

export interface UnplacedText {
  /** The heading the text stood under as written in the document; null before the first heading. */
  heading: string | null;
  text: string;
}

export interface Placement {
  /** Narrative code → its text (lines joined by "\n"). */
  texts: Map<string, string>;
  unplaced: UnplacedText[];
  /** Lines before the first heading: the header block, the title, the opening (for finding the unit and year). */
  preamble: string[];
  /** Headings recognised, in document order: as written → narrative code or section heading placed. */
  headings: { text: string; heading: string; code: string | null }[];
  /** Narrative codes filled from a section heading that has no text of its own (e.g. "2. Tồn tại, hạn chế; …"). */
  viaFirstPoint: string[];
}

// Common abbreviations in administrative headings, expanded before comparison.
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bubnd\b/g, 'ủy ban nhân dân'],
  [/\bhđnd\b/g, 'hội đồng nhân dân'],
  [/\bmttq\b/g, 'mặt trận tổ quốc'],
];

function words(text: string): string[] {
  let s = text.normalize('NFC').toLowerCase();
  for (const [re, full] of ABBREVIATIONS) s = s.replace(re, full);
  return s
    .replace(/\{[^}]*\}/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'];
const ARABIC_BY_ROMAN = new Map(ROMAN.map((r, i) => [r, String(i + 1)]));

/** The numbering mark at the start of a heading, and the rest. */
export function splitMarker(text: string): { marker: Marker | null; rest: string } {
  const t = text.trim();
  let m = /^ph[aầ]n\s+([a-zđ])\b\s*[.:)\-–—]?\s*/iu.exec(t);
  if (m && looseKey(t).startsWith('phan ')) return { marker: { level: 'part', value: m[1]!.toLowerCase() }, rest: t.slice(m[0].length) };
  m = /^(i{1,3}|iv|vi{0,3}|ix|x)\s*[.):\/\-–—]\s*/i.exec(t);
  if (m) return { marker: { level: 'roman', value: ARABIC_BY_ROMAN.get(m[1]!.toLowerCase()) ?? null }, rest: t.slice(m[0].length) };
  m = /^(\d{1,2})((?:\.\d{1,2})*)\s*(?:[.):\/\-–—]\s*|\s+)/.exec(t);
  if (m) return { marker: { level: m[2] ? 'point' : 'arabic', value: m[2] ? null : m[1]! }, rest: t.slice(m[0].length) };
  m = /^([a-hđ])\s*[).]\s+/i.exec(t);
  if (m) return { marker: { level: 'point', value: m[1]!.toLowerCase() }, rest: t.slice(m[0].length) };
  m = /^[-–—•●▪■+*]\s*/.exec(t);
  if (m) return { marker: { level: 'point', value: null }, rest: t.slice(m[0].length) };
  return { marker: null, rest: t };
}

function headingWords(heading: string): string {
  return heading.replace(/\([^)]*\)/g, ' ');
}

/** The outline's headings and narrative points as match targets, in printing order. */
export function outlineTargets(outline: Outline): Target[] {
  const out: Target[] = [];
  const make = (heading: string, level: Level, parent: Target | null, code: string | null, viaFirstPoint: boolean): Target => {
    const { marker, rest } = splitMarker(heading);
    const w = words(headingWords(rest));
    const t: Target = {
      level,
      number: marker?.level === level ? marker.value : null,
      tokens: new Set(w),
      loose: new Set(w.map(looseKey)),
      parent,
      order: out.length,
      heading,
      code,
      viaFirstPoint,
    };
    out.push(t);
    return t;
  };
  const walk = (sections: readonly OutlineSection[], parent: Target | null) => {
    for (const s of sections) {
      const narratives = (s.blocks ?? []).flatMap((b) => (b.kind === 'narrative' ? [b] : []));
      const own = narratives.find((b) => !b.lead);
      const points = narratives.filter((b) => b.lead);
      const code = own?.code ?? points[0]?.code ?? null;
      const t = make(s.heading, s.level, parent, code, !own && points.length > 0);
      for (const p of points) make(p.lead!, 'point', t, p.code, false);
      walk(s.sections ?? [], t);
    }
  };
  walk(outline.sections, null);
  return out;
}

/**
 * How well a heading's words fit a target's: mostly "are the heading's words the target's", partly coverage. A word
 * equal only without diacritics counts fully when typed without them ("Ket qua dat duoc"), 0.6 otherwise (a tone
 * mark placed the old way, "uỷ"/"ủy", but also a different word: "báo"/"bảo").
 */
function wordScore(tokens: string[], t: Target): number {
  const cand = new Set(tokens);
  if (cand.size === 0 || t.tokens.size === 0) return 0;
  let n = 0;
  for (const w of cand) {
    if (t.tokens.has(w)) n += 1;
    else {
      const loose = looseKey(w);
      if (t.loose.has(loose)) n += loose === w ? 1 : 0.6;
    }
  }
  return 0.75 * (n / cand.size) + 0.25 * Math.min(1, n / t.tokens.size);
}

function ancestors(t: Target | null): Set<Target> {
  const out = new Set<Target>();
  for (let p = t; p; p = p.parent) out.add(p);
  return out;
}

interface Candidate {
  target: Target;
  words: number;
  total: number;
  numberExact: boolean;
  /** The target is a part, or its parent is where the document is (or above). */
  inContext: boolean;
}

function bestTarget(text: string, marker: Marker | null, targets: Target[], current: Target | null, seen: ReadonlySet<Target>): Candidate | null {
  const tokens = words(headingWords(text));
  const here = ancestors(current);
  let best: Candidate | null = null;
  for (const t of targets) {
    if (here.has(t)) continue; // a heading never repeats the section the document is in
    const inContext = t.parent === null || here.has(t.parent);
    if (t.level === 'point' && !inContext) continue; // points ("- Nguyên nhân.") only mean something in their section
    const w = wordScore(tokens, t);
    let total = w;
    if (inContext) total += t.parent === current ? 0.2 : 0.15;
    total += current === null || t.order > current.order ? 0.05 : -0.1;
    if (seen.has(t)) total -= 0.25; // a section already met: the same words are more likely the next one's
    let numberExact = false;
    if (marker) {
      if (marker.level === t.level) {
        if (marker.value !== null && t.number !== null) {
          numberExact = marker.value === t.number;
          total += numberExact ? 0.3 : -0.1;
        } else total += 0.1;
      } else if (t.level !== 'point' && marker.level !== 'point') total -= 0.2;
    }
    if (!best || total > best.total) best = { target: t, words: w, total, numberExact, inContext };
  }
  return best;
}

const SENTENCE_END = /[.;!?…]$/;

function isUpperCase(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toLocaleUpperCase('vi');
}

/** A heading, when the paragraph is one: the target and the text after an inline heading ("- Nguyên nhân: …"). */
function matchHeading(
  p: DocParagraph,
  targets: Target[],
  current: Target | null,
  seen: ReadonlySet<Target>,
): { target: Target; after: string } | 'extra' | null {
  const text = p.text.replace(/\s+/g, ' ').trim();
  if (text === '' || text.length > 250) return null;
  const { marker: mark, rest } = splitMarker(text);
  const marker = mark ?? (p.list ? { level: 'point' as Level, value: null } : null);
  const strong = p.styled || p.bold || isUpperCase(rest);
  const c = bestTarget(rest, marker, targets, current, seen);
  if (c) {
    // Out of its context (e.g. "Ủy ban nhân dân xã …" in a header block vs C.5's "Đối với Ủy ban nhân dân …") a
    // heading must say nearly the target's words.
    const byWords = c.words >= (c.inContext ? (strong ? 0.5 : 0.7) : 0.8) && c.total >= 0.65;
    const byNumber = strong && c.numberExact && (c.target.level === 'part' || c.target.level === 'roman') && c.total >= 0.45;
    if (byWords || byNumber) return { target: c.target, after: '' };
  }
  // "- Tồn tại, hạn chế: công tác … chưa …": a point's lead followed by its text in the same paragraph.
  const colon = rest.indexOf(':');
  if (colon > 0 && colon <= 80) {
    const head = rest.slice(0, colon);
    const ci = bestTarget(head, marker, targets, current, seen);
    if (ci && ci.words >= 0.8 && ci.total >= 0.8) return { target: ci.target, after: rest.slice(colon + 1).trim() };
  }
  // A heading that is none of the outline's: an extra section, whose text is not put in the previous one — a heading
  // style, or a bold or capitalised line numbered like a part, a roman or an arabic section ("VI. …", "4. …"), or a
  // bold line all in capitals. A bold line inside a section ("a) Công tác tập huấn", "Kết quả cụ thể:") is its text.
  if (SENTENCE_END.test(text) || text.split(' ').length > 20) return p.styled ? 'extra' : null;
  if (p.styled) return 'extra';
  const structural = mark !== null && mark.level !== 'point';
  if (structural && (p.bold || isUpperCase(rest))) return 'extra';
  if (!mark && p.bold && isUpperCase(rest) && text.split(' ').length <= 12) return 'extra';
  return null;
}

export interface MatchOptions {
  /** The "Nơi nhận:" line: the report's body ends there (the recipients and the signature follow). */
  endMarker: string;
}

/**
 * Places the blocks of a Word report. Paragraphs and lists keep one line each (list items with "- " or their
 * number); a table becomes one line per row with its cells separated by " | " (tabs would be lost: the report
 * collapses runs of spaces and tabs).
 */
export function placeBlocks(blocks: readonly DocBlock[], outline: Outline, options: MatchOptions): Placement {
  const targets = outlineTargets(outline);
  const end = looseKey(options.endMarker.replace(/[:：]\s*$/, ''));
  const texts = new Map<string, string[]>();
  const unplaced: { heading: string | null; lines: string[] }[] = [];
  const preamble: string[] = [];
  const headings: Placement['headings'] = [];
  const viaFirstPoint = new Set<string>();
  let current: Target | null = null;
  const seen = new Set<Target>();
  let sink: string[] = preamble;
  let counters: number[] = [];
  let lastOrdered: boolean | null = null;
  /** The code filled from a section heading without its own text, until one of its points' headings comes. */
  let via: string | null = null;

  const open = (target: Target | 'extra', heading: string) => {
    if (target === 'extra') {
      via = null;
      const group = { heading, lines: [] as string[] };
      unplaced.push(group);
      sink = group.lines;
      return;
    }
    current = target;
    seen.add(target);
    headings.push({ text: heading, heading: target.heading, code: target.code });
    via = target.viaFirstPoint ? target.code : null;
    if (target.code) {
      const lines = texts.get(target.code) ?? [];
      texts.set(target.code, lines);
      sink = lines;
    } else {
      const group = { heading, lines: [] as string[] };
      unplaced.push(group);
      sink = group.lines;
    }
  };

  const push = (line: string) => {
    sink.push(line);
    if (via) viaFirstPoint.add(via);
  };

  for (const b of blocks) {
    if (b.kind === 'table') {
      counters = [];
      lastOrdered = null;
      if (b.rows.some((r) => r.some((c) => looseKey(c).startsWith(end)))) break;
      if (sink === preamble) {
        for (const r of b.rows) for (const c of r) preamble.push(...c.split('\n').filter((l) => l.trim() !== ''));
        continue;
      }
      for (const r of b.rows) {
        const line = r.map((c) => c.replace(/\s*\n\s*/g, ' ')).join(' | ');
        if (line.replace(/[|\s]/g, '') !== '') push(line);
      }
      continue;
    }
    const text = b.text.trim();
    if (text === '' || text === './.') continue;
    if (looseKey(text).startsWith(end)) break;
    const h = matchHeading(b, targets, current, seen);
    if (h) {
      if (h === 'extra' && sink === preamble)
        preamble.push(text); // the header block's capitals and bold title
      else if (h === 'extra') open('extra', text);
      else {
        open(h.target, h.after ? text.slice(0, text.length - h.after.length).replace(/[:\s]+$/, '') : text);
        if (h.after) push(h.after.replace(/\s*\.\/\.$/, ''));
      }
      counters = [];
      lastOrdered = null;
      continue;
    }
    for (const raw of text.split('\n')) {
      let line = raw.trim().replace(/\s*\.\/\.$/, '');
      if (line === '') continue;
      if (b.list && sink !== preamble) {
        const level = b.list.level;
        if (lastOrdered !== b.list.ordered) counters = [];
        lastOrdered = b.list.ordered;
        counters = counters.slice(0, level + 1);
        counters[level] = (counters[level] ?? 0) + 1;
        if (!splitMarker(line).marker) line = b.list.ordered ? `${counters[level]}. ${line}` : `- ${line}`;
      } else {
        counters = [];
        lastOrdered = null;
      }
      push(line);
    }
  }
  // Nothing recognised at all: the whole text is for the compiler to place.
  if (headings.length === 0 && unplaced.length === 0 && preamble.length > 0) unplaced.push({ heading: null, lines: [...preamble] });
  const joined = new Map<string, string>();
  for (const [code, lines] of texts) if (lines.length > 0) joined.set(code, lines.join('\n'));
  return {
    texts: joined,
    unplaced: unplaced.filter((u) => u.lines.length > 0).map((u) => ({ heading: u.heading, text: u.lines.join('\n') })),
    preamble,
    headings,
    viaFirstPoint: [...viaFirstPoint].filter((c) => joined.has(c)),
  };
}
