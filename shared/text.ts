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

/** A heading in capitals as running text: `SỐ LIỆU TRẺ EM BỊ XÂM HẠI` → `Số liệu trẻ em bị xâm hại`. */
export function sentenceCase(text: string): string {
  const lower = nfc(text).toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}
