// The annex layouts are template data checked by a schema; the engine that lays them out names no annex.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutIssues } from '../../shared/annex-schema.ts';
import { loadAnnexLayouts, parseAnnexLayout } from '../../electron/annex/layouts.ts';
import { loadTemplateFile, templatePath } from '../../electron/template-store.ts';

const template = loadTemplateFile();
const raw = (file: string) =>
  JSON.parse(readFileSync(templatePath('nq121', `annexes/${file}`), 'utf8')) as Record<string, unknown> & { sheets: Record<string, unknown>[] };

describe('annex layouts (templates/nq121/annexes)', () => {
  it('loads the four annexes in order, each with an ASCII file and sheet names', () => {
    const layouts = loadAnnexLayouts(template);
    expect(layouts.map((l) => l.id)).toEqual(['PL01', 'PL02', 'PL03', 'PL04']);
    expect(layouts.map((l) => l.file)).toEqual(['Phu luc 01.xlsx', 'Phu luc 02.xlsx', 'Phu luc 03.xlsx', 'Phu luc 04.xlsx']);
    expect(layouts.flatMap((l) => l.sheets.map((s) => s.name))).toEqual(['PL01', 'PL01_CONG_AN', 'PL01_DIA_BAN', 'PL01_DOI_CHIEU', 'PL02', 'PL03', 'PL04']);
    for (const l of layouts) for (const s of l.sheets) expect(layoutIssues(s)).toEqual([]);
  });

  it('refuses a header cell that overlaps another, or leaves a hole', () => {
    const bad = raw('pl03.json');
    const sheet = bad.sheets[0] as { header: { cells: { range: string; text: string }[] } };
    sheet.header.cells.push({ range: 'B6:C6', text: 'Chồng' });
    expect(() => parseAnnexLayout(bad, 'pl03.json', template)).toThrow(/chồng lên/);
    const holey = raw('pl03.json');
    (holey.sheets[0] as { header: { cells: { range: string }[] } }).header.cells.splice(3, 1);
    expect(() => parseAnnexLayout(holey, 'pl03.json', template)).toThrow(/thiếu ô/);
  });

  it('refuses columns out of order and figures the template does not define', () => {
    const shuffled = raw('pl04.json');
    const cols = (shuffled.sheets[0] as { columns: { col: string }[] }).columns;
    [cols[2]!.col, cols[3]!.col] = [cols[3]!.col, cols[2]!.col];
    expect(() => parseAnnexLayout(shuffled, 'pl04.json', template)).toThrow(/cột thứ 3/);
    const unknown = raw('pl01.json');
    (unknown.sheets[0] as { columns: { content: { code?: string } }[] }).columns[2]!.content.code = 'pl01_{row}_khong_co';
    expect(() => parseAnnexLayout(unknown, 'pl01.json', template)).toThrow(/pl01_bl_khong_co/);
  });

  it('keeps the engine generic: no annex, indicator or unit kind is named in its code', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const files = [
      ...readdirSync(path.join(root, 'electron/annex')).map((f) => `electron/annex/${f}`),
      'electron/services/annexes.ts',
      'shared/annex-schema.ts',
    ];
    for (const f of files) {
      const source = readFileSync(path.join(root, f), 'utf8');
      expect(source, f).not.toMatch(/PL0\d|pl0\d_|dia_phuong|vien_kiem_sat|toa_an|crime_groups|doc_levels/);
    }
  });
});
