// A small streaming XML tokenizer for the parts of an .xlsx package (OOXML): elements, attributes,
// text, CDATA, comments, processing instructions, the five predefined entities and numeric character
// references. No DTD: a DOCTYPE, an unknown entity, or anything else that is not well-formed XML 1.0
// is an error (XmlError), as it was for saxes with the same input. It scans the decoded text with
// indexOf/charCodeAt and allocates nothing per attribute: the open-tag callback reads the attributes it
// needs through `XmlAttributes.get`, valid only during that callback.
//
// Well-formedness checked (the verdicts of saxes 6, in non-namespace mode, on the same input): allowed
// characters everywhere; one root element; only whitespace, comments and processing instructions
// outside it; names; close tags matching open tags; attributes quoted, unique, with no '<' and with
// valid references; "]]>" not in text; comments without "--"; the XML declaration only at the start
// and well-formed. Deliberately stricter than saxes: a DOCTYPE is refused even when no entity of it
// is used, and an XML declaration must say version 1.0 (Excel and LibreOffice never write anything
// else). End-of-line handling as XML 1.0 says: CR LF and a lone CR read as LF in text, and in attribute
// values tab, CR, LF read as a space.

import { isAscii } from 'node:buffer';

export class XmlError extends Error {}

export interface XmlAttributes {
  /** The value of the attribute with this (qualified) name, references resolved; undefined if absent. */
  get(name: string): string | undefined;
  /** The qualified names of the attributes, in document order. */
  names(): string[];
  /**
   * `read(text, start, end)` on the attribute's value without cutting it out of the document (the value
   * is text.slice(start, end)); undefined when the attribute is absent.
   */
  read<T>(name: string, read: (text: string, start: number, end: number) => T): T | undefined;
  /** Whether the tag is an empty-element tag `<x/>`: no content, its close follows at once. */
  empty(): boolean;
}

export interface XmlHandlers {
  /** An element opens; `name` is its local name (after the first ':'). */
  open(name: string, attrs: XmlAttributes): void;
  /** Character data (text and CDATA), possibly in several pieces. */
  text?(text: string): void;
  /** When present and false, the text at this point is checked but not built nor passed to `text`. */
  wantsText?(): boolean;
  /** An element closes (also right after `open` for an empty-element tag `<x/>`). */
  close?(name: string): void;
}

const LT = 60;
const GT = 62;
const AMP = 38;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const EQ = 61;
const DQUOTE = 34;
const SQUOTE = 39;
const CR = 13;
const LF = 10;
const TAB = 9;
const SPACE = 32;
const COLON = 58;

const isS = (c: number) => c === SPACE || c === LF || c === CR || c === TAB;

// ASCII name characters: 1 = may start a name, 2 = may only continue one.
const ASCII_NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === COLON) ASCII_NAME[c] = 1;
  else if ((c >= 48 && c <= 57) || c === 45 || c === 46) ASCII_NAME[c] = 2;
}

// In an attribute value, the characters below 64 that need a look: quotes, '&', '<', tab, LF, CR.
const VALUE_MARK = new Uint8Array(64);
for (const c of [DQUOTE, SQUOTE, AMP, LT, TAB, LF, CR]) VALUE_MARK[c] = 1;

/** XML 1.0 (5th edition) NameStartChar, for a code point at or above 0x80. */
function isWideNameStart(c: number): boolean {
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    (c >= 0x200c && c <= 0x200d) ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0xeffff)
  );
}

/** XML 1.0 NameChar beyond NameStartChar, for a code point at or above 0x80. */
const isWideNameOnly = (c: number) => c === 0xb7 || (c >= 0x300 && c <= 0x36f) || (c >= 0x203f && c <= 0x2040);

/** Characters XML 1.0 forbids anywhere, and surrogates (allowed only as a pair, checked one by one). */
const SUSPECT = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/g;

/** Refuses a disallowed character or a lone surrogate (a chunk never ends inside a pair). */
function checkChars(s: string): void {
  SUSPECT.lastIndex = 0;
  for (let m = SUSPECT.exec(s); m; m = SUSPECT.exec(s)) {
    const i = m.index;
    const c = s.charCodeAt(i);
    const d = s.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) SUSPECT.lastIndex = i + 2;
    else fail('disallowed character');
  }
}

