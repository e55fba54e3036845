// Legacy Vietnamese encodings → Unicode NFC. Pure module (no Node or DOM imports): runs in Node and the browser.
//
// Excel cells typed with pre-Unicode fonts hold the Windows-1252/Latin-1 reading of the font's bytes:
//   TCVN3 (ABC; .VnTime/.VnTimeH): one code point per letter, e.g. "ViÖt Nam", "Hµ Néi", "TØnh".
//   VNI (VNI-Times): base letter followed by diacritic code points, e.g. "Vieät Nam", "Haø Noäi", "Tröôøng".

export type LegacyEncoding = 'tcvn3' | 'vni';

// The 12 Vietnamese vowels, each × [no tone, grave, hook, tilde, acute, dot below].
const TONED = 'aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵ';
const BASES = 'aăâeêioôơuưy';

// TCVN3: the code point of each TONED letter (plain a e i o u y are ASCII), then đ and the capitals Ă Â Đ Ê Ô Ơ Ư
// (0xA1–0xA7). TCVN3 (VN3) has no capitals with tone marks: .VnTimeH draws the lower-case codes as capitals.
const TCVN3_CODES = 'aµ¶·¸¹¨»¼½¾Æ©ÇÈÉÊËeÌÎÏÐÑªÒÓÔÕÖi×ØÜÝÞoßáâãä«åæçèé¬êëìíîuïñòóô\u00ADõö÷øùyúûüýþ®¡¢§£¤¥¦';
const TCVN3_UNI = TONED + 'đĂÂĐÊÔƠƯ';
const TCVN3 = new Map<string, string>();
for (let i = 0; i < TCVN3_CODES.length; i++) {
  if (TCVN3_CODES.charAt(i) !== TCVN3_UNI.charAt(i)) TCVN3.set(TCVN3_CODES.charAt(i), TCVN3_UNI.charAt(i));
}

// VNI: diacritic codes that follow a vowel (lower-case code; the upper-case code is the Latin-1 capital, 0x20 lower).
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323']; // grave, hook, tilde, acute, dot below
const VNI_MARK = new Map<string, string>();
const VNI_LETTER = new Map<string, string>();
const addMark = (code: string, marks: string): void => {
  VNI_MARK.set(code, marks);
  VNI_MARK.set(code.toUpperCase(), marks);
};
TONES.forEach((tone, i) => {
  addMark('øûõùï'.charAt(i), tone); // tone alone
  addMark('àåãáä'.charAt(i), '\u0302' + tone); // circumflex + tone (â ê ô)
  addMark('èúüéë'.charAt(i), '\u0306' + tone); // breve + tone (ă)
});
addMark('â', '\u0302'); // circumflex
addMark('ê', '\u0306'); // breve
// VNI letters that stand alone: đ ơ ư and the i/y forms ì ỉ ĩ í ị ỵ.
const VNI_ALONE = 'ñôöìæóíòî';
const VNI_ALONE_UNI = 'đơưìỉĩíịỵ';
for (let i = 0; i < VNI_ALONE.length; i++) {
  const code = VNI_ALONE.charAt(i);
  const uni = VNI_ALONE_UNI.charAt(i);
  VNI_LETTER.set(code, uni);
  VNI_LETTER.set(code.toUpperCase(), uni.toUpperCase());
}
const VNI_VOWELS = 'aeiouyơưìỉĩíịỵ';

const TOKEN = /[A-Za-z\u00A1-\u00FF]+/g;
const NON_ASCII = /[\u0080-\uFFFF]/;
// Letters that only exist in real Unicode Vietnamese (ă đ ĩ ũ ơ ư, combining marks, Latin Extended Additional).
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01A0\u01A1\u01AF\u01B0\u0300-\u036F\u1EA0-\u1EF9]/;
// Onset + nucleus (+ final). Nuclei that end in a glide or in a (ia ua ưa uya) take no final consonant.
const SYLLABLE = new RegExp(
  '^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?' +
    '(iêu|yêu|oai|oay|oeo|uây|uôi|ươi|ươu|uyu|uya|ai|ao|au|ay|âu|ây|eo|êu|iu|oi|ôi|ơi|ui|ưi|ưu|ia|ua|ưa' +
    '|(uyê|iê|oa|oă|oe|oo|uâ|uê|uô|uơ|ươ|uy|yê|[aăâeêioôơuưy])(ch|nh|ng|[cmnpt])?)$',
);
// Strong evidence inside a word: TCVN3 symbol-block letters or a capital code inside a word ("TØnh", "ViÖt", "VIÖT");
// VNI marks after a vowel, except ï ù û after a/o/u which also occur in French ("naïve", "où", "goût").
const TCVN3_STRONG = /[\u00A1-\u00BE×÷]|[a-z][\u00C0-\u00DE]|[\u00C0-\u00DE][a-z]|[A-Z][\u00C0-\u00DE][A-Z]/;
const VNI_STRONG = /[aeiouyôöìæóíòî][øõâêàåãáäèúüéë]|[eiyôöìæóíòî][ûùï]|^ñ[a-z]|öô/i;

/** True when `word` is one well-formed Vietnamese syllable (onset + vowel nucleus + final, at most one tone). */
function isSyllable(word: string): boolean {
  let base = '';
  let tones = 0;
  for (const ch of word.normalize('NFC').toLowerCase()) {
    const i = TONED.indexOf(ch);
    if (i >= 0) {
      base += BASES.charAt(Math.floor(i / 6));
      if (i % 6 !== 0) tones++;
    } else if (ch === 'đ' || (ch >= 'a' && ch <= 'z')) {
      base += ch;
    } else {
      return false;
    }
  }
  return tones <= 1 && SYLLABLE.test(base);
}

