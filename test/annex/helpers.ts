// Test helpers for the annexes: expected figures computed straight from the sample JSON (never through
// aggregate.ts), and reading written annexes back with exceljs.
import ExcelJS from 'exceljs';
import path from 'node:path';
import type { ServiceContext } from '../../electron/store/context.ts';
import { generateAnnexes } from '../../electron/services/annexes.ts';
import { sample, tempDir } from '../helpers/fixtures.ts';

export const YEAR = sample.reporting_year;

const kindOf = new Map(sample.units.map((u) => [u.code, u.kind]));
const nameOf = new Map(sample.units.map((u) => [u.code, u.name]));

export function unitName(code: string): string {
  return nameOf.get(code)!;
}

/** Units of a kind in the sample's list order. */
export function unitsOfKind(kind: string): string[] {
  return [...sample.units]
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
    .filter((u) => u.kind === kind)
    .map((u) => u.code);
}

/**
 * The expected figure: the sum of the codes over the sample submissions of a year by units of a kind (or
 * one unit); null when none of them has a number (blank = not reported), so 0 only when someone said 0.
 */
export function expectedSum(year: number, codes: string[], who: { kind?: string; unit?: string }): number | null {
  let total: number | null = null;
  for (const s of sample.submissions) {
    if (s.year !== year) continue;
    if (who.unit && s.unit !== who.unit) continue;
    if (who.kind && kindOf.get(s.unit) !== who.kind) continue;
    for (const code of codes) {
      const v = s.values[code];
      if (typeof v === 'number') total = (total ?? 0) + v;
    }
  }
  return total;
}

export function sumOrNull(values: (number | null)[]): number | null {
  return values.some((v) => v !== null) ? values.reduce<number>((a, v) => a + (v ?? 0), 0) : null;
}

/** Years in which some unit of the kind has a submission in the sample. */
export function sampleYears(kind: string): number[] {
  return [...new Set(sample.submissions.filter((s) => kindOf.get(s.unit) === kind).map((s) => s.year))].sort((a, b) => a - b);
}

export function reported(year: number, unit: string): boolean {
  return sample.submissions.some((s) => s.year === year && s.unit === unit);
}

export function roman(n: number): string {
  return ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][n - 1]!;
}

export async function generateInto(
  ctx: ServiceContext,
  options: { draft?: boolean; year?: number } = {},
): Promise<{ dir: string; files: string[]; cleanup: () => void }> {
  const tmp = tempDir('bc121-annex-');
  const { files } = await generateAnnexes(ctx, { year: options.year ?? YEAR, outDir: tmp.dir, draft: options.draft });
  return { dir: tmp.dir, files, cleanup: tmp.cleanup };
}

export async function readWorkbook(dir: string, file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, file));
  return wb;
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The number a cell shows: a plain number, a formula's cached result, or null when empty. */
export function shown(ws: ExcelJS.Worksheet, address: string): number | null {
  const cell = ws.getCell(address);
  // cell.value drops a formula's cached result when it is 0 (exceljs copies only truthy fields); cell.result keeps it.
  if (cell.type === ExcelJS.ValueType.Formula) {
    const result = cell.result;
    if (typeof result !== 'number') throw new Error(`${ws.name}!${address}: formula ${formulaOf(ws, address)} without a cached number`);
    return result;
  }
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  throw new Error(`${ws.name}!${address} holds ${JSON.stringify(v)}, not a number`);
}

export function formulaOf(ws: ExcelJS.Worksheet, address: string): string | null {
  const v = ws.getCell(address).value;
  return v && typeof v === 'object' && 'formula' in v ? (v.formula ?? null) : null;
}

export function text(ws: ExcelJS.Worksheet, address: string): string {
  const v = ws.getCell(address).value;
  return v === null || v === undefined ? '' : String(v);
}

export function merges(ws: ExcelJS.Worksheet): string[] {
  return (ws.model as unknown as { merges: string[] }).merges;
}

export function letters(from: string, to: string): string[] {
  const out: string[] = [];
  for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) out.push(String.fromCharCode(c));
  return out;
}

/** The texts of the signature block from a row down: its rows are two merged sides, left and right. */
export function signatureRows(ws: ExcelJS.Worksheet, from: number): { left: string[]; right: string[] } {
  const left: string[] = [];
  const right: string[] = [];
  for (let r = from; r <= ws.rowCount; r++) {
    const sides = merges(ws)
      .map((m) => /^([A-Z]+)(\d+):/.exec(m))
      .filter((m): m is RegExpExecArray => !!m && Number(m[2]) === r)
      .map((m) => m[1]!)
      .sort((a, b) => a.length - b.length || a.localeCompare(b));
    if (sides.length !== 2) continue;
    const l = text(ws, `${sides[0]}${r}`);
    const rt = text(ws, `${sides[1]}${r}`);
    if (l) left.push(l);
    if (rt) right.push(rt);
  }
  return { left, right };
}
