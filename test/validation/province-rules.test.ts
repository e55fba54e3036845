// Province totals, completeness, duplicate documents and year-over-year rules: each fires and holds.
import { describe, expect, it } from 'vitest';
import { setSettings } from '../../electron/store/settings.ts';
import { setUnitActive } from '../../electron/store/units.ts';
import { validateYear } from '../../electron/services/validation.ts';
import { dbWith, findingsOf, messagesOf, pl01, pl03, pl04, type CaseSubmission } from './helpers.ts';

const PROVINCE = 'Tỉnh An Lạc, năm 2026';

/** Communes X01 and X02 reporting children of the given forms (tre only, the rest consistent is not needed here). */
function communes(tre: { X01: Record<string, number | null>; X02?: Record<string, number | null> }): CaseSubmission[] {
  const row = (forms: Record<string, number | null>) => pl01(Object.fromEntries(Object.entries(forms).map(([f, n]) => [f, { tre: n }])));
  return [{ unit: 'X01', values: row(tre.X01) }, ...(tre.X02 ? [{ unit: 'X02', values: row(tre.X02) }] : [])];
}

describe('police_vs_local', () => {
  const local = communes({ X01: { bl: 10, xhtd: 7 }, X02: { mb: 10 } }); // 27 children
  it('fires when the gap exceeds both 10% of the larger and 2 children', () => {
    const ctx = dbWith([...local, { unit: 'CA', values: { ca_tre: 32 } }]);
    const [f] = findingsOf(ctx, 'police_vs_local');
    expect(f?.message).toBe(
      `${PROVINCE}: số trẻ em bị xâm hại do công an ghi nhận (32) chênh lệch với tổng số các địa phương báo cáo (27) quá 10% và quá 2 trẻ em.`,
    );
    expect(f).toMatchObject({ severity: 'warning', scope: 'aggregate', unit: null, unitName: 'Tỉnh An Lạc', left: 32, right: 27, cells: [] });
  });
  it('holds within the tolerance, in either direction', () => {
    expect(findingsOf(dbWith([...local, { unit: 'CA', values: { ca_tre: 30 } }]), 'police_vs_local')).toEqual([]);
    expect(findingsOf(dbWith([...local, { unit: 'CA', values: { ca_tre: 25 } }]), 'police_vs_local')).toEqual([]);
    expect(messagesOf(dbWith([...local, { unit: 'CA', values: { ca_tre: 24 } }]), 'police_vs_local')).toHaveLength(1); // gap 3 > 2.7
  });
  it('says nothing when the police left the figure blank: blank is not zero', () => {
    expect(findingsOf(dbWith([...local, { unit: 'CA', values: { ca_tre: null } }]), 'police_vs_local')).toEqual([]);
    expect(findingsOf(dbWith(local), 'police_vs_local')).toEqual([]);
  });
  it('sums leave a commune’s blanks out rather than dropping the commune', () => {
    // X02 left mua bán blank but reported bạo lực: 17 + 3 = 20 vs 32 fires; had blanks poisoned the sum, it would not.
    const ctx = dbWith([...communes({ X01: { bl: 10, xhtd: 7 }, X02: { mb: null, bl: 3 } }), { unit: 'CA', values: { ca_tre: 32 } }]);
    expect(findingsOf(ctx, 'police_vs_local').map((f) => [f.left, f.right])).toEqual([[32, 20]]);
  });
});

describe('court_vs_procuracy', () => {
  const court = (n: number) => ({ unit: 'TAND', values: pl04({ d142: { tl_vu: n - 3 }, bao_luc: { tl_vu: 3 } }) });
  const procuracy = { unit: 'VKS', values: pl03({ d146: { tt_vu: 6 }, khac: { tt_vu: 4 } }) }; // 10 prosecuted
  it('fires when the court took in more than 20% above what the procuracy prosecuted', () => {
    expect(messagesOf(dbWith([court(13), procuracy]), 'court_vs_procuracy')).toEqual([
      `${PROVINCE}: số vụ tòa án thụ lý sơ thẩm (13) nhiều hơn số vụ viện kiểm sát truy tố (10) quá 20%.`,
    ]);
  });
  it('holds within 20%', () => {
    expect(findingsOf(dbWith([court(12), procuracy]), 'court_vs_procuracy')).toEqual([]);
  });
});

describe('victims_vs_children', () => {
  const procuracy = (n: number) => ({ unit: 'VKS', values: pl03({ d142: { bh_duoi16: n } }) });
  it('fires when victims under 16 exceed the children of sexual abuse, violence and trafficking', () => {
    // bóc lột (bb) does not count on the right side.
    const local = communes({ X01: { xhtd: 5, bl: 2, bb: 9 }, X02: { mb: 1 } });
    expect(messagesOf(dbWith([...local, procuracy(10)]), 'victims_vs_children')).toEqual([
      `${PROVINCE}: số bị hại dưới 16 tuổi trong các vụ án viện kiểm sát thụ lý (10) nhiều hơn số trẻ em bị xâm hại tình dục, bạo lực, mua bán do các địa phương báo cáo (8).`,
    ]);
  });
  it('holds when they do not', () => {
    expect(findingsOf(dbWith([...communes({ X01: { xhtd: 5, bl: 2 }, X02: { mb: 1 } }), procuracy(8)]), 'victims_vs_children')).toEqual([]);
  });
});

