// A roll-up: three small provinces' exports imported into one database (as a ministry does with
// import-json). Sheet PL01_DIA_BAN then has one row per province, each the sum of its communes computed
// here from the submissions, with a note on the communes that have not reported; the note under the
// table counts them by province. One province alone keeps its commune rows.
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProvince } from '../../bench/generate-province.ts';
import { traceAnnexCell } from '../../electron/annex/trace.ts';
import { importJson, type Interchange } from '../../electron/services/interchange.ts';
import { initDatabase } from '../../electron/services/setup.ts';
import { loadTemplateFile } from '../../electron/template-store.ts';
import type { ServiceContext } from '../../electron/store/context.ts';
import { TEST_NOW } from '../helpers/fixtures.ts';
import { formulaOf, generateInto, readWorkbook, sheet, shown, text } from './helpers.ts';

const YEAR = 2026;
const FORMS = ['bl', 'bb', 'xhtd', 'mb', 'br', 'khac'];
/** Columns C–L of PL01_DIA_BAN and the codes each sums (templates/nq121/annexes/pl01.json). */
const COLUMNS: [string, string[]][] = [
  ['C', FORMS.map((f) => `pl01_${f}_vu`)],
  ['D', FORMS.map((f) => `pl01_${f}_tre`)],
  ['E', FORMS.map((f) => `pl01_${f}_nam`)],
  ['F', FORMS.map((f) => `pl01_${f}_nu`)],
  ...FORMS.map((f, i): [string, string[]] => [String.fromCharCode(71 + i), [`pl01_${f}_tre`]]),
];
const FIRST = 9;

type Province = Interchange & { reporting_year: number };

const template = loadTemplateFile();
/**
 * Bắc Sơn: every commune reported. Cao Phong: one of its three communes sent nothing and one left a form
 * blank. Hà Tây: none of its communes reported (its departments did).
 */
function provinces(): Province[] {
  const make = (code: string, name: string, communes: number, seed: number) =>
    generateProvince(template, { code, name, communes, departments: 2, years: [YEAR], seed });
  const bacSon = make('BS', 'Bắc Sơn', 4, 11);
  const caoPhong = make('CP', 'Cao Phong', 3, 12);
  caoPhong.submissions = caoPhong.submissions.filter((s) => s.unit !== 'CP_X002');
  const blanked = caoPhong.submissions.find((s) => s.unit === 'CP_X003')!;
  for (const m of ['vu', 'tre', 'nam', 'nu', 'duoi6', '6den12', '12den16']) blanked.values[`pl01_bl_${m}`] = null;
  const haTay = make('HT', 'Hà Tây', 2, 13);
  haTay.submissions = haTay.submissions.filter((s) => !s.unit.startsWith('HT_X'));
  return [bacSon, caoPhong, haTay];
}

function rollUp(list: Province[]): ServiceContext {
  const ctx = initDatabase({ file: ':memory:', province: 'Toàn quốc', units: [], years: [], now: TEST_NOW });
  for (const p of list) importJson(ctx, p, `${p.settings!.province as string}.json`);
  return ctx;
}

/** Blank-aware sum of codes over a province's communes' submissions: null when no commune gave a number. */
function expected(p: Province, codes: string[]): number | null {
  const communes = new Set(p.units.filter((u) => u.kind === 'dia_phuong').map((u) => u.code));
  let total: number | null = null;
  for (const s of p.submissions) {
    if (!communes.has(s.unit)) continue;
    for (const c of codes) {
      const v = s.values[c];
      if (typeof v === 'number') total = (total ?? 0) + v;
    }
  }
  return total;
}

function communesOf(p: Province): { all: number; missing: number } {
  const communes = p.units.filter((u) => u.kind === 'dia_phuong').map((u) => u.code);
  const reported = new Set(p.submissions.map((s) => s.unit));
  return { all: communes.length, missing: communes.filter((c) => !reported.has(c)).length };
}

function noteUnder(ws: ExcelJS.Worksheet): string {
  for (let r = 1; r <= ws.rowCount; r++) if (text(ws, `A${r}`).startsWith('Ghi chú:')) return text(ws, `A${r}`);
  return '';
}

