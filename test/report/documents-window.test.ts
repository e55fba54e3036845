// One documents' window of a period (shared/periods.ts): once a 2026 submission carries a document dated
// 01/12/2025, the 2025 report, the 2025 Phụ lục 02 and the 2025 validation still list the same documents,
// and ignore it; the expected list is computed here straight from the sample JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentsWindow } from '../../shared/periods.ts';
import type { ServiceContext } from '../../electron/store/context.ts';
import { importJson } from '../../electron/services/interchange.ts';
import { validationInput } from '../../electron/services/validation.ts';
import { FigureBook } from '../../electron/report/figures.ts';
import { gatherReportData } from '../../electron/report/report-data.ts';
import { emptySampleDb, sample } from '../helpers/fixtures.ts';
import { generateInto, readWorkbook, sheet, shown, text } from '../annex/helpers.ts';

const LATE = {
  cap: 'UBND tỉnh',
  loai: 'Kế hoạch',
  so_ky_hieu: '301/KH-UBND',
  ngay: '2025-12-01',
  co_quan: 'UBND tỉnh An Lạc',
  trich_yeu: 'Triển khai Tháng hành động vì trẻ em',
};
const IN_2026 = {
  cap: 'UBND tỉnh',
  loai: 'Công văn',
  so_ky_hieu: '12/UBND-VX',
  ngay: '2026-02-03',
  co_quan: 'UBND tỉnh An Lạc',
  trich_yeu: 'Tăng cường phòng, chống xâm hại trẻ em dịp hè',
};

let ctx: ServiceContext;

/** The sample up to 2025, and one 2026 submission whose only documents are dated 01/12/2025 and 03/02/2026. */
function load(): ServiceContext {
  const db = emptySampleDb();
  const first2026 = sample.submissions.find((s) => s.year === 2026 && s.unit === 'SYT')!;
  const submissions = [...sample.submissions.filter((s) => s.year <= 2025), { ...first2026, documents: [LATE, IN_2026] }];
  importJson(db, { ...sample, submissions }, 'an-lac-2025.json');
  return db;
}

/** Distinct documents of the sample's submissions up to 2025 dated from documents_from to 15/11/2025. */
function expected2025(): number {
  const from = String(sample.settings!.documents_from);
  const to = `2025-${String(sample.settings!.period_to).slice(5)}`;
  const loose = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/gi, 'd')
      .toLowerCase()
      .replace(/\s+/g, '');
  const keys = new Set<string>();
  for (const s of sample.submissions.filter((x) => x.year <= 2025)) {
    for (const d of s.documents ?? []) if (d.ngay >= from && d.ngay <= to) keys.add([loose(d.so_ky_hieu), d.ngay, loose(d.co_quan ?? '')].join('|'));
  }
  return keys.size;
}

beforeAll(() => {
  ctx = load();
});
afterAll(() => ctx?.db.close());

describe('the documents window of a period', () => {
  it('moves the season end with the year and keeps documents_from', () => {
    const settings = { documents_from: '2021-01-07', period_to: '2026-11-15' };
    expect(documentsWindow(settings, 2026)).toEqual({ from: '2021-01-07', to: '2026-11-15' });
    expect(documentsWindow(settings, 2025)).toEqual({ from: '2021-01-07', to: '2025-11-15' });
  });

  it('the 2025 report, the 2025 Phụ lục 02 and the 2025 validation list the same documents, without the one dated 01/12/2025', async () => {
    const n = expected2025();
    expect(n).toBeGreaterThan(5);
    const data = gatherReportData(ctx, 2025);
    const book = new FigureBook(data);
    expect(book.value(data.outline.figures.doc_total as never)).toBe(n);
    expect(data.documents.map((d) => d.so_ky_hieu)).not.toContain(LATE.so_ky_hieu);
    expect(validationInput(ctx, 2025).documents).toHaveLength(n);

    const out = await generateInto(ctx, { year: 2025 });
    try {
      const ws = sheet(await readWorkbook(out.dir, 'Phu luc 02.xlsx'), 'PL02');
      let totalRow = 0;
      ws.eachRow((row, r) => {
        if (typeof row.getCell(1).numFmt === 'string' && row.getCell(1).numFmt.includes('TỔNG SỐ')) totalRow = r;
      });
      expect(totalRow).toBeGreaterThan(0);
      expect(shown(ws, `A${totalRow}`)).toBe(n);
      const listed: string[] = [];
      ws.eachRow((_row, r) => listed.push(text(ws, `C${r}`)));
      expect(listed).not.toContain(LATE.so_ky_hieu);
    } finally {
      out.cleanup();
    }
  });

  it('the 2026 lists take both documents of the 2026 submission', () => {
    const data = gatherReportData(ctx, 2026);
    expect(data.documents.map((d) => d.so_ky_hieu)).toEqual(expect.arrayContaining([LATE.so_ky_hieu, IN_2026.so_ky_hieu]));
    expect(validationInput(ctx, 2026).documents.map((d) => d.so_ky_hieu)).toEqual(expect.arrayContaining([LATE.so_ky_hieu, IN_2026.so_ky_hieu]));
  });
});
