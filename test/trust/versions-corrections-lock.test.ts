// Trust in a figure: versions compared cell by cell and chosen, corrections with reasons over the
// submitted value, a locked year refusing imports and edits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearFigures, sumIndicator } from '../../electron/store/aggregate.ts';
import type { ServiceContext } from '../../electron/store/context.ts';
import { correctFigure, listCorrections } from '../../electron/services/corrections.ts';
import { chooseCurrentVersion, diffVersions, unitHistory } from '../../electron/services/history.ts';
import { importFiles } from '../../electron/services/imports.ts';
import { currentValues } from '../../electron/store/submissions.ts';
import { lockYear, unlockYear } from '../../electron/store/years.ts';
import { emptySampleDb, sample, sampleDb, tempDir } from '../helpers/fixtures.ts';
import { dbSnapshot, filledWorkbookFile } from '../helpers/workbooks.ts';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

describe('versions', () => {
  it('lists versions, diffs two cell by cell (blank ≠ 0), and lets the compiler choose the current one', async () => {
    const ctx = emptySampleDb();
    const a = await filledWorkbookFile(ctx, dir, 'X03', 2026, { values: { pl01_bl_tre: 3, pl01_bb_tre: 0 }, texts: { t_a2: 'Bản đầu.' } }, undefined, 'a.xlsx');
    const b = await filledWorkbookFile(ctx, dir, 'X03', 2026, { values: { pl01_bl_tre: 4, pl01_mb_tre: 1 }, texts: { t_a2: 'Bản sửa.' } }, undefined, 'b.xlsx');
    await importFiles(ctx, [a]);
    await importFiles(ctx, [b]);
    expect(unitHistory(ctx, 'X03', 2026).map((s) => [s.version, s.isCurrent])).toEqual([
      [1, false],
      [2, true],
    ]);
    const diff = diffVersions(ctx, 'X03', 2026, 1, 2);
    const byCode = Object.fromEntries(diff.map((d) => [d.code, [d.before, d.after]]));
    expect(byCode).toMatchObject({ pl01_bl_tre: [3, 4], pl01_bb_tre: [0, null], pl01_mb_tre: [null, 1], t_a2: ['Bản đầu.', 'Bản sửa.'] });
    expect(diff.find((d) => d.code === 'pl01_bl_tre')!.cell).toMatch(/^PL01!/);
    expect(diff).toHaveLength(4);
    chooseCurrentVersion(ctx, 'X03', 2026, 1, 'Bản 2 gửi nhầm');
    expect(currentValues(ctx, 'X03', 2026)!.get('pl01_bl_tre')).toBe(3);
    const log = ctx.db.prepare("SELECT reason FROM audit_log WHERE action = 'submission.choose_current'").get() as { reason: string };
    expect(log.reason).toBe('Bản 2 gửi nhầm');
  });
});

describe('corrections', () => {
  it('a correction wins over the submitted value in the aggregate, keeps the submitted one, and is logged with its reason', () => {
    const ctx = sampleDb();
    const submitted = sample.submissions.find((s) => s.unit === 'X01' && s.year === 2026)!.values['pl01_bl_tre'] as number;
    const before = sumIndicator(yearFigures(ctx, 2026), 'pl01_bl_tre', ['dia_phuong'])!;
    const c = correctFigure(ctx, { unit: 'X01', year: 2026, code: 'pl01_bl_tre', value: submitted + 2, reason: 'Xã báo cáo bổ sung qua điện thoại' });
    expect(c).toMatchObject({ submitted, value: submitted + 2 });
    expect(sumIndicator(yearFigures(ctx, 2026), 'pl01_bl_tre', ['dia_phuong'])).toBe(before + 2);
    expect(listCorrections(ctx, 2026)[0]).toMatchObject({ unit: 'X01', code: 'pl01_bl_tre', reason: 'Xã báo cáo bổ sung qua điện thoại' });
    const raw = ctx.db
      .prepare(
        "SELECT v.value FROM submission_values v JOIN submissions s ON s.id = v.submission_id JOIN units u ON u.id = s.unit_id WHERE u.code = 'X01' AND s.year = 2026 AND v.code = 'pl01_bl_tre'",
      )
      .get() as { value: number };
    expect(raw.value).toBe(submitted);
    const audit = ctx.db.prepare("SELECT old_value, new_value, reason FROM audit_log WHERE action = 'figure.correct'").get() as {
      old_value: string;
      new_value: string;
      reason: string;
    };
    expect([JSON.parse(audit.old_value), JSON.parse(audit.new_value), audit.reason]).toEqual([submitted, submitted + 2, 'Xã báo cáo bổ sung qua điện thoại']);
    // Cleared to blank: the unit's figure no longer counts (blank is not zero).
    correctFigure(ctx, { unit: 'X01', year: 2026, code: 'pl01_bl_tre', value: null, reason: 'Chưa xác minh' });
    expect(currentValues(ctx, 'X01', 2026)!.get('pl01_bl_tre')).toBeNull();
  });

  it('refuses without a reason, a decimal count, or a unit that has not reported, in Vietnamese', () => {
    const ctx = sampleDb();
    expect(() => correctFigure(ctx, { unit: 'X01', year: 2026, code: 'pl01_bl_tre', value: 1, reason: ' ' })).toThrow(/Cần ghi lý do/);
    expect(() => correctFigure(ctx, { unit: 'X01', year: 2026, code: 'pl01_bl_tre', value: 1.5, reason: 'x' })).toThrow(/số nguyên/);
    expect(() => correctFigure(ctx, { unit: 'X12', year: 2026, code: 'pl01_bl_tre', value: 1, reason: 'x' })).toThrow(/chưa có báo cáo năm 2026/);
    expect(() => correctFigure(ctx, { unit: 'VKS', year: 2026, code: 'pl01_bl_tre', value: 1, reason: 'x' })).toThrow(/không báo cáo chỉ tiêu/);
  });
});

describe('locking a year', () => {
  it('a locked year refuses imports and corrections, leaving the database unchanged; unlocking needs a reason', async () => {
    const ctx: ServiceContext = emptySampleDb();
    const f = await filledWorkbookFile(ctx, dir, 'X04', 2026, { values: { pl01_bl_tre: 1 } }, undefined, 'locked.xlsx');
    lockYear(ctx, 2026, 'Đã rà soát xong');
    const before = dbSnapshot(ctx);
    const [r] = await importFiles(ctx, [f]);
    expect(r!.status).toBe('rejected');
    expect(r!.findings[0]!.message).toMatch(/Năm 2026 đã chốt số liệu/);
    expect(dbSnapshot(ctx)).toBe(before);
    expect(() => unlockYear(ctx, 2026, '')).toThrow(/Cần ghi lý do/);
    unlockYear(ctx, 2026, 'Xã gửi lại số liệu');
    expect((await importFiles(ctx, [f]))[0]!.status).toBe('accepted');
    lockYear(ctx, 2026);
    expect(() => correctFigure(ctx, { unit: 'X04', year: 2026, code: 'pl01_bl_tre', value: 2, reason: 'x' })).toThrow(/đã chốt số liệu/);
    const actions = (ctx.db.prepare("SELECT action FROM audit_log WHERE entity = 'year' ORDER BY id").all() as { action: string }[]).map((a) => a.action);
    expect(actions).toEqual(['year.lock', 'year.unlock', 'year.lock']);
  });
});