const isChar = (n: number) =>
  n === TAB || n === LF || n === CR || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);

const XML_DECL =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"1\.0"|'1\.0')(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\r\n]*\?>/;

/** Slots of the element-name cache, by a hash of the name. */
const NAME_SLOTS = 1 << 12;

// Element names seen last (qualified and local) by first character and length, reused instead of cut
// out of the text again (shared by all tokenizers: an entry is used only after comparing its text).
const qnames: (string | undefined)[] = new Array<string | undefined>(NAME_SLOTS);
const lnames: string[] = new Array<string>(NAME_SLOTS);

/** The engine's single copy of a string (a property key is one), so that comparing it to a literal is cheap. */
function internalize(s: string): string {
  return Object.keys({ [s]: 0 })[0]!;
}

/** Returned by the markup readers when the buffer ends before the markup does. */
const MORE = -1;

/** Returned by the reader of a plain tag for any other tag, left to the general reader to read and judge. */
const NOT_PLAIN = -2;

/** Attributes read by the tokenizer's fast path for a plain tag (a tag with more is read by the general one). */
const PLAIN_ATTRS = 16;

const fail = (message: string): never => {
  throw new XmlError(message);
};

export class XmlTokenizer implements XmlAttributes {
  private buf = '';
  private pending = ''; // the unread tail of the previous chunks
  private carry = ''; // a trailing CR or high surrogate held for the next chunk
  private started = false;
  private closedRoot = false;
  private sawRoot = false;
  private declDone = false;
  private readonly stack: string[] = [];
  private readonly locals: string[] = [];
  // The attributes of the tag being opened: ranges in `buf`, and whether a value needs decoding.
  private nAttrs = 0;
  private emptyTag = false;
  // Four numbers an attribute: name start, name end, value start, value end (negated: to decode).
  private readonly attrs: number[] = new Array<number>(32).fill(0);
  // Next positions of '&', CR and "]]>" in `buf` at or after the last search (-2: not searched yet).
  private nextAmp = -2;
  private nextCr = -2;
  private nextCdEnd = -2;

  constructor(private readonly h: XmlHandlers) {}

  /** Feeds the next piece of the document. */
  write(chunk: string): void {
    let s = this.carry + chunk;
    this.carry = '';
    const last = s.charCodeAt(s.length - 1);
    if (last === CR || (last >= 0xd800 && last <= 0xdbff)) {
      this.carry = s.slice(-1);
      s = s.slice(0, -1);
    }
    if (!this.started && s.length) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    checkChars(s);
    this.run(this.pending + s, false);
  }

  /** Ends the document: anything left open or unfinished is an error. */
  close(): void {
    const s = this.carry;
    this.carry = '';
    checkChars(s);
    this.run(this.pending + s, true);
    if (this.pending) fail('unexpected end');
    if (!this.sawRoot) fail('document must contain a root element');
    if (this.stack.length) fail(`unclosed tag: ${this.stack[this.stack.length - 1]}`);
  }

  get(name: string): string | undefined {
    const i = this.find(name);
    if (i < 0) return undefined;
    const { buf, attrs } = this;
    const ve = attrs[i + 3]!;
    return ve < 0 ? this.decode(attrs[i + 2]!, -ve, true) : buf.slice(attrs[i + 2]!, ve);
  }

  read<T>(name: string, read: (text: string, start: number, end: number) => T): T | undefined {
    const i = this.find(name);
    if (i < 0) return undefined;
    const { buf, attrs } = this;
    const ve = attrs[i + 3]!;
    if (ve >= 0) return read(buf, attrs[i + 2]!, ve);
    const s = this.decode(attrs[i + 2]!, -ve, true);
    return read(s, 0, s.length);
  }

  empty(): boolean {
    return this.emptyTag;
  }

  /** The index in `attrs` of the attribute with this name, or -1. */
  private find(name: string): number {
    const { buf, attrs } = this;
    const end = this.nAttrs * 4;
    const first = name.charCodeAt(0);
    for (let i = 0; i < end; i += 4) {
      const a = attrs[i]!;
      if (attrs[i + 1]! - a === name.length && buf.charCodeAt(a) === first && (name.length === 1 || buf.startsWith(name, a))) return i;
    }
    return -1;
  }

