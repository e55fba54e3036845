// The plan's targets (docs/targets.md): evaluated with the rules' expressions against figures computed here
// from the sample JSON; đạt / chưa đạt / chưa đủ số liệu (a blank never counts as đạt); the province's own
// choices kept in the database; `baocao121 targets`; the report's table read back from the .docx; the new
// indicators in the right units' workbooks, imported like the others.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allIndicators, indicatorsForKind } from '../../shared/template.ts';
import { evaluateTargets, type TargetUnit } from '../../shared/targets.ts';
import { effectiveTargets, targetProblems, targetsFileSchema, type TargetDefinition } from '../../shared/targets-schema.ts';
import { targetResultText, targetStatusText } from '../../shared/targets-text.ts';
import { importFiles } from '../../electron/services/imports.ts';
import { generateReport } from '../../electron/services/report.ts';
import { openContext, type ServiceContext } from '../../electron/store/context.ts';
import { provinceTargets, resetTargets, setTarget, targetsSummary, targetsView, VIEW_PHRASES } from '../../electron/services/targets.ts';
import { loadTargetCatalogue } from '../../electron/store/targets.ts';
import { lockYear, unlockYear } from '../../electron/store/years.ts';
import { templatePath } from '../../electron/template-store.ts';
import { cli } from '../helpers/cli.ts';
import { emptySampleDb, sample, sampleDb, tempDir } from '../helpers/fixtures.ts';
import { blankWorkbook, filledWorkbookFile } from '../helpers/workbooks.ts';
import { valueName } from '../../electron/workbook/input-writer.ts';
import { cellText, readDocx, tables, bodyParagraphs } from './docx-reader.ts';

const YEAR = 2026;
let dir: string;
let cleanup: () => void;
let ctx: ServiceContext;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  ctx = sampleDb();
});
afterAll(() => {
  ctx.db.close();
  cleanup();
});

/** A sample unit's figure of a year, straight from the sample JSON. */
function figure(unit: string, year: number, code: string): number | null {
  const v = sample.submissions.find((s) => s.unit === unit && s.year === year)?.values[code];
  return typeof v === 'number' ? v : null;
}
function sumOf(unit: string, year: number, re: RegExp): number {
  const values = sample.submissions.find((s) => s.unit === unit && s.year === year)!.values;
  return Object.entries(values).reduce((acc, [k, v]) => acc + (re.test(k) && typeof v === 'number' ? v : 0), 0);
}
const pct1 = (a: number, b: number) => Math.round((a / b) * 1000) / 10;

const def = (over: Partial<TargetDefinition> & Pick<TargetDefinition, 'code' | 'expression'>): TargetDefinition => ({
  label: over.code,
  comparator: '≥',
  value: 0,
  unit: 'vụ',
  enabled: true,
  ...over,
});

describe('the catalogue', () => {
  it('templates/nq121/targets.json parses and every indicator it reads is in the template', () => {
    const file = targetsFileSchema.parse(JSON.parse(readFileSync(templatePath('nq121', 'targets.json'), 'utf8')));
    expect(targetProblems(file, ctx.template)).toEqual([]);
    expect(loadTargetCatalogue(ctx.template).map((t) => t.code)).toEqual(file.targets.map((t) => t.code));
  });

  it('names a typo: an unknown indicator, a pattern matching nothing, a bad expression', () => {
    const bad = targetsFileSchema.parse({
      template: 'nq121',
      targets: [def({ code: 'a', expression: 'vks_tra_hss' }), def({ code: 'b', expression: 'sum(pl09_*)' }), def({ code: 'c', expression: 'ca_vu +' })],
    });
    const problems = targetProblems(bad, ctx.template);
    expect(problems.join('\n')).toMatch(/chỉ tiêu a: không có chỉ tiêu "vks_tra_hss"/);
    expect(problems.join('\n')).toMatch(/chỉ tiêu b: mẫu "pl09_\*" không khớp/);
    expect(problems.join('\n')).toMatch(/chỉ tiêu c: .*thiếu số hạng/);
  });
});

