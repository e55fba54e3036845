// A unit list as officials keep it: title rows, Vietnamese headings in any order, kinds in words, codes
// made when absent, CSV in Windows-1258 or UTF-8 with BOM, the preview before anything is saved.
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, setupProvince } from '../../electron/services/first-run.ts';
import type { ServiceContext } from '../../electron/store/context.ts';
import { importUnitList, previewUnitList, writeSampleUnitList } from '../../electron/services/unit-list-import.ts';
import { listUnits } from '../../electron/store/units.ts';
import { sampleDb, tempDir } from '../helpers/fixtures.ts';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('bc121-unitlist-')));
afterAll(() => cleanup());

/** A new province after the guided setup: the province's unit and the standing agency. */
function newProvince(): ServiceContext {
  const ctx = createEmptyDatabase(':memory:');
  setupProvince(ctx, {
    provinceKind: 'tỉnh',
    province: 'Hà Giang',
    standingAgency: 'Sở Y tế',
    signerName: 'Nguyễn Văn A',
    signerTitle: 'PHÓ GIÁM ĐỐC',
    year: 2026,
    periodFrom: '2025-11-16',
    periodTo: '2026-11-15',
    deadline: '2026-12-05',
  });
  return ctx;
}

async function xlsx(name: string, rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  rows.forEach((r, i) => (ws.getRow(i + 1).values = r.map((v) => v ?? '')));
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Windows-1258 as Excel's "CSV (Comma delimited)" writes it: base letters, then the tone as a combining byte. */
function win1258(text: string): Buffer {
  const table = new Map<string, number>();
  const decoder = new TextDecoder('windows-1258');
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  const bytes: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = table.get(ch);
    if (direct !== undefined) {
      bytes.push(direct);
      continue;
    }
    // A toned letter: the letter (with its circumflex, breve or horn), then the tone mark.
    const d = ch.normalize('NFD');
    const mark = [...d].find((c) => '\u0300\u0301\u0303\u0309\u0323'.includes(c)) ?? '';
    const base = table.get(d.replace(mark, '').normalize('NFC'));
    const tone = table.get(mark);
    if (base === undefined || tone === undefined) throw new Error(`not in 1258: ${ch}`);
    bytes.push(base, tone);
  }
  return Buffer.from(bytes);
}

