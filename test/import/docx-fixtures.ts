// Units' Word reports made by code (the docx library), in the shapes units send: the outline's numbering or
// none, headings styled or only bolded, the Quốc hiệu header table, lists, a table, the "Nơi nhận" closing, TCVN3.
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { convertLegacyText } from '../../shared/legacy-text.ts';

export type Item = { h: string; level: 1 | 2 | 3 } | { p: string } | { bullet: string } | { numbered: string } | { table: string[][] };

export interface ReportOptions {
  /** Headings with Heading 1–3 styles (default) or plain paragraphs in bold. */
  headings?: 'styled' | 'bold' | 'plain';
  /** The agency lines of the header block (left of the Quốc hiệu); none: no header block. */
  agency?: string[];
  /** The header block as centred paragraphs (agency, then the Quốc hiệu) instead of a two-column table. */
  headerParagraphs?: boolean;
  /** The title line's year ("… năm 2026"). */
  year?: number;
  /** Text typed in TCVN3 with the .VnTime font. */
  tcvn3?: boolean;
  /** The font of every run (default: .VnTime for TCVN3 text, else Times New Roman). */
  font?: string;
  /** Adds "Nơi nhận:" and the signature after the body. */
  closing?: boolean;
}

// TCVN3 encoder for fixtures: the inverse of the converter's table (lower-case codes for capitals, as .VnTimeH).
const TCVN3_OF = new Map<string, string>();
for (let c = 0xa1; c <= 0xff; c++) {
  const ch = String.fromCharCode(c);
  const uni = convertLegacyText(ch, 'tcvn3');
  if (uni !== ch && !TCVN3_OF.has(uni)) TCVN3_OF.set(uni, ch);
}
export function toTcvn3(text: string): string {
  return [...text.normalize('NFC')].map((ch) => TCVN3_OF.get(ch) ?? TCVN3_OF.get(ch.toLowerCase()) ?? ch).join('');
}

/** The text of a standard report: each text paragraph names its section so that tests can see where it went. */
export function body(code: string): string {
  return `Nội dung của đơn vị cho mục ${code}, trong năm có 12 cuộc, 340 lượt người tham gia.`;
}

const ROMANS: [string, string, boolean][] = [
  ['I', 'Rà soát, ban hành chính sách, văn bản có liên quan đến trẻ em, công tác phòng, chống xâm hại trẻ em (kèm theo Phụ lục 02)', true],
  ['II', 'Nâng cao hiệu quả công tác tuyên truyền, phổ biến, giáo dục pháp luật về bảo vệ trẻ em, kiến thức, kỹ năng phòng, chống xâm hại trẻ em', false],
  ['III', 'Nâng cao hiệu quả công tác thanh tra, kiểm tra về phòng, chống xâm hại trẻ em', false],
  ['IV', 'Đẩy mạnh thực hiện các nhiệm vụ liên quan đến bảo vệ trẻ em, phòng, chống xâm hại trẻ em', false],
  ['V', 'Bảo đảm nguồn lực phù hợp cho công tác bảo vệ trẻ em, phòng, chống xâm hại trẻ em', false],
];
const POINTS: [string, string][] = [
  ['th', 'Tồn tại, hạn chế.'],
  ['kk', 'Khó khăn, vướng mắc.'],
  ['nn', 'Nguyên nhân.'],
  ['gp', 'Giải pháp.'],
];
const RECOMMENDATIONS = [
  'Đối với Quốc hội',
  'Đối với Chính phủ',
  'Đối với các bộ, ngành',
  'Đối với các tổ chức chính trị - xã hội, tổ chức xã hội',
  'Đối với Ủy ban nhân dân tỉnh',
];

/** A report written to the outline, every narrative section with body(code); `numbers: false` drops every number. */
export function standardReport(options: { numbers?: boolean; skipRoman?: string; only?: (code: string) => boolean } = {}): Item[] {
  const n = (mark: string, text: string) => (options.numbers === false ? text : `${mark} ${text}`);
  const keep = options.only ?? (() => true);
  const out: Item[] = [];
  const text = (code: string) => {
    if (keep(code)) out.push({ p: body(code) });
  };
  out.push({ h: n('PHẦN A.', 'TÌNH HÌNH XÂM HẠI TRẺ EM'), level: 1 });
  out.push({ h: n('1.', 'Số lượng trẻ em bị xâm hại'), level: 3 });
  out.push({ p: 'Năm 2026, trên địa bàn xảy ra 3 vụ xâm hại trẻ em (số liệu tại Phụ lục 01).' });
  out.push({ h: n('2.', 'Đánh giá tình hình xâm hại trẻ em'), level: 3 });
  text('t_a2');
  out.push({ h: n('PHẦN B.', 'KẾT QUẢ TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT'), level: 1 });
  ROMANS.forEach(([roman, title, hasDg], i) => {
    if (options.skipRoman === roman) return;
    const b = `t_b${i + 1}`;
    out.push({ h: n(`${roman}.`, title), level: 2 });
    out.push({ h: n('1.', 'Kết quả đạt được'), level: 3 });
    text(`${b}_kq`);
    out.push({ h: n('2.', 'Tồn tại, hạn chế; khó khăn, vướng mắc'), level: 3 });
    for (const [p, lead] of POINTS) {
      out.push({ p: options.numbers === false ? lead : `- ${lead}` });
      text(`${b}_${p}`);
    }
    if (hasDg) {
      out.push({ h: n('3.', 'Đánh giá về công tác ban hành chính sách, văn bản có liên quan đến trẻ em'), level: 3 });
      text(`${b}_dg`);
    }
  });
  out.push({ h: n('PHẦN C.', 'KIẾN NGHỊ'), level: 1 });
  RECOMMENDATIONS.forEach((r, i) => {
    out.push({ h: n(`${i + 1}.`, r), level: 3 });
    text(`t_c${i + 1}`);
  });
  return out;
}

