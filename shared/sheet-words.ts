// How people name a sheet and its cells: "Phụ lục 01, ô C8", never "PL01!C8". The words come from the
// sheet's own title in the definition ("PHỤ LỤC 01 — …"), so no sheet is named here. Pure.

export interface NamedSheet {
  name: string;
  title: string;
}

/** "Phụ lục 01" for a sheet whose title starts "PHỤ LỤC 01"; else its title as a sentence ("Các số liệu khác …"). */
export function sheetWords(sheet: NamedSheet): string {
  const title = sheet.title.normalize('NFC').trim();
  const annex = /^phụ lục\s+([0-9]+[a-z]?)/iu.exec(title);
  if (annex) return `Phụ lục ${annex[1]!.toUpperCase()}`;
  if (!title) return sheet.name;
  const lower = title.toLocaleLowerCase('vi');
  return title === title.toLocaleUpperCase('vi') ? lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1) : title;
}

/** The annex number of a sheet ("PHỤ LỤC 02 — …" → 2), or null: orders tabs as the annexes are numbered. */
export function annexNumber(sheet: NamedSheet): number | null {
  const annex = /^phụ lục\s+([0-9]+)/iu.exec(sheet.title.normalize('NFC').trim());
  return annex ? Number(annex[1]) : null;
}

/** "Phụ lục 01, ô C8", or "Phụ lục 01, các ô E10, F10" for several, or the sheet alone without an address. */
export function cellWords(sheet: NamedSheet, addresses: string | null | readonly string[]): string {
  const list = (Array.isArray(addresses) ? addresses : [addresses]).filter((a): a is string => !!a).map((a) => a.replace(/\$/g, ''));
  if (list.length === 0) return sheetWords(sheet);
  return `${sheetWords(sheet)}, ${list.length === 1 ? 'ô' : 'các ô'} ${list.join(', ')}`;
}
