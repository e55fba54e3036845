// The first run: a new database holds nothing fictional; the guided setup's answers reach the settings,
// the province's own unit and the header of every blank workbook; the sample lives in a file of its own.
import ExcelJS from 'exceljs';
import { readTextCell } from '../../electron/import/cell-values.ts';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, isFirstRun, setupProvince } from '../../electron/services/first-run.ts';
import { loadSampleProvince } from '../../electron/services/sample.ts';
import { dispatch, type HandlerEnv } from '../../electron/ipc/handlers.ts';
import { getSettings } from '../../electron/store/settings.ts';
import { listUnits } from '../../electron/store/units.ts';
import { validateYear } from '../../electron/services/validation.ts';
import { writeBlankWorkbooks } from '../../electron/services/workbooks.ts';
import type { AppInfo } from '../../shared/api-types.ts';
import { tempDir } from '../helpers/fixtures.ts';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('bc121-firstrun-')));
afterAll(() => cleanup());

/** Every text of a database that a person could see: units, settings (both tables), the audit log. */
function everyText(ctx: ReturnType<typeof createEmptyDatabase>): string {
  const rows = [
    ...ctx.db.prepare('SELECT name AS t FROM units').all(),
    ...ctx.db.prepare('SELECT value AS t FROM settings').all(),
    ...ctx.db.prepare('SELECT value AS t FROM year_settings').all(),
    ...ctx.db.prepare("SELECT COALESCE(new_value, '') AS t FROM audit_log").all(),
  ] as { t: string }[];
  return rows.map((r) => r.t).join('\n');
}

async function workbookText(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.isMerged && c.master !== c) return;
        out.push(readTextCell(c.value).text ?? '');
      }),
    ),
  );
  return out.join('\n');
}