describe('evaluation against figures computed from the sample', () => {
  it('the year results of the demo: đạt, chưa đạt and chưa đủ số liệu, each figure as computed here', () => {
    const view = targetsView(ctx, YEAR);
    const row = (code: string) => view.rows.find((r) => r.code === code)!;
    const gq = sumOf('VKS', YEAR, /^pl03_.*_tb_gq$/);
    const thuly = sumOf('VKS', YEAR, /^pl03_.*_tb_thuly$/);
    expect(row('giai_quyet_tin_bao').result).toBe(pct1(gq, thuly));
    expect(row('giai_quyet_tin_bao').status).toBe(pct1(gq, thuly) > 95 ? 'dat' : 'chua_dat');
    expect(row('giai_quyet_tin_bao').resultText).toBe(`${String(pct1(gq, thuly)).replace('.', ',')}% (${gq}/${thuly})`);
    const xx = sumOf('TAND', YEAR, /^pl04_.*_gq_vu$/);
    const tl = sumOf('TAND', YEAR, /^pl04_.*_tl_vu$/);
    expect(row('xet_xu')).toMatchObject({
      result: pct1(xx, tl),
      status: pct1(xx, tl) > 90 ? 'dat' : 'chua_dat',
      statusText: pct1(xx, tl) > 90 ? 'Đạt' : 'Chưa đạt',
    });
    const ttVu = sumOf('VKS', YEAR, /^pl03_.*_tt_vu$/);
    expect(row('truy_to_dung_han').result).toBe(pct1(figure('VKS', YEAR, 'vks_tt_dung_han')!, ttVu));
    expect(row('tin_bao_xu_ly').result).toBe(pct1(figure('CA', YEAR, 'nv_tin_xu_ly')!, figure('CA', YEAR, 'nv_tin_tiep_nhan')!));
    expect(row('tra_ho_so')).toMatchObject({ result: figure('VKS', YEAR, 'vks_tra_hs'), status: 'chua_dat', resultText: '1 vụ', levelText: '0 vụ' });
    // The police left "số vụ đã điều tra khám phá" blank: chưa đủ số liệu, naming who and what.
    expect(figure('CA', YEAR, 'ca_vu_kham_pha')).toBeNull();
    expect(row('kham_pha')).toMatchObject({ status: 'thieu', statusText: 'Chưa đủ số liệu', result: null });
    expect(row('kham_pha').resultText).toBe('Công an tỉnh chưa báo cáo “Số vụ xâm hại trẻ em đã điều tra khám phá”');
    const statuses = view.rows.filter((r) => r.enabled).map((r) => r.status);
    for (const s of ['dat', 'chua_dat', 'thieu'] as const) expect(statuses).toContain(s);
    // Off in the catalogue: no result.
    expect(row('giam_so_vu')).toMatchObject({ enabled: false, status: null, resultText: null });
  });

  it('a change from a base year, computed here from the police figures of 2023 and 2026', () => {
    const t = effectiveTargets([def({ code: 'giam', expression: 'ca_vu', baseYear: 2023, comparator: '≤', value: -5, unit: '%' })], new Map());
    const units = (year: number): TargetUnit[] =>
      sample.units
        .filter((u) => u.kind === 'cong_an')
        .map((u) => ({
          code: u.code,
          name: u.name,
          kind: u.kind,
          values: new Map(
            Object.entries(sample.submissions.find((s) => s.unit === u.code && s.year === year)?.values ?? {}).filter(
              (e): e is [string, number | null] => typeof e[1] === 'number' || e[1] === null,
            ),
          ),
        }));
    const [r] = evaluateTargets(ctx.template, t, YEAR, units);
    const now = figure('CA', YEAR, 'ca_vu')!;
    const then = figure('CA', 2023, 'ca_vu')!;
    expect(r).toMatchObject({ measured: now, reference: then, result: pct1(now - then, then) });
    expect(r!.status).toBe(pct1(now - then, then) <= -5 ? 'dat' : 'chua_dat');
  });

  it('a blank input is never đạt, even when the other units given would reach the level; 0 given is a figure', () => {
    const kinds = ctx.template.unitKinds.map((k) => k.code);
    expect(kinds).toContain('dia_phuong');
    const targets = effectiveTargets(
      [def({ code: 'x', expression: 'nv_tin_xu_ly', of: 'nv_tin_tiep_nhan', comparator: '≥', value: 90, unit: '%', kinds: ['dia_phuong'] })],
      new Map(),
    );
    const unit = (code: string, done: number | null, got: number | null): TargetUnit => ({
      code,
      name: `Xã ${code}`,
      kind: 'dia_phuong',
      values: new Map([
        ['nv_tin_xu_ly', done],
        ['nv_tin_tiep_nhan', got],
      ]),
    });
    const reach = evaluateTargets(ctx.template, targets, YEAR, () => [unit('A', 9, 10), unit('B', 10, 10)]);
    expect(reach[0]).toMatchObject({ status: 'dat', result: 95 });
    const below = evaluateTargets(ctx.template, targets, YEAR, () => [unit('A', 8, 10), unit('B', 9, 10)]);
    expect(below[0]).toMatchObject({ status: 'chua_dat', result: 85 });
    // B left "đã xử lý" blank: A alone would be 100%, but the target is not assessed.
    const blank = evaluateTargets(ctx.template, targets, YEAR, () => [unit('A', 10, 10), unit('B', null, 10)]);
    expect(blank[0]).toMatchObject({ status: 'thieu', result: null });
    expect(blank[0]!.gaps).toEqual([{ code: 'nv_tin_xu_ly', year: YEAR, units: ['Xã B'] }]);
    // A unit that sent nothing at all counts as blank too.
    const absent = evaluateTargets(ctx.template, targets, YEAR, () => [unit('A', 10, 10), { code: 'C', name: 'Xã C', kind: 'dia_phuong', values: null }]);
    expect(absent[0]!.status).toBe('thieu');
    // Zero reports received: nothing to divide by, not assessed.
    const none = evaluateTargets(ctx.template, targets, YEAR, () => [unit('A', 0, 0)]);
    expect(none[0]).toMatchObject({ status: 'thieu', noBasis: true });
    // "= 0 vụ": 0 given is đạt.
    const zero = evaluateTargets(
      ctx.template,
      effectiveTargets([def({ code: 'z', expression: 'vks_tra_hs', comparator: '=', value: 0 })], new Map()),
      YEAR,
      () => [{ code: 'V', name: 'VKS', kind: 'vien_kiem_sat', values: new Map([['vks_tra_hs', 0]]) }],
    );
    expect(zero[0]).toMatchObject({ status: 'dat', result: 0 });
  });

  it('a share above its whole (a figure typed wrong) is "Số liệu chưa hợp lệ", never đạt, naming the units', () => {
    const targets = effectiveTargets(
      [def({ code: 'x', expression: 'nv_tin_xu_ly', of: 'nv_tin_tiep_nhan', comparator: '>', value: 95, unit: '%', kinds: ['dia_phuong'] })],
      new Map(),
    );
    const unit = (code: string, done: number, got: number): TargetUnit => ({
      code,
      name: `Xã ${code}`,
      kind: 'dia_phuong',
      values: new Map([
        ['nv_tin_xu_ly', done],
        ['nv_tin_tiep_nhan', got],
      ]),
    });
    const labelOf = (c: string) => c;
    // 21 handled of 20 received: 105%, above the level but impossible.
    const [over] = evaluateTargets(ctx.template, targets, YEAR, () => [unit('A', 12, 10), unit('B', 9, 10)]);
    expect(over).toMatchObject({ status: 'thieu', result: null, measured: 21, reference: 20, overFull: { units: ['Xã A'] } });
    expect(targetStatusText(over!)).toBe('Số liệu chưa hợp lệ');
    expect(targetResultText(over!, labelOf)).toBe('Tính ra 105% (21/20): tỷ lệ không thể vượt 100%; cần kiểm tra lại số liệu của Xã A');
    // The sum reads 100% but A's own 11 of 10 is hidden by B's 9 of 10: still not đạt.
    const [hidden] = evaluateTargets(ctx.template, targets, YEAR, () => [unit('A', 11, 10), unit('B', 9, 10)]);
    expect(hidden).toMatchObject({ status: 'thieu', result: null, overFull: { units: ['Xã A'] } });
    expect(targetResultText(hidden!, labelOf)).toBe('Số liệu của Xã A cho tỷ lệ vượt 100%, không thể có; cần kiểm tra lại trước khi đánh giá');
    // Handled with nothing received.
    const [noWhole] = evaluateTargets(ctx.template, targets, YEAR, () => [unit('A', 3, 0)]);
    expect(targetResultText(noWhole!, labelOf)).toBe('Tính ra (3/0): tỷ lệ không thể vượt 100%; cần kiểm tra lại số liệu của Xã A');
    // Exactly 100% is a figure, and đạt.
    const [full] = evaluateTargets(ctx.template, targets, YEAR, () => [unit('A', 10, 10)]);
    expect(full).toMatchObject({ status: 'dat', result: 100 });
    expect(full!.overFull).toBeUndefined();
  });

  it('a share of patterns names only units whose own kind reports both sides, whatever else their figures hold', () => {
    const targets = effectiveTargets(
      [def({ code: 'p', expression: 'sum(pl03_*_tb_gq)', of: 'sum(pl03_*_tb_thuly)', comparator: '≥', value: 50, unit: '%' })],
      new Map(),
    );
    const kinds = ctx.template.unitKinds.map((k) => k.code);
    const codesOf = (kind: string) => indicatorsForKind(ctx.template, kind).map((i) => i.code);
    const part = (kind: string) => codesOf(kind).filter((c) => /^pl03_.*_tb_gq$/.test(c));
    const whole = (kind: string) => codesOf(kind).filter((c) => /^pl03_.*_tb_thuly$/.test(c));
    const reporting = kinds.find((k) => part(k).length > 0 && whole(k).length > 0)!;
    const silent = kinds.find((k) => part(k).length === 0 && whole(k).length === 0)!;
    expect([reporting, silent].every(Boolean)).toBe(true);
    // Every unit holds the reporting kind's codes, each part above its whole; only the reporting kind's units read them.
    const values = new Map<string, number | null>([
      ...part(reporting).map((c): [string, number] => [c, 7]),
      ...whole(reporting).map((c): [string, number] => [c, 5]),
    ]);
    const units: TargetUnit[] = [
      { code: 'S1', name: 'Silent 1', kind: silent, values },
      { code: 'R1', name: 'Reporting 1', kind: reporting, values },
      { code: 'S2', name: 'Silent 2', kind: silent, values },
      { code: 'R2', name: 'Reporting 2', kind: reporting, values: new Map([...values].map(([c, v]) => [c, v === 7 ? 1 : v])) },
      { code: 'R3', name: 'Reporting 3', kind: reporting, values },
    ];
    const [r] = evaluateTargets(ctx.template, targets, YEAR, () => units);
    expect(r!.overFull).toEqual({ units: ['Reporting 1', 'Reporting 3'] });
  });

  it('the summary sentence counts a share above its whole apart from "chưa đủ số liệu"', () => {
    const share = (code: string, label: string) =>
      def({ code, label, expression: 'nv_tin_xu_ly', of: 'nv_tin_tiep_nhan', comparator: '≥', value: 50, unit: '%', kinds: ['dia_phuong'] });
    const targets = effectiveTargets([share('ok', 'Tỷ lệ A'), share('over', 'Tỷ lệ B'), share('blank', 'Tỷ lệ C')], new Map());
    const values = (done: number | null, got: number) =>
      new Map<string, number | null>([
        ['nv_tin_xu_ly', done],
        ['nv_tin_tiep_nhan', got],
      ]);
    // One evaluation per target, each with the figures that make its case: 6/10 (đạt), 12/10 (above 100 %), blank.
    const figures: Record<string, Map<string, number | null>> = { ok: values(6, 10), over: values(12, 10), blank: values(null, 10) };
    const results = targets.flatMap((t) =>
      evaluateTargets(ctx.template, [t], YEAR, () => [{ code: 'X', name: 'Xã X', kind: 'dia_phuong', values: figures[t.code]! }]),
    );
    expect(results.map((r) => [r.code, r.status, !!r.overFull])).toEqual([
      ['ok', 'dat', false],
      ['over', 'thieu', true],
      ['blank', 'thieu', false],
    ]);
    expect(targetsSummary(results, VIEW_PHRASES, { year: '2026' })).toBe(
      'Năm 2026 theo dõi 03 chỉ tiêu của kế hoạch: 01 chỉ tiêu đạt, 01 chỉ tiêu chưa đủ số liệu để đánh giá (tỷ lệ C), ' +
        '01 chỉ tiêu có số liệu chưa hợp lệ, cần rà soát lại (tỷ lệ B).',
    );
  });
});

