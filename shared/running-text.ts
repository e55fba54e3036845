// Unit names as running text writes them (Decree 30): the type of an administrative unit in lower case
// ("xã Vĩnh Lộc", "tỉnh An Lạc"), agency names as named ("Sở Y tế"); lists of units with one separator, the
// comma officials write (a semicolon separates the parts of a note around such lists).

import { runningCaseName } from './text.ts';

const ADMIN_TYPES = ['Thành phố', 'Thị trấn', 'Thị xã', 'Đặc khu', 'Phường', 'Xã', 'Quận', 'Huyện', 'Tỉnh'];

/** The separator between unit names in any list of units. */
export const UNIT_SEPARATOR = ', ';

/** The administrative type a unit name starts with, in lower case ("xã"), or null ("Tỉnh đoàn", "Sở Y tế"). */
export function adminType(name: string): string | null {
  const n = name.normalize('NFC').trim();
  for (const t of ADMIN_TYPES) {
    if (n.startsWith(`${t} `) && /^\p{Lu}/u.test(n.slice(t.length + 1))) return t.toLocaleLowerCase('vi');
  }
  return null;
}

/** "Xã Vĩnh Lộc" → "xã Vĩnh Lộc"; other names unchanged. */
export function runningName(name: string): string {
  const n = name.normalize('NFC').trim();
  const type = adminType(n);
  return type ? `${type}${n.slice(type.length)}` : n;
}

/** Unit names in running text, joined with the one separator. */
export function joinUnitNames(names: readonly string[]): string {
  return names.map(runningName).join(UNIT_SEPARATOR);
}

/**
 * An agency name in running-text case: "SỞ Y TẾ" → the unit list's "Sở Y tế" when one matches, else as
 * runningCaseName writes it ("SỞ TƯ PHÁP" → "Sở Tư pháp").
 */
export function runningAgencyName(upper: string, knownNames: readonly string[]): string {
  const key = upper.normalize('NFC').trim().toLocaleUpperCase('vi');
  if (!key) return '';
  const known = knownNames.find((n) => n.normalize('NFC').trim().toLocaleUpperCase('vi') === key);
  return known ? known.normalize('NFC').trim() : runningCaseName(upper);
}
