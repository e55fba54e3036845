// Settings: one typed schema, province-wide settings held once, year-bound ones per year, carried
// (shifted) to a year that is added, and the migration of a database that held one season's settings.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS_DIR } from '../../electron/db/database.ts';
import { contextFor } from '../../electron/store/context.ts';
import { getSettings, setSettings } from '../../electron/store/settings.ts';
import { ensureYear, listYears, lockedView } from '../../electron/store/years.ts';
import { listUnits } from '../../electron/store/units.ts';
import { yearChecklist } from '../../electron/services/checklist.ts';
import { readSettingText, settingFields, settingsSchema } from '../../shared/settings-schema.ts';
import { emptySampleDb, sample, tempDir } from '../helpers/fixtures.ts';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

describe('one schema', () => {
  it('gives every setting a default, and the form its fields in groups', () => {
    const d = settingsSchema.parse({});
    expect(d).toMatchObject({ documents_from: '2021-01-07', from_year: 2021, province_kind: 'tỉnh', recipients: [], leading_zero: true });
    const fields = settingFields();
    expect(fields.map((f) => f.key)).toContain('signer_name');
    expect(fields.every((f) => f.meta.label && f.meta.group)).toBe(true);
    expect(fields.map((f) => f.key)).not.toContain('documents_from');
  });

  it('explains a date that does not exist, and one that is not a date, in words', () => {
    expect(readSettingText('report_date', '31/11/2026')).toEqual({ ok: false, message: '31/11/2026 không phải ngày có thật' });
    expect(readSettingText('report_date', '29/02/2027')).toEqual({ ok: false, message: '29/02/2027 không phải ngày có thật' });
    expect(readSettingText('deadline', 'mai')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/không phải ngày; hãy nhập theo dạng ngày\/tháng\/năm/),
    });
    expect(readSettingText('deadline', '5/1/2027')).toEqual({ ok: true, value: '2027-01-05' });
    expect(readSettingText('deadline', '')).toEqual({ ok: true, value: '' });
    expect(readSettingText('recipients', 'Bộ Y tế\n\n UBND tỉnh ')).toEqual({ ok: true, value: ['Bộ Y tế', 'UBND tỉnh'] });
  });

  it('refuses a set of changes naming every bad one, and changes nothing', () => {
    const ctx = emptySampleDb();
    const before = getSettings(ctx, 2026);
    let message = '';
    try {
      setSettings(ctx, { signer_name: 'Lê Văn C', report_date: '2026-11-31', province_kind: 'huyện' }, { year: 2026 });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/"report_date" không hợp lệ: 31\/11\/2026 không phải ngày có thật/);
    expect(message).toMatch(/"province_kind" không hợp lệ/);
    expect(getSettings(ctx, 2026)).toEqual(before);
  });
});

