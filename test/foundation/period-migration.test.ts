// Migration 009: existing submissions keep their meaning (period = their year), one current version per unit
// and period, the compiler's section texts kept under their year's period; a tampered _meta period is refused.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, openDatabase } from '../../electron/db/database.ts';
import { importFiles } from '../../electron/services/imports.ts';
import { sample, sampleDb, tempDir } from '../helpers/fixtures.ts';
import { filledWorkbookFile } from '../helpers/workbooks.ts';

const tmp = tempDir('bc121-period-mig-');
afterAll(() => tmp.cleanup());

describe('migration 009 (periods)', () => {
  it('keys existing submissions and section texts by their year; a second current version of a period is refused', () => {
    const old = path.join(tmp.dir, 'old-migrations');
    mkdirSync(old);
    for (const f of readdirSync(MIGRATIONS_DIR).filter((f) => /^00[1-4]_/.test(f))) copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(old, f));
    const file = path.join(tmp.dir, 'v4.sqlite');
    const v4 = openDatabase(file, { create: true, migrationsDir: old });
    v4.exec(`INSERT INTO units (id, code, name, kind, created_at) VALUES (1, 'X01', 'Xã Một', 'dia_phuong', '2025-01-01');
      INSERT INTO years (year) VALUES (2025);
      INSERT INTO submissions (unit_id, year, version, source, content_sha256, template_id, template_version, imported_at, received_at, imported_by)
        VALUES (1, 2025, 1, 'json', 'h', 'nq121', 1, '2025-11-20', '2025-11-20', 'test');
      INSERT INTO section_texts (year, code, text, updated_at, updated_by) VALUES (2025, 't_a2', 'Văn bản cũ', '2025-12-01', 'test');`);
    v4.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT year, period FROM submissions').all()).toEqual([{ year: 2025, period: '2025' }]);
    expect(db.prepare('SELECT year, period, code, text FROM section_texts').all()).toEqual([{ year: 2025, period: '2025', code: 't_a2', text: 'Văn bản cũ' }]);
    // An insert that names no period is annual (the trigger); a half-year's current version stands beside it.
    db.exec(`INSERT INTO submissions (unit_id, year, version, source, content_sha256, template_id, template_version, imported_at, received_at, imported_by, is_current)
      VALUES (1, 2025, 2, 'json', 'h2', 'nq121', 1, '2025-07-10', '2025-07-10', 'test', 0)`);
    expect(db.prepare('SELECT period FROM submissions WHERE version = 2').get()).toEqual({ period: '2025' });
    db.exec(`INSERT INTO submissions (unit_id, year, period, version, source, content_sha256, template_id, template_version, imported_at, received_at, imported_by)
      VALUES (1, 2025, '2025-H1', 3, 'json', 'h3', 'nq121', 1, '2025-07-10', '2025-07-10', 'test')`);
    expect(() =>
      db.exec(`INSERT INTO submissions (unit_id, year, period, version, source, content_sha256, template_id, template_version, imported_at, received_at, imported_by)
        VALUES (1, 2025, '2025-H1', 4, 'json', 'h4', 'nq121', 1, '2025-07-10', '2025-07-10', 'test')`),
    ).toThrow(/UNIQUE/);
    db.close();
  });

  it('a workbook whose _meta period is not a period of its year is refused as altered', async () => {
    const ctx = sampleDb();
    const s = sample.submissions.find((x) => x.year === 2026 && x.unit.startsWith('X'))!;
    const file = await filledWorkbookFile(ctx, tmp.dir, s.unit, 2026, { values: s.values, documents: [], texts: {} }, (wb) => {
      const meta = wb.getWorksheet('_meta')!;
      meta.eachRow((row) => {
        if (row.getCell(1).value === 'period') row.getCell(2).value = '2025-H1';
      });
    });
    const [r] = await importFiles(ctx, [file]);
    expect(r!.status).toBe('rejected');
    expect(r!.findings[0]).toMatchObject({
      code: 'wrong_period',
      message: expect.stringMatching(/^Kỳ báo cáo "2025-H1" ghi trong tệp không phải năm 2026 hay sáu tháng của năm 2026; tệp đã bị sửa\./),
    });
    ctx.db.close();
  });
});