describe("the province's own choices", () => {
  it('are kept in the database across opening it again, logged, and reset to the catalogue', () => {
    const file = path.join(dir, 'own.sqlite');
    const first = emptySampleDb(file);
    setTarget(first, 'xet_xu', { value: 95 });
    setTarget(first, 'giam_so_vu', { enabled: true });
    first.db.close();
    const again = openContext(file);
    try {
      const t = provinceTargets(again);
      expect(t.find((x) => x.code === 'xet_xu')).toMatchObject({ value: 95, defaultValue: 90, enabled: true, overridden: true });
      expect(t.find((x) => x.code === 'giam_so_vu')).toMatchObject({ enabled: true, defaultEnabled: false, value: -5 });
      const logged = again.db.prepare("SELECT entity_id FROM audit_log WHERE action = 'target.set' ORDER BY id").all() as { entity_id: string }[];
      expect(logged.map((r) => r.entity_id)).toEqual(['xet_xu', 'giam_so_vu']);
      resetTargets(again, 'xet_xu');
      expect(provinceTargets(again).find((x) => x.code === 'xet_xu')).toMatchObject({ value: 90, overridden: false });
      expect(provinceTargets(again).find((x) => x.code === 'giam_so_vu')!.enabled).toBe(true);
      resetTargets(again);
      expect(provinceTargets(again).every((x) => !x.overridden)).toBe(true);
    } finally {
      again.db.close();
    }
  });
});

