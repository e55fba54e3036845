// "Nguon so lieu.xlsx": every annex figure with the unit values behind it; they add up to the figure.
import ExcelJS from 'exceljs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctFigure } from '../../electron/services/corrections.ts';
import { generateAll } from '../../electron/services/generate.ts';
import { sample, sampleDb, tempDir } from '../helpers/fixtures.ts';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

describe('sources workbook', () => {
  it('lists, for each figure, the units and values that add up to it, with corrections and their reasons', async () => {
    const ctx = sampleDb();
    correctFigure(ctx, { unit: 'X04', year: 2026, code: 'pl01_bl_tre', value: 6, reason: 'Xã bổ sung hồ sơ' });
    const r = await generateAll(ctx, { year: 2026, outDir: dir, sources: true, force: true });
    expect(r.files.map((f) => path.basename(f))).toContain('Nguon so lieu.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'Nguon so lieu.xlsx'));
    const ws = wb.getWorksheet('NGUON_SO_LIEU')!;
    const rows: (ExcelJS.CellValue | undefined)[][] = [];
    ws.eachRow((row, n) => n > 3 && rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
    // Group by annex cell and check each figure equals the sum of the values listed under it.
    const byCell = new Map<string, { value: unknown; sum: number; any: boolean }>();
    for (const row of rows) {
      const key = `${row[0]}|${row[1]}|${row[2]}`;
      const g = byCell.get(key) ?? { value: row[4], sum: 0, any: false };
      if (typeof row[9] === 'number') {
        g.sum += row[9];
        g.any = true;
      }
      byCell.set(key, g);
    }
    expect(byCell.size).toBeGreaterThan(500);
    for (const [key, g] of byCell) expect(g.any ? g.sum : null, key).toBe(g.value ?? null);
    // The corrected figure on the local-unit sheet: submitted and used values side by side.
    const x04 = rows.find((row) => row[1] === 'PL01_DIA_BAN' && row[6] === 'Xã Hòa Bình' && row[7] === 'pl01_bl_tre')!;
    const submitted = sample.submissions.find((s) => s.unit === 'X04' && s.year === 2026)!.values['pl01_bl_tre'];
    expect([x04[8], x04[9]]).toEqual([submitted, 6]);
    expect(String(x04[10])).toMatch(/^Xã bổ sung hồ sơ/);
  });
});
