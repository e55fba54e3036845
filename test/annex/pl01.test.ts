// Phụ lục 01 read back from the written file: layout of docs/annexes.md, every figure against sums computed
// from the sample JSON, blank kept apart from 0, totals as formulas with cached values, the note.
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
  reported,
  roman,
  sampleYears,
  sheet,
  shown,
  sumOrNull,
  text,
  unitName,
  unitsOfKind,
  YEAR,
} from './helpers.ts';

const FORMS = ['bl', 'bb', 'xhtd', 'mb', 'br', 'khac'];
const FORM_LABELS = ['Bạo lực', 'Bóc lột', 'Xâm hại tình dục', 'Mua bán', 'Bỏ rơi, bỏ mặc', 'Các hình thức gây tổn hại khác'];
/** Columns C–I of sheet PL01 and the measure each holds (docs/annexes.md). */
const MEASURES: [string, string][] = [
  ['C', 'vu'],
  ['D', 'tre'],
  ['E', 'nam'],
  ['F', 'nu'],
  ['G', 'duoi6'],
  ['H', '6den12'],
  ['I', '12den16'],
];

let wb: ExcelJS.Workbook;
let cleanup: () => void;

beforeAll(async () => {
  const ctx = sampleDb();
  const out = await generateInto(ctx);
  cleanup = out.cleanup;
  wb = await readWorkbook(out.dir, 'Phu luc 01.xlsx');
  ctx.db.close();
});
afterAll(() => cleanup?.());

