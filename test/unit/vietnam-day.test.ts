import { describe, expect, it } from 'vitest';
import { isoDate } from '../../electron/store/context.ts';

describe('the day of import is the day in Vietnam', () => {
  it.each([
    ['2026-03-14T23:30:00Z', '2026-03-15'],
    ['2026-03-14T16:59:59Z', '2026-03-14'],
    ['2026-03-14T17:00:00Z', '2026-03-15'],
    ['2026-12-31T18:00:00Z', '2027-01-01'],
  ])('%s is %s in Vietnam', (moment, day) => expect(isoDate(new Date(moment))).toBe(day));
});
