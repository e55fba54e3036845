// Merging the units' texts of a BAO_CAO cell into report paragraphs, in the unit list's order, a text several
// units sent alike once (led by the units' names only on request); the compiler's own text, when there is one,
// replaces the merge.
import { UNIT_SEPARATOR } from '../../shared/running-text.ts';
import { isNoContentMark } from '../../shared/section-mark.ts';
import type { Run } from './content-model.ts';
import type { UnitText } from './texts-store.ts';

export interface MergedText {
  /** `none`: the compiler marked the section "không có nội dung báo cáo" (nothing printed). */
  source: 'compiler' | 'units' | 'empty' | 'none';
  paragraphs: Run[][];
}

/** Paragraphs of a text cell: split at line breaks, trimmed, blank lines dropped. */
export function splitParagraphs(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((p) => p.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((p) => p !== '');
}

/**
 * The units' paragraphs one after the other, in unit-list order (the compiler's text wins). A text several units
 * sent alike (the same paragraphs once NFC and whitespace are normalised) is printed once, at the first unit's
 * place. Each text's first paragraph is led by the name of the unit, or of every unit, that sent it, in bold
 * ("Sở Y tế, Công an tỉnh: …") only when the compiler asks for it (setting narrative_unit_names): a report reads
 * as one text, not as a collection of quotes.
 */
export function mergeSectionText(units: readonly UnitText[], compiler: string | null | undefined, options: { unitNames?: boolean } = {}): MergedText {
  if (isNoContentMark(compiler)) return { source: 'none', paragraphs: [] };
  const own = compiler ? splitParagraphs(compiler) : [];
  if (own.length > 0) return { source: 'compiler', paragraphs: own.map((p) => [{ text: p }]) };
  const texts = new Map<string, { names: string[]; paragraphs: string[] }>();
  for (const u of units) {
    const paragraphs = splitParagraphs(u.text);
    if (paragraphs.length === 0) continue;
    const key = paragraphs.join('\n');
    const same = texts.get(key);
    if (same) same.names.push(u.unitName);
    else texts.set(key, { names: [u.unitName], paragraphs });
  }
  const paragraphs: Run[][] = [];
  for (const { names, paragraphs: own } of texts.values()) {
    own.forEach((p, i) => {
      paragraphs.push(i === 0 && options.unitNames ? [{ text: `${names.join(UNIT_SEPARATOR)}:`, bold: true }, { text: ` ${p}` }] : [{ text: p }]);
    });
  }
  return { source: paragraphs.length > 0 ? 'units' : 'empty', paragraphs };
}