describe('a locked year', () => {
  it('keeps the choices it was locked with; changes are refused while looking at it and apply to open years', async () => {
    const file = path.join(dir, 'locked.sqlite');
    const own = sampleDb(file);
    try {
      setTarget(own, 'xet_xu', { value: 95 });
      lockYear(own, 2025, 'Đã gửi báo cáo');
      setTarget(own, 'xet_xu', { value: 99 });
      setTarget(own, 'kham_pha', { enabled: false });
      const locked = targetsView(own, 2025);
      expect(locked.locked).toBe(true);
      expect(locked.rows.find((r) => r.code === 'xet_xu')).toMatchObject({ value: 95 });
      expect(locked.rows.find((r) => r.code === 'kham_pha')!.enabled).toBe(true);
      const open = targetsView(own, 2026);
      expect(open.locked).toBe(false);
      expect(open.rows.find((r) => r.code === 'xet_xu')).toMatchObject({ value: 99 });
      expect(open.rows.find((r) => r.code === 'kham_pha')!.enabled).toBe(false);
    } finally {
      own.db.close();
    }
    const refused = await cli('targets', 'set', 'xet_xu', '--value', '80', '--year', '2025', '--db', file, '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out)).toMatchObject({ ok: false, code: 'year_locked' });
    expect(JSON.parse(refused.out).message).toMatch(/^Năm 2025 đã chốt số liệu: báo cáo năm 2025 giữ các chỉ tiêu như khi chốt/);
    const again = openContext(file);
    try {
      expect(provinceTargets(again).find((t) => t.code === 'xet_xu')!.value).toBe(99);
      unlockYear(again, 2025, 'Sửa số liệu');
      expect(targetsView(again, 2025).rows.find((r) => r.code === 'xet_xu')).toMatchObject({ value: 99 });
    } finally {
      again.db.close();
    }
  });
});

describe('baocao121 targets', () => {
  it('list and set with --json, Vietnamese text, exit codes 0 and 2', async () => {
    const db = path.join(dir, 'cli.sqlite');
    sampleDb(db).db.close();
    const list = await cli('targets', '--db', db, '--year', '2026', '--json');
    expect(list.code).toBe(0);
    const view = JSON.parse(list.out) as { year: number; rows: { code: string; status: string | null; value: number }[]; summary: string };
    expect(view.year).toBe(2026);
    expect(view.rows.find((r) => r.code === 'tra_ho_so')).toMatchObject({ status: 'chua_dat', value: 0 });
    expect(view.summary).toMatch(/^Năm 2026 theo dõi 06 chỉ tiêu của kế hoạch: 02 chỉ tiêu đạt, 03 chỉ tiêu chưa đạt/);

    // Lowering the level to 1 vụ with ≤ is not possible here (the comparator is the catalogue's); raising "xét xử" above 100% makes it chưa đạt.
    const set = await cli('targets', 'set', 'xet_xu', '--value', '100,5', '--db', db, '--year', '2026', '--json');
    expect(set.code).toBe(0);
    expect((JSON.parse(set.out) as typeof view).rows.find((r) => r.code === 'xet_xu')).toMatchObject({ value: 100.5, status: 'chua_dat' });
    const text = await cli('targets', 'list', '--db', db, '--year', '2026');
    expect(text.out).toMatch(/\[x\] xet_xu — Tỷ lệ xét xử, giải quyết các vụ án xâm hại trẻ em: trên 100,5% \(tỉnh đã chỉnh\)\n\s+CHƯA ĐẠT: 100% \(9\/9\)/);
    const off = await cli('targets', 'set', 'kham_pha', '--enabled', 'không', '--db', db, '--year', '2026', '--json');
    expect((JSON.parse(off.out) as typeof view).rows.find((r) => r.code === 'kham_pha')).toMatchObject({ status: null });

    const unknown = await cli('targets', 'set', 'khong_co', '--value', '1', '--db', db, '--json');
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.out)).toMatchObject({ ok: false, code: 'unknown_target' });
    expect(JSON.parse(unknown.out).message).toMatch(/Không có chỉ tiêu "khong_co"/);
    expect((await cli('targets', 'set', 'xet_xu', '--db', db)).code).toBe(2);
    const badValue = await cli('targets', 'set', 'xet_xu', '--value', 'chín mươi', '--db', db, '--json');
    expect(badValue.code).toBe(2);
    expect(JSON.parse(badValue.out).message).toMatch(/không phải là số/);
    expect((await cli('targets', 'sua', '--db', db)).code).toBe(2);

    const reset = await cli('targets', 'reset', '--db', db, '--year', '2026', '--json');
    expect(reset.code).toBe(0);
    expect((JSON.parse(reset.out) as typeof view).rows.find((r) => r.code === 'xet_xu')).toMatchObject({ value: 90, status: 'dat' });
  });
});

