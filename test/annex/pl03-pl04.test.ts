// Phụ lục 03 (procuracy) and 04 (court) read back from the written files: headers and merges of
// docs/annexes.md, every figure against the sample JSON, year rows and TỔNG CỘNG as formulas.
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDb } from '../helpers/fixtures.ts';
import {
  expectedSum,
  formulaOf,
  generateInto,
  letters,
  merges,
  readWorkbook,
  signatureRows,
  roman,
  sampleYears,
  sheet,
  shown,
  sumOrNull,
  text,
} from './helpers.ts';

const GROUPS: [string, string][] = [
  ['d142', 'Hiếp dâm người dưới 16 tuổi (Điều 142)'],
  ['d144', 'Cưỡng dâm người từ đủ 13 tuổi đến dưới 16 tuổi (Điều 144)'],
  ['d145', 'Giao cấu hoặc thực hiện hành vi quan hệ tình dục khác với người từ đủ 13 tuổi đến dưới 16 tuổi (Điều 145)'],
  ['d146', 'Dâm ô đối với người dưới 16 tuổi (Điều 146)'],
  ['d147', 'Sử dụng người dưới 16 tuổi vào mục đích khiêu dâm (Điều 147)'],
  ['xhtd_khac', 'Hiếp dâm, cưỡng dâm, mua dâm người dưới 18 tuổi (Điều 141, 143, 329)'],
  ['mua_ban', 'Mua bán, đánh tráo, chiếm đoạt người dưới 16 tuổi (Điều 150, 151, 152, 153)'],
  ['bao_luc', 'Giết, cố ý gây thương tích, hành hạ, ngược đãi trẻ em (Điều 123, 134, 140, 185)'],
  ['khac', 'Tội phạm khác xâm hại trẻ em'],
];

interface AnnexCase {
  file: string;
  sheet: string;
  label: string;
  title: string;
  kind: string;
  prefix: string;
  /** Figure columns and the measure each holds. */
  measures: [string, string][];
  /** Header cells: address, merged range (or null), text. */
  header: [string, string | null, string][];
  last: string;
  tableFont: number;
}

const PL03: AnnexCase = {
  file: 'Phu luc 03.xlsx',
  sheet: 'PL03',
  label: 'Phụ lục 03',
  title: 'KẾT QUẢ GIẢI QUYẾT TIN BÁO, KHỞI TỐ, TRUY TỐ CÁC VỤ ÁN XÂM HẠI TRẺ EM',
  kind: 'vien_kiem_sat',
  prefix: 'pl03',
  measures: [
    ['C', 'tb_thuly'],
    ['D', 'tb_gq'],
    ['E', 'kt_vu'],
    ['F', 'kt_bc'],
    ['G', 'tt_vu'],
    ['H', 'tt_bc'],
    ['I', 'dc_vu'],
    ['J', 'dc_bc'],
    ['K', 'bh_duoi16'],
    ['L', 'bh_16den18'],
  ],
  header: [
    ['A6', 'A6:A7', 'STT'],
    ['B6', 'B6:B7', 'Tội danh'],
    ['C6', 'C6:D6', 'Tin báo, tố giác về tội phạm'],
    ['C7', null, 'Đã thụ lý'],
    ['D7', null, 'Đã giải quyết'],
    ['E6', 'E6:F6', 'Khởi tố'],
    ['E7', null, 'Vụ'],
    ['F7', null, 'Bị can'],
    ['G6', 'G6:H6', 'Truy tố'],
    ['G7', null, 'Vụ'],
    ['H7', null, 'Bị can'],
    ['I6', 'I6:J6', 'Đình chỉ'],
    ['I7', null, 'Vụ'],
    ['J7', null, 'Bị can'],
    ['K6', 'K6:L6', 'Số bị hại'],
    ['K7', null, 'Dưới 16 tuổi'],
    ['L7', null, 'Từ 16 đến dưới 18 tuổi'],
    ['M6', 'M6:M7', 'Ghi chú'],
  ],
  last: 'M',
  tableFont: 12,
};

const PL04: AnnexCase = {
  file: 'Phu luc 04.xlsx',
  sheet: 'PL04',
  label: 'Phụ lục 04',
  title: 'KẾT QUẢ THỤ LÝ, XÉT XỬ SƠ THẨM CÁC VỤ ÁN XÂM HẠI TRẺ EM',
  kind: 'toa_an',
  prefix: 'pl04',
  measures: [
    ['C', 'tl_vu'],
    ['D', 'tl_bc'],
    ['E', 'gq_vu'],
    ['F', 'gq_bc'],
    ['G', 'xx_vu'],
    ['H', 'xx_bc'],
    ['I', 'hp_den3'],
    ['J', 'hp_3den7'],
    ['K', 'hp_7den15'],
    ['L', 'hp_15den20'],
    ['M', 'hp_chung_than'],
    ['N', 'hp_tu_hinh'],
    ['O', 'hp_an_treo'],
    ['P', 'hp_khac'],
    ['Q', 'con_lai_vu'],
  ],
  header: [
    ['A6', 'A6:A7', 'STT'],
    ['B6', 'B6:B7', 'Tội danh'],
    ['C6', 'C6:D6', 'Thụ lý'],
    ['C7', null, 'Vụ'],
    ['D7', null, 'Bị cáo'],
    ['E6', 'E6:F6', 'Đã giải quyết'],
    ['E7', null, 'Vụ'],
    ['F7', null, 'Bị cáo'],
    ['G6', 'G6:H6', 'Đã xét xử'],
    ['G7', null, 'Vụ'],
    ['H7', null, 'Bị cáo'],
    ['I6', 'I6:P6', 'Hình phạt (số bị cáo)'],
    ['I7', null, 'Tù có thời hạn đến 03 năm'],
    ['J7', null, 'Từ trên 03 năm đến 07 năm'],
    ['K7', null, 'Từ trên 07 năm đến 15 năm'],
    ['L7', null, 'Từ trên 15 năm đến 20 năm'],
    ['M7', null, 'Tù chung thân'],
    ['N7', null, 'Tử hình'],
    ['O7', null, 'Án treo'],
    ['P7', null, 'Hình phạt khác'],
    ['Q6', 'Q6:Q7', 'Còn lại (vụ)'],
    ['R6', 'R6:R7', 'Ghi chú'],
  ],
  last: 'R',
  tableFont: 11,
};

