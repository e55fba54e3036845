// The services written for the window, on the sample province's real database: the grid's figures and
// corrections, the checklist of who has reported, unit edits, the trend, and what the title bar shows.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sumIndicator, yearFigures } from '../../electron/store/aggregate.ts';
import { yearChecklist, unitVersions } from '../../electron/services/checklist.ts';
import type { ServiceContext } from '../../electron/store/context.ts';
import { correctFigures } from '../../electron/services/grid-corrections.ts';
import { gridData, yearDocuments } from '../../electron/services/grid.ts';
import { importJson } from '../../electron/services/interchange.ts';
import { setSettings } from '../../electron/store/settings.ts';
import { childrenTrend } from '../../electron/services/trend.ts';
import { addUnit, moveUnit } from '../../electron/services/unit-edits.ts';
import { importUnitList } from '../../electron/services/unit-list-import.ts';
import { listUnits } from '../../electron/store/units.ts';
import { agencyName, reportingYear, templateInfo } from '../../electron/store/window-info.ts';
import { lockYear, unlockYear } from '../../electron/store/years.ts';
import { sample, sampleDb, tempDir } from '../helpers/fixtures.ts';

let ctx: ServiceContext;
beforeAll(() => {
  ctx = sampleDb();
});
afterAll(() => ctx.db.close());

