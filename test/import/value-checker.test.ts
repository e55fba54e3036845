// One value checker (shared/values/check-value.ts) for workbook import, import-json, corrections and the grid:
// the same value gets the same answer whichever way it comes in.
import { describe, expect, it } from 'vitest';
import { correctFigure } from '../../electron/services/corrections.ts';
import { exportYear, importJson } from '../../electron/services/interchange.ts';
import { parseTsv } from '../../renderer/screens/figures/gridModel.ts';
import { checkDate, checkListItem, checkNumber, checkText, checkValue } from '../../shared/values/check-value.ts';
import { emptySampleDb, sampleDb } from '../helpers/fixtures.ts';

describe('the checker itself', () => {
  it('figures: blank, numbers, numbers as text, negatives, fractions of counts', () => {
    expect(checkNumber({ type: 'count' }, null)).toEqual({ ok: true, value: null, notes: [] });
    expect(checkNumber({ type: 'count' }, '  ')).toEqual({ ok: true, value: null, notes: [] });
    expect(checkNumber({ type: 'count' }, 7)).toEqual({ ok: true, value: 7, notes: [] });
    expect(checkNumber({ type: 'count' }, ' 12 ')).toMatchObject({ ok: true, value: 12, notes: [{ code: 'number_as_text' }] });
    expect(checkNumber({ type: 'money' }, '12,5')).toMatchObject({ ok: true, value: 12.5 });
    expect(checkNumber({ type: 'count' }, -1)).toMatchObject({ ok: false, code: 'negative' });
    expect(checkNumber({ type: 'count' }, '2,5')).toMatchObject({ ok: false, code: 'not_integer' });
    expect(checkNumber({ type: 'count' }, 'mười')).toMatchObject({ ok: false, code: 'not_number', reason: '"mười" không phải là số.' });
    expect(checkNumber({ type: 'count' }, new Date('2026-01-02'))).toMatchObject({ ok: false, code: 'not_number' });
  });

  it('dates, list items and texts', () => {
    expect(checkDate({ type: 'date' }, '05/02/2026')).toMatchObject({ ok: true, value: '2026-02-05' });
    expect(checkDate({ type: 'date' }, 46058)).toMatchObject({ ok: true, value: '2026-02-05' });
    expect(checkDate({ type: 'date' }, '2026-11-25T08:00:00.000Z')).toMatchObject({ ok: true, value: '2026-11-25' });
    expect(checkDate({ type: 'date' }, '31/11/2026')).toMatchObject({ ok: false, code: 'not_date', reason: 'ngày "31/11/2026" không có thật.' });
    expect(checkDate({ type: 'date' }, 'không rõ ngày')).toMatchObject({ ok: false, code: 'not_date' });
    expect(checkDate({ type: 'date', from: '2021-01-07', to: '2026-11-27' }, '2031-01-01')).toMatchObject({
      ok: false,
      code: 'date_out_of_range',
      reason: 'ngày 01/01/2031 nằm ngoài khoảng từ 07/01/2021 đến 27/11/2026.',
    });
    const levels = { type: 'list' as const, name: 'cấp ban hành', items: [{ code: 'xa', label: 'Cấp xã' }] };
    expect(checkListItem(levels, 'cap  XA')).toMatchObject({ ok: true, value: 'xa' });
    expect(checkListItem(levels, 'Cấp thôn')).toMatchObject({ ok: false, code: 'not_in_list', reason: '"Cấp thôn" không có trong danh mục cấp ban hành.' });
    // Asked again (each text's item is kept per list), decomposed, or of another list with the same text: the same answers.
    for (let i = 0; i < 2; i++) {
      expect(checkListItem(levels, 'cap  XA')).toMatchObject({ ok: true, value: 'xa' });
      expect(checkListItem(levels, ' Cấp xã '.normalize('NFD'))).toMatchObject({ ok: true, value: 'xa' });
      expect(checkListItem(levels, ' Cấp thôn'.normalize('NFD'))).toMatchObject({ ok: false, reason: '"Cấp thôn" không có trong danh mục cấp ban hành.' });
      expect(checkListItem({ ...levels, items: [{ code: 'thon', label: 'Cấp thôn' }] }, 'Cấp thôn')).toMatchObject({ ok: true, value: 'thon' });
      expect(checkListItem({ ...levels, items: [{ code: 'thon', label: 'Cấp thôn' }] }, 'cap  XA')).toMatchObject({ ok: false, code: 'not_in_list' });
    }
    expect(checkText({ type: 'text' }, 'Tình hình ổn định.'.normalize('NFD'))).toMatchObject({ ok: true, value: 'Tình hình ổn định.' });
    expect(checkText({ type: 'text' }, 'x'.repeat(32768))).toMatchObject({ ok: false, code: 'text_too_long' });
    expect(checkValue({ type: 'text', maxLength: 5 }, 'abcdef')).toMatchObject({ ok: false, code: 'text_too_long' });
  });
});