describe('a roll-up of three provinces', () => {
  const list = provinces();
  let ctx: ServiceContext;
  let wb: ExcelJS.Workbook;
  let cleanup: () => void;
  beforeAll(async () => {
    ctx = rollUp(list);
    const out = await generateInto(ctx, { year: YEAR });
    cleanup = out.cleanup;
    wb = await readWorkbook(out.dir, 'Phu luc 01.xlsx');
  });
  afterAll(() => {
    cleanup?.();
    ctx?.db.close();
  });

  it('shows one row per province in list order, each the blank-aware sum of its communes', () => {
    const ws = sheet(wb, 'PL01_DIA_BAN');
    list.forEach((p, i) => {
      const r = FIRST + i;
      expect(ws.getCell(`A${r}`).value).toBe(i + 1);
      expect(text(ws, `B${r}`)).toBe(p.units[0]!.name);
      for (const [col, codes] of COLUMNS) expect(shown(ws, `${col}${r}`), `${p.units[0]!.name} ${col}`).toBe(expected(p, codes));
    });
    // Hà Tây's communes sent nothing: its figures are blank, not 0.
    expect(shown(ws, `C${FIRST + 2}`)).toBeNull();
    expect(text(ws, `B${FIRST + 3}`)).toBe('TỔNG CỘNG');
  });

  it('notes a province none of whose communes reported, and how many did not where some did not', () => {
    const ws = sheet(wb, 'PL01_DIA_BAN');
    const [bacSon, caoPhong, haTay] = list.map(communesOf);
    expect(bacSon).toEqual({ all: 4, missing: 0 });
    expect(text(ws, `M${FIRST}`)).toBe('');
    expect(text(ws, `M${FIRST + 1}`)).toBe(`Còn ${caoPhong!.missing}/${caoPhong!.all} đơn vị chưa báo cáo`);
    expect(haTay!.missing).toBe(haTay!.all);
    expect(text(ws, `M${FIRST + 2}`)).toBe('Chưa báo cáo');
  });

  it('totals the province rows with formulas', () => {
    const ws = sheet(wb, 'PL01_DIA_BAN');
    const r = FIRST + list.length;
    for (const [col, codes] of COLUMNS) {
      expect(formulaOf(ws, `${col}${r}`)).toBe(`SUM(${col}${FIRST}:${col}${r - 1})`);
      const parts = list.map((p) => expected(p, codes)).filter((v): v is number => v !== null);
      expect(shown(ws, `${col}${r}`)).toBe(parts.reduce((a, v) => a + v, 0));
    }
  });

  it('counts the missing communes by province under the table, on every sheet they feed', () => {
    const [, caoPhong, haTay] = list.map(communesOf);
    const note = `Ghi chú: Số liệu chưa bao gồm 0${caoPhong!.missing} đơn vị của tỉnh Cao Phong, 0${haTay!.missing} đơn vị của tỉnh Hà Tây.`;
    expect(noteUnder(sheet(wb, 'PL01_DIA_BAN'))).toBe(note);
    expect(noteUnder(sheet(wb, 'PL01'))).toBe(note);
  });

  it('traces a province’s figure to that province’s communes only, its silent commune missing', () => {
    const t = traceAnnexCell(ctx, { annex: 'PL01', sheet: 'PL01_DIA_BAN', cell: `D${FIRST + 1}`, year: YEAR });
    expect(t.value).toBe(expected(list[1]!, COLUMNS[1]![1]));
    expect(new Set(t.values.map((v) => v.unit.code))).toEqual(new Set(['CP_X001', 'CP_X003']));
    expect(t.missing.map((m) => m.code)).toEqual(['CP_X002']);
  });
});

describe('one province in the database', () => {
  it('keeps one row per commune, each its own figures, and names the silent commune', async () => {
    const [, caoPhong] = provinces();
    const ctx = rollUp([caoPhong!]);
    const out = await generateInto(ctx, { year: YEAR });
    try {
      const ws = sheet(await readWorkbook(out.dir, 'Phu luc 01.xlsx'), 'PL01_DIA_BAN');
      const communes = caoPhong!.units.filter((u) => u.kind === 'dia_phuong');
      communes.forEach((u, i) => {
        const r = FIRST + i;
        expect(text(ws, `B${r}`)).toBe(u.name);
        const own = { ...caoPhong!, submissions: caoPhong!.submissions.filter((s) => s.unit === u.code) };
        for (const [col, codes] of COLUMNS) expect(shown(ws, `${col}${r}`)).toBe(expected(own, codes));
      });
      expect(text(ws, `M${FIRST + 1}`)).toBe('Chưa báo cáo');
      expect(text(ws, `B${FIRST + communes.length}`)).toBe('TỔNG CỘNG');
      expect(noteUnder(ws)).toBe('Ghi chú: Số liệu chưa bao gồm xã Cao Phong 2.');
    } finally {
      out.cleanup();
      ctx.db.close();
    }
  });
});
