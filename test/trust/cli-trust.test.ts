// The trust commands of the CLI over a real season: history and diff, correct, lock/unlock, audit export,
// backup and restore.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';
import { emptySampleDb, sample, sampleDb, tempDir } from '../helpers/fixtures.ts';
import { filledWorkbookFile } from '../helpers/workbooks.ts';

let dir: string;
let cleanup: () => void;
let db: string;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  db = path.join(dir, 'season.sqlite');
  const ctx = emptySampleDb(db);
  await filledWorkbookFile(ctx, dir, 'X03', 2026, { values: { pl01_bl_tre: 3, pl01_bl_vu: 2 } }, undefined, 'v1.xlsx');
  await filledWorkbookFile(ctx, dir, 'X03', 2026, { values: { pl01_bl_tre: 4, pl01_bl_vu: 2 } }, undefined, 'v2.xlsx');
  ctx.db.close();
});
afterAll(() => cleanup());

describe('trust commands', () => {
  it('history lists versions and diffs them; correct, lock and unlock are logged; audit exports CSV', async () => {
    expect((await cli('import', '--db', db, path.join(dir, 'v1.xlsx'))).code).toBe(0);
    expect((await cli('import', '--db', db, path.join(dir, 'v2.xlsx'))).code).toBe(0);
    const h = await cli('history', '--db', db, '--unit', 'X03', '--year', '2026');
    expect(h.out.split('\n')).toEqual([expect.stringMatching(/^ {2}phiên bản 1: v1\.xlsx/), expect.stringMatching(/^\* phiên bản 2: v2\.xlsx/)]);
    const d = await cli('history', '--db', db, '--unit', 'X03', '--year', '2026', '--diff', '1:2');
    expect(d.out).toMatch(/PL01!D\d+: 3 → 4/);
    expect(d.out).toMatch(/1 khác biệt/);

    const c = await cli('correct', '--db', db, '--unit', 'X03', '--year', '2026', '--code', 'pl01_bl_tre', '--value', '5', '--reason', 'Xã gọi điện bổ sung');
    expect([c.code, c.out]).toEqual([0, 'Đã sửa pl01_bl_tre của X03 năm 2026: 4 → 5 (lý do: Xã gọi điện bổ sung).']);
    expect((await cli('correct', '--db', db, '--unit', 'X03', '--year', '2026', '--code', 'pl01_bl_tre', '--value', 'năm', '--reason', 'x')).code).toBe(2);

    expect((await cli('lock', '--db', db, '--year', '2026', '--reason', 'Đã rà soát')).code).toBe(0);
    const refused = await cli('import', '--db', db, path.join(dir, 'v1.xlsx'));
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/đã chốt số liệu/);
    expect((await cli('unlock', '--db', db, '--year', '2026')).code).toBe(2); // a reason is required
    expect((await cli('unlock', '--db', db, '--year', '2026', '--reason', 'Xã gửi lại')).code).toBe(0);

    const csv = path.join(dir, 'nhat-ky.csv');
    expect((await cli('audit', '--db', db, '--out', csv)).code).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFF"STT","Thời điểm","Người thực hiện","Thao tác"')).toBe(true);
    const actions = text
      .split('\r\n')
      .slice(1, -1)
      .map((l) => l.split('","')[7]);
    expect(actions).toEqual(expect.arrayContaining(['submission.import', 'figure.correct', 'year.lock', 'year.unlock']));
    expect(text).toContain('"Xã gọi điện bổ sung"');
    expect(text).toContain('"Chốt số liệu năm","Năm 2026"');
  });

  it('backup, then restore brings the season back as it was', async () => {
    const b = await cli('backup', '--db', db);
    expect(b.code).toBe(0);
    const file = b.out.replace('Đã sao lưu: ', '');
    const list = await cli('backups', '--db', db, '--json');
    expect((JSON.parse(list.out) as { file: string }[]).map((x) => x.file)).toContain(file);
    await cli('correct', '--db', db, '--unit', 'X03', '--year', '2026', '--code', 'pl01_bl_tre', '--value', '9', '--reason', 'nhầm');
    const r = await cli('restore', '--db', db, '--from', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Bản đang dùng trước đó được lưu tại/);
    const exported = JSON.parse((await cli('export', '--db', db, '--year', '2026')).out) as {
      submissions: { unit: string; corrections: { value: number }[] }[];
    };
    expect(exported.submissions.find((s) => s.unit === 'X03')!.corrections.map((c) => c.value)).toEqual([5]);
    const junk = path.join(dir, 'junk.sqlite');
    writeFileSync(junk, 'không phải sqlite');
    const bad = await cli('restore', '--db', db, '--from', junk);
    expect([bad.code, bad.err]).toEqual([2, expect.stringMatching(/không phải bản sao lưu/)]);
  });

  it('trace names every unit, version and value behind an annex figure, corrections included', async () => {
    const file = path.join(dir, 'sample.sqlite');
    sampleDb(file).db.close();
    await cli('correct', '--db', file, '--unit', 'X02', '--year', '2026', '--code', 'pl01_xhtd_tre', '--value', '9', '--reason', 'Bổ sung');
    // PL01_DIA_BAN lists 2026 by local unit: row of X02 (second commune), column D = total children.
    const t = await cli('trace', '--db', file, '--year', '2026', '--annex', 'PL01', '--sheet', 'PL01_DIA_BAN', '--cell', 'D10', '--json');
    expect(t.code).toBe(0);
    const trace = JSON.parse(t.out) as {
      value: number;
      values: { unit: { code: string }; code: string; value: number | null; submitted: number | null; correction: { reason: string } | null }[];
    };
    const x02 = sample.submissions.find((s) => s.unit === 'X02' && s.year === 2026)!;
    expect(new Set(trace.values.map((v) => v.unit.code))).toEqual(new Set(['X02']));
    const expected = Object.entries(x02.values)
      .filter(([k]) => /^pl01_[a-z]+_tre$/.test(k))
      .reduce((s, [k, v]) => s + (k === 'pl01_xhtd_tre' ? 9 : (v ?? 0)), 0);
    expect(trace.value).toBe(expected);
    const corrected = trace.values.find((v) => v.code === 'pl01_xhtd_tre')!;
    expect([corrected.submitted, corrected.value, corrected.correction?.reason]).toEqual([x02.values['pl01_xhtd_tre'], 9, 'Bổ sung']);
  });
});