describe('first run', () => {
  it('a new database holds no fictional province, no unit and no warning', () => {
    const ctx = createEmptyDatabase(path.join(dir, 'moi.sqlite'));
    expect(isFirstRun(ctx)).toBe(true);
    expect(listUnits(ctx)).toEqual([]);
    expect(getSettings(ctx).province).toBe('');
    expect(everyText(ctx)).not.toMatch(/An Lạc|AN LẠC/);
    ctx.db.close();
  });

  it('the guided setup fills the settings, the province unit and the blank workbooks; nothing is "missing" before anything was sent', async () => {
    const ctx = createEmptyDatabase(':memory:');
    setupProvince(ctx, {
      provinceKind: 'thành phố',
      province: 'Hải Phòng',
      standingAgency: 'Sở Y tế',
      signerName: 'Trần Thị Bình',
      signerTitle: 'PHÓ GIÁM ĐỐC',
      year: 2026,
      periodFrom: '2025-11-16',
      periodTo: '2026-11-15',
      deadline: '2026-12-05',
    });
    expect(isFirstRun(ctx)).toBe(false);
    expect(listUnits(ctx).map((u) => [u.code, u.name, u.kind])).toEqual([
      ['TINH', 'Thành phố Hải Phòng', 'tinh'],
      ['SYT', 'Sở Y tế', 'thuong_truc'],
    ]);
    expect(getSettings(ctx, 2026)).toMatchObject({
      province: 'Hải Phòng',
      province_kind: 'thành phố',
      parent_body: 'UBND THÀNH PHỐ HẢI PHÒNG',
      issuing_body: 'SỞ Y TẾ',
      abbreviation: 'SYT',
      signer_name: 'Trần Thị Bình',
      deadline: '2026-12-05',
      period_to: '2026-11-15',
    });
    const report = validateYear(ctx, 2026);
    expect(report.findings.filter((f) => f.rule === 'completeness')).toEqual([]);

    const out = path.join(dir, 'bieu-mau');
    await writeBlankWorkbooks(ctx, { year: 2026, outDir: out });
    const files = readdirSync(out);
    expect(files).toHaveLength(1);
    const text = await workbookText(path.join(out, files[0]!));
    expect(text).toMatch(/Sở Y tế thành phố Hải Phòng/);
    expect(text).toMatch(/05\/12\/2026/);
    expect(text).toMatch(/15\/11\/2026/);
    expect(text).not.toMatch(/An Lạc|AN LẠC/i);
    expect(everyText(ctx)).not.toMatch(/An Lạc|AN LẠC/);
  });

  it('the province unit follows a new province name; a second setup is refused', () => {
    const ctx = createEmptyDatabase(':memory:');
    setupProvince(ctx, {
      provinceKind: 'tỉnh',
      province: 'Hà Giang',
      standingAgency: 'Sở Y tế',
      signerName: '',
      signerTitle: 'GIÁM ĐỐC',
      year: 2026,
      periodFrom: '2025-11-16',
      periodTo: '2026-11-15',
    });
    expect(() =>
      setupProvince(ctx, {
        provinceKind: 'tỉnh',
        province: 'Khác',
        standingAgency: 'Sở Y tế',
        signerName: '',
        signerTitle: '',
        year: 2026,
        periodFrom: '2025-11-16',
        periodTo: '2026-11-15',
      }),
    ).toThrow(/đã có danh sách đơn vị/);
    expect(() =>
      setupProvince(createEmptyDatabase(':memory:'), {
        provinceKind: 'tỉnh',
        province: 'X',
        standingAgency: 'Sở Y tế',
        signerName: '',
        signerTitle: '',
        year: 2026,
        periodFrom: '2026-11-15',
        periodTo: '2025-11-16',
      }),
    ).toThrow(/ngày bắt đầu phải trước/);
  });

  it('through the API: the province file renamed, the root unit follows; the sample opens in its own file and back', async () => {
    const dbFile = path.join(dir, 'tinh.sqlite');
    const env: HandlerEnv = { ctx: createEmptyDatabase(dbFile), dbFile, dataDir: dir, desktop: false };
    const info = (await dispatch(env, 'getAppInfo', {})) as { ok: true; value: AppInfo };
    expect(info.value.firstRun).toBe(true);
    const set = await dispatch(env, 'setupProvince', {
      provinceKind: 'tỉnh',
      province: 'Hà Giang',
      standingAgency: 'Sở Y tế',
      signerName: 'Lò Văn C',
      signerTitle: 'GIÁM ĐỐC',
      year: 2026,
      periodFrom: '2025-11-16',
      periodTo: '2026-11-15',
      deadline: '2026-12-05',
    });
    expect(set).toMatchObject({ ok: true, value: { province: 'Hà Giang', agency: 'Sở Y tế tỉnh Hà Giang' } });
    expect((await dispatch(env, 'setSettings', { changes: { province: 'Tuyên Quang' } })).ok).toBe(true);
    expect(listUnits(env.ctx)[0]!.name).toBe('Tỉnh Tuyên Quang');

    const sample = (await dispatch(env, 'openSample', {})) as { ok: true; value: AppInfo };
    expect(sample.value).toMatchObject({ sample: true, province: 'An Lạc' });
    expect(sample.value.dbFile).toBe(path.join(dir, 'du-lieu-mau.sqlite'));
    expect(existsSync(path.join(dir, 'du-lieu-mau.sqlite'))).toBe(true);
    // Built under a temporary name and renamed whole: nothing else of it is left in the folder, and it holds
    // every submission of the sample.
    expect(readdirSync(dir).filter((f) => f.includes('du-lieu-mau') && !/^du-lieu-mau\.sqlite(-wal|-shm)?$/.test(f))).toEqual([]);
    expect((env.ctx.db.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n).toBe(loadSampleProvince().submissions.length);
    const back = (await dispatch(env, 'openProvinceData', {})) as { ok: true; value: AppInfo };
    expect(back.value).toMatchObject({ province: 'Tuyên Quang', dbFile: dbFile });
    expect(back.value.sample).toBeUndefined();
    // The province's own database holds nothing of the sample.
    expect(everyText(env.ctx)).not.toMatch(/An Lạc|AN LẠC/);
    env.ctx.db.close();
  });
});