const workbooks = new Map<string, ExcelJS.Workbook>();
let cleanup: () => void;

beforeAll(async () => {
  const ctx = sampleDb();
  const out = await generateInto(ctx);
  cleanup = out.cleanup;
  for (const c of [PL03, PL04]) workbooks.set(c.file, await readWorkbook(out.dir, c.file));
  ctx.db.close();
});
afterAll(() => cleanup?.());

describe.each([PL03, PL04])('$label', (c) => {
  const years = sampleYears(c.kind);
  const ws = () => sheet(workbooks.get(c.file)!, c.sheet);
  const block = GROUPS.length + 1;

  it('has the title rows merged across the table and the header rows 6–7 with their merges, column numbers on row 8', () => {
    const w = ws();
    expect(w.name).toBe(c.sheet);
    expect(text(w, 'A1')).toBe(c.label);
    expect(text(w, 'A2')).toBe(c.title);
    expect(text(w, 'A3')).toBe('(Từ năm 2023 đến năm 2026)');
    expect(text(w, 'A4')).toBe('(Kèm theo Báo cáo số …/BC-SYT ngày 20 tháng 12 năm 2026 của Sở Y tế tỉnh An Lạc)');
    for (const r of [1, 2, 3, 4]) expect(merges(w)).toContain(`A${r}:${c.last}${r}`);
    for (const [cell, range, label] of c.header) {
      expect(text(w, cell), cell).toBe(label);
      if (range) expect(merges(w)).toContain(range);
      expect(w.getCell(cell).font).toMatchObject({ name: 'Times New Roman', bold: true, size: c.tableFont });
    }
    const cols = letters('A', c.last);
    expect(cols.map((col) => text(w, `${col}8`))).toEqual(cols.map((_x, i) => `(${i + 1})`));
  });

  it('shows every crime-group figure of every year as the source unit reported it, blank kept apart from 0', () => {
    const w = ws();
    let checked = 0;
    years.forEach((year, i) => {
      const r = 9 + i * block;
      expect(w.getCell(`A${r}`).value).toBe(roman(i + 1));
      expect(text(w, `B${r}`)).toBe(`Năm ${year}`);
      GROUPS.forEach(([g, label], j) => {
        expect(w.getCell(`A${r + 1 + j}`).value).toBe(j + 1);
        expect(text(w, `B${r + 1 + j}`)).toBe(label);
        for (const [col, m] of c.measures) {
          expect(shown(w, `${col}${r + 1 + j}`), `${col}${r + 1 + j}`).toBe(expectedSum(year, [`${c.prefix}_${g}_${m}`], { kind: c.kind }));
          checked++;
        }
      });
    });
    expect(checked).toBe(years.length * GROUPS.length * c.measures.length);
  });

  it('sums year rows and TỔNG CỘNG with formulas carrying their values, and has no note when the source reported', () => {
    const w = ws();
    years.forEach((year, i) => {
      const r = 9 + i * block;
      for (const [col, m] of c.measures) {
        expect(formulaOf(w, `${col}${r}`)).toBe(`SUM(${col}${r + 1}:${col}${r + GROUPS.length})`);
        expect(shown(w, `${col}${r}`)).toBe(sumOrNull(GROUPS.map(([g]) => expectedSum(year, [`${c.prefix}_${g}_${m}`], { kind: c.kind }))));
      }
    });
    const total = 9 + years.length * block;
    expect(text(w, `B${total}`)).toBe('TỔNG CỘNG');
    for (const [col, m] of c.measures) {
      expect(formulaOf(w, `${col}${total}`)).toBe(`SUM(${years.map((_y, i) => `${col}${9 + i * block}`).join(',')})`);
      expect(shown(w, `${col}${total}`)).toBe(
        sumOrNull(years.flatMap((y) => GROUPS.map(([g]) => expectedSum(y, [`${c.prefix}_${g}_${m}`], { kind: c.kind })))),
      );
    }
    // Under the table: the source, from the unit list and the province in settings, then the signature block.
    const source = c.kind === 'vien_kiem_sat' ? 'Viện kiểm sát nhân dân tỉnh An Lạc' : 'Tòa án nhân dân tỉnh An Lạc';
    expect(text(w, `A${total + 1}`)).toBe(`Nguồn: ${source}.`);
    expect(signatureRows(w, total + 3).left).toContain('NGƯỜI LẬP BIỂU');
  });
});
