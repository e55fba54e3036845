// Which unit sent a Word report, and for which year: the agency's name in the header block (under or beside the
// Quốc hiệu, before the title "BÁO CÁO"), else the file name (unit name or code); the year from the title's
// "năm 2026", never from the date line ("…, ngày 10 tháng 01 năm 2027").
import { looseKey } from '../../../shared/text.ts';

export interface UnitCandidate {
  code: string;
  name: string;
}

export interface UnitGuess {
  code: string;
  name: string;
  from: 'header' | 'file_name';
}

function key(text: string): string {
  return ` ${looseKey(text.replace(/\bUBND\b/gi, 'Ủy ban nhân dân').replace(/\bHĐND\b/gi, 'Hội đồng nhân dân'))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

/** The unit whose name appears as whole words in one of the lines; the longest name wins ("Xã Tân Phú" over "Tân Phú"). */
function byName(lines: string[], units: readonly UnitCandidate[]): UnitCandidate | null {
  const keys = lines.map(key);
  let best: UnitCandidate | null = null;
  let bestLen = 0;
  for (const u of units) {
    const k = key(u.name);
    if (k.trim() === '') continue;
    if (keys.some((l) => l.includes(k)) && k.length > bestLen) {
      best = u;
      bestLen = k.length;
    }
  }
  return best;
}

/** The header block: the preamble's lines up to the title, without the Quốc hiệu and motto. */
export function headerLines(preamble: readonly string[], marks: { title: string; nationalTitle: string; motto: string }): string[] {
  const title = key(marks.title);
  const skip = new Set([key(marks.nationalTitle), key(marks.motto)]);
  const end = preamble.findIndex((l) => key(l) === title);
  const block = preamble.slice(0, end >= 0 ? end : Math.min(preamble.length, 8));
  return block.filter((l) => !skip.has(key(l)));
}

export function guessUnit(fileName: string, header: readonly string[], units: readonly UnitCandidate[]): UnitGuess | null {
  const fromHeader = byName([...header], units);
  if (fromHeader) return { code: fromHeader.code, name: fromHeader.name, from: 'header' };
  const base = fileName.replace(/\.[^.]+$/, '');
  const words = base.split(/[^A-Za-z0-9]+/);
  const spaced = base.replace(/[_\-.]+/g, ' ');
  const compact = key(spaced).replace(/ /g, '');
  const byFile =
    byName([spaced], units) ??
    units.find((u) => compact.includes(key(u.name).replace(/ /g, '')) && key(u.name).replace(/ /g, '').length >= 5) ??
    units.find((u) => words.includes(u.code));
  return byFile ? { code: byFile.code, name: byFile.name, from: 'file_name' } : null;
}

/** The report's year: "năm 2026" in the title or opening lines (not the date line), among the years held. */
export function guessYear(preamble: readonly string[], fileName: string, years: readonly number[]): number | null {
  const held = new Set(years);
  let found: number | null = null;
  for (const line of preamble) {
    const k = looseKey(line);
    if (/\bngay\b.*\bthang\b/.test(k)) continue;
    for (const m of k.matchAll(/\bnam (20\d\d)\b/g)) if (held.has(Number(m[1]))) found = Number(m[1]);
  }
  if (found !== null) return found;
  for (const m of fileName.matchAll(/(?<!\d)(20\d\d)(?!\d)/g)) if (held.has(Number(m[1]))) return Number(m[1]);
  return null;
}
