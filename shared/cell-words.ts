// A workbook cell as people say it: "PL01!C8" → "Phụ lục 01, ô C8". The sheet is named by its title
// ("PHỤ LỤC 01 — …" → "Phụ lục 01"), else by its tab label, else by its title in sentence case.

export interface NamedSheet {
  name: string;
  title: string;
  /** The tab label, when the window has one ("Số liệu khác"). */
  tab?: string;
}

function sentenceCase(text: string): string {
  const lower = text.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** The sheet in words: "Phụ lục 01", "Số liệu khác". */
export function sheetInWords(name: string, sheets: readonly NamedSheet[]): string {
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet) return name;
  const annex = /^PHỤ LỤC\s+(\S+)/iu.exec(sheet.title.normalize('NFC'));
  if (annex) return `Phụ lục ${annex[1]}`;
  if (sheet.tab && sheet.tab !== sheet.name) return sheet.tab;
  return sentenceCase(sheet.title.split(' — ')[0]!.trim());
}

/** "PL01!C8" → "Phụ lục 01, ô C8"; a bare address → "ô C8"; null stays null. */
export function cellInWords(ref: string | null | undefined, sheets: readonly NamedSheet[]): string | null {
  if (!ref) return null;
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return `ô ${ref.replace(/\$/g, '')}`;
  const sheet = ref.slice(0, bang).replace(/^'|'$/g, '');
  return `${sheetInWords(sheet, sheets)}, ô ${ref.slice(bang + 1).replace(/\$/g, '')}`;
}
