// A locked year is frozen: every change to what its outputs print is refused (in Vietnamese, naming the
// year and how to unlock) or kept out of it, so that Phụ lục 01–04 and the report regenerate with the same
// content; unlocking with a reason lets the same changes through.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outlineNarrativeCodes } from '../../shared/outline-schema.ts';
import { correctFigure } from '../../electron/services/corrections.ts';
import { generateAll } from '../../electron/services/generate.ts';
import { chooseCurrentVersion } from '../../electron/services/history.ts';
import { importFiles } from '../../electron/services/imports.ts';
import { setSectionText } from '../../electron/services/report.ts';
import { getSettings, setSettings } from '../../electron/store/settings.ts';
import { listUnits, mergeUnits, renameUnit, upsertUnits } from '../../electron/store/units.ts';
import { acknowledgeFinding, validateYear } from '../../electron/services/validation.ts';
import { lockYear, unlockYear } from '../../electron/store/years.ts';
import { loadOutline } from '../../electron/report/outline-store.ts';
import type { ServiceContext } from '../../electron/store/context.ts';
import { sampleDb, tempDir } from '../helpers/fixtures.ts';
import { dbSnapshot, filledWorkbookFile } from '../helpers/workbooks.ts';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('bc121-locked-')));
afterAll(() => cleanup());

const ANNEXES = ['Phu luc 01.xlsx', 'Phu luc 02.xlsx', 'Phu luc 03.xlsx', 'Phu luc 04.xlsx'];

/** Every cell of every sheet of the four annexes (value or formula with its result), by address. */
async function annexCells(outDir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of ANNEXES) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(outDir, file));
    wb.eachSheet((ws) =>
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          out[`${file}!${ws.name}!${cell.address}`] = JSON.stringify(cell.value);
        }),
      ),
    );
  }
  return out;
}

/** The report's text, paragraph by paragraph (word/document.xml's w:t runs). */
async function reportText(outDir: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path.join(outDir, 'Bao cao.docx')));
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter(Boolean)
    .join('\n');
}

async function outputs(ctx: ServiceContext, name: string): Promise<{ cells: Record<string, string>; text: string }> {
  const outDir = path.join(dir, name);
  await generateAll(ctx, { year: 2026, outDir, sources: true, force: true });
  return { cells: await annexCells(outDir), text: await reportText(outDir) };
}

const LOCKED = /Năm 2026 đã chốt số liệu.*[Hh]ãy mở khóa năm 2026 \(kèm lý do\)/;

