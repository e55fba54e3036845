// Phụ lục 02 read back from the written file: documents of the sample, de-duplicated and grouped by
// cấp ban hành, counts as formulas, TỔNG SỐ and the breakdown by type, the note on silent units.
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sample, sampleDb } from '../helpers/fixtures.ts';
import { formulaOf, generateInto, merges, readWorkbook, roman, sheet, shown, text, unitName } from './helpers.ts';

interface ExpectedDocument {
  cap: string;
  loai: string;
  so_ky_hieu: string;
  ngay: string;
  co_quan: string;
  trich_yeu: string;
  units: string[];
}

const LEVELS = ['HĐND tỉnh', 'UBND tỉnh', 'Sở, ngành, đoàn thể', 'Cấp huyện (trước 01/7/2025)', 'Cấp xã'];
const TYPES = ['Nghị quyết', 'Quyết định', 'Chỉ thị', 'Kế hoạch', 'Chương trình', 'Đề án', 'Hướng dẫn', 'Công văn', 'Văn bản khác'];
const unitOrder = new Map(sample.units.map((u) => [u.code, u.order ?? 0]));

/** The sample's documents in the period, one per (number, date, body) compared loosely, with every unit that reported it. */
function expectedDocuments(): ExpectedDocument[] {
  const from = String(sample.settings!.documents_from);
  const to = String(sample.settings!.period_to);
  const loose = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/gi, 'd')
      .toLowerCase()
      .replace(/\s+/g, '');
  const byKey = new Map<string, ExpectedDocument>();
  for (const s of sample.submissions) {
    for (const d of s.documents ?? []) {
      if (d.ngay < from || d.ngay > to) continue;
      const key = [loose(d.so_ky_hieu), d.ngay, loose(d.co_quan ?? '')].join('|');
      const doc = byKey.get(key) ?? {
        cap: d.cap,
        loai: d.loai,
        so_ky_hieu: d.so_ky_hieu,
        ngay: d.ngay,
        co_quan: d.co_quan ?? '',
        trich_yeu: d.trich_yeu,
        units: [],
      };
      if (!doc.units.includes(s.unit)) doc.units.push(s.unit);
      byKey.set(key, doc);
    }
  }
  return [...byKey.values()].map((d) => ({ ...d, units: d.units.sort((a, b) => unitOrder.get(a)! - unitOrder.get(b)!) }));
}

const documents = expectedDocuments();
const groups = LEVELS.map((cap) => ({
  cap,
  docs: documents
    .filter((d) => d.cap === cap)
    .sort((a, b) => a.ngay.localeCompare(b.ngay) || a.so_ky_hieu.localeCompare(b.so_ky_hieu, 'vi', { numeric: true })),
})).filter((g) => g.docs.length > 0);

let ws: ExcelJS.Worksheet;
let cleanup: () => void;

beforeAll(async () => {
  const ctx = sampleDb();
  const out = await generateInto(ctx);
  cleanup = out.cleanup;
  ws = sheet(await readWorkbook(out.dir, 'Phu luc 02.xlsx'), 'PL02');
  ctx.db.close();
});
afterAll(() => cleanup?.());

