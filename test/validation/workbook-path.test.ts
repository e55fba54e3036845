// Through real workbooks (the demo path): findings point at the real cells of the unit's workbook.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo, type DemoResult } from '../../electron/services/demo.ts';
import { importFiles } from '../../electron/services/imports.ts';
import { requireUnit } from '../../electron/store/units.ts';
import { validateYear } from '../../electron/services/validation.ts';
import { fillWorkbookFile } from '../../electron/workbook/input-filler.ts';
import { inputFileName } from '../../electron/workbook/input-writer.ts';
import { documentTableForKind } from '../../shared/template.ts';
import { sample, tempDir } from '../helpers/fixtures.ts';

describe('validation over imported workbooks', () => {
  const tmp = tempDir('bc121-validation-');
  let demo: DemoResult;

  beforeAll(async () => {
    demo = await runDemo(path.join(tmp.dir, 'demo'));
  }, 120_000);

  afterAll(() => {
    demo?.ctx.db.close();
    tmp.cleanup();
  });

  it('gives the same findings as the sample, now with the workbook cells', () => {
    const report = validateYear(demo.ctx, 2026);
    expect(report).toMatchObject({ errors: 0, warnings: 8, infos: 1 });
    const yoy = report.findings.filter((f) => f.rule === 'yoy_outlier');
    expect(yoy.map((f) => [f.code, f.cells])).toEqual([
      ['pl01_xhtd_vu', [{ sheet: 'PL01', address: 'C8', code: 'pl01_xhtd_vu' }]],
      ['pl01_xhtd_tre', [{ sheet: 'PL01', address: 'D8', code: 'pl01_xhtd_tre' }]],
      ['pl01_xhtd_nu', [{ sheet: 'PL01', address: 'F8', code: 'pl01_xhtd_nu' }]],
      ['pl01_xhtd_6den12', [{ sheet: 'PL01', address: 'H8', code: 'pl01_xhtd_6den12' }]],
    ]);
    expect(yoy[0]?.message).toBe(
      'Xã Minh Đức, năm 2026: Xâm hại tình dục — Số vụ là 7, năm 2025 là 0; thay đổi bất thường (gấp hơn 3 lần hoặc giảm còn dưới một phần ba) (Phụ lục 01, ô C8).',
    );
  });

  it('a commune resending its workbook with nam + nữ ≠ tổng gets an error naming the commune, the sheet and the cells', async () => {
    const ctx = demo.ctx;
    const unit = requireUnit(ctx, 'X03');
    const answers = sample.submissions.find((s) => s.unit === 'X03' && s.year === 2026)!;
    expect([answers.values.pl01_xhtd_nam, answers.values.pl01_xhtd_nu, answers.values.pl01_xhtd_tre]).toEqual([0, 3, 3]);
    const resent = path.join(tmp.dir, 'resent', inputFileName(unit, 2026));
    mkdirSync(path.dirname(resent), { recursive: true });
    const table = documentTableForKind(ctx.template, unit.kind);
    await fillWorkbookFile(
      path.join(demo.blankDir, inputFileName(unit, 2026)),
      resent,
      { values: { ...answers.values, pl01_xhtd_nam: 1 }, documents: answers.documents, texts: answers.texts },
      table?.kind === 'table' ? table : undefined,
    );
    const [result] = await importFiles(ctx, [resent], { receivedAt: '2026-11-26T08:00:00.000Z' });
    expect(result?.status).toBe('accepted');

    const report = validateYear(ctx, 2026);
    expect(report.errors).toBe(1);
    const [error] = report.findings.filter((f) => f.severity === 'error');
    expect(error).toMatchObject({
      rule: 'pl01_sex_sum',
      unit: 'X03',
      left: 4,
      right: 3,
      cells: [
        { sheet: 'PL01', address: 'E8', code: 'pl01_xhtd_nam' },
        { sheet: 'PL01', address: 'F8', code: 'pl01_xhtd_nu' },
        { sheet: 'PL01', address: 'D8', code: 'pl01_xhtd_tre' },
      ],
      message: 'Xã Tân Phú, năm 2026: Xâm hại tình dục — số trẻ em nam + nữ (4) khác tổng số trẻ em (3) (Phụ lục 01, các ô E8, F8, D8).',
    });
  });
});