/** A syllable in natural case (lower, UPPER or Capitalised): "tÝnh" is not Unicode text that happens to be Latin-1. */
function isUnicodeWord(word: string): boolean {
  const lower = word.toLowerCase();
  const natural = word === lower || word === word.toUpperCase() || word === word.charAt(0).toUpperCase() + lower.slice(1);
  return natural && isSyllable(word);
}

function convertTcvn3(text: string): string {
  return text.replace(TOKEN, (word) => {
    let out = '';
    for (const ch of word) out += TCVN3.get(ch) ?? ch;
    // "VIÖT NAM": VN3 has no toned capitals, so an all-capitals word was meant in capitals throughout.
    const ascii = word.replace(/[^A-Za-z]/g, '');
    return out !== word && ascii.length >= 2 && ascii === ascii.toUpperCase() ? out.toUpperCase() : out;
  });
}

/** VNI → Unicode; `stray` counts diacritic codes that do not follow a vowel (they are kept as they are). */
function convertVni(text: string): { out: string; stray: number } {
  let out = '';
  let stray = 0;
  let afterVowel = false;
  for (const ch of text) {
    const mark = VNI_MARK.get(ch);
    if (mark !== undefined && afterVowel) {
      out += mark;
      continue;
    }
    if (mark !== undefined) stray++;
    const letter = mark === undefined ? (VNI_LETTER.get(ch) ?? ch) : ch;
    out += letter;
    afterVowel = mark === undefined && VNI_VOWELS.includes(letter.toLowerCase());
  }
  return { out, stray };
}

/** Evidence for one encoding, summed over the words that contain non-ASCII characters. */
function score(words: readonly string[], encoding: LegacyEncoding): number {
  let total = 0;
  for (const word of words) {
    if (!NON_ASCII.test(word)) continue;
    const chars = [...word].filter((ch) => ch > '\x7F');
    let converted: string;
    if (encoding === 'tcvn3') {
      if (!chars.every((ch) => TCVN3.has(ch))) {
        total -= 2; // a character TCVN3 never produces (à Ä Å Í Ù Û º ¿ ð ...)
        continue;
      }
      converted = convertTcvn3(word);
    } else {
      const vni = convertVni(word);
      if (vni.stray > 0 || !chars.every((ch) => VNI_MARK.has(ch) || VNI_LETTER.has(ch))) {
        total -= 2; // "Café", "Müller": the accent replaces a vowel instead of following it
        continue;
      }
      converted = vni.out;
    }
    if (word.length < 2 || isUnicodeWord(word)) continue; // already readable Unicode Vietnamese ("Xã", "Tân"): no vote
    const strong = encoding === 'tcvn3' ? /[A-Za-z]/.test(word) && TCVN3_STRONG.test(word) : VNI_STRONG.test(word);
    if (isSyllable(converted)) total += strong ? 2 : 1;
    else if (!strong) total -= 1;
  }
  return total;
}

/**
 * Guess whether `text` is TCVN3 or VNI text read as Latin-1. Heuristic:
 * 1. Any letter that exists only in Unicode Vietnamese (ă đ ơ ư ĩ ũ, U+1EA0–U+1EF9, combining marks) → null.
 * 2. Otherwise every word holding non-ASCII characters votes for each encoding: −2 if the encoding cannot produce
 *    it (a character outside its table; a VNI mark not after a vowel), 0 if the word already reads as a Unicode
 *    Vietnamese syllable in natural case (ambiguous, e.g. "Xã", VNI "trò"), else +1 if its conversion is a well-formed Vietnamese syllable (+2 with strong evidence:
 *    TCVN3 symbol-block letters or glued capitals such as "Hµ", "ViÖt"; VNI marks after a vowel such as "Vieät",
 *    "Haø"), −1 if not (0 with strong evidence, e.g. abbreviations).
 * 3. The encoding with the higher score wins if it reaches 2; ties and lower scores → null.
 * Western words ("Café", "naïve", "Müller") fail the syllable shape or the table, and genuine Unicode Vietnamese in
 * Latin-1 letters ("Xã Tân Phú") already reads as Vietnamese, so neither fires. Short cells carry little evidence
 * ("Caùc em" stays null); callers can detect on a whole column's joined text and convert each cell with it.
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  if (!NON_ASCII.test(text) || UNICODE_VIETNAMESE.test(text)) return null;
  const words = text.match(TOKEN) ?? [];
  const tcvn3 = score(words, 'tcvn3');
  const vni = score(words, 'vni');
  if (Math.max(tcvn3, vni) < 2 || tcvn3 === vni) return null;
  return tcvn3 > vni ? 'tcvn3' : 'vni';
}

/** Convert legacy-encoded text to Unicode NFC. Characters outside the encoding's table pass through unchanged. */
export function convertLegacyText(text: string, encoding: LegacyEncoding): string {
  const out = encoding === 'tcvn3' ? convertTcvn3(text) : convertVni(text).out;
  return out.normalize('NFC');
}

/** Detect and convert; ordinary text comes back as its NFC form with `encoding: null`. */
export function toUnicodeText(text: string): { text: string; encoding: LegacyEncoding | null } {
  const encoding = detectLegacyEncoding(text);
  return { text: encoding ? convertLegacyText(text, encoding) : text.normalize('NFC'), encoding };
}
