// The report period beside the year: the whole year, a half-year of it, or a review over years ending in it
// (shared/periods.ts). The choice applies to blank workbooks, validation and generation.
import { parsePeriod, periodKey, periodText, type ReportPeriod } from '../../shared/periods.ts';

/** The periods offered for a year: the year, its two halves, and a review from each earlier year held. */
export function periodChoices(year: number, years: readonly number[]): { key: string; label: string }[] {
  const choices: ReportPeriod[] = [
    { kind: 'year', year },
    { kind: 'half', year, half: 1 },
    { kind: 'half', year, half: 2 },
    ...years.filter((y) => y < year).map((y): ReportPeriod => ({ kind: 'range', from: `${y}-01-01`, to: `${year}-12-31` })),
  ];
  return choices.map((p) => ({
    key: periodKey(p),
    label: p.kind === 'year' ? `Cả năm ${year}` : periodText(p).replace(/^./, (c) => c.toLocaleUpperCase('vi')),
  }));
}

/** The words of the chosen period, for the screens' titles ("6 tháng đầu năm 2026"). */
export function chosenPeriodText(year: number, period: string | undefined): string {
  const parsed = period ? parsePeriod(period) : null;
  return parsed?.ok ? periodText(parsed.period) : `năm ${year}`;
}

export function PeriodPicker({
  year,
  years,
  value,
  onChange,
}: {
  year: number;
  years: readonly number[];
  value: string | undefined;
  onChange(period: string | undefined): void;
}) {
  const choices = periodChoices(year, years);
  return (
    <label className="year-picker">
      Kỳ báo cáo:{' '}
      <select value={value ?? String(year)} onChange={(e) => onChange(e.target.value === String(year) ? undefined : e.target.value)} aria-label="Kỳ báo cáo">
        {choices.map((c) => (
          <option key={c.key} value={c.key}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
