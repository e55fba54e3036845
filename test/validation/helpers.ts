// Small databases for rule cases: the sample's units and years, and only the submissions a case needs.
import type { ServiceContext } from '../../electron/store/context.ts';
import { importJson } from '../../electron/services/interchange.ts';
import { validateYear } from '../../electron/services/validation.ts';
import type { RuleSet } from '../../shared/rules/schema.ts';
import type { ValidationFinding } from '../../shared/rules/types.ts';
import { emptySampleDb } from '../helpers/fixtures.ts';

export interface CaseSubmission {
  unit: string;
  year?: number;
  values: Record<string, number | null>;
  received_at?: string;
  documents?: { cap: string; loai: string; so_ky_hieu: string; ngay: string; co_quan?: string | null; trich_yeu: string }[];
}

/** A database holding only these submissions (year 2026 unless given). */
export function dbWith(subs: CaseSubmission[]): ServiceContext {
  const ctx = emptySampleDb();
  importJson(ctx, { years: [2025, 2026], units: [], submissions: subs.map((s) => ({ year: 2026, ...s })) }, 'case.json');
  return ctx;
}

/** The findings of one rule for a year. */
export function findingsOf(ctx: ServiceContext, rule: string, options: { year?: number; rules?: RuleSet } = {}): ValidationFinding[] {
  return validateYear(ctx, options.year ?? 2026, { rules: options.rules }).findings.filter((f) => f.rule === rule);
}

export function messagesOf(ctx: ServiceContext, rule: string, options: { year?: number; rules?: RuleSet } = {}): string[] {
  return findingsOf(ctx, rule, options).map((f) => f.message);
}

const PL01_MEASURES = ['vu', 'tre', 'nam', 'nu', 'duoi6', '6den12', '12den16'] as const;
const FORMS = ['bl', 'bb', 'xhtd', 'mb', 'br', 'khac'] as const;

/** A whole Phụ lục 01 of zeros, with the given forms filled in (a value null = blank). */
export function pl01(
  rows: Partial<Record<(typeof FORMS)[number], Partial<Record<(typeof PL01_MEASURES)[number], number | null>>>> = {},
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const f of FORMS) for (const m of PL01_MEASURES) out[`pl01_${f}_${m}`] = rows[f]?.[m] !== undefined ? rows[f]![m]! : 0;
  return out;
}

const GROUPS = ['d142', 'd144', 'd145', 'd146', 'd147', 'xhtd_khac', 'mua_ban', 'bao_luc', 'khac'] as const;
const PL03_MEASURES = ['tb_thuly', 'tb_gq', 'kt_vu', 'kt_bc', 'tt_vu', 'tt_bc', 'dc_vu', 'dc_bc', 'bh_duoi16', 'bh_16den18'] as const;
const PL04_MEASURES = [
  'tl_vu',
  'tl_bc',
  'gq_vu',
  'gq_bc',
  'xx_vu',
  'xx_bc',
  'hp_den3',
  'hp_3den7',
  'hp_7den15',
  'hp_15den20',
  'hp_chung_than',
  'hp_tu_hinh',
  'hp_an_treo',
  'hp_khac',
  'con_lai_vu',
] as const;

type Group = (typeof GROUPS)[number];

export function pl03(rows: Partial<Record<Group, Partial<Record<(typeof PL03_MEASURES)[number], number | null>>>> = {}): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const g of GROUPS) for (const m of PL03_MEASURES) out[`pl03_${g}_${m}`] = rows[g]?.[m] !== undefined ? rows[g]![m]! : 0;
  return out;
}

export function pl04(rows: Partial<Record<Group, Partial<Record<(typeof PL04_MEASURES)[number], number | null>>>> = {}): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const g of GROUPS) for (const m of PL04_MEASURES) out[`pl04_${g}_${m}`] = rows[g]?.[m] !== undefined ? rows[g]![m]! : 0;
  return out;
}
