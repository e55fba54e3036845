// Every kind of .xlsx the app writes, unzipped and read as XML: what Excel and previewers see.
// No two data validations of a sheet overlap; every formula carries a cached value (and a total's
// value is the sum of its cells); the document properties are Vietnamese and name the agency; the
// workbook's default style is Times New Roman.
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAll } from '../../electron/services/generate.ts';
import { writeBlankWorkbooks } from '../../electron/services/workbooks.ts';
import { documentTableForKind } from '../../shared/template.ts';
import { fillWorkbookFile } from '../../electron/workbook/input-filler.ts';
import { withoutOverlappingValidations } from '../../electron/workbook/package.ts';
import { sample, sampleDb, tempDir } from '../helpers/fixtures.ts';

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function col(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function rect(ref: string): Rect {
  const [a, b = a] = ref.split(':');
  const p = /^([A-Z]+)(\d+)$/.exec(a!)!;
  const q = /^([A-Z]+)(\d+)$/.exec(b!)!;
  return { top: Number(p[2]), left: col(p[1]!), bottom: Number(q[2]), right: col(q[1]!) };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** Pairs of validation ranges on a sheet that share a cell. */
function overlappingRanges(sheetXml: string): string[] {
  const refs = [...sheetXml.matchAll(/<dataValidation\b[^>]*\ssqref="([^"]*)"/g)].flatMap((m) => m[1]!.trim().split(/\s+/));
  const out: string[] = [];
  for (let i = 0; i < refs.length; i++)
    for (let j = i + 1; j < refs.length; j++) if (overlaps(rect(refs[i]!), rect(refs[j]!))) out.push(`${refs[i]} × ${refs[j]}`);
  return out;
}

function tag(xml: string, name: string): string | null {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml);
  return m ? m[1]! : null;
}

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

interface Package {
  label: string;
  zip: JSZip;
}

async function load(label: string, file: string): Promise<Package> {
  return { label, zip: await JSZip.loadAsync(readFileSync(file)) };
}

async function sheets(p: Package): Promise<[string, string][]> {
  const names = Object.keys(p.zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
  return Promise.all(names.map(async (n) => [n, await p.zip.file(n)!.async('string')] as [string, string]));
}

let work: { dir: string; cleanup: () => void };
const packages: Package[] = [];
let report: Package;
const AGENCY = 'Sở Y tế tỉnh An Lạc';

beforeAll(async () => {
  work = tempDir('bc121-pkg-');
  const ctx = sampleDb();
  // One blank input workbook of every unit kind that reports (with last year's figures: totals hold numbers).
  const kinds = ctx.template.unitKinds.filter((k) => k.sheets.length > 0).map((k) => k.code);
  const units = kinds.map((k) => sample.units.find((u) => u.kind === k)!.code);
  const blanks = await writeBlankWorkbooks(ctx, { year: 2026, outDir: path.join(work.dir, 'blank'), units });
  for (const b of blanks) packages.push(await load(`biểu mẫu ${b.unit}`, b.file));
  // A filled workbook of a commune and of the police, as a unit sends it back.
  for (const code of ['X01', 'CA']) {
    const unit = sample.units.find((u) => u.code === code)!;
    const s = sample.submissions.find((x) => x.unit === code && x.year === 2026)!;
    const table = documentTableForKind(ctx.template, unit.kind);
    const filled = path.join(work.dir, `filled-${code}.xlsx`);
    await fillWorkbookFile(
      blanks.find((b) => b.unit === code)!.file,
      filled,
      { values: s.values, documents: s.documents, texts: s.texts },
      table?.kind === 'table' ? table : undefined,
    );
    packages.push(await load(`biểu mẫu đã điền ${code}`, filled));
  }
  const out = path.join(work.dir, 'out');
  const r = await generateAll(ctx, { year: 2026, outDir: out, sources: true, force: true });
  for (const f of r.files.filter((x) => x.endsWith('.xlsx'))) packages.push(await load(path.basename(f), f));
  report = await load(
    'Bao cao.docx',
    r.files.find((x) => x.endsWith('Bao cao.docx'))!,
  );
  ctx.db.close();
}, 120_000);

afterAll(() => work?.cleanup());

describe('every .xlsx the app writes is a clean package', () => {
  it('covers every kind of file: blank and filled input workbooks, the four annexes, Nguon so lieu.xlsx', () => {
    const labels = packages.map((p) => p.label);
    for (const f of ['Phu luc 01.xlsx', 'Phu luc 02.xlsx', 'Phu luc 03.xlsx', 'Phu luc 04.xlsx', 'Nguon so lieu.xlsx']) expect(labels).toContain(f);
    expect(labels.filter((l) => l.startsWith('biểu mẫu ') && !l.includes('đã điền')).length).toBeGreaterThanOrEqual(6);
  });

  it('has no two data validations on a sheet sharing a cell', async () => {
    let ranges = 0;
    for (const p of packages) {
      for (const [name, xml] of await sheets(p)) {
        ranges += [...xml.matchAll(/<dataValidation\b/g)].length;
        expect(overlappingRanges(xml), `${p.label} ${name}`).toEqual([]);
      }
    }
    expect(ranges).toBeGreaterThan(20);
  });

  it('gives every formula a cached value, a total the sum of its cells', async () => {
    let formulas = 0;
    let totals = 0;
    for (const p of packages) {
      for (const [name, xml] of await sheets(p)) {
        const values = new Map<string, number>();
        for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"(?:(?!t="s")[^>])*>(?:<f>[^<]*<\/f>)?<v>([^<]*)<\/v>/g))
          if (c[2] !== '') values.set(c[1]!, Number(c[2]));
        for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*>([\s\S]*?)<\/c>/g)) {
          const f = tag(c[2]!, 'f')
            ?.replace(/&quot;/g, '"')
            .replace(/&amp;/g, '&');
          if (f === undefined) continue;
          formulas++;
          expect(/<v\s*\/>|<v>[^<]*<\/v>/.test(c[2]!), `${p.label} ${name} ${c[1]} =${f} has no cached value`).toBe(true);
          const total = /^IF\(COUNT\(([A-Z]+)(\d+):[A-Z]+(\d+)\)=0,"",SUM/.exec(f);
          if (!total) continue;
          const cells: number[] = [];
          for (let r = Number(total[2]); r <= Number(total[3]); r++) if (values.has(`${total[1]}${r}`)) cells.push(values.get(`${total[1]}${r}`)!);
          const cached = tag(c[2]!, 'v') ?? '';
          expect(cached === '' ? null : Number(cached), `${p.label} ${name} ${c[1]}`).toBe(cells.length ? cells.reduce((a, b) => a + b, 0) : null);
          totals++;
        }
      }
    }
    expect(formulas).toBeGreaterThan(200);
    expect(totals).toBeGreaterThan(30);
  });

  it('names the agency and the content in Vietnamese in the document properties', async () => {
    for (const p of packages) {
      const core = await p.zip.file('docProps/core.xml')!.async('string');
      const app = await p.zip.file('docProps/app.xml')!.async('string');
      const title = tag(core, 'dc:title') ?? '';
      expect(title, p.label).toMatch(VIETNAMESE);
      expect(tag(core, 'dc:subject') ?? '', p.label).toMatch(VIETNAMESE);
      expect(tag(core, 'dc:creator'), p.label).toBe(AGENCY);
      expect(tag(app, 'Company'), p.label).toBe(AGENCY);
      expect(`${core}${app}`, p.label).not.toMatch(/Unknown|Un-named/);
    }
  });

  it('names the agency and the content in Vietnamese in the Word report’s properties too', async () => {
    const core = await report.zip.file('docProps/core.xml')!.async('string');
    expect(tag(core, 'dc:title') ?? '').toMatch(/^Báo cáo Kết quả thực hiện Nghị quyết số 121\/2020\/QH14/);
    expect(tag(core, 'dc:subject') ?? '').toMatch(/^Kết quả thực hiện Nghị quyết/);
    expect(tag(core, 'dc:creator')).toBe(AGENCY);
    expect(tag(core, 'cp:lastModifiedBy')).toBe(AGENCY);
    expect(core).not.toMatch(/Unknown|Un-named|Báo cáo 121</);
  });

  it('has Times New Roman as the default style', async () => {
    for (const p of packages) {
      const styles = await p.zip.file('xl/styles.xml')!.async('string');
      const first = /<fonts\b[^>]*>(<font>[\s\S]*?<\/font>)/.exec(styles)?.[1] ?? '';
      expect(first, p.label).toContain('<name val="Times New Roman"/>');
      expect(first, p.label).not.toContain('scheme');
    }
  });
});

describe('validation ranges made disjoint', () => {
  it('pools alike rules and covers each cell once, keeping different rules apart', () => {
    const rule = (sqref: string, type = 'whole') => `<dataValidation type="${type}" allowBlank="1" sqref="${sqref}"><formula1>0</formula1></dataValidation>`;
    const xml = `<worksheet><dataValidations count="4">${rule('C10:C14')}${rule('C15', 'decimal')}${rule('C6:C14')}${rule('D6:D14')}</dataValidations></worksheet>`;
    const fixed = withoutOverlappingValidations(xml);
    expect(overlappingRanges(fixed)).toEqual([]);
    expect([...fixed.matchAll(/sqref="([^"]*)"/g)].map((m) => m[1])).toEqual(['C6:D14', 'C15']);
  });
});