describe('the report', () => {
  it('prints the sentence and the table "Kết quả thực hiện các chỉ tiêu" in B.IV.1 (read back from the .docx)', async () => {
    const out = path.join(dir, 'report');
    const { file } = await generateReport(ctx, { year: YEAR, outDir: out });
    const docx = await readDocx(file);
    const table = tables(docx.document).find((t) => cellText(t.rows[0]!.cells[0]!) === 'Chỉ tiêu')!;
    expect(table.rows[0]!.cells.map(cellText)).toEqual(['Chỉ tiêu', 'Mức phấn đấu', 'Kết quả', 'Đánh giá']);
    const view = targetsView(ctx, YEAR).rows.filter((r) => r.enabled);
    expect(table.rows.slice(1).map((r) => r.cells.map(cellText))).toEqual(view.map((r) => [r.label, r.levelText, r.resultText, r.statusText]));
    const khamPha = table.rows.find((r) => cellText(r.cells[0]!).startsWith('Tỷ lệ điều tra khám phá'))!;
    expect(cellText(khamPha.cells[3]!)).toBe('Chưa đủ số liệu');
    const paragraphs = bodyParagraphs(docx.document).map((p) => p.text);
    expect(paragraphs).toContain('Bảng: Kết quả thực hiện các chỉ tiêu năm 2026');
    const summary = paragraphs.find((p) => p.startsWith('Kết quả thực hiện các chỉ tiêu của kế hoạch'))!;
    expect(summary).toBe(
      'Kết quả thực hiện các chỉ tiêu của kế hoạch: trong 06 chỉ tiêu được theo dõi, 02 chỉ tiêu đạt, 03 chỉ tiêu chưa đạt (tỷ lệ thông tin, thông báo, tố giác về xâm hại trẻ em tiếp nhận được xử lý; tỷ lệ giải quyết tố giác, tin báo về tội phạm, kiến nghị khởi tố về xâm hại trẻ em; số vụ án xâm hại trẻ em bị trả hồ sơ để điều tra bổ sung), 01 chỉ tiêu chưa đủ số liệu để đánh giá (tỷ lệ điều tra khám phá các vụ xâm hại trẻ em).',
    );
    // The table sits in B.IV.1, before the next heading (B.IV.2).
    const at = (s: string) => docx.document.indexOf(s);
    expect(at('Bảng: Kết quả thực hiện các chỉ tiêu')).toBeGreaterThan(at('IV. Đẩy mạnh thực hiện'));
    expect(at('Bảng: Kết quả thực hiện các chỉ tiêu')).toBeLessThan(at('V. Bảo đảm nguồn lực'));
  });
});