describe('year-bound settings', () => {
  it('are per year: the sample’s season is 2026, earlier years have their own period and no deadline', () => {
    const ctx = emptySampleDb();
    const s26 = getSettings(ctx, 2026);
    expect(s26).toMatchObject({
      period_from: '2025-11-16',
      period_to: '2026-11-15',
      deadline: '2026-12-15',
      signer_name: sample.settings!.signer_name,
      province: 'An Lạc',
    });
    expect(getSettings(ctx, 2025)).toMatchObject({
      period_from: '2024-11-16',
      period_to: '2025-11-15',
      deadline: '',
      report_date: '2025-12-20',
      signer_name: sample.settings!.signer_name,
    });
    expect(getSettings(ctx, 2025).opening).toMatch(/năm 2025 như sau/);
    // A change to 2025's signer leaves 2026's; a province-wide change is seen by both.
    setSettings(ctx, { signer_name: 'Lê Văn C', place: 'Thành Đông' }, { year: 2025 });
    expect(getSettings(ctx, 2025)).toMatchObject({ signer_name: 'Lê Văn C', place: 'Thành Đông' });
    expect(getSettings(ctx, 2026)).toMatchObject({ signer_name: sample.settings!.signer_name, place: 'Thành Đông' });
    // Without a year: the last year held.
    expect(getSettings(ctx).period_to).toBe('2026-11-15');
  });

  it('carry forward, shifted by a year, to a year added after; an earlier year added gets no deadline', () => {
    const ctx = emptySampleDb();
    setSettings(ctx, { report_number: '95' }, { year: 2026 });
    ensureYear(ctx, 2027);
    expect(getSettings(ctx, 2027)).toMatchObject({
      period_from: '2026-11-16',
      period_to: '2027-11-15',
      deadline: '2027-12-15',
      report_date: '2027-12-20',
      report_number: '',
      signer_name: sample.settings!.signer_name,
    });
    expect(getSettings(ctx, 2027).opening).toMatch(/năm 2027 như sau/);
    // Once added, 2027 is its own: 2026's later changes do not move it.
    setSettings(ctx, { signer_name: 'Phạm D' }, { year: 2026 });
    expect(getSettings(ctx, 2027).signer_name).toBe(sample.settings!.signer_name);
    expect(yearChecklist(ctx, 2027).deadline).toBe('2027-12-15');
    ensureYear(ctx, 2020);
    expect(listYears(ctx)).toEqual([2020, 2023, 2024, 2025, 2026, 2027]);
    expect(getSettings(ctx, 2020)).toMatchObject({ period_from: '2019-11-16', period_to: '2020-11-15', deadline: '' });
  });
});

describe('migration 003', () => {
  it('makes the one season’s settings that year’s, and gives other years the same with their own period', () => {
    const before = path.join(dir, 'migrations-002');
    mkdirSync(before);
    for (const f of readdirSync(MIGRATIONS_DIR).filter((f) => /^00[12]_/.test(f))) copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(before, f));
    const db = new Database(':memory:');
    migrate(db, undefined, before);
    const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    for (const [k, v] of Object.entries({
      province: 'An Lạc',
      period_from: '2025-11-16',
      period_to: '2026-11-15',
      deadline: '2026-12-15',
      signer_name: 'Nguyễn Văn A',
      report_number: '12',
    }))
      put.run(k, JSON.stringify(v));
    db.prepare('INSERT INTO years (year) VALUES (2025), (2026)').run();
    db.prepare("INSERT INTO units (code, name, kind, sort_order, created_at) VALUES ('X01', 'Xã Một', 'dia_phuong', 0, '2026-01-01')").run();
    db.prepare("UPDATE years SET locked = 1, locked_at = '2026-12-01' WHERE year = 2025").run();
    migrate(db);
    const ctx = contextFor(db, { template: emptySampleDb().template });
    expect(getSettings(ctx, 2026)).toMatchObject({
      province: 'An Lạc',
      period_from: '2025-11-16',
      period_to: '2026-11-15',
      deadline: '2026-12-15',
      signer_name: 'Nguyễn Văn A',
      report_number: '12',
    });
    expect(getSettings(ctx, 2025)).toMatchObject({
      province: 'An Lạc',
      period_from: '2024-11-16',
      period_to: '2025-11-15',
      deadline: '',
      signer_name: 'Nguyễn Văn A',
      report_number: '12',
    });
    expect((db.prepare("SELECT COUNT(*) AS n FROM settings WHERE key = 'signer_name'").get() as { n: number }).n).toBe(0);
    // 2025 was locked: what it prints is kept from the migration on.
    db.prepare("UPDATE settings SET value = '\"Bình Yên\"' WHERE key = 'province'").run();
    db.prepare("UPDATE units SET name = 'Phường Một' WHERE code = 'X01'").run();
    expect(getSettings(ctx, 2025)).toMatchObject({ province: 'An Lạc', signer_name: 'Nguyễn Văn A', period_to: '2025-11-15' });
    expect(getSettings(ctx, 2026).province).toBe('Bình Yên');
    expect(listUnits(lockedView(ctx, 2025))).toEqual([expect.objectContaining({ code: 'X01', name: 'Xã Một', active: true, parentCode: null })]);
    expect(listUnits(lockedView(ctx, 2026))[0]!.name).toBe('Phường Một');
  });
});