describe('a locked year', () => {
  it('refuses or keeps out every change to what it prints; its annexes and report regenerate the same; unlocking lets the changes in', async () => {
    const ctx = sampleDb();
    const section = outlineNarrativeCodes(loadOutline(ctx.template))[0]!;
    setSectionText(ctx, 2026, section, 'Đoạn do cơ quan tổng hợp viết trước khi chốt.');
    const warnings = validateYear(ctx, 2026).findings.filter((f) => f.severity === 'warning');
    acknowledgeFinding(ctx, warnings[0]!.key, 'Đã xác minh trước khi chốt');
    const workbook = await filledWorkbookFile(ctx, dir, 'X12', 2026, { values: { pl01_bl_tre: 9 } }, undefined, 'x12-2026.xlsx');
    const workbook2025 = await filledWorkbookFile(ctx, dir, 'X12', 2025, { values: { pl01_bl_tre: 9 } }, undefined, 'x12-2025.xlsx');

    const before = await outputs(ctx, 'before');
    expect(before.text).toContain('Đoạn do cơ quan tổng hợp viết trước khi chốt.');
    const x01 = listUnits(ctx).find((u) => u.code === 'X01')!.name;
    const x02 = listUnits(ctx).find((u) => u.code === 'X02')!.name;
    expect(JSON.stringify(before.cells)).toContain(x01);
    const signer = getSettings(ctx, 2026).signer_name;
    expect(before.text).toContain(signer);

    lockYear(ctx, 2026, 'Đã rà soát, trình ký');

    // Refused, the database unchanged: acknowledgements, section texts, the year's settings, figures of 2026 and of the years it prints.
    const snapshot = dbSnapshot(ctx);
    const attempts: [string, () => unknown][] = [
      ['acknowledge', () => acknowledgeFinding(ctx, warnings[1]!.key, 'Sau khi chốt')],
      ['section text', () => setSectionText(ctx, 2026, section, 'Đoạn viết sau khi chốt.')],
      ['settings', () => setSettings(ctx, { signer_name: 'Người ký khác', report_number: '999' }, { year: 2026 })],
      ['correction', () => correctFigure(ctx, { unit: 'X01', year: 2026, code: 'pl01_bl_tre', value: 40, reason: 'Sau khi chốt' })],
      ['choose version', () => chooseCurrentVersion(ctx, 'X01', 2026, 1, 'Sau khi chốt')],
    ];
    for (const [what, attempt] of attempts) expect(attempt, what).toThrow(LOCKED);
    expect(() => correctFigure(ctx, { unit: 'X01', year: 2025, code: 'pl01_bl_tre', value: 40, reason: 'Sau khi chốt' })).toThrow(
      /báo cáo năm 2026 in cả số liệu năm 2025.*Hãy mở khóa năm 2026/,
    );
    const [rejected] = await importFiles(ctx, [workbook]);
    expect([rejected!.status, rejected!.findings[0]!.message]).toEqual(['rejected', expect.stringMatching(LOCKED)]);
    expect((await importFiles(ctx, [workbook2025]))[0]!.status).toBe('rejected');
    expect(dbSnapshot(ctx)).toBe(snapshot);

    // Taken, but kept out of 2026: province-wide settings, a rename, a merge, a new unit.
    setSettings(ctx, { parent_body: 'UBND TỈNH BÌNH YÊN', issuing_body: 'SỞ Y TẾ MỚI', place: 'Bình Yên' });
    renameUnit(ctx, 'X01', 'Phường Mới Đặt Tên', 'Đổi tên năm 2027');
    mergeUnits(ctx, 'X02', 'X03', 'Sáp nhập năm 2027');
    upsertUnits(ctx, [{ code: 'X99', name: 'Xã Mới Lập', kind: listUnits(ctx).find((u) => u.code === 'X01')!.kind, parent: null }]);
    expect(getSettings(ctx, 2026)).toMatchObject({ signer_name: signer, parent_body: 'UBND TỈNH AN LẠC' });

    const locked = await outputs(ctx, 'locked');
    expect(locked.cells).toEqual(before.cells);
    expect(locked.text).toBe(before.text);

    // Unlocked with a reason: the same changes go through and show.
    expect(() => unlockYear(ctx, 2026, '  ')).toThrow(/Cần ghi lý do/);
    unlockYear(ctx, 2026, 'Xã X12 gửi bổ sung');
    for (const [what, attempt] of attempts.filter(([w]) => w !== 'choose version')) expect(attempt, what).not.toThrow();
    expect((await importFiles(ctx, [workbook]))[0]!.status).toBe('accepted');
    const after = await outputs(ctx, 'after');
    expect(after.text).toContain('Đoạn viết sau khi chốt.');
    expect(after.text).toContain('Người ký khác');
    expect(after.text).toContain('UBND TỈNH BÌNH YÊN');
    expect(after.text).not.toContain('Đoạn do cơ quan tổng hợp viết trước khi chốt.');
    const cellsAfter = JSON.stringify(after.cells);
    expect(cellsAfter).toContain('Phường Mới Đặt Tên');
    expect(cellsAfter).not.toContain(x01);
    expect(after.cells).not.toEqual(before.cells);
    expect(x02).toBeTruthy();
  }, 120_000);
});