  names(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.nAttrs; i++) out.push(this.buf.slice(this.attrs[i * 4], this.attrs[i * 4 + 1]));
    return out;
  }

  private run(buf: string, final: boolean): void {
    this.buf = buf;
    this.nextAmp = this.nextCr = this.nextCdEnd = -2;
    const len = buf.length;
    let pos = 0;
    if (!this.declDone) {
      // The XML declaration, only ever at the very start of the document.
      if (len < 6 && !final) {
        this.pending = buf;
        return;
      }
      const c5 = buf.charCodeAt(5);
      // isS written out: its own feedback, from a few calls a part, was too thin for V8 (a deopt of run).
      if (buf.startsWith('<?xml') && (c5 === SPACE || c5 === LF || c5 === CR || c5 === TAB || c5 === QUESTION)) {
        const end = buf.indexOf('?>');
        if (end < 0) {
          if (final) fail('XML declaration is incomplete');
          this.pending = buf;
          return;
        }
        if (!XML_DECL.test(buf.slice(0, end + 2))) fail('malformed XML declaration');
        pos = end + 2;
      }
      this.declDone = true;
    }
    while (pos < len) {
      const lt = buf.charCodeAt(pos) === LT ? pos : buf.indexOf('<', pos);
      if (lt < 0) {
        if (!final) break;
        this.text(pos, len);
        pos = len;
        break;
      }
      if (lt > pos) this.text(pos, lt);
      pos = lt;
      const c = buf.charCodeAt(lt + 1);
      let next: number;
      if (c === SLASH) next = this.closeTag(lt);
      else if (c === BANG) next = this.bang(lt, final);
      else if (c === QUESTION) next = this.pi(lt);
      else if ((next = this.plainTag(lt)) === NOT_PLAIN) next = this.openTag(lt);
      if (next === MORE) break;
      pos = next;
    }
    // Sliced even when nothing is left (''): a branch first taken after V8 has compiled run() made it drop
    // and recompile run() part after part (measured on a worksheet's ASCII head, which may end in text).
    this.pending = buf.slice(pos);
    this.buf = '';
  }

  /** Text between pos and end (no '<' inside). */
  private text(pos: number, end: number): void {
    const { buf } = this;
    if (this.stack.length === 0) {
      for (let i = pos; i < end; i++) if (!isS(buf.charCodeAt(i))) fail('text data outside of root node');
      return;
    }
    if (this.nextCdEnd !== -1 && this.nextCdEnd < end) {
      if (this.nextCdEnd < pos) this.nextCdEnd = buf.indexOf(']]>', pos);
      if (this.nextCdEnd >= 0 && this.nextCdEnd < end) fail('the string "]]>" is disallowed in char data');
    }
    let amp = false;
    if (this.nextAmp !== -1 && this.nextAmp < end) {
      if (this.nextAmp < pos) this.nextAmp = buf.indexOf('&', pos);
      if (this.nextAmp >= 0 && this.nextAmp < end) {
        amp = true;
        // Every reference is checked, wanted or not.
        let a = this.nextAmp;
        while (a >= 0 && a < end) {
          const semi = this.reference(a, end);
          a = buf.indexOf('&', semi + 1);
        }
        this.nextAmp = a;
      }
    }
    const h = this.h;
    if (!h.text || (h.wantsText && !h.wantsText())) return;
    let cr = false;
    if (this.nextCr !== -1 && this.nextCr < end) {
      if (this.nextCr < pos) this.nextCr = buf.indexOf('\r', pos);
      cr = this.nextCr >= 0 && this.nextCr < end;
    }
    let s = amp ? this.decode(pos, end, false) : buf.slice(pos, end);
    if (cr && !amp) s = s.replace(/\r\n?/g, '\n');
    h.text(s);
  }

  /** Checks the reference starting with '&' at `a` (before `end`); returns the index of its ';'. */
  private reference(a: number, end: number): number {
    const semi = this.buf.indexOf(';', a + 1);
    if (semi < 0 || semi >= end) fail('unterminated entity reference');
    this.resolve(a + 1, semi);
    return semi;
  }

  /** The text of the reference whose name lies between a and b. */
  private resolve(a: number, b: number): string {
    const { buf } = this;
    const n = b - a;
    const c0 = buf.charCodeAt(a);
    if (c0 === 35 /* # */) {
      let num = 0;
      let i = a + 1;
      if (buf.charCodeAt(i) === 120 /* x */) {
        i++;
        if (i === b) fail('malformed character entity');
        for (; i < b; i++) {
          const c = buf.charCodeAt(i);
          const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
          if (d < 0) fail('malformed character entity');
          num = num * 16 + d;
          if (num > 0x10ffff) num = 0x110000;
        }
      } else {
        if (i === b) fail('malformed character entity');
        for (; i < b; i++) {
          const c = buf.charCodeAt(i);
          if (c < 48 || c > 57) fail('malformed character entity');
          num = num * 10 + (c - 48);
          if (num > 0x10ffff) num = 0x110000;
        }
      }
      if (!isChar(num)) fail('malformed character entity');
      return String.fromCodePoint(num);
    }
    if (n === 3 && c0 === 97 && buf.startsWith('amp', a)) return '&';
    if (n === 2 && buf.charCodeAt(a + 1) === 116 && (c0 === 108 || c0 === 103)) return c0 === 108 ? '<' : '>';
    if (n === 4 && (buf.startsWith('quot', a) || buf.startsWith('apos', a))) return c0 === 113 ? '"' : "'";
    return fail(n === 0 ? 'empty entity name' : 'undefined entity');
  }

  /** The text between a and b with references resolved and line ends normalised (a value: to spaces). */
  private decode(a: number, b: number, attribute: boolean): string {
    const { buf } = this;
    let out = '';
    let from = a;
    for (let i = a; i < b; i++) {
      const c = buf.charCodeAt(i);
      if (c === AMP) {
        const semi = buf.indexOf(';', i + 1);
        out += buf.slice(from, i) + this.resolve(i + 1, semi);
        i = semi;
        from = semi + 1;
      } else if (c === CR) {
        out += buf.slice(from, i) + (attribute ? ' ' : '\n');
        if (buf.charCodeAt(i + 1) === LF) i++;
        from = i + 1;
      } else if (attribute && (c === LF || c === TAB)) {
        out += `${buf.slice(from, i)} `;
        from = i + 1;
      }
    }
    return out + buf.slice(from, b);
  }

  /** Reads a name at p; returns the index after it (p when there is none). */
  private name(p: number): number {
    const { buf } = this;
    const len = buf.length;
    let c = buf.charCodeAt(p);
    if (c < 128) {
      if (ASCII_NAME[c] !== 1) return p;
      p++;
    } else {
      const w = this.wide(p);
      if (w < 0 || !isWideNameStart(w)) return p;
      p += w > 0xffff ? 2 : 1;
    }
    while (p < len) {
      c = buf.charCodeAt(p);
      if (c < 128) {
        if (ASCII_NAME[c] === 0) return p;
        p++;
      } else {
        const w = this.wide(p);
        if (w < 0 || !(isWideNameStart(w) || isWideNameOnly(w))) return p;
        p += w > 0xffff ? 2 : 1;
      }
    }
    return p;
  }

  /** The code point at p (a surrogate pair combined; -1 when the pair is cut by the buffer's end). */
  private wide(p: number): number {
    const c = this.buf.charCodeAt(p);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = this.buf.charCodeAt(p + 1);
      return Number.isNaN(d) ? -1 : 0x10000 + (c - 0xd800) * 0x400 + (d - 0xdc00);
    }
    return c;
  }

  private skipS(p: number): number {
    const { buf } = this;
    while (isS(buf.charCodeAt(p))) p++;
    return p;
  }

  private openTag(lt: number): number {
    const { buf } = this;
    const len = buf.length;
    const nameEnd = this.name(lt + 1);
    if (nameEnd >= len) return MORE;
    if (nameEnd === lt + 1) fail('disallowed character in tag name');
    if (this.closedRoot) fail('documents may contain only one root');
    let p = nameEnd;
    let n = 0;
    let selfClosing = false;
    for (;;) {
      let c = buf.charCodeAt(p);
      const spaced = isS(c);
      if (spaced) {
        p = this.skipS(p);
        c = buf.charCodeAt(p);
      }
      if (c === GT) break;
      if (c === SLASH) {
        if (p + 1 >= len) return MORE;
        if (buf.charCodeAt(p + 1) !== GT) fail('forward-slash in opening tag not followed by >');
        selfClosing = true;
        p++;
        break;
      }
      if (p >= len) return MORE;
      if (!spaced) fail(n === 0 ? 'disallowed character in tag name' : 'no whitespace between attributes');
      const aStart = p;
      const aEnd = this.name(p);
      if (aEnd >= len) return MORE;
      if (aEnd === p) fail('disallowed character in attribute name');
      p = aEnd;
      if (buf.charCodeAt(p) !== EQ) {
        p = this.skipS(p);
        if (p >= len) return MORE;
        if (buf.charCodeAt(p) !== EQ) fail('attribute without value');
      }
      let q = buf.charCodeAt(++p);
      if (q !== DQUOTE && q !== SQUOTE) {
        p = this.skipS(p);
        if (p >= len) return MORE;
        q = buf.charCodeAt(p);
        if (q !== DQUOTE && q !== SQUOTE) fail('unquoted attribute value');
      }
      const vStart = p + 1;
      // The value: short, read char by char (no '<'; references checked; line ends to normalise).
      let vEnd = vStart;
      let raw = false;
      let amp = false;
      for (; ; vEnd++) {
        c = buf.charCodeAt(vEnd);
        if (c < 64) {
          if (VALUE_MARK[c] === 0) continue;
          if (c === q) break;
          if (c === AMP) amp = raw = true;
          else if (c === LT) fail('disallowed character');
          else if (c !== DQUOTE && c !== SQUOTE) raw = true; // tab, LF, CR
        } else if (c !== c) return MORE; // NaN: the buffer ended inside the value
      }
      if (amp) for (let i = buf.indexOf('&', vStart); i >= 0 && i < vEnd; i = buf.indexOf('&', i + 1)) i = this.reference(i, vEnd);
      // Unique names (compared as ranges; a set only for a tag with very many attributes).
      const { attrs } = this;
      const at = n * 4;
      for (let k = 0; k < at && n < 64; k += 4) {
        const s = attrs[k]!;
        if (attrs[k + 1]! - s === aEnd - aStart && this.sameRange(s, aStart, aEnd - aStart)) fail('duplicate attribute');
      }
      attrs[at] = aStart;
      attrs[at + 1] = aEnd;
      attrs[at + 2] = vStart;
      attrs[at + 3] = raw ? -vEnd : vEnd;
      n++;
      p = vEnd + 1;
    }
    if (n >= 64) {
      const seen = new Set<string>();
      for (let k = 0; k < n; k++) {
        const s = buf.slice(this.attrs[k * 4], this.attrs[k * 4 + 1]);
        if (seen.has(s)) fail('duplicate attribute');
        seen.add(s);
      }
    }
    this.nAttrs = n;
    let hash = 0;
    for (let i = lt + 1; i < nameEnd; i++) hash = (hash * 31 + buf.charCodeAt(i)) | 0;
    this.enter(lt, nameEnd, hash, selfClosing);
    return p + 1;
  }

  /**
   * The common tag, as Excel writes every one of a worksheet's: `<name a="v" b="v">` or `/>`, ASCII names,
   * one space before each attribute, double quotes, values with no '&', '<', quote, tab or line end. Read
   * with the checks of openTag that such a tag needs (names, unique attributes, one root); NOT_PLAIN for
   * anything else, even a tag cut by the buffer's end, which openTag then reads from its start and judges.
   */
  private plainTag(lt: number): number {
    if (this.closedRoot) return NOT_PLAIN;
    const { buf, attrs } = this;
    let p = lt + 1;
    let c = buf.charCodeAt(p);
    if (!(c < 128 && ASCII_NAME[c] === 1)) return NOT_PLAIN;
    let hash = 0;
    do {
      hash = (hash * 31 + c) | 0;
      c = buf.charCodeAt(++p);
    } while (c < 128 && ASCII_NAME[c] !== 0);
    const nameEnd = p;
    let at = 0;
    while (c === SPACE) {
      const aStart = ++p;
      c = buf.charCodeAt(p);
      if (!(c < 128 && ASCII_NAME[c] === 1)) return NOT_PLAIN;
      do c = buf.charCodeAt(++p);
      while (c < 128 && ASCII_NAME[c] !== 0);
      const aEnd = p;
      if (c !== EQ || buf.charCodeAt(p + 1) !== DQUOTE) return NOT_PLAIN;
      const vStart = (p += 2);
      // Above "'" only '<' needs a look; NaN: the buffer ended inside the value.
      for (c = buf.charCodeAt(p); c !== DQUOTE; c = buf.charCodeAt(++p)) if (!(c > SQUOTE && c !== LT) && (c !== c || VALUE_MARK[c] !== 0)) return NOT_PLAIN;
      if (at === PLAIN_ATTRS * 4) return NOT_PLAIN;
      for (let k = 0; k < at; k += 4) {
        const s = attrs[k]!;
        if (attrs[k + 1]! - s === aEnd - aStart && this.sameRange(s, aStart, aEnd - aStart)) return NOT_PLAIN;
      }
      attrs[at] = aStart;
      attrs[at + 1] = aEnd;
      attrs[at + 2] = vStart;
      attrs[at + 3] = p;
      at += 4;
      c = buf.charCodeAt(++p);
    }
    if (c === SLASH) {
      if (buf.charCodeAt(++p) !== GT) return NOT_PLAIN;
    } else if (c !== GT) return NOT_PLAIN;
    this.nAttrs = at >> 2;
    this.enter(lt, nameEnd, hash, c === SLASH);
    return p + 1;
  }

  /**
   * The element whose name lies between lt + 1 and nameEnd opens (its attributes in `attrs`), and closes if
   * empty. `hash`: of the name's characters c, hash = (hash × 31 + c) | 0 from 0.
   */
  private enter(lt: number, nameEnd: number, hash: number, selfClosing: boolean): void {
    const { buf } = this;
    const nameLen = nameEnd - lt - 1;
    const first = buf.charCodeAt(lt + 1);
    const slot = hash & (NAME_SLOTS - 1);
    let qname = qnames[slot];
    if (qname === undefined || qname.length !== nameLen || qname.charCodeAt(0) !== first || !(nameLen === 1 || buf.startsWith(qname, lt + 1))) {
      qname = internalize(buf.slice(lt + 1, nameEnd));
      const colon = qname.indexOf(':');
      qnames[slot] = qname;
      lnames[slot] = colon < 0 ? qname : internalize(qname.slice(colon + 1));
    }
    const local = lnames[slot]!;
    this.sawRoot = true;
    if (selfClosing) {
      // Opened and closed at once: never on the stack (the root when the stack is empty).
      if (this.stack.length === 0) this.closedRoot = true;
      this.emptyTag = true;
      this.h.open(local, this);
      this.emptyTag = false;
      this.nAttrs = 0;
      this.h.close?.(local);
      return;
    }
    this.stack.push(qname);
    this.locals.push(local);
    this.h.open(local, this);
    this.nAttrs = 0;
  }

  private sameRange(a: number, b: number, n: number): boolean {
    const { buf } = this;
    for (let i = 0; i < n; i++) if (buf.charCodeAt(a + i) !== buf.charCodeAt(b + i)) return false;
    return true;
  }

  private pop(local: string): void {
    this.stack.pop();
    this.locals.pop();
    if (this.stack.length === 0) this.closedRoot = true;
    this.h.close?.(local);
  }

  private closeTag(lt: number): number {
    const { buf, stack } = this;
    const len = buf.length;
    const top = stack[stack.length - 1];
    const p0 = lt + 2;
    if (top === undefined) {
      if (p0 >= len) return MORE;
      return fail('unexpected close tag');
    }
    const after = p0 + top.length;
    if (after >= len) {
      // Not enough text to compare: wait, unless what there is already differs.
      if (!top.startsWith(buf.slice(p0))) fail(`unmatched closing tag`);
      return MORE;
    }
    if (!buf.startsWith(top, p0)) fail('unmatched closing tag');
    let p = after;
    if (buf.charCodeAt(p) !== GT) {
      if (!isS(buf.charCodeAt(p))) fail('unmatched closing tag');
      p = this.skipS(p);
      if (p >= len) return MORE;
      if (buf.charCodeAt(p) !== GT) fail('disallowed character in closing tag');
    }
    this.pop(this.locals[this.locals.length - 1]!);
    return p + 1;
  }

  /** `<!--`, `<![CDATA[`; a DOCTYPE or anything else after `<!` is refused. */
  private bang(lt: number, final: boolean): number {
    const { buf } = this;
    const len = buf.length;
    if (buf.startsWith('<!--', lt)) {
      const dd = buf.indexOf('--', lt + 4);
      if (dd < 0 || dd + 2 >= len) return MORE;
      if (buf.charCodeAt(dd + 2) !== GT) fail('malformed comment');
      return dd + 3;
    }
    if (buf.startsWith('<![CDATA[', lt)) {
      if (this.stack.length === 0) fail('text data outside of root node');
      const end = buf.indexOf(']]>', lt + 9);
      if (end < 0) return MORE;
      const h = this.h;
      if (h.text && (!h.wantsText || h.wantsText())) {
        const s = buf.slice(lt + 9, end);
        h.text(s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s);
      }
      return end + 3;
    }
    if (buf.startsWith('<!DOCTYPE', lt)) fail('a document type declaration is not accepted');
    // A prefix of one of the three, cut by the buffer's end: wait for more.
    if (!final && lt + 9 > len) {
      const seen = buf.slice(lt);
      if ('<!--'.startsWith(seen) || '<![CDATA['.startsWith(seen) || '<!DOCTYPE'.startsWith(seen)) return MORE;
    }
    return fail('incorrect syntax');
  }

  /** A processing instruction (never `xml` past the start). */
  private pi(lt: number): number {
    const { buf } = this;
    const len = buf.length;
    const end = this.name(lt + 2);
    if (end >= len) return MORE;
    if (end === lt + 2) fail('processing instruction without a target');
    const c = buf.charCodeAt(end);
    if (c !== QUESTION && !isS(c)) fail('disallowed character in processing instruction name');
    if (end - (lt + 2) === 3 && buf.slice(lt + 2, end).toLowerCase() === 'xml') fail('the XML declaration must appear at the start of the document');
    const close = buf.indexOf('?>', end);
    if (close < 0) return MORE;
    return close + 2;
  }
}

