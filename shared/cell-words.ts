// A workbook cell as people say it: "PL01!C8" → "Phụ lục 01, ô C8", from a reference as stored. The sheet
// is named as shared/sheet-words.ts names it, except that a sheet which is not an annex and has a tab
// label in the window is named by that label ("Số liệu khác").
import { annexNumber, sheetWords, type NamedSheet as TitledSheet } from './sheet-words.ts';

export interface NamedSheet extends TitledSheet {
  /** The tab label, when the window has one ("Số liệu khác"). */
  tab?: string;
}

/** The sheet in words: "Phụ lục 01", "Số liệu khác". */
export function sheetInWords(name: string, sheets: readonly NamedSheet[]): string {
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet) return name;
  if (annexNumber(sheet) === null && sheet.tab && sheet.tab !== sheet.name) return sheet.tab;
  return sheetWords(sheet);
}

/** "PL01!C8" → "Phụ lục 01, ô C8"; a bare address → "ô C8"; null stays null. */
export function cellInWords(ref: string | null | undefined, sheets: readonly NamedSheet[]): string | null {
  if (!ref) return null;
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return `ô ${ref.replace(/\$/g, '')}`;
  const sheet = ref.slice(0, bang).replace(/^'|'$/g, '');
  return `${sheetInWords(sheet, sheets)}, ô ${ref.slice(bang + 1).replace(/\$/g, '')}`;
}