describe('Phụ lục 02', () => {
  it('has the title rows, the period from documents_from to period_to, the header row and column numbers', () => {
    expect(text(ws, 'A1')).toBe('Phụ lục 02');
    expect(text(ws, 'A2')).toBe('DANH MỤC VĂN BẢN VỀ BẢO VỆ TRẺ EM, PHÒNG, CHỐNG XÂM HẠI TRẺ EM ĐÃ BAN HÀNH');
    expect(text(ws, 'A3')).toBe('(Từ ngày 07/01/2021 đến ngày 15/11/2026)');
    expect(text(ws, 'A4')).toBe('(Kèm theo Báo cáo số …/BC-SYT ngày 20 tháng 12 năm 2026 của Sở Y tế tỉnh An Lạc)');
    for (const r of [1, 2, 3, 4]) expect(merges(ws)).toContain(`A${r}:G${r}`);
    expect(['A6', 'B6', 'C6', 'D6', 'E6', 'F6', 'G6'].map((c) => text(ws, c))).toEqual([
      'STT',
      'Loại văn bản',
      'Số, ký hiệu',
      'Ngày ban hành',
      'Cơ quan ban hành',
      'Trích yếu nội dung',
      'Đơn vị báo cáo',
    ]);
    expect(['A7', 'B7', 'C7', 'D7', 'E7', 'F7', 'G7'].map((c) => text(ws, c))).toEqual(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)']);
    expect(ws.getCell('F8').alignment?.wrapText ?? ws.getCell('F9').alignment?.wrapText).toBe(true);
  });

  it('groups the documents by cấp with closed-up roman numerals, counts as =COUNTA shown "<n> văn bản", by date then number', () => {
    expect(groups.length).toBeGreaterThanOrEqual(3);
    let r = 8;
    groups.forEach((g, gi) => {
      expect(ws.getCell(`A${r}`).value).toBe(roman(gi + 1));
      expect(text(ws, `B${r}`)).toBe(g.cap.toLocaleUpperCase('vi'));
      expect(ws.getCell(`B${r}`).font).toMatchObject({ bold: true });
      expect(formulaOf(ws, `C${r}`)).toBe(g.docs.length === 1 ? `COUNTA(C${r + 1})` : `COUNTA(C${r + 1}:C${r + g.docs.length})`);
      expect(shown(ws, `C${r}`)).toBe(g.docs.length);
      expect(ws.getCell(`C${r}`).numFmt).toBe('00 "văn bản"'); // "01 văn bản", as the report counts
      g.docs.forEach((d, j) => {
        const row = r + 1 + j;
        expect(ws.getCell(`A${row}`).value).toBe(j + 1);
        expect(text(ws, `B${row}`)).toBe(d.loai);
        expect(text(ws, `C${row}`)).toBe(d.so_ky_hieu);
        expect((ws.getCell(`D${row}`).value as Date).toISOString().slice(0, 10)).toBe(d.ngay);
        expect(ws.getCell(`D${row}`).numFmt).toBe('dd/mm/yyyy');
        expect(text(ws, `E${row}`)).toBe(d.co_quan);
        expect(text(ws, `F${row}`)).toBe(d.trich_yeu);
        expect(text(ws, `G${row}`)).toBe(d.units.map(unitName).join('; '));
      });
      r += 1 + g.docs.length;
    });
    expect(text(ws, 'B8')).toBe('HĐND TỈNH');
  });

  it('lists 45/KH-UBND of 12/03/2021 once, with both units that reported it', () => {
    const rows: number[] = [];
    ws.eachRow((row, n) => {
      if (row.getCell(3).value === '45/KH-UBND') rows.push(n);
    });
    expect(rows).toHaveLength(1);
    expect((ws.getCell(`D${rows[0]}`).value as Date).toISOString().slice(0, 10)).toBe('2021-03-12');
    expect(text(ws, `G${rows[0]}`)).toBe('Sở Y tế; Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh');
    const reporters = sample.submissions.filter((s) => s.documents?.some((d) => d.so_ky_hieu === '45/KH-UBND')).map((s) => s.unit);
    expect(new Set(reporters)).toEqual(new Set(['SYT', 'MTTQ']));
  });

  it('ends with TỔNG SỐ as a formula over the group counts, the breakdown by type, then the note', () => {
    const total = 8 + groups.reduce((n, g) => n + 1 + g.docs.length, 0);
    const groupRows = groups.reduce<number[]>((acc, g, i) => [...acc, i === 0 ? 8 : acc[i - 1]! + 1 + groups[i - 1]!.docs.length], []);
    expect(merges(ws)).toContain(`A${total}:G${total}`);
    expect(formulaOf(ws, `A${total}`)).toBe(`SUM(${groupRows.map((r) => `C${r}`).join(',')})`);
    expect(shown(ws, `A${total}`)).toBe(documents.length);
    expect(ws.getCell(`A${total}`).numFmt).toBe('"TỔNG SỐ: "00" văn bản"');
    const counts = TYPES.map((t) => [t, documents.filter((d) => d.loai === t).length] as const).filter(([, n]) => n > 0);
    expect(text(ws, `A${total + 1}`)).toBe(`Trong đó: ${counts.map(([t, n]) => `${String(n).padStart(2, '0')} ${t.toLocaleLowerCase('vi')}`).join(', ')}.`);
    expect(ws.getCell(`A${total + 1}`).font).toMatchObject({ italic: true });
    // Sở Tài chính and Xã Vĩnh Lộc (both report documents) have not reported this year.
    expect(text(ws, `A${total + 2}`)).toBe('Ghi chú: Số liệu chưa bao gồm Sở Tài chính, xã Vĩnh Lộc.');
  });
});
