// Defined names are checked before any named cell is read: every name of the unit's kind must point to
// the sheet and the single input cell (or the table's range) that the workbook writer gives it, no two
// names may share a cell, and no name may point into _meta. The expected places are the writer's own
// layout (electron/workbook/input-layout.ts), computed from the definition without building a workbook.
// A sheet whose names all moved by the same rows/columns (Excel does that when rows are inserted above
// the table) is accepted: the cells are still the template's, found by name.
import type { ImportFinding } from '../../shared/types.ts';
import { META_SHEET, type NameLayout } from '../workbook/input-layout.ts';
import { CELL_KEY_ROW, encodeRange, MAX_COL, parseSheetRef, type Rect } from './xlsx/address.ts';
import type { DefinedName } from './xlsx/book.ts';

const CONTRACT_NAME = /^[vtr]_/;
const at = (sheet: string, rect: Rect) => `${sheet}!${encodeRange(rect)}`;
/** A rectangle's top-left cell as one number (no address written out). */
const addressKeyOf = (rect: Rect) => rect.top * CELL_KEY_ROW + rect.left;
/** A move by (rows, columns) as one number, 0 for none (a column moves by less than MAX_COL either way). */
const offsetKey = (rows: number, cols: number) => rows * (2 * MAX_COL + 1) + cols;
const error = (code: string, message: string, sheet?: string, cell?: string): ImportFinding => ({
  code,
  severity: 'error',
  message,
  ...(sheet ? { sheet } : {}),
  ...(cell ? { cell } : {}),
});

/**
 * Per layout, the defined names already found in place: the files of one import were written from the same
 * template, so most have the very same names, and the full check (tens of ms cold over a season) runs once
 * for them instead of once per file. A set is kept as every input the check reads, in order: for each name
 * of the contract its name, reference, union flag and whether its sheet exists. Only a clean outcome is kept
 * (a file with findings gets its own objects); the sets are bounded.
 */
const cleanNameSets = new WeakMap<NameLayout, unknown[][]>();
const CLEAN_SETS_KEPT = 16;

function sameAsKept(kept: unknown[], names: DefinedName[], hasSheet: (name: string) => boolean): boolean {
  let k = 0;
  for (const n of names) {
    if (!CONTRACT_NAME.test(n.name)) continue;
    if (k + 4 > kept.length || kept[k] !== n.name || kept[k + 1] !== n.ref || kept[k + 2] !== n.union) return false;
    const ref = parseSheetRef(n.ref);
    if (kept[k + 3] !== (ref !== null && hasSheet(ref.sheet))) return false;
    k += 4;
  }
  return k === kept.length;
}

function inputsOf(names: DefinedName[], hasSheet: (name: string) => boolean): unknown[] {
  const out: unknown[] = [];
  for (const n of names) {
    if (!CONTRACT_NAME.test(n.name)) continue;
    const ref = parseSheetRef(n.ref);
    out.push(n.name, n.ref, n.union, ref !== null && hasSheet(ref.sheet));
  }
  return out;
}

/** Findings (errors) for names that point where the template does not; empty when every name is in place. */
export function checkDefinedNames(names: DefinedName[], expected: NameLayout, hasSheet: (name: string) => boolean): ImportFinding[] {
  const clean = cleanNameSets.get(expected);
  if (clean) for (const kept of clean) if (sameAsKept(kept, names, hasSheet)) return [];
  const findings = checkNames(names, expected, hasSheet);
  if (findings.length === 0) {
    const sets = clean && clean.length < CLEAN_SETS_KEPT ? clean : [];
    sets.push(inputsOf(names, hasSheet));
    cleanNameSets.set(expected, sets);
  }
  return findings;
}

