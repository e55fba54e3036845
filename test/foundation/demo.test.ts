// The demo, end to end through real workbooks: 25 blank workbooks, the sample's 98 submissions imported,
// every figure, blank, document and text of the sample in the database.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo, type DemoResult } from '../../electron/services/demo.ts';
import { sample, tempDir } from '../helpers/fixtures.ts';
import { bodyParagraphs, readDocx } from '../report/docx-reader.ts';

let demo: DemoResult;
let cleanup: () => void;
beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  demo = await runDemo(t.dir);
}, 120_000);
afterAll(() => {
  demo.ctx.db.close();
  cleanup();
});

describe('demo', () => {
  it('writes one blank workbook per reporting unit, named <code> - <name> - <year>.xlsx', () => {
    const files = readdirSync(demo.blankDir).sort();
    expect(files).toHaveLength(25);
    expect(demo.blankWorkbooks).toBe(25);
    expect(files).toContain('X12 - Xã Vĩnh Lộc - 2026.xlsx'.normalize('NFC'));
    expect(path.basename(demo.dbFile)).toBe('baocao121.sqlite');
  });

  it('imports all 98 filled submissions, none rejected', () => {
    expect(demo.imports.filter((r) => r.status === 'accepted')).toHaveLength(98);
    expect(demo.imports.filter((r) => r.status !== 'accepted')).toEqual([]);
    const n = (demo.ctx.db.prepare('SELECT COUNT(*) AS n FROM submissions WHERE is_current = 1 AND period = CAST(year AS TEXT)').get() as { n: number }).n;
    expect(n).toBe(98);
  });

  it("validates (no error, the sample's seven warnings) and writes the four annexes and the report beside the database", () => {
    expect([demo.validation.errors, demo.validation.warnings, demo.validation.infos]).toEqual([0, 8, 1]);
    expect(demo.files.map((f) => path.basename(f))).toEqual(['Phu luc 01.xlsx', 'Phu luc 02.xlsx', 'Phu luc 03.xlsx', 'Phu luc 04.xlsx', 'Bao cao.docx']);
    for (const f of demo.files) expect(path.dirname(f)).toBe(path.dirname(demo.dbFile));
  });

  it('also writes a six-month report from its own submissions and a 2023–2025 review, each in its folder', async () => {
    expect(demo.periods.map((p) => [p.period, path.basename(p.outDir)])).toEqual([
      ['6 tháng đầu năm 2026', '6 thang dau nam 2026'],
      ['giai đoạn 2023 – 2025', 'Giai doan 2023-2025'],
    ]);
    const [half, review] = demo.periods;
    expect(half!.imports.length).toBeGreaterThan(0);
    expect(half!.imports.every((r) => r.status === 'accepted' && r.period === '2026-H1')).toBe(true);
    const held = (demo.ctx.db.prepare("SELECT COUNT(*) AS n FROM submissions WHERE is_current = 1 AND period = '2026-H1'").get() as { n: number }).n;
    expect(held).toBe(half!.imports.length);
    for (const p of [half!, review!]) {
      expect(p.validation.errors).toBe(0);
      expect(p.files.map((f) => path.basename(f))).toEqual(['Phu luc 01.xlsx', 'Phu luc 02.xlsx', 'Phu luc 03.xlsx', 'Phu luc 04.xlsx', 'Bao cao.docx']);
      for (const f of p.files) expect(path.dirname(f)).toBe(p.outDir);
    }
    const subject = async (file: string) =>
      bodyParagraphs((await readDocx(file)).document)
        .map((x) => x.text)
        .find((t) => t.startsWith('Kết quả thực hiện Nghị quyết'));
    expect(await subject(half!.files.at(-1)!)).toMatch(/trẻ em 6 tháng đầu năm 2026$/);
    expect(await subject(review!.files.at(-1)!)).toMatch(/trẻ em giai đoạn 2023 – 2025$/);
    expect(await subject(demo.files.at(-1)!)).toMatch(/trẻ em năm 2026$/);
  });

  it('holds every figure, blank, document and text of the sample', () => {
    const db = demo.ctx.db;
    const subId = db.prepare(
      'SELECT s.id FROM submissions s JOIN units u ON u.id = s.unit_id WHERE u.code = ? AND s.year = ? AND s.period = CAST(s.year AS TEXT) AND s.is_current = 1',
    );
    const values = db.prepare('SELECT code, value FROM submission_values WHERE submission_id = ?');
    const docs = db.prepare('SELECT cap, loai, so_ky_hieu, ngay, co_quan, trich_yeu FROM documents WHERE submission_id = ? ORDER BY row_no');
    const texts = db.prepare('SELECT code, text FROM narratives WHERE submission_id = ?');
    let figures = 0;
    let blanks = 0;
    for (const s of sample.submissions) {
      const { id } = subId.get(s.unit, s.year) as { id: number };
      const stored = new Map((values.all(id) as { code: string; value: number | null }[]).map((r) => [r.code, r.value]));
      for (const [code, v] of Object.entries(s.values)) {
        expect(stored.has(code), `${s.unit} ${s.year} ${code}`).toBe(true);
        expect(stored.get(code), `${s.unit} ${s.year} ${code}`).toBe(v);
        if (v === null) blanks++;
        else figures++;
      }
      for (const [code, v] of stored) if (!(code in s.values)) expect(v, `${s.unit} ${s.year} ${code} left blank`).toBeNull();
      expect(docs.all(id)).toEqual(
        (s.documents ?? []).map((d) => ({
          cap: d.cap,
          loai: d.loai,
          so_ky_hieu: d.so_ky_hieu,
          ngay: d.ngay,
          co_quan: d.co_quan ?? null,
          trich_yeu: d.trich_yeu,
        })),
      );
      expect(Object.fromEntries((texts.all(id) as { code: string; text: string }[]).map((t) => [t.code, t.text]))).toEqual(s.texts ?? {});
    }
    expect(figures).toBeGreaterThan(2000);
    expect(blanks).toBeGreaterThan(10);
  });

  it('imports the Word reports of two units, and their texts (a table as rows) reach Bao cao.docx', async () => {
    const data = JSON.parse(readFileSync(path.resolve('templates/sample/word-reports.json'), 'utf8')) as {
      reports: { unit: string; file: string; texts: Record<string, string[]> }[];
    };
    expect(demo.wordImports.map((r) => [path.basename(r.file), r.unit, r.status]).sort()).toEqual(data.reports.map((r) => [r.file, r.unit, 'accepted']).sort());
    const report = demo.files.find((f) => f.endsWith('Bao cao.docx'))!;
    const texts = bodyParagraphs((await readDocx(report)).document).map((p) => p.text);
    for (const r of data.reports) {
      for (const [code, lines] of Object.entries(r.texts)) {
        // The unit's first line follows its name (and, for a point, the point's lead; the last one takes the "./." ending).
        expect(
          texts.some((t) => t.includes(lines[0]!)),
          `${r.unit} ${code}`,
        ).toBe(true);
        for (const line of lines.slice(1)) expect(texts, `${r.unit} ${code}`).toContain(line);
      }
    }
    expect(texts).toContain('Hội nghị phổ biến pháp luật | 14 | 1.260');
  });
});
