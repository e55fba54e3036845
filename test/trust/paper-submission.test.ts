// Figures received on paper: a unit that sent no workbook gets a submission with no file through the
// window's API; its figures typed with the source as the reason are stored as rows, read by validation and
// the annexes like any submission, and marked as paper in the checklist, the trace and the audit log.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type HandlerEnv } from '../../electron/ipc/handlers.ts';
import { allFigureSources } from '../../electron/annex/trace.ts';
import type { ApiMethod, ApiOutput, ApiInput } from '../../shared/api.ts';
import { sampleDb, tempDir } from '../helpers/fixtures.ts';

let dir: string;
let cleanup: () => void;
let env: HandlerEnv;

async function call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const r = await dispatch(env, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as ApiOutput<M>;
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  const dbFile = path.join(dir, 'paper.sqlite');
  env = { ctx: sampleDb(dbFile), dbFile, dataDir: dir, desktop: false };
});
afterAll(() => {
  env.ctx.db.close();
  cleanup();
});

describe('a paper submission', () => {
  // Xã Vĩnh Lộc (X12) sent nothing for 2026 in the sample province.
  const unit = 'X12';
  const reference = '125/UBND-VX ngày 10/12/2026';
  const source = `Công văn số ${reference}`;

  it('is refused for a unit that already reported, saying what to do instead', async () => {
    const r = await dispatch(env, 'addPaperSubmission', { year: 2026, unit: 'X01', medium: 'letter', reference });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ code: 'already_reported', message: expect.stringContaining('Phường An Lạc đã có báo cáo năm 2026') });
    expect(!r.ok && r.error.message).toContain('sửa thẳng trong bảng Số liệu');
  });

  it('is stored as a version with no file and its source, and the unit reads "Đã nhận (bản giấy)"', async () => {
    const before = (await call('yearChecklist', { year: 2026 })).rows.find((r) => r.unit === unit)!;
    expect(before.status).toBe('missing');
    const s = await call('addPaperSubmission', { year: 2026, unit, medium: 'letter', reference });
    expect(s).toMatchObject({ unit, year: 2026, version: 1, source: 'paper', fileName: null, isCurrent: true, paperSource: source });
    const rows = env.ctx.db
      .prepare('SELECT s.file_name, s.sha256, p.medium, p.reference FROM submissions s JOIN paper_submissions p ON p.submission_id = s.id WHERE s.id = ?')
      .all(s.id);
    expect(rows).toEqual([{ file_name: null, sha256: null, medium: 'letter', reference }]);
    const after = (await call('yearChecklist', { year: 2026 })).rows.find((r) => r.unit === unit)!;
    expect(after).toMatchObject({ status: 'on_time', paperSource: source, fileName: null });
    const grid = await call('gridData', { year: 2026, sheet: 'PL01' });
    expect(grid.rows.find((r) => r.unit === unit)).toMatchObject({ submissionId: s.id, paperSource: source });
  });

  it('takes figures typed with the source as the reason; validation, the annexes and the trace read them', async () => {
    const sumBefore = allFigureSources(env.ctx, 2026);
    // 5 children in 3 cases of violence, 2 boys and 2 girls: the sex split does not add up (an error of the unit).
    await call('correctFigures', {
      year: 2026,
      reason: source,
      changes: [
        { unit, code: 'pl01_bl_vu', value: 3 },
        { unit, code: 'pl01_bl_tre', value: 5 },
        { unit, code: 'pl01_bl_nam', value: 2 },
        { unit, code: 'pl01_bl_nu', value: 2 },
      ],
    });
    const stored = env.ctx.db
      .prepare(
        'SELECT c.code, c.value, c.reason FROM corrections c JOIN submissions s ON s.id = c.submission_id JOIN units u ON u.id = s.unit_id WHERE u.code = ? AND s.year = 2026 ORDER BY c.code',
      )
      .all(unit);
    expect(stored).toEqual([
      { code: 'pl01_bl_nam', value: 2, reason: source },
      { code: 'pl01_bl_nu', value: 2, reason: source },
      { code: 'pl01_bl_tre', value: 5, reason: source },
      { code: 'pl01_bl_vu', value: 3, reason: source },
    ]);

    const report = await call('validateYear', { year: 2026 });
    const mine = report.findings.filter((f) => f.unit === unit && f.rule === 'pl01_sex_sum');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ severity: 'error', left: 4, right: 5 });

    // Every annex cell fed by the unit's cases of violence now counts its 3, and says where they came from.
    const after = allFigureSources(env.ctx, 2026);
    const fed = after.filter((c) => c.values.some((v) => v.year === 2026 && v.unit.code === unit && v.code === 'pl01_bl_vu'));
    expect(fed.length).toBeGreaterThan(0);
    for (const cell of fed) {
      const was = sumBefore.find((c) => c.annex === cell.annex && c.sheet === cell.sheet && c.cell === cell.cell)!;
      expect(cell.value, `${cell.annex} ${cell.sheet}!${cell.cell}`).toBe((was.value ?? 0) + 3);
      const traced = await call('traceAnnexCell', { year: 2026, annex: cell.annex, sheet: cell.sheet, cell: cell.cell });
      const line = traced.values.find((v) => v.year === 2026 && v.unit.code === unit)!;
      expect(line).toMatchObject({ fileName: null, cell: null, submitted: null, value: 3, paperSource: source, correction: { value: 3, reason: source } });
      expect(traced.missing.some((m) => m.code === unit && m.year === 2026)).toBe(false);
    }
  });

  it('is in the audit log as such, found by the unit and the year', async () => {
    const lines = await call('auditLog', { unit, year: 2026 });
    const paper = lines.filter((l) => l.action === 'submission.paper');
    expect(paper).toHaveLength(1);
    expect(paper[0]!.reason).toBe(source);
    expect(lines.filter((l) => l.action === 'figure.correct')).toHaveLength(4);
    // Another unit's lines and another year's are not among them.
    expect(lines.every((l) => l.entityId === null || !l.entityId.startsWith('X01/'))).toBe(true);
    const lastYear = await call('auditLog', { unit, year: 2025 });
    expect(lastYear.map((l) => l.action)).toEqual(['submission.import']);
    expect(JSON.parse(lastYear[0]!.newValue!)).toMatchObject({ unit, year: 2025 });
  });
});
