// Vietnamese text habits: NFC everywhere, Vietnamese collation, keys that ignore case, spacing and diacritic variants.
export const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export function nfc(text: string): string {
  return text.normalize('NFC');
}

export function compareVi(a: string, b: string): number {
  return viCollator.compare(a, b);
}

/** A comparison key: NFC, lower case, single spaces, no diacritics (đ → d). */
export function looseKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Characters that show nothing: zero-width space, non-joiner and joiner, word joiner, BOM, soft hyphen, direction marks… */
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;
/** Every kind of space: ordinary, tab, line breaks, no-break, narrow no-break, figure, en/em, ideographic… */
const SPACES = /[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
/** Dashes typed for a hyphen (Word turns "-" into "–"): hyphen, non-breaking hyphen, en/em dash, minus… */
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;

/**
 * The key of one field of a document: NFC, invisible characters dropped, every kind of space and dash
 * alike, then as looseKey (case, diacritics). Spaces are dropped altogether: "12/KH - UBND" is "12/KH-UBND".
 */
export function documentFieldKey(text: string): string {
  let key = FIELD_KEYS.get(text);
  if (key === undefined) {
    if (FIELD_KEYS.size >= 100_000) FIELD_KEYS.clear();
    key = looseKey(text.normalize('NFC').replace(INVISIBLE, '').replace(DASHES, '-').replace(SPACES, ''));
    FIELD_KEYS.set(text, key);
  }
  return key;
}

/** Field keys worked out so far: a season's documents are keyed again by validation, Phụ lục 02 and the report. */
const FIELD_KEYS = new Map<string, string>();

/**
 * "Same document": the one key every place uses (the rows of one workbook, Phụ lục 02 across units and
 * years, validation, the trace). `fields` are the fields that identify a document (the template's
 * duplicateKey). Two documents differing only by a no-break or zero-width space have one key.
 */
export function documentKey(d: Readonly<Record<string, string | null | undefined>>, fields: readonly string[]): string {
  return fields.map((f) => documentFieldKey(d[f] ?? '')).join('|');
}

/** A heading in capitals as running text: `SỐ LIỆU TRẺ EM BỊ XÂM HẠI` → `Số liệu trẻ em bị xâm hại`. */
export function sentenceCase(text: string): string {
  const lower = nfc(text).toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]+(ng|nh|ch|[cmnpt])?$/;
/** Words after which the field of an agency starts with a capital: Sở Y tế, Bộ Tư pháp. */
const FIELD_AFTER = new Set(['sở', 'bộ', 'cục', 'ban', 'vụ', 'viện', 'phòng']);

/**
 * An agency name written in capitals, as the header block shows it, in the running-text case of Decree 30:
 * `SỞ Y TẾ` → `Sở Y tế`, `SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH` → `Sở Văn hóa, Thể thao và Du lịch`,
 * `UBND TỈNH …` keeps `UBND`. Only the leading words in capitals change: `SỞ Y TẾ tỉnh An Lạc` → `Sở Y tế tỉnh An Lạc`.
 */
export function runningCaseName(name: string): string {
  const all = nfc(name).trim().split(/\s+/);
  const capitals = all.findIndex((w) => w !== w.toLocaleUpperCase('vi') || !/\p{L}/u.test(w));
  const words = capitals < 0 ? all : all.slice(0, capitals);
  const rest = capitals < 0 ? [] : all.slice(capitals);
  if (words.length === 0) return all.join(' ');
  const lower = words.map((w) => {
    const letters = looseKey(w).replace(/[^a-z]/g, '');
    return letters && !SYLLABLE.test(letters) ? w : w.toLocaleLowerCase('vi');
  });
  const cap = (w: string) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1);
  const field = FIELD_AFTER.has(lower[0] ?? '');
  return lower
    .map((w, i) => {
      if (i === 0) return cap(w);
      const prev = lower[i - 1]!;
      if (field && (i === 1 || prev === 'và' || prev.endsWith(','))) return cap(w);
      return w;
    })
    .concat(rest)
    .join(' ');
}
