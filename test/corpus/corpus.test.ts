// The hostile-input corpus (≥ 200 cases) in the test suite, one test per case: every case gets its
// expected answer, every rejection leaves the database unchanged, accepted data is stored as read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusCases } from './cases.ts';
import { corpusRunner, formatCorpusTable, type CorpusRunner } from './run-corpus.ts';

const cases = corpusCases();
let runner: CorpusRunner;
beforeAll(async () => {
  runner = await corpusRunner();
}, 60_000);
afterAll(() => runner?.close());

describe('hostile-input corpus', () => {
  it('has at least 200 cases, each with its own id', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });
  for (const c of cases) {
    it(`${c.id}: ${c.title}`, async () => {
      const o = await runner.run(c);
      expect(o.problems, formatCorpusTable([o])).toEqual([]);
      if (c.expect === 'rejected') expect(o.dbUnchanged).toBe(true);
    }, 60_000);
  }
});
