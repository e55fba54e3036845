// Which period a finding names, and which periods expect submissions: a half-year's findings say "6 tháng đầu
// năm 2026" as its report does; a past year kept only for last year's column names no unit "chưa có báo cáo".
import { describe, expect, it } from 'vitest';
import { expectsSubmissions, validateYear } from '../../electron/services/validation.ts';
import { setSettings } from '../../electron/store/settings.ts';
import { insertSubmissionVersion } from '../../electron/store/submissions.ts';
import { parsePeriod, type ReportPeriod } from '../../shared/periods.ts';
import { dbWith, findingsOf, pl01 } from './helpers.ts';

const period = (key: string): ReportPeriod => {
  const p = parsePeriod(key);
  if (!p.ok) throw new Error(p.message);
  return p.period;
};

/** 8 children in 3 cases, but 2 boys + 5 girls. */
const WRONG_SEX = pl01({ xhtd: { vu: 3, tre: 8, nam: 2, nu: 5, duoi6: 1, '6den12': 3, '12den16': 4 } });

describe('a half-year names itself in its findings', () => {
  const ctx = dbWith([{ unit: 'X01', values: {} }]);
  ctx.db.transaction(() =>
    insertSubmissionVersion(ctx, {
      unitCode: 'X03',
      year: 2026,
      period: '2026-H1',
      source: 'json',
      fileName: null,
      sha256: null,
      workbookId: null,
      templateVersion: 1,
      values: Object.entries(WRONG_SEX).map(([code, value]) => ({ code, value })),
      documents: [],
      narratives: [],
      findings: [],
    }),
  )();
  const half = validateYear(ctx, 2026, { period: period('2026-H1') });

  it('a submission rule and completeness say "6 tháng đầu năm 2026", never "năm 2026"', () => {
    expect(half.findings.find((f) => f.rule === 'pl01_sex_sum')?.message).toBe(
      'Xã Tân Phú, 6 tháng đầu năm 2026: Xâm hại tình dục — số trẻ em nam + nữ (7) khác tổng số trẻ em (8).',
    );
    const missing = half.findings.filter((f) => f.rule === 'completeness');
    expect(missing).toHaveLength(24); // 25 reporting units, X03 reported the half-year
    expect(missing.find((f) => f.unit === 'STC')?.message).toBe('Sở Tài chính, 6 tháng đầu năm 2026: chưa có báo cáo.');
    expect(half.findings.filter((f) => / năm 2026:/.test(f.message) && !/6 tháng đầu năm 2026:/.test(f.message))).toEqual([]);
  });

  it("the year's own findings still say năm 2026", () => {
    expect(findingsOf(ctx, 'completeness').find((f) => f.unit === 'STC')?.message).toBe('Sở Tài chính, năm 2026: chưa có báo cáo.');
  });
});

describe('only a period whose submissions are collected names units that have not reported', () => {
  // 2025 holds one unit's figures, typed to print last year's column; 2026 is the season.
  const fresh = () =>
    dbWith([
      { unit: 'X01', values: {} },
      { unit: 'CA', year: 2025, values: { ca_vu: 9 } },
    ]);

  it('a past year without a deadline (added for comparison) gives no "chưa có báo cáo"', () => {
    const ctx = fresh();
    expect(expectsSubmissions(ctx, 2025)).toBe(false);
    expect(findingsOf(ctx, 'completeness', { year: 2025 })).toEqual([]);
  });

  it('the season (the last year held) names every missing unit, with or without a deadline', () => {
    const ctx = fresh();
    setSettings(ctx, { deadline: '' }, { year: 2026 });
    expect(expectsSubmissions(ctx, 2026)).toBe(true);
    expect(findingsOf(ctx, 'completeness')).toHaveLength(24);
  });

  it('a past year given a deadline was collected: its missing units are named', () => {
    const ctx = fresh();
    setSettings(ctx, { deadline: '2025-12-15' }, { year: 2025 });
    expect(expectsSubmissions(ctx, 2025)).toBe(true);
    const missing = findingsOf(ctx, 'completeness', { year: 2025 }).filter((f) => f.key.endsWith('|missing'));
    expect(missing).toHaveLength(24);
    expect(missing.find((f) => f.unit === 'STC')?.message).toBe('Sở Tài chính, năm 2025: chưa có báo cáo.');
  });

  it('a range sums the years: it collects nothing of its own', () => {
    const ctx = fresh();
    expect(expectsSubmissions(ctx, 2026, period('2025-01-01..2026-12-31'))).toBe(false);
    expect(expectsSubmissions(ctx, 2026, period('2026-H2'))).toBe(true);
  });
});