describe('unit list import', () => {
  it('reads a workbook with a title row then "STT, Tên đơn vị, Loại đơn vị", makes codes, and replaces the units of a database without submissions', async () => {
    const ctx = newProvince();
    const file = await xlsx('danh-sach.xlsx', [
      ['DANH SÁCH ĐƠN VỊ BÁO CÁO NĂM 2026'],
      [],
      ['STT', 'Tên đơn vị', 'Loại đơn vị'],
      [1, 'Sở Giáo dục và Đào tạo', 'Sở, ngành'],
      [2, 'Hội Liên hiệp Phụ nữ tỉnh', 'Hội'],
      [3, 'Công an tỉnh', 'Công an'],
      [4, 'Viện kiểm sát nhân dân tỉnh', 'Viện kiểm sát'],
      [5, 'Tòa án nhân dân tỉnh', 'Toà án'],
      [6, 'Xã An Phú', 'Xã'],
      [7, 'Phường Trần Phú', 'PHƯỜNG'],
      [8, 'Đặc khu Cô Tô', 'Đặc khu'],
    ]);
    const p = await previewUnitList(ctx, file);
    expect(p.headerRow).toBe(3);
    expect(p.mapping.map((m) => [m.column, m.field])).toEqual([
      ['A', 'order'],
      ['B', 'name'],
      ['C', 'kind'],
    ]);
    expect(p.counts).toMatchObject({ add: 8, keep: 0, update: 0, skip: 0, remove: 0, generatedCodes: 8 });
    expect(p.replaces).toBe(true);
    expect(p.problems).toEqual([]);
    expect(p.rows.map((r) => [r.code, r.kind])).toEqual([
      ['SGDDT', 'so_nganh'],
      ['HLHPNT', 'so_nganh'],
      ['CAT', 'cong_an'],
      ['VKSNDT', 'vien_kiem_sat'],
      ['TANDT', 'toa_an'],
      ['X_ANPHU', 'dia_phuong'],
      ['P_TRANPHU', 'dia_phuong'],
      ['DK_COTO', 'dia_phuong'],
    ]);
    expect(listUnits(ctx)).toHaveLength(2); // the preview saved nothing
    const r = await importUnitList(ctx, file);
    expect([r.added, r.kept, r.removed]).toEqual([8, 0, 0]);
    expect(listUnits(ctx).map((u) => u.name)).toEqual([
      'Tỉnh Hà Giang',
      'Sở Y tế',
      'Sở Giáo dục và Đào tạo',
      'Hội Liên hiệp Phụ nữ tỉnh',
      'Công an tỉnh',
      'Viện kiểm sát nhân dân tỉnh',
      'Tòa án nhân dân tỉnh',
      'Xã An Phú',
      'Phường Trần Phú',
      'Đặc khu Cô Tô',
    ]);
    expect(
      listUnits(ctx)
        .filter((u) => u.code !== 'TINH')
        .every((u) => u.parentCode === 'TINH'),
    ).toBe(true);
    // The same list again: the same codes, nothing added.
    const again = await previewUnitList(ctx, file);
    expect(again.counts).toMatchObject({ add: 0, keep: 8, remove: 0 });
    expect(again.rows.map((x) => x.code)).toEqual(p.rows.map((x) => x.code));
  });

  it('replaces the default units of a database without submissions instead of adding to them', async () => {
    const { initDatabase } = await import('../../electron/services/setup.ts');
    const ctx = initDatabase({ file: ':memory:', province: 'Bình Yên', year: 2026 });
    expect(listUnits(ctx)).toHaveLength(14);
    const file = await xlsx('thay.xlsx', [
      ['Tên đơn vị', 'Loại', 'STT'],
      ['Sở Giáo dục và Đào tạo', 'Sở, ngành', 1],
      ['Công an tỉnh', 'Công an', 2],
      ['Xã Hòa An', 'Xã', 3],
    ]);
    const p = await previewUnitList(ctx, file);
    expect(p.counts).toMatchObject({ add: 1, keep: 2, remove: 10 });
    await importUnitList(ctx, file);
    const names = listUnits(ctx).map((u) => u.name);
    expect(names).toEqual(['Tỉnh Bình Yên', 'Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Công an tỉnh', 'Xã Hòa An']);
    expect(names.filter((n) => n === 'Sở Giáo dục và Đào tạo')).toHaveLength(1);
  });

  it('reads CSV in Windows-1258 and in UTF-8 with BOM, headings in any order, with Mã and Thuộc', async () => {
    const text =
      'Danh sách đơn vị\r\nThuộc;Loại đơn vị;Tên đơn vị;Mã\r\n;Sở, ngành;Sở Tư pháp;STP\r\n;Xã;Xã Hòa Bình;\r\nSở Tư pháp;Đoàn thể;Đoàn Luật sư;\r\n';
    const ansi = path.join(dir, 'ansi.csv');
    writeFileSync(ansi, win1258(text));
    const bom = path.join(dir, 'bom.csv');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    for (const [file, encoding] of [
      [ansi, 'Windows-1258'],
      [bom, 'UTF-8'],
    ] as const) {
      const ctx = newProvince();
      const p = await previewUnitList(ctx, file);
      expect(p.encoding).toBe(encoding);
      expect(p.headerRow).toBe(2);
      expect(p.mapping.map((m) => m.field)).toEqual(['parent', 'kind', 'name', 'code']);
      expect(p.rows.map((r) => [r.name, r.code, r.kind, r.parentName])).toEqual([
        ['Sở Tư pháp', 'STP', 'so_nganh', 'Tỉnh Hà Giang'],
        ['Xã Hòa Bình', 'X_HOABINH', 'dia_phuong', 'Tỉnh Hà Giang'],
        ['Đoàn Luật sư', 'DLS', 'so_nganh', 'Sở Tư pháp'],
      ]);
      expect(p.rows[1]!.name).toBe('Xã Hòa Bình'.normalize('NFC'));
    }
  });

  it('flags names that repeat, refuses an unknown kind naming the row, and retires missing units only on request where submissions exist', async () => {
    const ctx = newProvince();
    const dup = await xlsx('trung.xlsx', [
      ['STT', 'Tên đơn vị', 'Loại đơn vị'],
      [1, 'Xã Yên Minh', 'Xã'],
      [2, 'xã  yên minh', 'Xã'],
      [3, 'Sở Y tế', 'Cơ quan thường trực'],
    ]);
    const p = await previewUnitList(ctx, dup);
    expect(p.rows.map((r) => [r.action, r.note])).toEqual([
      ['add', null],
      ['skip', 'trùng tên với dòng 2; bỏ qua dòng này'],
      ['keep', null],
    ]);
    const bad = await xlsx('sai.xlsx', [
      ['STT', 'Tên đơn vị', 'Loại đơn vị'],
      [1, 'Thôn Nà Lừa', 'Thôn'],
    ]);
    await expect(importUnitList(ctx, bad)).rejects.toThrow(/Dòng 2 \(Thôn Nà Lừa\): không hiểu loại đơn vị "Thôn"/);
    expect(listUnits(ctx)).toHaveLength(2);

    const season = sampleDb();
    const before = listUnits(season).filter((u) => u.active).length;
    const one = await xlsx('mot.xlsx', [
      ['STT', 'Tên đơn vị', 'Loại đơn vị'],
      [1, 'Xã Mới Lập', 'Xã'],
    ]);
    const kept = await previewUnitList(season, one);
    expect(kept.replaces).toBe(false);
    expect(kept.absent.every((a) => a.action === 'keep')).toBe(true);
    const retire = await previewUnitList(season, one, { retireMissing: true });
    expect(retire.counts.retire).toBe(before - 2); // all but the province's unit and the standing agency
    await importUnitList(season, one, { retireMissing: true });
    expect(
      listUnits(season)
        .filter((u) => u.active)
        .map((u) => u.kind)
        .sort(),
    ).toEqual(['dia_phuong', 'thuong_truc', 'tinh']);
  });

  it('writes a sample list that imports as it is', async () => {
    const file = path.join(dir, 'mau.xlsx');
    await writeSampleUnitList(file);
    const ctx = newProvince();
    const p = await previewUnitList(ctx, file);
    expect(p.problems).toEqual([]);
    expect(p.mapping.map((m) => m.field)).toEqual(['order', 'name', 'kind', 'code', 'parent']);
    expect(p.rows.find((r) => r.name === 'Sở Y tế')).toMatchObject({ action: 'keep', kind: 'thuong_truc' });
    expect(p.rows.find((r) => r.name === 'Công an tỉnh')).toMatchObject({ action: 'add', kind: 'cong_an' });
  });
});

describe('unit list files that are not lists', () => {
  it('refuses a file that is not a workbook, and a list without a heading row, saying what to do', async () => {
    const ctx = createEmptyDatabase(':memory:');
    const junk = path.join(dir, 'hong.xlsx');
    writeFileSync(junk, 'không phải sổ Excel');
    await expect(previewUnitList(ctx, junk)).rejects.toThrow(/Không đọc được danh sách đơn vị .*hong\.xlsx/);
    const noHeader = await xlsx('khong-tieu-de.xlsx', [
      ['Sở Tư pháp', 'Sở'],
      ['Xã A', 'Xã'],
    ]);
    await expect(previewUnitList(ctx, noHeader)).rejects.toThrow(/Không tìm thấy dòng tiêu đề .*"Tên đơn vị"/);
  });
});
