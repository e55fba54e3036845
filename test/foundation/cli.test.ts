// The CLI of docs/cli.md: commands, --json, Vietnamese messages and exit codes 0 / 1 / 2.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillWorkbookFile } from '../../electron/workbook/input-filler.ts';
import { cli } from '../helpers/cli.ts';
import { tempDir } from '../helpers/fixtures.ts';

let dir: string;
let cleanup: () => void;

/** A blank workbook filled in place as a commune would (one figure): a blank one returned is refused as unfilled. */
async function fillOne(folder: string): Promise<void> {
  for (const f of readdirSync(folder))
    await fillWorkbookFile(path.join(folder, f), path.join(folder, f), { values: { pl01_bl_vu: 1 }, documents: [], texts: {} });
}
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

describe('baocao121 CLI', () => {
  it('init, units, settings, template, import, export, import-json', async () => {
    const db = path.join(dir, 'a.sqlite');
    expect((await cli('init', '--db', db, '--province', 'Bình Yên', '--year', '2026')).code).toBe(0);
    expect((await cli('init', '--db', db)).code).toBe(2); // refuses to overwrite

    const units = await cli('units', '--db', db, '--json');
    const list = JSON.parse(units.out) as { code: string; name: string; kind: string }[];
    expect(list[0]).toMatchObject({ code: 'TINH', name: 'Tỉnh Bình Yên', kind: 'tinh' });
    expect(list.map((u) => u.kind)).toEqual(expect.arrayContaining(['vien_kiem_sat', 'toa_an', 'cong_an', 'thuong_truc']));

    const csv = path.join(dir, 'units.csv');
    writeFileSync(csv, 'code,name,kind,parent,order\nX01,Xã Hòa An,dia_phuong,TINH,20\nX02,Phường Mới,dia_phuong,TINH,21\n');
    // No submission yet: the list replaces the default units (the province's unit and the standing agency stay).
    expect((await cli('units', '--db', db, '--import', csv)).out).toMatch(/thêm 2, giữ 0, cập nhật 0, bỏ 12 đơn vị không có trong danh sách/);
    expect((JSON.parse((await cli('units', '--db', db, '--json')).out) as { code: string }[]).map((u) => u.code)).toEqual(['TINH', 'SYT', 'X01', 'X02']);
    const badCsv = path.join(dir, 'bad.csv');
    writeFileSync(badCsv, 'code,name,kind,parent\nX03,Xã Lạ,thon,TINH\n');
    const bad = await cli('units', '--db', db, '--import', badCsv);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/Dòng 2 \(Xã Lạ\): không hiểu loại đơn vị "thon"/);

    expect((await cli('settings', '--db', db, '--set', 'signer_name=Trần Thị B', '--set', 'deadline=2026-12-15')).code).toBe(0);
    const settings = JSON.parse((await cli('settings', '--db', db, '--json')).out) as Record<string, unknown>;
    expect(settings).toMatchObject({ signer_name: 'Trần Thị B', deadline: '2026-12-15', province: 'Bình Yên' });
    const badSetting = await cli('settings', '--db', db, '--set', 'deadline=15/12/2026');
    expect(badSetting.code).toBe(2);
    expect(badSetting.err).toMatch(/deadline.*không hợp lệ/);

    const out = path.join(dir, 'forms');
    const t = await cli('template', '--db', db, '--year', '2026', '--out', out, '--unit', 'X01');
    expect(t.code).toBe(0);
    expect(readdirSync(out)).toEqual(['X01 - Xã Hòa An - 2026.xlsx'.normalize('NFC')]);

    await fillOne(out);
    const imp = await cli('import', '--db', db, out);
    expect(imp.code).toBe(0);
    expect(imp.out).toMatch(/ĐÃ NHẬN: X01 - Xã Hòa An - 2026\.xlsx — Xã Hòa An năm 2026, phiên bản 1/);
    const junk = path.join(dir, 'junk.xlsx');
    writeFileSync(junk, 'không phải excel');
    const rej = await cli('import', '--db', db, junk, '--json');
    expect(rej.code).toBe(1);
    expect(JSON.parse(rej.out).files[0]).toMatchObject({ status: 'rejected', findings: [{ code: 'not_xlsx' }] });

    const exported = path.join(dir, 'export.json');
    expect((await cli('export', '--db', db, '--year', '2026', '--out', exported)).code).toBe(0);
    const db2 = path.join(dir, 'b.sqlite');
    await cli('init', '--db', db2, '--province', 'Bình Yên');
    const ij = await cli('import-json', '--db', db2, exported);
    expect(ij.code).toBe(0);
    expect(ij.out).toMatch(/1 báo cáo mới, 0 không đổi, 2 đơn vị mới/);
  });

  it('wrong usage and unusable databases exit 2 with a Vietnamese message', async () => {
    expect((await cli()).code).toBe(2);
    const unknown = await cli('lam-gi-do');
    expect([unknown.code, unknown.err]).toEqual([2, expect.stringMatching(/Không có lệnh "lam-gi-do"/)]);
    const noYear = await cli('template', '--db', path.join(dir, 'a.sqlite'), '--out', dir);
    expect([noYear.code, noYear.err]).toEqual([2, expect.stringMatching(/Thiếu tùy chọn --year/)]);
    const missing = await cli('units', '--db', path.join(dir, 'khong-co.sqlite'));
    expect([missing.code, missing.err]).toEqual([2, expect.stringMatching(/Không tìm thấy cơ sở dữ liệu/)]);
    expect(existsSync(path.join(dir, 'khong-co.sqlite'))).toBe(false);
    const notDb = path.join(dir, 'not-db.sqlite');
    writeFileSync(notDb, 'xin chào'.repeat(200));
    const corrupt = await cli('units', '--db', notDb);
    expect([corrupt.code, corrupt.err]).toEqual([2, expect.stringMatching(/Không mở được cơ sở dữ liệu/)]);
    const badOpt = await cli('units', '--bogus');
    expect(badOpt.code).toBe(2);
  });

  it('the installed executable runs in plain Node and returns its exit code', () => {
    const bin = path.resolve('bin/baocao121.mjs');
    const db = path.join(dir, 'c.sqlite');
    expect(execFileSync(process.execPath, [bin, 'init', '--db', db], { encoding: 'utf8' })).toMatch(/Đã tạo cơ sở dữ liệu/);
    const r = spawnSync(process.execPath, [bin, 'import', '--db', db, path.join(dir, 'junk.xlsx')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/TỪ CHỐI: junk\.xlsx/);
  });
});