/** Every narrative code the standard report fills, with its text. */
export function standardTexts(skip: (code: string) => boolean = () => false): Record<string, string> {
  const codes = ['t_a2'];
  for (let i = 1; i <= 5; i++) codes.push(`t_b${i}_kq`, ...POINTS.map(([p]) => `t_b${i}_${p}`), ...(i === 1 ? ['t_b1_dg'] : []));
  for (let i = 1; i <= 5; i++) codes.push(`t_c${i}`);
  return Object.fromEntries(codes.filter((c) => !skip(c)).map((c) => [c, body(c)]));
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

export async function wordReport(items: Item[], options: ReportOptions = {}): Promise<Buffer> {
  const legacy = options.tcvn3 === true;
  const font = options.font ?? (legacy ? '.VnTime' : 'Times New Roman');
  const t = (s: string) => (legacy ? toTcvn3(s) : s);
  const run = (text: string, extra: { bold?: boolean; italics?: boolean } = {}) => new TextRun({ text: t(text), font, size: 28, ...extra });
  const para = (text: string, extra: { bold?: boolean; italics?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
    new Paragraph({ alignment: extra.align, children: [run(text, extra)] });
  const children: (Paragraph | Table)[] = [];
  if (options.agency && options.headerParagraphs) {
    for (const [i, a] of options.agency.entries()) children.push(para(a, { bold: i === options.agency.length - 1, align: AlignmentType.CENTER }));
    children.push(para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, align: AlignmentType.CENTER }));
    children.push(para('Độc lập - Tự do - Hạnh phúc', { bold: true, align: AlignmentType.CENTER }));
  } else if (options.agency) {
    const cell = (lines: Paragraph[]) => new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: lines });
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({
            children: [
              cell(options.agency.map((a, i) => para(a, { bold: i === options.agency!.length - 1, align: AlignmentType.CENTER }))),
              cell([
                para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, align: AlignmentType.CENTER }),
                para('Độc lập - Tự do - Hạnh phúc', { bold: true, align: AlignmentType.CENTER }),
              ]),
            ],
          }),
          new TableRow({
            children: [
              cell([para('Số: 15/BC-UBND', { align: AlignmentType.CENTER })]),
              cell([para(`An Lạc, ngày 05 tháng 01 năm ${(options.year ?? 2026) + 1}`, { italics: true, align: AlignmentType.CENTER })]),
            ],
          }),
        ],
      }),
    );
  }
  children.push(para('BÁO CÁO', { bold: true, align: AlignmentType.CENTER }));
  children.push(
    para(
      `Kết quả thực hiện Nghị quyết số 121/2020/QH14 ngày 19/6/2020 của Quốc hội về tiếp tục tăng cường hiệu lực, hiệu quả việc thực hiện chính sách, pháp luật về phòng, chống xâm hại trẻ em năm ${options.year ?? 2026}`,
      { bold: true, align: AlignmentType.CENTER },
    ),
  );
  children.push(para('Thực hiện Công văn của Sở Y tế, đơn vị báo cáo kết quả thực hiện như sau:'));
  for (const item of items) {
    if ('h' in item) {
      const style = options.headings ?? 'styled';
      children.push(new Paragraph({ heading: style === 'styled' ? HEADINGS[item.level] : undefined, children: [run(item.h, { bold: style !== 'plain' })] }));
    } else if ('p' in item) children.push(para(item.p));
    else if ('bullet' in item) children.push(new Paragraph({ bullet: { level: 0 }, children: [run(item.bullet)] }));
    else if ('numbered' in item) children.push(new Paragraph({ numbering: { reference: 'list', level: 0 }, children: [run(item.numbered)] }));
    else
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: item.table.map((row) => new TableRow({ children: row.map((c) => new TableCell({ children: [para(c)] })) })),
        }),
      );
  }
  if (options.closing) {
    children.push(para('./.'));
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({
            children: [
              new TableCell({ children: [para('Nơi nhận:', { bold: true }), para('- Sở Y tế;'), para('- Lưu: VT.')] }),
              new TableCell({ children: [para('GIÁM ĐỐC', { bold: true }), para('Nguyễn Văn An', { bold: true })] }),
            ],
          }),
        ],
      }),
    );
  }
  const doc = new Document({
    numbering: { config: [{ reference: 'list', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }] }] },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