describe('support_vs_children', () => {
  const local = communes({ X01: { bl: 20, xhtd: 7 } }); // 27
  it('fires when more children were supported than the communes counted', () => {
    expect(messagesOf(dbWith([...local, { unit: 'SYT', values: { nv_tre_ho_tro: 30 } }]), 'support_vs_children')).toEqual([
      `${PROVINCE}: số trẻ em bị xâm hại được hỗ trợ, can thiệp (30) nhiều hơn số trẻ em bị xâm hại do các địa phương báo cáo (27).`,
    ]);
  });
  it('holds when they match', () => {
    expect(findingsOf(dbWith([...local, { unit: 'SYT', values: { nv_tre_ho_tro: 27 } }]), 'support_vs_children')).toEqual([]);
  });
});

describe('completeness', () => {
  it('one finding per active reporting unit without a submission, never the province itself', () => {
    const ctx = dbWith([{ unit: 'X03', values: {} }]);
    const findings = findingsOf(ctx, 'completeness');
    expect(findings).toHaveLength(24); // 25 reporting units, one reported
    expect(findings.map((f) => f.unit)).not.toContain('TINH');
    expect(findings.map((f) => f.unit)).not.toContain('X03');
    expect(findings.find((f) => f.unit === 'STC')).toMatchObject({
      message: 'Sở Tài chính, năm 2026: chưa có báo cáo.',
      severity: 'warning',
      key: '2026|completeness|STC|missing',
    });
  });
  it('a deactivated unit is not expected to report', () => {
    const ctx = dbWith([]);
    setUnitActive(ctx, 'X12', false, 'sáp nhập');
    expect(findingsOf(ctx, 'completeness').map((f) => f.unit)).not.toContain('X12');
  });
  it('one finding per submission received after the deadline (the Vietnamese calendar day)', () => {
    const ctx = dbWith([
      { unit: 'X01', values: {}, received_at: '2026-12-16' },
      { unit: 'X02', values: {}, received_at: '2026-12-15T16:59:00.000Z' }, // 23:59 on the 15th in Vietnam
      { unit: 'X03', values: {}, received_at: '2026-12-15T17:00:00.000Z' }, // 00:00 on the 16th in Vietnam
    ]);
    const late = findingsOf(ctx, 'completeness').filter((f) => f.key.endsWith('|late'));
    expect(late.map((f) => f.message)).toEqual([
      'Phường An Lạc, năm 2026: báo cáo nhận ngày 16/12/2026, sau hạn nộp 15/12/2026.',
      'Xã Tân Phú, năm 2026: báo cáo nhận ngày 16/12/2026, sau hạn nộp 15/12/2026.',
    ]);
  });
  it('no lateness without a deadline', () => {
    const ctx = dbWith([{ unit: 'X01', values: {}, received_at: '2027-01-10' }]);
    setSettings(ctx, { deadline: '' });
    expect(findingsOf(ctx, 'completeness').filter((f) => f.key.endsWith('|late'))).toEqual([]);
  });
});

describe('doc_duplicate', () => {
  const doc = (so: string, coQuan: string) => ({
    cap: 'UBND tỉnh',
    loai: 'Kế hoạch',
    so_ky_hieu: so,
    ngay: '2021-03-12',
    co_quan: coQuan,
    trich_yeu: 'Kế hoạch thực hiện Nghị quyết 121',
  });
  it('one info per document reported by several units, compared without case, spacing or diacritic variants', () => {
    const ctx = dbWith([
      { unit: 'SYT', values: {}, documents: [doc('45/KH-UBND', 'UBND tỉnh An Lạc')] },
      { unit: 'MTTQ', values: {}, documents: [doc('45/kh-ubnd ', 'UBND  tinh An Lac')] },
    ]);
    const [f] = findingsOf(ctx, 'doc_duplicate');
    expect(f?.message).toBe(
      'Văn bản 45/KH-UBND ngày 12/03/2021 được nhiều đơn vị hoặc nhiều năm báo cáo: Sở Y tế (2026), Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh (2026); Phụ lục 02 chỉ liệt kê một lần.',
    );
    expect(f).toMatchObject({ severity: 'info', unit: null, document: { so_ky_hieu: '45/KH-UBND', ngay: '2021-03-12' } });
    expect(f?.units?.map((u) => u.code)).toEqual(['SYT', 'MTTQ']);
  });
  it('one reported by the same unit in two years is listed too', () => {
    const ctx = dbWith([
      { unit: 'SYT', year: 2025, values: {}, documents: [doc('45/KH-UBND', 'UBND tỉnh An Lạc')] },
      { unit: 'SYT', values: {}, documents: [doc('45/KH-UBND', 'UBND tỉnh An Lạc')] },
    ]);
    expect(findingsOf(ctx, 'doc_duplicate').map((f) => f.units)).toEqual([
      [
        { code: 'SYT', name: 'Sở Y tế', year: 2025 },
        { code: 'SYT', name: 'Sở Y tế', year: 2026 },
      ],
    ]);
  });
  it('different documents say nothing', () => {
    const ctx = dbWith([
      { unit: 'SYT', values: {}, documents: [doc('45/KH-UBND', 'UBND tỉnh An Lạc')] },
      { unit: 'MTTQ', values: {}, documents: [doc('46/KH-UBND', 'UBND tỉnh An Lạc')] },
    ]);
    expect(findingsOf(ctx, 'doc_duplicate')).toEqual([]);
  });
});