describe('the grid of a sheet', () => {
  it('has a row per unit holding the sheet and a column per indicator, blank apart from 0', () => {
    const g = gridData(ctx, 2026, 'PL01');
    expect(g.columns).toHaveLength(42);
    expect(g.columns[0]).toMatchObject({ code: 'pl01_bl_vu', short: 'Số vụ', group: 'Bạo lực' });
    expect(g.rows.map((r) => r.unit)).toEqual(sample.units.filter((u) => u.kind === 'dia_phuong').map((u) => u.code));
    const missing = g.rows.find((r) => r.unit === 'X12')!;
    expect(missing.submissionId).toBeNull();
    expect(missing.values.every((v) => v === null)).toBe(true);
    const fig = yearFigures(ctx, 2026);
    g.columns.forEach((c, i) => {
      const column = g.rows.map((r) => r.values[i]!).filter((v) => v !== null);
      expect(column.length ? column.reduce((a, b) => a + b, 0) : null).toBe(sumIndicator(fig, c.code, ['dia_phuong']));
    });
  });
  it('marks the indicators a unit kind does not report in "Số liệu khác"', () => {
    const g = gridData(ctx, 2026, 'SO_LIEU');
    const police = g.rows.find((r) => r.kind === 'cong_an')!;
    const commune = g.rows.find((r) => r.kind === 'dia_phuong')!;
    const ca = g.columns.findIndex((c) => c.code === 'ca_tre');
    expect(police.applicable[ca]).toBe(true);
    expect(commune.applicable[ca]).toBe(false);
  });
  it('lists the year’s documents with the unit that reported them', () => {
    const docs = yearDocuments(ctx, 2026);
    const stored = ctx.db
      .prepare('SELECT COUNT(*) AS n FROM documents d JOIN submissions s ON s.id = d.submission_id WHERE s.year = 2026 AND s.is_current = 1')
      .get() as { n: number };
    expect(docs).toHaveLength(stored.n);
    expect(docs[0]).toMatchObject({ unitName: expect.any(String), ngay: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });
  it('refuses a sheet that holds no figures', () => {
    expect(() => gridData(ctx, 2026, 'BAO_CAO')).toThrow(/Không có bảng số liệu/);
  });
});

describe('corrections from the grid', () => {
  it('store the new figure with its reason, log it, feed the sums, and show as corrected', () => {
    const before = gridData(ctx, 2026, 'PL01').rows.find((r) => r.unit === 'X06')!;
    const col = 0;
    const [update] = correctFigures(ctx, 2026, 'Theo công văn đính chính', [{ unit: 'X06', code: 'pl01_bl_vu', value: 1 }]);
    expect(update).toMatchObject({
      unit: 'X06',
      code: 'pl01_bl_vu',
      value: 1,
      submitted: before.values[col],
      correction: { value: 1, reason: 'Theo công văn đính chính' },
    });
    const after = gridData(ctx, 2026, 'PL01').rows.find((r) => r.unit === 'X06')!;
    expect(after.values[col]).toBe(1);
    expect(after.submitted[col]).toBe(before.values[col]);
    expect(after.corrections[col]?.reason).toBe('Theo công văn đính chính');
    const log = ctx.db.prepare("SELECT old_value, new_value, reason FROM audit_log WHERE action = 'figure.correct' ORDER BY id DESC").get() as Record<
      string,
      string
    >;
    expect(log).toEqual({ old_value: String(before.values[col]), new_value: '1', reason: 'Theo công văn đính chính' });
    // Undo is a correction back to the figure sent: no longer shown as corrected, both kept in the log.
    correctFigures(ctx, 2026, 'Hoàn tác: Theo công văn đính chính', [{ unit: 'X06', code: 'pl01_bl_vu', value: before.values[col]! }]);
    expect(gridData(ctx, 2026, 'PL01').rows.find((r) => r.unit === 'X06')!.corrections[col]).toBeUndefined();
    // Delete makes a figure blank, not 0.
    correctFigures(ctx, 2026, 'Đơn vị chưa thống kê', [{ unit: 'X06', code: 'pl01_khac_vu', value: null }]);
    expect(yearFigures(ctx, 2026).byUnit.get('X06')!.values.get('pl01_khac_vu')).toBeNull();
  });
  it('are refused without a reason, for a unit that has not reported, and in a locked year (all or nothing)', () => {
    expect(() => correctFigures(ctx, 2026, '  ', [{ unit: 'X06', code: 'pl01_bl_vu', value: 1 }])).toThrow(/lý do/);
    expect(() =>
      correctFigures(ctx, 2026, 'x', [
        { unit: 'X01', code: 'pl01_bl_vu', value: 9 },
        { unit: 'X12', code: 'pl01_bl_vu', value: 1 },
      ]),
    ).toThrow(/chưa có báo cáo năm 2026/);
    expect(yearFigures(ctx, 2026).byUnit.get('X01')!.values.get('pl01_bl_vu')).not.toBe(9);
    lockYear(ctx, 2026, 'Đã chốt');
    expect(() => correctFigures(ctx, 2026, 'x', [{ unit: 'X06', code: 'pl01_bl_vu', value: 1 }])).toThrow(/đã chốt/);
    unlockYear(ctx, 2026, 'Mở để sửa');
  });
});

describe('the checklist of a year', () => {
  it('counts 23 of 25 units, marks late ones against the deadline, and shows versions with what changed', () => {
    const list = yearChecklist(ctx, 2026);
    expect(list).toMatchObject({ expected: 25, reported: 23, deadline: '2026-12-15' });
    expect(
      list.rows
        .filter((r) => r.status === 'missing')
        .map((r) => r.unit)
        .sort(),
    ).toEqual(['STC', 'X12']);
    setSettings(ctx, { deadline: '2026-01-01' });
    expect(yearChecklist(ctx, 2026).late).toBe(23);
    setSettings(ctx, { deadline: '2026-12-15' });
    expect(yearChecklist(ctx, 2025).deadline).toBeNull();

    const second = structuredClone(sample.submissions.find((s) => s.unit === 'X06' && s.year === 2026)!);
    second.values.pl01_bl_tre = 3;
    importJson(ctx, { ...sample, submissions: [second] }, 'x06-v2.json');
    const versions = unitVersions(ctx, 2026, 'X06');
    expect(versions.map((v) => [v.version, v.isCurrent])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(versions[0]!.changes).toContainEqual(expect.objectContaining({ code: 'pl01_bl_tre', after: 3 }));
    expect(yearChecklist(ctx, 2026).rows.find((r) => r.unit === 'X06')).toMatchObject({ version: 2, versions: 2 });
  });
});

describe('unit edits, trend and window facts', () => {
  it('moves a unit among its siblings and adds one at the end, refusing a code in use', () => {
    const order = () =>
      listUnits(ctx)
        .filter((u) => u.parentCode === 'TINH')
        .map((u) => u.code);
    const before = order();
    const i = before.indexOf('X03');
    moveUnit(ctx, 'X03', 'up');
    expect(order().indexOf('X03')).toBe(i - 1);
    moveUnit(ctx, 'X03', 'down');
    expect(order()).toEqual(before);
    expect(addUnit(ctx, { code: 'X13', name: 'Xã Mới', kind: 'dia_phuong', parent: 'TINH' }).name).toBe('Xã Mới');
    expect(order().at(-1)).toBe('X13');
    expect(() => addUnit(ctx, { code: 'X13', name: 'Khác', kind: 'dia_phuong', parent: 'TINH' })).toThrow(/đã có/);
  });
  it('reads a unit list from a file, naming the row at fault', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const good = path.join(dir, 'don-vi.csv');
      writeFileSync(good, 'code,name,kind,parent,order\nX14,Xã Hòa Lạc,dia_phuong,TINH,40\nX13,Xã Mới Đổi Tên,dia_phuong,TINH,41\n');
      const r = await importUnitList(ctx, good);
      expect([r.added, r.updated]).toEqual([1, 1]);
      expect(r.units.find((u) => u.code === 'X13')!.name).toBe('Xã Mới Đổi Tên');
      const bad = path.join(dir, 'sai.csv');
      writeFileSync(bad, 'code,name,kind,parent\nX15,Xã Lạ,thon,TINH\n');
      await expect(importUnitList(ctx, bad)).rejects.toThrow(/Dòng 2 \(Xã Lạ\): không hiểu loại đơn vị "thon"/);
    } finally {
      cleanup();
    }
  });
  it('draws children by year and form from every year held', () => {
    const t = childrenTrend(ctx);
    expect(t.years).toEqual([2023, 2024, 2025, 2026]);
    expect(t.series.map((s) => s.label)).toContain('Bạo lực');
    const bl = t.series.find((s) => s.code === 'bl')!;
    expect(bl.values[0]).toBe(sumIndicator(yearFigures(ctx, 2023), 'pl01_bl_tre'));
  });
  it('names the agency, opens on the season of the settings and names each tab as its annex is titled', () => {
    expect(agencyName(ctx)).toBe('Sở Y tế tỉnh An Lạc');
    expect(reportingYear(ctx)).toBe(2026);
    expect(templateInfo(ctx).sheets.map((s) => s.tab)).toEqual([
      'Phụ lục 01',
      'Phụ lục 01 (Công an)',
      'Phụ lục 02',
      'Phụ lục 03',
      'Phụ lục 04',
      'Số liệu khác',
      'Số liệu chỉ tiêu',
      'Nội dung báo cáo theo đề cương',
    ]);
  });
});