/** Bytes checked at a time for the plain-ASCII head of a part. */
const ASCII_BLOCK = 4096;

/**
 * Parses the bytes of one part (UTF-8, with or without a byte-order mark), decoded and fed in slices so
 * that the part is never held twice at its full size (bytes and text). The part's head up to the first
 * block holding a byte above 0x7F (a worksheet's cells, before the Vietnamese of its data validations)
 * is plain ASCII, which reads as the same text in latin1: a copy instead of a UTF-8 decode.
 */
export function parseXmlBytes(bytes: Uint8Array, h: XmlHandlers, chunkBytes = 1 << 20): void {
  const tok = new XmlTokenizer(h);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const first = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let start = first;
  let ascii = first;
  while (ascii < bytes.length) {
    const end = Math.min(bytes.length, ascii + ASCII_BLOCK);
    if (!isAscii(buf.subarray(ascii, end))) break;
    ascii = end;
  }
  // A head short of the whole part ends before a '<', so that no markup is cut between the two texts: a
  // cut tag is read right, but reading past a text's end made V8 drop and recompile the tokenizer (measured).
  if (ascii > first && ascii < bytes.length) ascii = Math.max(first, buf.lastIndexOf(LT, ascii - 1));
  while (start < ascii) {
    const end = Math.min(ascii, start + chunkBytes);
    tok.write(buf.toString('latin1', start, end));
    start = end;
  }
  // After a head, the decoder's text starts with '<' (never with a byte-order mark it would drop).
  const decoder = new TextDecoder('utf-8');
  while (start < bytes.length) {
    const end = Math.min(bytes.length, start + chunkBytes);
    tok.write(decoder.decode(bytes.subarray(start, end), { stream: end < bytes.length }));
    start = end;
  }
  tok.close();
}