describe('yoy_outlier', () => {
  const twoYears = (prev: Record<string, number | null>, cur: Record<string, number | null>) =>
    dbWith([
      { unit: 'X03', year: 2025, values: prev },
      { unit: 'X03', values: cur },
    ]);
  it('fires above 3× or below a third with a change of 5 or more; a previous 0 counts', () => {
    const ctx = twoYears({ pl01_bl_vu: 0, pl01_bl_tre: 10, tt_cuoc: 2, nv_tap_huan: 3 }, { pl01_bl_vu: 8, pl01_bl_tre: 3, tt_cuoc: 6, nv_tap_huan: 9 });
    const findings = findingsOf(ctx, 'yoy_outlier');
    expect(findings.map((f) => f.message)).toEqual([
      'Xã Tân Phú, năm 2026: Bạo lực — Số vụ là 8, năm 2025 là 0; thay đổi bất thường (gấp hơn 3 lần hoặc giảm còn dưới một phần ba).',
      'Xã Tân Phú, năm 2026: Bạo lực — Tổng số trẻ em bị xâm hại là 3, năm 2025 là 10; thay đổi bất thường (gấp hơn 3 lần hoặc giảm còn dưới một phần ba).',
    ]);
    expect(findings[0]).toMatchObject({
      code: 'pl01_bl_vu',
      left: 8,
      right: 0,
      key: '2026|yoy_outlier|X03|pl01_bl_vu',
      cells: [{ sheet: 'PL01', address: null, code: 'pl01_bl_vu' }],
    });
  });
  it('holds for exactly 3×, for changes under 5, and when last year was blank', () => {
    const ctx = twoYears({ pl01_bl_vu: 3, tt_cuoc: 2, pl01_bl_tre: null }, { pl01_bl_vu: 9, tt_cuoc: 6, pl01_bl_tre: 8 });
    expect(findingsOf(ctx, 'yoy_outlier')).toEqual([]);
  });
  it('looks only at units that reported this year', () => {
    const ctx = dbWith([{ unit: 'X03', year: 2025, values: { pl01_bl_vu: 20 } }]);
    expect(findingsOf(ctx, 'yoy_outlier')).toEqual([]);
    expect(findingsOf(ctx, 'yoy_missing')).toEqual([]);
  });
});

describe('yoy_missing', () => {
  it('fires for an indicator reported last year and blank this year', () => {
    const ctx = dbWith([
      { unit: 'SGDDT', year: 2025, values: { tt_cuoc: 12, tt_luot: null, ktr_vi_pham: 0 } },
      { unit: 'SGDDT', values: { tt_cuoc: null, tt_luot: null, ktr_vi_pham: 0 } },
    ]);
    const findings = findingsOf(ctx, 'yoy_missing');
    expect(findings.map((f) => f.message)).toEqual([
      'Sở Giáo dục và Đào tạo, năm 2026: Số cuộc tuyên truyền, phổ biến, giáo dục: năm 2025 báo cáo 12, năm nay để trống.',
    ]);
    expect(findings[0]).toMatchObject({ code: 'tt_cuoc', left: null, right: 12 });
  });
  it('holds when the figure is reported (0 included) or was blank both years', () => {
    const ctx = dbWith([
      { unit: 'SGDDT', year: 2025, values: { tt_cuoc: 12, tt_luot: null } },
      { unit: 'SGDDT', values: { tt_cuoc: 0, tt_luot: null } },
    ]);
    expect(findingsOf(ctx, 'yoy_missing').filter((f) => ['tt_cuoc', 'tt_luot'].includes(f.code!))).toEqual([]);
  });
});

describe('validateYear', () => {
  it('refuses a year the database does not hold', () => {
    expect(() => validateYear(dbWith([]), 2019)).toThrow('Cơ sở dữ liệu không có năm 2019 (các năm đang có: 2023, 2024, 2025, 2026).');
  });
});
