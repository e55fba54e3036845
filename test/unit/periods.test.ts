// The report period (shared/periods.ts): keys read and written, Vietnamese words, spans, years and windows.
import { describe, expect, it } from 'vitest';
import {
  collectsOwnSubmissions,
  parsePeriod,
  periodCollects,
  periodDocumentsWindow,
  periodKey,
  periodLabel,
  periodSeason,
  periodSpan,
  periodText,
  periodYears,
  type ReportPeriod,
} from '../../shared/periods.ts';

function read(key: string): ReportPeriod {
  const r = parsePeriod(key);
  if (!r.ok) throw new Error(r.message);
  return r.period;
}

function refusal(key: string): string {
  const r = parsePeriod(key);
  if (r.ok) throw new Error(`"${key}" was read as ${periodKey(r.period)}`);
  return r.message;
}

describe('parsePeriod and periodKey', () => {
  it('reads a year, both half-years and a range, and writes the same key back', () => {
    expect(read('2026')).toEqual({ kind: 'year', year: 2026 });
    expect(read('2026-H1')).toEqual({ kind: 'half', year: 2026, half: 1 });
    expect(read(' 2026-h2 ')).toEqual({ kind: 'half', year: 2026, half: 2 });
    expect(read('2021-01-07..2025-12-31')).toEqual({ kind: 'range', from: '2021-01-07', to: '2025-12-31' });
    for (const key of ['2026', '2026-H1', '2026-H2', '2021-01-07..2025-12-31', '2026-03-01..2026-05-31']) expect(periodKey(read(key))).toBe(key);
    expect(periodKey(read('2026-h2'))).toBe('2026-H2');
  });

  it('refuses what is not a period, saying why in Vietnamese and which forms are accepted', () => {
    for (const bad of ['2026-H3', 'H1-2026', '26', 'năm 2026', '2026/06/30', '2026-06-30']) {
      expect(refusal(bad)).toBe(
        `Kỳ báo cáo "${bad}" không đúng dạng. Hãy ghi năm (2026), sáu tháng (2026-H1 hoặc 2026-H2) hoặc khoảng ngày (2021-01-07..2025-12-31).`,
      );
    }
    expect(refusal('')).toMatch(/^Chưa ghi kỳ báo cáo\. Hãy ghi năm/);
    expect(refusal('1999')).toMatch(/^Kỳ báo cáo "1999" không phải năm từ 2000 đến 2100\./);
    expect(refusal('2101-H1')).toMatch(/không thuộc năm từ 2000 đến 2100/);
    expect(refusal('2025-02-30..2025-12-31')).toMatch(/có ngày bắt đầu 2025-02-30 không có thật/);
    expect(refusal('2025-01-01..2025-13-01')).toMatch(/có ngày kết thúc 2025-13-01 không có thật/);
    expect(refusal('2025-12-31..2021-01-07')).toMatch(/có ngày bắt đầu \(31\/12\/2025\) sau ngày kết thúc \(07\/01\/2021\)/);
    expect(refusal('1990-01-01..2025-12-31')).toMatch(/có ngày ngoài các năm từ 2000 đến 2100/);
    // 29 February only in a leap year.
    expect(read('2024-02-29..2024-12-31').kind).toBe('range');
    expect(refusal('2025-02-29..2025-12-31')).toMatch(/không có thật/);
  });
});

describe('periodText and periodLabel', () => {
  it('names a period as Vietnamese administrative text does', () => {
    expect(periodText(read('2026'))).toBe('năm 2026');
    expect(periodText(read('2026-H1'))).toBe('6 tháng đầu năm 2026');
    expect(periodText(read('2026-H2'))).toBe('6 tháng cuối năm 2026');
    expect(periodText(read('2021-01-07..2025-12-31'))).toBe('giai đoạn 2021 – 2025');
    expect(periodText(read('2026-03-01..2026-05-31'))).toBe('từ ngày 01/03/2026 đến ngày 31/05/2026');
    expect(periodLabel(read('2026'))).toBe('Năm 2026');
    expect(periodLabel(read('2026-H1'))).toBe('6 tháng đầu năm 2026');
    expect(periodLabel(read('2023-01-01..2025-12-31'))).toBe('Giai đoạn 2023 – 2025');
    expect(periodLabel(read('2026-03-01..2026-05-31'))).toBe('Từ ngày 01/03/2026 đến ngày 31/05/2026');
  });
});

describe('span, years, season and what a period collects', () => {
  it('gives each period its days, the years it spans and the year it ends in', () => {
    expect(periodSpan(read('2026'))).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodSpan(read('2026-H1'))).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(periodSpan(read('2026-H2'))).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(periodYears(read('2021-01-07..2025-12-31'))).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(periodYears(read('2025-07-01..2026-06-30'))).toEqual([2025, 2026]);
    expect(periodYears(read('2026-H2'))).toEqual([2026]);
    expect(periodSeason(read('2025-07-01..2026-06-30'))).toBe(2026);
    expect(periodSeason(read('2026-H1'))).toBe(2026);
  });

  it('a year and a half-year collect their own submissions; a range sums the annual ones of its years', () => {
    expect(periodCollects(read('2026'))).toEqual({ kind: 'own', key: '2026' });
    expect(periodCollects(read('2026-H1'))).toEqual({ kind: 'own', key: '2026-H1' });
    expect(periodCollects(read('2023-01-01..2025-12-31'))).toEqual({ kind: 'years', years: [2023, 2024, 2025] });
    expect(collectsOwnSubmissions(read('2026-H2'))).toBe(true);
    expect(collectsOwnSubmissions(read('2023-01-01..2025-12-31'))).toBe(false);
  });

  it("the documents' window: a year's from settings (shifted to the year), a half-year's and a range's their own days", () => {
    const settings = { documents_from: '2021-01-07', period_to: '2026-11-15' };
    expect(periodDocumentsWindow(read('2026'), settings)).toEqual({ from: '2021-01-07', to: '2026-11-15' });
    expect(periodDocumentsWindow(read('2025'), settings)).toEqual({ from: '2021-01-07', to: '2025-11-15' });
    expect(periodDocumentsWindow(read('2026-H1'), settings)).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(periodDocumentsWindow(read('2021-01-07..2025-12-31'), settings)).toEqual({ from: '2021-01-07', to: '2025-12-31' });
  });
});