function checkNames(names: DefinedName[], expected: NameLayout, hasSheet: (name: string) => boolean): ImportFinding[] {
  const findings: ImportFinding[] = [];
  const reported = new Set<string>();
  const placed: { name: string; sheet: string; rect: Rect }[] = [];
  for (const n of names) {
    if (!CONTRACT_NAME.test(n.name)) continue;
    const ref = parseSheetRef(n.ref);
    if (!ref || !hasSheet(ref.sheet)) continue; // #REF!, a deleted sheet: reported as a missing name when the cell is read
    if (ref.sheet === META_SHEET) {
      findings.push(
        error(
          'name_into_meta',
          `Tên ô "${n.name}" trỏ vào trang ẩn ${META_SHEET} (${at(ref.sheet, ref.rect)}), nơi phần mềm lưu thông tin nhận dạng, không phải ô nhập liệu; tệp đã bị sửa. Hãy dùng lại biểu mẫu gốc do phần mềm tạo.`,
          ref.sheet,
          encodeRange(ref.rect),
        ),
      );
      continue;
    }
    placed.push({ name: n.name, sheet: ref.sheet, rect: ref.rect });
    const want = expected.get(n.name);
    if (!want) continue;
    const wrongShape =
      n.union || ref.rect.bottom - ref.rect.top !== want.rect.bottom - want.rect.top || ref.rect.right - ref.rect.left !== want.rect.right - want.rect.left;
    if (ref.sheet !== want.sheet || wrongShape) {
      reported.add(n.name);
      findings.push(
        error(
          'name_misplaced',
          `Tên ô "${n.name}" trỏ tới ${at(ref.sheet, ref.rect)}, không phải ${want.rect.top === want.rect.bottom && want.rect.left === want.rect.right ? 'ô' : 'vùng'} nhập liệu của biểu mẫu (${at(want.sheet, want.rect)}). Hãy dùng lại biểu mẫu gốc hoặc sửa lại tên ô cho đúng.`,
          ref.sheet,
          encodeRange(ref.rect),
        ),
      );
    }
  }
  // Per sheet, the names of the template must have moved (if at all) by one common offset.
  const bySheet = new Map<string, { name: string; rect: Rect; want: Rect; offset: number }[]>();
  for (const p of placed) {
    const want = expected.get(p.name);
    if (!want || want.sheet !== p.sheet) continue;
    const list = bySheet.get(p.sheet) ?? [];
    list.push({ name: p.name, rect: p.rect, want: want.rect, offset: offsetKey(p.rect.top - want.rect.top, p.rect.left - want.rect.left) });
    bySheet.set(p.sheet, list);
  }
  for (const [sheet, list] of bySheet) {
    const counts = new Map<number, number>();
    for (const x of list) counts.set(x.offset, (counts.get(x.offset) ?? 0) + 1);
    const best = Math.max(...counts.values());
    const common = counts.get(0) === best ? 0 : [...counts].find(([, c]) => c === best)![0];
    const { rect: moved, want: from } = list.find((x) => x.offset === common)!;
    const dr = moved.top - from.top;
    const dc = moved.left - from.left;
    for (const x of list) {
      if (x.offset === common || reported.has(x.name)) continue;
      const place: Rect = { top: x.want.top + dr, left: x.want.left + dc, bottom: x.want.bottom + dr, right: x.want.right + dc };
      findings.push(
        error(
          'name_misplaced',
          `Tên ô "${x.name}" trỏ tới ${at(sheet, x.rect)}, không phải ô nhập liệu của biểu mẫu (${at(sheet, place)}). Hãy dùng lại biểu mẫu gốc hoặc sửa lại tên ô cho đúng.`,
          sheet,
          encodeRange(x.rect),
        ),
      );
    }
  }
  // No two names on one cell (a single-cell name inside a range name counts too).
  const overlaps = new Map<string, Set<string>>();
  const singles = placed.filter((p) => p.rect.top === p.rect.bottom && p.rect.left === p.rect.right);
  const ranges = placed.filter((p) => !(p.rect.top === p.rect.bottom && p.rect.left === p.rect.right));
  // By sheet and cell, in the order the names come; the cell's address is written only for a finding.
  const byCell = new Map<string, { sheet: string; rect: Rect; names: string[] }>();
  for (const s of singles) {
    const k = `${s.sheet}!${addressKeyOf(s.rect)}`;
    let cell = byCell.get(k);
    if (!cell) byCell.set(k, (cell = { sheet: s.sheet, rect: s.rect, names: [] }));
    cell.names.push(s.name);
    for (const r of ranges) {
      if (r.sheet === s.sheet && s.rect.top >= r.rect.top && s.rect.top <= r.rect.bottom && s.rect.left >= r.rect.left && s.rect.left <= r.rect.right) {
        cell.names.push(r.name);
      }
    }
  }
  for (const { sheet, rect, names: list } of byCell.values()) if (list.length > 1) overlaps.set(at(sheet, rect), new Set(list));
  for (const [cell, set] of overlaps) {
    const list = [...set];
    const [sheet, address] = cell.split('!') as [string, string];
    findings.push(
      error(
        'name_shared',
        `Các tên ô ${list.map((x) => `"${x}"`).join(', ')} cùng trỏ tới một ô ${cell}; mỗi chỉ tiêu phải có ô riêng, không thể lấy một số cho nhiều chỉ tiêu. Hãy dùng lại biểu mẫu gốc.`,
        sheet,
        address,
      ),
    );
  }
  return findings;
}
