// The one blank-aware sum (shared/coverage-sum.ts) and the one date formatter (shared/dates.ts).
import { describe, expect, it } from 'vitest';
import { isComplete, sumKnown, sumOverUnits } from '../../shared/coverage-sum.ts';
import { formatDate } from '../../shared/dates.ts';
import { joinUnitNames, runningAgencyName, runningName } from '../../shared/running-text.ts';

describe('sumKnown', () => {
  it('leaves blanks out, keeps 0, and is null when nothing is there', () => {
    expect(sumKnown([1, null, 2, undefined])).toBe(3);
    expect(sumKnown([0, null])).toBe(0);
    expect(sumKnown([null, undefined])).toBeNull();
    expect(sumKnown([])).toBeNull();
  });
});

describe('sumOverUnits', () => {
  const units = [
    { name: 'Công an tỉnh', v: [33] },
    { name: 'Xã A', v: [null] },
    { name: 'Xã B', v: [0, null] },
    { name: 'Xã C', v: [] as (number | null)[] },
  ];
  it('says who gave a value (0 included) and who left it blank', () => {
    const s = sumOverUnits(units, (u) => u.v);
    expect(s.total).toBe(33);
    expect(s.reported.map((u) => u.name)).toEqual(['Công an tỉnh', 'Xã B']);
    expect(s.blank.map((u) => u.name)).toEqual(['Xã A', 'Xã C']);
    expect(isComplete(s)).toBe(false);
  });
  it('is null with every unit blank, and complete when everyone gave a value', () => {
    expect(sumOverUnits([units[1]!], (u) => u.v).total).toBeNull();
    expect(isComplete(sumOverUnits([units[0]!, units[2]!], (u) => u.v))).toBe(true);
  });
});

describe('formatDate', () => {
  it('writes dd/mm/yyyy, the day as written, and falls back otherwise', () => {
    expect(formatDate('2025-12-01')).toBe('01/12/2025');
    expect(formatDate('2026-11-25T23:30:00Z')).toBe('25/11/2026');
    expect(formatDate('', '…')).toBe('…');
    expect(formatDate('abc')).toBe('abc');
  });
});

describe('running text', () => {
  it('writes administrative unit types in lower case and keeps agency names', () => {
    expect(runningName('Xã Vĩnh Lộc')).toBe('xã Vĩnh Lộc');
    expect(runningName('Phường An Lạc')).toBe('phường An Lạc');
    expect(runningName('Tỉnh đoàn')).toBe('Tỉnh đoàn');
    expect(runningName('Sở Y tế')).toBe('Sở Y tế');
    expect(joinUnitNames(['Sở Tài chính', 'Xã Vĩnh Lộc'])).toBe('Sở Tài chính, xã Vĩnh Lộc');
  });
  it("turns the header block's capitals into the unit list's name", () => {
    expect(runningAgencyName('SỞ Y TẾ', ['Tỉnh An Lạc', 'Sở Y tế'])).toBe('Sở Y tế');
    expect(runningAgencyName('SỞ TƯ PHÁP', [])).toBe('Sở Tư pháp');
  });
});
