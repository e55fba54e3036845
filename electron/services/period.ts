// The report period of a call: a period key (shared/periods.ts) read once for the window and the CLI alike,
// or the year itself when none is given. A period of another year than the call's is refused.
import { parsePeriod, periodKey, periodSeason, yearPeriod, type ReportPeriod } from '../../shared/periods.ts';
import { AppError } from '../errors.ts';

/** The period a call asks for: `period` (a key such as "2026-H1") when given, else the year. */
export function requestedPeriod(year: number, period?: string): ReportPeriod {
  if (period === undefined || period.trim() === '') return yearPeriod(year);
  const parsed = parsePeriod(period);
  if (!parsed.ok) throw new AppError('bad_period', parsed.message);
  if (periodSeason(parsed.period) !== year) {
    throw new AppError(
      'bad_period',
      `Kỳ báo cáo ${periodKey(parsed.period)} kết thúc trong năm ${periodSeason(parsed.period)}, không thuộc năm ${year} đang chọn. Hãy chọn năm ${periodSeason(parsed.period)}.`,
    );
  }
  return parsed.period;
}

/** A period key read on its own (the CLI's --period): the period, or a Vietnamese refusal. */
export function periodFromKey(key: string): ReportPeriod {
  const parsed = parsePeriod(key);
  if (!parsed.ok) throw new AppError('bad_period', parsed.message);
  return parsed.period;
}
