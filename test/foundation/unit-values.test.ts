// A unit's figures as read from the store (electron/store/unit-values.ts) are read as a Map is: every reader (rules,
// annexes, the report, a range's sums) sees the same values, in the same order, as from a Map built by the same
// steps; units sharing their code places do not see each other's changes.
import { describe, expect, it } from 'vitest';
import { periodFigures, sumIndicators, yearFigures } from '../../electron/store/aggregate.ts';
import { CodePlaces, UnitValues } from '../../electron/store/unit-values.ts';
import { currentSubmissionId, submissionValues } from '../../electron/store/submissions.ts';
import { sampleDb, sample } from '../helpers/fixtures.ts';

/** Everything a reader can ask of a Map, as plain data. */
function asRead(m: ReadonlyMap<string, number | null>, probe: readonly string[]) {
  const each: [string, number | null][] = [];
  m.forEach((v, k) => each.push([k, v]));
  return {
    size: m.size,
    entries: [...m],
    keys: [...m.keys()],
    values: [...m.values()],
    each,
    got: probe.map((c) => [m.get(c), m.has(c)]),
  };
}

describe('a unit’s figures read as a Map', () => {
  const codes = ['a_1', 'b_2', 'c_3'];
  const probe = ['a_1', 'b_2', 'c_3', 'd_4', 'zz'];

  it('reads its stretch of a shared list as a Map of the same codes and values would, and changes as a Map does', () => {
    // Two units over one list of 6 values, sharing one CodePlaces.
    const list = [1, null, 0, 7.5, 2, null];
    const places = new CodePlaces(codes);
    const first = new UnitValues(places, list, 0);
    const second = new UnitValues(places, list, 3);
    const firstMap = new Map<string, number | null>([
      ['a_1', 1],
      ['b_2', null],
      ['c_3', 0],
    ]);
    const secondMap = new Map<string, number | null>([
      ['a_1', 7.5],
      ['b_2', 2],
      ['c_3', null],
    ]);
    expect(asRead(first, probe)).toEqual(asRead(firstMap, probe));
    expect(asRead(second, probe)).toEqual(asRead(secondMap, probe));

    // A copy changed (a held code, then a new one) leaves the original and its neighbour as they were.
    const copy = first.copy();
    const copyMap = new Map(firstMap);
    for (const [code, value] of [
      ['b_2', 4],
      ['d_4', 9],
      ['a_1', null],
    ] as const) {
      copy.set(code, value);
      copyMap.set(code, value);
    }
    expect(asRead(copy, probe)).toEqual(asRead(copyMap, probe));
    expect(asRead(first, probe)).toEqual(asRead(firstMap, probe));
    expect(asRead(second, probe)).toEqual(asRead(secondMap, probe));

    // A code added to one unit of a shared list: the other units sharing its places do not get it.
    second.set('aa_0', 3);
    secondMap.set('aa_0', 3);
    expect(asRead(second, [...probe, 'aa_0'])).toEqual(asRead(secondMap, [...probe, 'aa_0']));
    expect(asRead(first, [...probe, 'aa_0'])).toEqual(asRead(firstMap, [...probe, 'aa_0']));
  });

  it('picks the values of some codes by their places, a code not held as undefined', () => {
    const unit = new UnitValues(new CodePlaces(codes), [5, null, 8], 0);
    const asked = ['c_3', 'x', 'a_1', 'b_2'];
    const into = new Array<number | null | undefined>(asked.length);
    unit.pick(unit.places.placesOf(asked), into);
    expect(into).toEqual(asked.map((c) => unit.get(c)));
    expect(into).toEqual([8, undefined, 5, null]);
  });
});

describe('a period’s figures with corrections', () => {
  it('reads a correction of a code the submission does not hold after its own codes, and sums it', () => {
    const ctx = sampleDb();
    const year = Math.max(...sample.years);
    const x = sample.units.find((u) => u.kind !== 'tinh')!.code;
    const current = currentSubmissionId(ctx, x, year)!;
    ctx.db
      .prepare(
        "INSERT INTO corrections (submission_id, code, value, reason, by, at) VALUES (?, 'zz_added', 41, 'r', 'b', 'a'), (?, 'zz_added', 42, 'r', 'b', 'a')",
      )
      .run(current.id, current.id);
    const fig = yearFigures(ctx, year);
    const values = fig.byUnit.get(x)!.values;
    // The store's own reading of one submission (a Map: its codes, then corrections in id order).
    expect([...values]).toEqual([...submissionValues(ctx, current.id)]);
    expect([...values.keys()].at(-1)).toBe('zz_added');
    expect(values.get('zz_added')).toBe(42);
    // No other unit holds it.
    const others = [...fig.byUnit.values()].filter((f) => f.unit.code !== x);
    expect(others.some((f) => f.values.has('zz_added'))).toBe(false);
    const sum = sumIndicators(fig, ['zz_added'], () => true);
    expect(sum.total).toBe(42);
    expect(sum.reported.map((f) => f.unit.code)).toEqual([x]);
    expect(sum.blank.length).toBe(fig.byUnit.size - 1);
  });

  it("sums a range's years code by code, each unit's values those of a Map summed the same way", () => {
    const ctx = sampleDb();
    const years = [...sample.years].sort((a, b) => a - b);
    expect(years.length).toBeGreaterThan(1);
    const range = periodFigures(ctx, { kind: 'range', from: `${years[0]!}-01-01`, to: `${years.at(-1)!}-12-31` });
    expect(range.byUnit.size).toBeGreaterThan(0);
    for (const [code, f] of range.byUnit) {
      const expected = new Map<string, number | null>();
      for (const year of years) {
        const id = currentSubmissionId(ctx, code, year)?.id;
        if (id === undefined) continue;
        for (const [c, v] of submissionValues(ctx, id)) {
          const before = expected.has(c) ? expected.get(c)! : undefined;
          expected.set(c, before === undefined ? v : before === null ? v : v === null ? before : before + v);
        }
      }
      expect([...f.values]).toEqual([...expected]);
    }
  });
});