describe('Phụ lục 01, sheet PL01 (by year and form of abuse)', () => {
  const years = sampleYears('dia_phuong');

  it('has the communes’ sheets (the default source) and the reconciliation, ASCII-named, PL01 first', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['PL01', 'PL01_DIA_BAN', 'PL01_DOI_CHIEU']);
  });

  it('has the title rows 1–4 merged across A–J, row 5 the unit of measure at the right', () => {
    const ws = sheet(wb, 'PL01');
    expect(text(ws, 'A1')).toBe('Phụ lục 01');
    expect(text(ws, 'A2')).toBe('SỐ LIỆU TRẺ EM BỊ XÂM HẠI');
    expect(text(ws, 'A3')).toBe('(Từ năm 2023 đến năm 2026)');
    expect(text(ws, 'A4')).toBe('(Kèm theo Báo cáo số …/BC-SYT ngày 20 tháng 12 năm 2026 của Sở Y tế tỉnh An Lạc)');
    for (const r of [1, 2, 3, 4]) expect(merges(ws)).toContain(`A${r}:J${r}`);
    expect(ws.getCell('A1').font).toMatchObject({ name: 'Times New Roman', bold: true });
    expect(ws.getCell('A2').font).toMatchObject({ name: 'Times New Roman', bold: true });
    expect(ws.getCell('A3').font).toMatchObject({ italic: true });
    expect(ws.getCell('A4').font).toMatchObject({ italic: true });
    for (const size of [1, 2, 3, 4].map((r) => ws.getCell(`A${r}`).font.size)) expect(size).toBeGreaterThanOrEqual(13);
    expect(text(ws, 'A5')).toBe('Đơn vị tính: vụ, trẻ em');
    expect(merges(ws)).toContain('A5:J5');
    expect(ws.getCell('A5').alignment).toMatchObject({ horizontal: 'right' });
  });

  it('has the header block of rows 6–8 with its merges, and column numbers on row 9', () => {
    const ws = sheet(wb, 'PL01');
    const header: [string, string, string][] = [
      ['A6', 'A6:A8', 'STT'],
      ['B6', 'B6:B8', 'Năm / Hình thức xâm hại'],
      ['C6', 'C6:C8', 'Số vụ'],
      ['D6', 'D6:I6', 'Số trẻ em bị xâm hại'],
      ['D7', 'D7:D8', 'Tổng số'],
      ['E7', 'E7:F7', 'Giới tính'],
      ['G7', 'G7:I7', 'Nhóm tuổi'],
      ['J6', 'J6:J8', 'Ghi chú'],
    ];
    for (const [cell, range, label] of header) {
      expect(text(ws, cell)).toBe(label);
      expect(merges(ws)).toContain(range);
    }
    expect(['E8', 'F8', 'G8', 'H8', 'I8'].map((c) => text(ws, c))).toEqual(['Nam', 'Nữ', 'Dưới 6 tuổi', 'Từ 6 đến dưới 12 tuổi', 'Từ 12 đến dưới 16 tuổi']);
    expect(ws.getCell('D6').font).toMatchObject({ bold: true });
    expect(ws.getCell('D6').alignment).toMatchObject({ horizontal: 'center', wrapText: true });
    expect(ws.getCell('E8').border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
    expect(letters('A', 'J').map((c) => text(ws, `${c}9`))).toEqual(letters('A', 'J').map((_c, i) => `(${i + 1})`));
    expect(ws.getCell('A9').font).toMatchObject({ italic: true });
  });

  it('has a bold year row then the six forms for each year, from row 10', () => {
    const ws = sheet(wb, 'PL01');
    expect(years).toEqual([2023, 2024, 2025, 2026]);
    years.forEach((year, i) => {
      const r = 10 + i * 7;
      expect(ws.getCell(`A${r}`).value).toBe(roman(i + 1));
      expect(text(ws, `B${r}`)).toBe(`Năm ${year}`);
      expect(ws.getCell(`B${r}`).font).toMatchObject({ bold: true });
      FORM_LABELS.forEach((label, j) => {
        expect(ws.getCell(`A${r + 1 + j}`).value).toBe(j + 1);
        expect(text(ws, `B${r + 1 + j}`)).toBe(label);
      });
    });
  });

  it('shows every form figure as the sum over the local units of that year, blank when nobody reported it', () => {
    const ws = sheet(wb, 'PL01');
    let checked = 0;
    years.forEach((year, i) => {
      FORMS.forEach((f, j) => {
        for (const [col, m] of MEASURES) {
          const address = `${col}${11 + i * 7 + j}`;
          expect(shown(ws, address), `${address} pl01_${f}_${m} ${year}`).toBe(expectedSum(year, [`pl01_${f}_${m}`], { kind: 'dia_phuong' }));
          expect(formulaOf(ws, address)).toBeNull();
          expect(ws.getCell(address).numFmt).toBe('#,##0');
          checked++;
        }
      });
    });
    expect(checked).toBe(4 * 6 * 7);
  });

  it('sums each year row over its forms with =SUM formulas carrying the values', () => {
    const ws = sheet(wb, 'PL01');
    years.forEach((year, i) => {
      const r = 10 + i * 7;
      for (const [col, m] of MEASURES) {
        expect(formulaOf(ws, `${col}${r}`)).toBe(`SUM(${col}${r + 1}:${col}${r + 6})`);
        expect(shown(ws, `${col}${r}`)).toBe(sumOrNull(FORMS.map((f) => expectedSum(year, [`pl01_${f}_${m}`], { kind: 'dia_phuong' }))));
        expect(ws.getCell(`${col}${r}`).font).toMatchObject({ bold: true });
      }
    });
  });

  it('ends with TỔNG CỘNG summing the year rows, then the note naming the commune that has not reported', () => {
    const ws = sheet(wb, 'PL01');
    const total = 10 + years.length * 7;
    expect(text(ws, `B${total}`)).toBe('TỔNG CỘNG');
    for (const [col, m] of MEASURES) {
      expect(formulaOf(ws, `${col}${total}`)).toBe(`SUM(${years.map((_y, i) => `${col}${10 + i * 7}`).join(',')})`);
      expect(shown(ws, `${col}${total}`)).toBe(sumOrNull(years.flatMap((y) => FORMS.map((f) => expectedSum(y, [`pl01_${f}_${m}`], { kind: 'dia_phuong' })))));
    }
    expect(reported(YEAR, 'X12')).toBe(false);
    expect(text(ws, `A${total + 1}`)).toBe('Ghi chú: Số liệu chưa bao gồm xã Vĩnh Lộc.');
    expect(merges(ws)).toContain(`A${total + 1}:J${total + 1}`);
    // Then the signature block: the place and date over the right side, who made the table on the left, the head on the right.
    expect(text(ws, `A${total + 2}`)).toBe('');
    const signed = signatureRows(ws, total + 3);
    expect(signed.right[0]).toBe('An Lạc, ngày 20 tháng 12 năm 2026');
    expect(signed.left).toContain('NGƯỜI LẬP BIỂU');
    expect(signed.right).toEqual(expect.arrayContaining(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', '(Ký tên, đóng dấu)', 'Nguyễn Văn A']));
  });

  it('keeps blank apart from 0 where the sample has both', () => {
    // Xã Kim Bình left Mua bán blank in 2023, the other communes wrote 0: the sum is 0, not blank.
    const ws = sheet(wb, 'PL01');
    expect(expectedSum(2023, ['pl01_mb_vu'], { unit: 'X09' })).toBeNull();
    expect(shown(ws, 'C14')).toBe(expectedSum(2023, ['pl01_mb_vu'], { kind: 'dia_phuong' }));
  });
});

describe('Phụ lục 01, sheet PL01_DIA_BAN (the reporting year by local unit)', () => {
  const communes = unitsOfKind('dia_phuong');
  const byForm = ['G', 'H', 'I', 'J', 'K', 'L'];

  it('has its own title and the header of docs/annexes.md', () => {
    const ws = sheet(wb, 'PL01_DIA_BAN');
    expect(text(ws, 'A1')).toBe('Phụ lục 01');
    expect(text(ws, 'A2')).toBe(`SỐ LIỆU TRẺ EM BỊ XÂM HẠI THEO ĐỊA BÀN NĂM ${YEAR}`);
    expect(text(ws, 'A3')).toBe('(Từ ngày 16/11/2025 đến ngày 15/11/2026)');
    expect(merges(ws)).toContain('A1:M1');
    const expected: [string, string][] = [
      ['A6', 'STT'],
      ['B6', 'Đơn vị'],
      ['C6', 'Số vụ'],
      ['D6', 'Tổng số trẻ em'],
      ['E6', 'Giới tính'],
      ['G6', 'Theo hình thức xâm hại'],
      ['M6', 'Ghi chú'],
      ['E7', 'Nam'],
      ['F7', 'Nữ'],
      ['G7', 'Bạo lực'],
      ['H7', 'Bóc lột'],
      ['I7', 'Xâm hại tình dục'],
      ['J7', 'Mua bán'],
      ['K7', 'Bỏ rơi, bỏ mặc'],
      ['L7', 'Khác'],
    ];
    for (const [cell, label] of expected) expect(text(ws, cell)).toBe(label);
    for (const range of ['A6:A7', 'B6:B7', 'C6:C7', 'D6:D7', 'E6:F6', 'G6:L6', 'M6:M7']) expect(merges(ws)).toContain(range);
    expect(letters('A', 'M').map((c) => text(ws, `${c}8`))).toEqual(letters('A', 'M').map((_c, i) => `(${i + 1})`));
  });

  it('has one row per commune in list order, each figure that commune’s own, and Chưa báo cáo for the silent one', () => {
    const ws = sheet(wb, 'PL01_DIA_BAN');
    communes.forEach((code, i) => {
      const r = 9 + i;
      expect(ws.getCell(`A${r}`).value).toBe(i + 1);
      expect(text(ws, `B${r}`)).toBe(unitName(code));
      const own = (m: string) =>
        expectedSum(
          YEAR,
          FORMS.map((f) => `pl01_${f}_${m}`),
          { unit: code },
        );
      expect(shown(ws, `C${r}`)).toBe(own('vu'));
      expect(shown(ws, `D${r}`)).toBe(own('tre'));
      expect(shown(ws, `E${r}`)).toBe(own('nam'));
      expect(shown(ws, `F${r}`)).toBe(own('nu'));
      FORMS.forEach((f, j) => expect(shown(ws, `${byForm[j]}${r}`), `${code} ${f}`).toBe(expectedSum(YEAR, [`pl01_${f}_tre`], { unit: code })));
      expect(text(ws, `M${r}`)).toBe(reported(YEAR, code) ? '' : 'Chưa báo cáo');
    });
    const silent = 9 + communes.indexOf('X12');
    expect(letters('C', 'L').every((c) => shown(ws, `${c}${silent}`) === null)).toBe(true);
    // Xã Kim Bình left Mua bán blank this year; Phường An Lạc wrote 0.
    expect(shown(ws, `J${9 + communes.indexOf('X09')}`)).toBeNull();
    expect(shown(ws, `J${9 + communes.indexOf('X01')}`)).toBe(0);
  });

  it('ends with TỔNG CỘNG as =SUM over the communes, then the note', () => {
    const ws = sheet(wb, 'PL01_DIA_BAN');
    const first = 9;
    const last = 9 + communes.length - 1;
    const total = last + 1;
    expect(text(ws, `B${total}`)).toBe('TỔNG CỘNG');
    expect(formulaOf(ws, `D${total}`)).toBe(`SUM(D${first}:D${last})`);
    expect(shown(ws, `D${total}`)).toBe(
      expectedSum(
        YEAR,
        FORMS.map((f) => `pl01_${f}_tre`),
        { kind: 'dia_phuong' },
      ),
    );
    FORMS.forEach((f, j) => expect(shown(ws, `${byForm[j]}${total}`)).toBe(expectedSum(YEAR, [`pl01_${f}_tre`], { kind: 'dia_phuong' })));
    expect(text(ws, `A${total + 1}`)).toBe('Ghi chú: Số liệu chưa bao gồm xã Vĩnh Lộc.');
  });
});
