// A workbook returned unfilled (no figure, no document, no text) is refused as "chưa điền số liệu": the CLI
// exits 1 and the unit stays "chưa báo cáo" in the checklist. A 0 is a figure: a unit with nothing to report
// writes 0 and is taken.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearChecklist } from '../../electron/services/checklist.ts';
import type { ServiceContext } from '../../electron/store/context.ts';
import { importFiles } from '../../electron/services/imports.ts';
import { writeBlankWorkbooks } from '../../electron/services/workbooks.ts';
import { cli } from '../helpers/cli.ts';
import { emptySampleDb, tempDir } from '../helpers/fixtures.ts';
import { dbSnapshot, filledWorkbookFile, namedCell } from '../helpers/workbooks.ts';

let ctx: ServiceContext;
let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir('bc121-unfilled-'));
  ctx = emptySampleDb(path.join(dir, 'db.sqlite'));
});
afterAll(() => {
  ctx.db.close();
  cleanup();
});

describe('unfilled workbooks', () => {
  it('a blank workbook sent back as it was is refused, naming the unit, and the unit stays "chưa báo cáo"', async () => {
    const blanks = await writeBlankWorkbooks(ctx, { year: 2026, outDir: path.join(dir, 'blank') });
    const x01 = blanks.find((b) => b.unit === 'X01')!;
    const before = dbSnapshot(ctx);
    const [r] = await importFiles(ctx, [x01.file]);
    expect(r).toMatchObject({ status: 'rejected', unit: 'X01', unitName: 'Phường An Lạc', year: 2026, findings: [{ code: 'unfilled', severity: 'error' }] });
    expect(r!.findings[0]!.message).toMatch(/^Biểu mẫu năm 2026 của Phường An Lạc chưa điền số liệu: .*Đề nghị đơn vị điền biểu mẫu rồi gửi lại/);
    expect(dbSnapshot(ctx)).toBe(before);
    const row = yearChecklist(ctx, 2026).rows.find((x) => x.unit === 'X01')!;
    expect(row.status).toBe('missing');
  });

  it('the CLI exits 1 for it', async () => {
    const blanks = await writeBlankWorkbooks(ctx, { year: 2026, outDir: path.join(dir, 'blank2') });
    const file = blanks.find((b) => b.unit === 'SGDDT')!.file;
    const r = await cli('import', '--db', path.join(dir, 'db.sqlite'), file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/TỪ CHỐI: .*chưa điền số liệu/s);
  });

  it('one 0, one document or one text is a report', async () => {
    const zero = await filledWorkbookFile(ctx, dir, 'X02', 2026, { values: { tt_cuoc: 0 }, documents: [], texts: {} }, undefined, 'zero.xlsx');
    const text = await filledWorkbookFile(
      ctx,
      dir,
      'X03',
      2026,
      { values: {}, documents: [], texts: {} },
      (w) => {
        namedCell(w, 't_a2').value = 'Không phát sinh vụ việc.';
      },
      'text.xlsx',
    );
    const doc = await filledWorkbookFile(
      ctx,
      dir,
      'X04',
      2026,
      {
        values: {},
        documents: [{ cap: 'Cấp xã', loai: 'Kế hoạch', so_ky_hieu: '3/KH-UBND', ngay: '2026-03-01', co_quan: 'UBND xã', trich_yeu: 'Kế hoạch năm 2026' }],
        texts: {},
      },
      undefined,
      'doc.xlsx',
    );
    expect((await importFiles(ctx, [zero, text, doc])).map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(yearChecklist(ctx, 2026).rows.find((x) => x.unit === 'X02')!.status).not.toBe('missing');
  });
});