describe('messages from checked inputs', () => {
  it('a setting value out of its list is explained in Vietnamese', async () => {
    const { dir: d, cleanup: c } = tempDir();
    try {
      const db = path.join(d, 'x.sqlite');
      await cli('init', '--db', db);
      const r = await cli('settings', '--db', db, '--set', 'province_kind=huyện');
      expect([r.code, r.err]).toEqual([2, expect.stringMatching(/"province_kind" không hợp lệ: .*mong đợi/)]);
      expect(r.err).not.toMatch(/Invalid|expected/);
    } finally {
      c();
    }
  });
});

describe('unit lists and dates as people type them', () => {
  it('a unit list saved in the Windows code page is read in it; new units go to the end of the list; --received is a date', async () => {
    const { dir: d, cleanup: c } = tempDir();
    try {
      const db = path.join(d, 'u.sqlite');
      await cli('init', '--db', db, '--province', 'Bình Yên', '--year', '2026');
      const ansi = path.join(d, 'ansi.csv');
      // "Phường Mới" in windows-1258 bytes (Excel's plain "CSV"): not valid UTF-8, read in the Vietnamese code page.
      writeFileSync(
        ansi,
        Buffer.concat([
          Buffer.from('code,name,kind,parent\nX01,Ph'),
          Buffer.from([0xfd, 0xf5, 0xcc]),
          Buffer.from('ng M'),
          Buffer.from([0xf5, 0xec]),
          Buffer.from('i,dia_phuong,TINH\n'),
        ]),
      );
      expect((await cli('units', '--db', db, '--import', ansi)).code).toBe(0);
      const read = JSON.parse((await cli('units', '--db', db, '--json')).out) as { code: string; name: string }[];
      expect(read.find((u) => u.code === 'X01')!.name).toBe('Phường Mới');
      const ok = path.join(d, 'ok.csv');
      writeFileSync(ok, 'code,name,kind,parent\nX01,Xã Mới,dia_phuong,TINH\n');
      expect((await cli('units', '--db', db, '--import', ok)).code).toBe(0);
      const units = JSON.parse((await cli('units', '--db', db, '--json')).out) as { code: string; name: string }[];
      expect(units.at(-1)).toMatchObject({ code: 'X01', name: 'Xã Mới' });

      const forms = path.join(d, 'forms');
      await cli('template', '--db', db, '--year', '2026', '--out', forms, '--unit', 'X01');
      await fillOne(forms);
      expect((await cli('import', '--db', db, forms, '--received', '20/11/2026')).code).toBe(0);
      const history = JSON.parse((await cli('history', '--db', db, '--unit', 'X01', '--year', '2026', '--json')).out) as { receivedAt: string }[];
      expect(history[0]!.receivedAt).toBe('2026-11-20T00:00:00+07:00');
      const wrong = await cli('import', '--db', db, forms, '--received', 'hôm qua');
      expect([wrong.code, wrong.err]).toEqual([2, expect.stringMatching(/--received "hôm qua" không phải là ngày/)]);
    } finally {
      c();
    }
  });
});