describe('the indicators the targets need', () => {
  it('are in the workbooks of the units holding the figures, and only theirs', async () => {
    const names = async (unit: string) => (await blankWorkbook(ctx, unit, YEAR)).definedNames.model.map((d) => d.name);
    expect(await names('VKS')).toEqual(expect.arrayContaining([valueName('vks_tt_dung_han'), valueName('vks_tra_hs')]));
    expect(await names('CA')).toContain(valueName('ca_vu_kham_pha'));
    for (const unit of ['X01', 'SYT', 'TAND', 'CA']) expect(await names(unit)).not.toContain(valueName('vks_tra_hs'));
    for (const unit of ['X01', 'SYT', 'TAND', 'VKS']) expect(await names(unit)).not.toContain(valueName('ca_vu_kham_pha'));
    expect(indicatorsForKind(ctx.template, 'vien_kiem_sat').map((i) => i.code)).not.toContain('tt_cuoc');
    expect(allIndicators(ctx.template).find((i) => i.code === 'vks_tra_hs')!.sheet).toBe('CHI_TIEU');
  });

  it('are imported from a returned workbook like any other figure', async () => {
    const fresh = emptySampleDb();
    try {
      const vks = await filledWorkbookFile(fresh, dir, 'VKS', YEAR, {
        values: { vks_tra_hs: 2, vks_tt_dung_han: 7, pl03_d142_tt_vu: 7 },
        documents: [],
        texts: {},
      });
      const ca = await filledWorkbookFile(fresh, dir, 'CA', YEAR, { values: { ca_vu: 10, ca_vu_kham_pha: 9 }, documents: [], texts: {} });
      const results = await importFiles(fresh, [vks, ca]);
      expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
      const value = (unit: string, code: string) =>
        (
          fresh.db
            .prepare(
              'SELECT v.value FROM submission_values v JOIN submissions s ON s.id = v.submission_id JOIN units u ON u.id = s.unit_id WHERE u.code = ? AND s.year = ? AND v.code = ?',
            )
            .get(unit, YEAR, code) as { value: number } | undefined
        )?.value;
      expect(value('VKS', 'vks_tra_hs')).toBe(2);
      expect(value('VKS', 'vks_tt_dung_han')).toBe(7);
      expect(value('CA', 'ca_vu_kham_pha')).toBe(9);
      const rows = targetsView(fresh, YEAR).rows;
      expect(rows.find((r) => r.code === 'kham_pha')).toMatchObject({ result: 90, status: 'dat' });
      expect(rows.find((r) => r.code === 'tra_ho_so')).toMatchObject({ result: 2, status: 'chua_dat' });
    } finally {
      fresh.db.close();
    }
  });
});

describe('a gap in words', () => {
  it('names each unit once, with a few of the figures it left blank and how many more', () => {
    const gaps = ['a', 'b', 'c', 'd', 'e'].map((code) => ({ code, year: 2026, units: ['Viện kiểm sát nhân dân tỉnh'] }));
    gaps.push({ code: 'f', year: 2026, units: ['Công an tỉnh'] });
    const r = {
      code: 't',
      label: 'T',
      comparator: '≥' as const,
      value: 90,
      unit: '%',
      status: 'thieu' as const,
      result: null,
      measured: null,
      reference: null,
      gaps,
      noBasis: false,
    };
    expect(targetResultText(r, (c) => `Chỉ tiêu ${c.toUpperCase()}`)).toBe(
      'Viện kiểm sát nhân dân tỉnh chưa báo cáo “Chỉ tiêu A”, “Chỉ tiêu B” và 3 số liệu khác; Công an tỉnh chưa báo cáo “Chỉ tiêu F”',
    );
  });
});
