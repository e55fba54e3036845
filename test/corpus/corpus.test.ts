// The hostile-input corpus (≥ 200 cases) in the test suite: every case gets its expected answer,
// every rejection leaves the database unchanged, accepted data is stored as read.
import { describe, expect, it } from 'vitest';
import { formatCorpusTable, runCorpus } from './run-corpus.ts';

describe('hostile-input corpus', () => {
  it('answers every case as expected, with no data lost', async () => {
    const outcomes = await runCorpus();
    expect(outcomes.length).toBeGreaterThanOrEqual(200);
    const wrong = outcomes.filter((o) => o.problems.length);
    expect(wrong.length, formatCorpusTable(wrong)).toBe(0);
    expect(outcomes.filter((o) => o.case.expect === 'rejected').every((o) => o.dbUnchanged === true)).toBe(true);
    const bomb = outcomes.find((o) => o.case.id === 'zip-bomb')!;
    expect(bomb.result.findings[0]!.code).toBe('too_large');
  }, 120_000);
});
