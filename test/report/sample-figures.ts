// Expected figures computed straight from the sample JSON (not through the app's services), and the number
// formats of docs/report-outline.md written independently of the app's formatter.
import { sample } from '../helpers/fixtures.ts';

export const FORMS = ['bl', 'bb', 'xhtd', 'mb', 'br', 'khac'] as const;
export const AGES = ['duoi6', '6den12', '12den16'] as const;
export const CRIME_GROUPS = ['d142', 'd144', 'd145', 'd146', 'd147', 'xhtd_khac', 'mua_ban', 'bao_luc', 'khac'] as const;

/** Sum over the year's submissions of the given codes, blanks left out; null when nobody reported any. */
export function total(year: number, codes: readonly string[]): number | null {
  let sum: number | null = null;
  for (const s of sample.submissions.filter((x) => x.year === year)) {
    for (const c of codes) {
      const v = s.values[c];
      if (v !== null && v !== undefined) sum = (sum ?? 0) + v;
    }
  }
  return sum;
}

/**
 * Like for like: the sums of the codes in two years of the sample over the units that gave one of them (0
 * included) in both years, and how many units that is.
 */
export function likeForLike(yearNow: number, yearBefore: number, codes: readonly string[]): { now: number; before: number; units: number; differ: boolean } {
  const byUnit = (year: number) => {
    const m = new Map<string, number>();
    for (const s of sample.submissions.filter((x) => x.year === year)) {
      const given = codes.map((c) => s.values[c]).filter((v): v is number => typeof v === 'number');
      if (given.length > 0)
        m.set(
          s.unit,
          given.reduce((a, b) => a + b, 0),
        );
    }
    return m;
  };
  const a = byUnit(yearNow);
  const b = byUnit(yearBefore);
  const both = [...a.keys()].filter((u) => b.has(u));
  return {
    now: both.reduce((n, u) => n + a.get(u)!, 0),
    before: both.reduce((n, u) => n + b.get(u)!, 0),
    units: both.length,
    differ: a.size !== both.length || b.size !== both.length,
  };
}

export function must(v: number | null): number {
  if (v === null) throw new Error('the sample has no such figure');
  return v;
}

export const pl01 = (year: number, form: string | readonly string[], measure: string) =>
  must(
    total(
      year,
      (typeof form === 'string' ? [form] : form).map((f) => `pl01_${f}_${measure}`),
    ),
  );
export const overGroups = (year: number, prefix: string, measure: string) =>
  must(
    total(
      year,
      CRIME_GROUPS.map((g) => `${prefix}_${g}_${measure}`),
    ),
  );

/** "05", "27", "1.088" — counts under 10 with a leading zero (the sample keeps the default leading_zero). */
export const count = (v: number) => (v > 0 && v < 10 ? `0${v}` : v.toLocaleString('de-DE'));
/** "2.079,6" */
export const money = (v: number) => v.toLocaleString('de-DE', { maximumFractionDigits: 3 });
/** "8,0%" */
export const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1).replace('.', ',')}%`;

/** Phụ lục 02 as the report counts it: every year's documents in the range, the same document once. */
export function issuedDocuments(from: string, to: string) {
  const seen = new Map<string, { cap: string; loai: string; ngay: string; han: string | null }>();
  for (const s of sample.submissions) {
    for (const d of s.documents ?? []) {
      if (d.ngay < from || d.ngay > to) continue;
      seen.set(`${d.so_ky_hieu.replace(/\s/g, '').toLowerCase()}|${d.ngay}|${(d.co_quan ?? '').toLowerCase()}`, {
        cap: d.cap,
        loai: d.loai,
        ngay: d.ngay,
        han: d.han ?? null,
      });
    }
  }
  return [...seen.values()];
}

/** Units of the kinds that sent the year's form but left every one of the codes blank, in the unit list's order. */
export function blankUnitCodes(year: number, kinds: readonly string[], codes: readonly string[]): string[] {
  const kindOf = new Map(sample.units.map((u) => [u.code, u.kind]));
  const order = new Map(sample.units.map((u) => [u.code, u.order ?? 0]));
  return sample.submissions
    .filter((s) => s.year === year && kinds.includes(kindOf.get(s.unit)!) && codes.every((c) => typeof s.values[c] !== 'number'))
    .sort((a, b) => order.get(a.unit)! - order.get(b.unit)!)
    .map((s) => s.unit);
}

/** "Xã Vĩnh Lộc" → "xã Vĩnh Lộc" (running text), other names as they are. */
export const running = (name: string) => name.replace(/^(Xã|Phường) (?=\p{Lu})/u, (t) => t.toLowerCase());

/** Units of the kinds that have no submission for the year, in the unit list's order. */
export function missingUnitNames(year: number, kinds: readonly string[]): string[] {
  const reported = new Set(sample.submissions.filter((s) => s.year === year).map((s) => s.unit));
  return [...sample.units]
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
    .filter((u) => kinds.includes(u.kind) && !reported.has(u.code))
    .map((u) => u.name);
}

/** The texts the units wrote for a narrative code in a year, in the unit list's order. */
export function unitTextsOf(year: number, code: string): { name: string; text: string }[] {
  const order = new Map(sample.units.map((u) => [u.code, u.order ?? 0]));
  return sample.submissions
    .filter((s) => s.year === year && (s.texts?.[code] ?? '').trim() !== '')
    .sort((a, b) => order.get(a.unit)! - order.get(b.unit)!)
    .map((s) => ({ name: sample.units.find((u) => u.code === s.unit)!.name, text: s.texts![code]! }));
}