describe('import-json runs the very checks of workbook import', () => {
  const base = () => {
    const exported = exportYear(sampleDb(), 2026);
    const x01 = exported.submissions.find((s) => s.unit === 'X01')!;
    expect(x01.documents?.length).toBeGreaterThan(0);
    return { exported, x01 };
  };
  const refused = (mutate: (s: ReturnType<typeof base>['x01']) => void, message: RegExp) => {
    const { exported, x01 } = base();
    mutate(x01);
    const ctx = emptySampleDb();
    expect(() => importJson(ctx, { ...exported, submissions: [x01] }, 'don-vi.json')).toThrow(message);
    expect((ctx.db.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n).toBe(0);
  };

  it('the untouched export is taken (the cases below differ from it by one value)', () => {
    const { exported, x01 } = base();
    expect(importJson(emptySampleDb(), { ...exported, submissions: [x01] }, 'don-vi.json').submissions).toBe(1);
  });
  it('received_at must be a real date', () => refused((s) => (s.received_at = 'không rõ ngày'), /ngày nhận "không rõ ngày" không phải là một ngày có thật/));
  it('document dates outside the window are refused, as in a workbook', () => {
    refused((s) => (s.documents![0]!.ngay = '2031-03-01'), /văn bản 1, ngày ban hành: ngày 01\/03\/2031 nằm ngoài khoảng từ 07\/01\/2021 đến 27\/11\/2026/);
    refused((s) => (s.documents![0]!.ngay = '1901-03-01'), /ngày 01\/03\/1901 nằm ngoài khoảng/);
  });
  it('a list value not in its list, a missing required field', () => {
    refused((s) => (s.documents![0]!.loai = 'Thư tay'), /"Thư tay" không có trong danh mục loại văn bản/);
    refused((s) => (s.documents![0]!.trich_yeu = '   '), /văn bản 1: thiếu trích yếu nội dung/);
  });
  it('unknown text codes and texts over a cell limit are refused', () => {
    refused((s) => (s.texts = { ...s.texts, t_khong_co: 'Một đoạn văn.' }), /không có mục nội dung "t_khong_co"/);
    refused((s) => (s.texts = { ...s.texts, t_a2: 'a'.repeat(2_000_000) }), /mục t_a2: nội dung dài 2\.000\.000 ký tự, vượt quá 32\.767 ký tự/);
  });
  it('a figure JSON reads as Infinity (1e400) is refused', () => {
    const { exported, x01 } = base();
    const text = JSON.stringify({ ...exported, submissions: [x01] }).replace(/"pl01_bl_tre":(null|\d+)/, '"pl01_bl_tre":1e400');
    expect(() => importJson(emptySampleDb(), JSON.parse(text), 'vo-cuc.json')).toThrow(/pl01_bl_tre = Infinity không hợp lệ.*không phải là số hữu hạn/);
  });
});

describe('corrections and the grid answer as import does', () => {
  it('a correction is refused with the checker reason', () => {
    const ctx = sampleDb();
    expect(() => correctFigure(ctx, { unit: 'X01', year: 2026, code: 'pl01_bl_tre', value: 2.5, reason: 'Gọi điện xác nhận' })).toThrow(
      /Phường An Lạc, chỉ tiêu "Bạo lực — Tổng số trẻ em bị xâm hại": số đếm phải là số nguyên, không được là 2,5/,
    );
    expect(() => correctFigure(ctx, { unit: 'X01', year: 2026, code: 'pl01_bl_tre', value: -1, reason: 'Gọi điện xác nhận' })).toThrow(
      /số âm \(-1\) không hợp lệ/,
    );
  });
  it('the grid checks a pasted block against each column before asking for a reason', () => {
    const defs = [{ type: 'count' as const }, { type: 'money' as const }];
    expect(parseTsv('3\t12,5', (c) => defs[c])).toEqual({ ok: true, block: [[3, 12.5]] });
    expect(parseTsv('-1\t12,5', (c) => defs[c])).toEqual({ ok: false, message: 'Dòng 1, cột 1: số âm (-1) không hợp lệ.' });
    expect(parseTsv('2,5\t1', (c) => defs[c])).toEqual({ ok: false, message: 'Dòng 1, cột 1: số đếm phải là số nguyên, không được là 2,5.' });
  });
});
