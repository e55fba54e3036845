// The words of a target's row, the same in the report's table and the window: the level aimed at
// ("trên 95%", "giảm ít nhất 5% so với năm 2023"), the result ("76,5% (13/17)") and the assessment (a
// percentage above 100% is "Số liệu chưa hợp lệ", naming the units whose figures exceed their whole).
import { formatVietnameseNumber } from './numbers.ts';
import type { TargetResult, TargetStatus } from './targets.ts';
import type { TargetComparator } from './targets-schema.ts';

export const STATUS_WORDS: Record<TargetStatus, string> = { dat: 'Đạt', chua_dat: 'Chưa đạt', thieu: 'Chưa đủ số liệu' };

const COMPARATOR_WORDS: Record<TargetComparator, [string, string]> = {
  '>': ['trên ', ''],
  '≥': ['từ ', ' trở lên'],
  '<': ['dưới ', ''],
  '≤': ['không quá ', ''],
  '=': ['', ''],
};

/** The assessment in words: a percentage above 100% is a data problem, not a shortage of figures. */
export function targetStatusText(r: Pick<TargetResult, 'status' | 'overFull'>): string {
  return r.overFull ? 'Số liệu chưa hợp lệ' : STATUS_WORDS[r.status];
}

const num = (v: number): string => formatVietnameseNumber(v, 1);
const round1 = (v: number): number => Math.round(v * 10) / 10;
const withUnit = (v: number, unit: string): string => (unit === '%' ? `${num(v)}%` : `${num(v)} ${unit}`);

/** What the plan aims at, in words. */
export function targetLevelText(t: Pick<TargetResult, 'comparator' | 'value' | 'unit' | 'baseYear'>): string {
  if (t.baseYear !== undefined) {
    const since = ` so với năm ${t.baseYear}`;
    if (t.value < 0 && (t.comparator === '≤' || t.comparator === '<'))
      return `giảm ${t.comparator === '≤' ? 'ít nhất' : 'trên'} ${withUnit(-t.value, t.unit)}${since}`;
    if (t.value > 0 && (t.comparator === '≥' || t.comparator === '>'))
      return `tăng ${t.comparator === '≥' ? 'ít nhất' : 'trên'} ${withUnit(t.value, t.unit)}${since}`;
    if (t.value === 0 && t.comparator === '≤') return `không tăng${since}`;
  }
  if (t.unit === '%' && t.value === 100 && (t.comparator === '≥' || t.comparator === '=')) return 'đạt 100%';
  const [before, after] = COMPARATOR_WORDS[t.comparator];
  const level = `${before}${withUnit(t.value, t.unit)}${after}`;
  return t.baseYear !== undefined ? `thay đổi ${level} so với năm ${t.baseYear}` : level;
}

/**
 * The result in words. `labelOf` names an indicator for the gaps ("Công an tỉnh chưa báo cáo: Số vụ … đã điều tra
 * khám phá").
 */
export function targetResultText(r: TargetResult, labelOf: (code: string) => string): string {
  if (r.overFull) {
    const units =
      r.overFull.units.length > 3 ? `${r.overFull.units.slice(0, 3).join(', ')} và ${r.overFull.units.length - 3} đơn vị khác` : r.overFull.units.join(', ');
    if (r.measured !== null && r.reference !== null && r.measured > r.reference) {
      const rate = r.reference > 0 ? `${num(round1((r.measured / r.reference) * 100))}% ` : '';
      return `Tính ra ${rate}(${num(r.measured)}/${num(r.reference)}): tỷ lệ không thể vượt 100%; cần kiểm tra lại số liệu${units ? ` của ${units}` : ' các đơn vị báo cáo'}`;
    }
    return `Số liệu của ${units} cho tỷ lệ vượt 100%, không thể có; cần kiểm tra lại trước khi đánh giá`;
  }
  if (r.result !== null) {
    if (r.baseYear !== undefined) {
      const change = r.result === 0 ? 'không đổi' : `${r.result < 0 ? 'giảm' : 'tăng'} ${num(Math.abs(r.result))}%`;
      return `${change} (${num(r.measured!)} so với ${num(r.reference!)} năm ${r.baseYear})`;
    }
    if (r.unit === '%' && r.reference !== null) return `${num(r.result)}% (${num(r.measured!)}/${num(r.reference)})`;
    return withUnit(r.result, r.unit);
  }
  if (r.gaps.length === 0 && r.noBasis)
    return r.baseYear !== undefined ? `năm ${r.baseYear} bằng 0, không tính được mức thay đổi` : 'không phát sinh trường hợp nào để tính tỷ lệ';
  // One clause per group of units, naming what they left blank (a few figures by name, then how many more).
  const byWho = new Map<string, string[]>();
  for (const g of r.gaps) {
    const what = `“${labelOf(g.code)}”${r.baseYear === g.year ? ` năm ${g.year}` : ''}`;
    const who = g.units.length === 0 ? '' : g.units.length > 3 ? `${g.units.slice(0, 3).join(', ')} và ${g.units.length - 3} đơn vị khác` : g.units.join(', ');
    const list = byWho.get(who) ?? [];
    if (!list.includes(what)) list.push(what);
    byWho.set(who, list);
  }
  const parts = [...byWho].map(([who, whats]) => {
    const what = whats.length > 3 ? `${whats.slice(0, 2).join(', ')} và ${whats.length - 2} số liệu khác` : whats.join(', ');
    return who ? `${who} chưa báo cáo ${what}` : `chưa có đơn vị nào báo cáo ${what}`;
  });
  const text = [...new Set(parts)].join('; ');
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
