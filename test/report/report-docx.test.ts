// The Word report of the sample province for 2026, read back from the written .docx: outline order, every
// figure against sums computed here from the sample JSON, Decree 30 page and type, header, narrative, closing.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/store/context.ts';
import { generateReport } from '../../electron/services/report.ts';
import { headerColumns, issuingRuleWidth } from '../../electron/report/docx/header-block.ts';
import { CELL_MARGIN } from '../../electron/report/docx/layout.ts';
import { boldTextWidth } from '../../electron/report/docx/text-width.ts';
import { sample, sampleDb, tempDir } from '../helpers/fixtures.ts';
import { bodyParagraphs, cellText, pngSize, readDocx, tables, type DocxParagraph, type DocxParts } from './docx-reader.ts';
import {
  AGES,
  blankUnitCodes,
  count,
  FORMS,
  issuedDocuments,
  likeForLike,
  missingUnitNames,
  money,
  must,
  overGroups,
  percent,
  pl01,
  running,
  total,
  unitTextsOf,
} from './sample-figures.ts';

const YEAR = 2026;
const PREV = 2025;

// The outline's headings as docs/report-outline.md gives them (typos corrected), in printing order.
const B_SUB = ['1. Kết quả đạt được', '2. Tồn tại, hạn chế; khó khăn, vướng mắc'];
const EXPECTED_HEADINGS = [
  'PHẦN A. TÌNH HÌNH XÂM HẠI TRẺ EM',
  '1. Số lượng trẻ em bị xâm hại (kèm theo Phụ lục 01)',
  '2. Đánh giá tình hình xâm hại trẻ em',
  'PHẦN B. KẾT QUẢ TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT',
  'I. Rà soát, ban hành chính sách, văn bản có liên quan đến trẻ em, công tác phòng, chống xâm hại trẻ em (kèm theo Phụ lục 02)',
  ...B_SUB,
  '3. Đánh giá về công tác ban hành chính sách, văn bản có liên quan đến trẻ em',
  'II. Nâng cao hiệu quả công tác tuyên truyền, phổ biến, giáo dục pháp luật về bảo vệ trẻ em, kiến thức, kỹ năng phòng, chống xâm hại trẻ em',
  ...B_SUB,
  'III. Nâng cao hiệu quả công tác thanh tra, kiểm tra về phòng, chống xâm hại trẻ em',
  ...B_SUB,
  'IV. Đẩy mạnh thực hiện các nhiệm vụ liên quan đến bảo vệ trẻ em, phòng, chống xâm hại trẻ em',
  ...B_SUB,
  'V. Bảo đảm nguồn lực phù hợp cho công tác bảo vệ trẻ em, phòng, chống xâm hại trẻ em',
  ...B_SUB,
  'PHẦN C. KIẾN NGHỊ',
  '1. Đối với Quốc hội',
  '2. Đối với Chính phủ',
  '3. Đối với các bộ, ngành',
  '4. Đối với các tổ chức chính trị - xã hội, tổ chức xã hội',
  '5. Đối với Ủy ban nhân dân tỉnh',
];
const SUBJECT =
  'Kết quả thực hiện Nghị quyết số 121/2020/QH14 ngày 19/6/2020 của Quốc hội về tiếp tục tăng cường hiệu lực, hiệu quả việc thực hiện chính sách, pháp luật về phòng, chống xâm hại trẻ em năm 2026';
const FORM_WORDS: Record<string, [string, string]> = {
  bl: ['bạo lực', 'bạo lực'],
  bb: ['bóc lột', 'bóc lột'],
  xhtd: ['xâm hại tình dục', 'xâm hại tình dục'],
  mb: ['mua bán', 'mua bán'],
  br: ['bỏ rơi, bỏ mặc', 'bỏ rơi, bỏ mặc'],
  khac: ['hình thức khác', 'xâm hại bằng hình thức khác'],
};
const DOC_TYPES = ['Nghị quyết', 'Quyết định', 'Chỉ thị', 'Kế hoạch', 'Chương trình', 'Đề án', 'Hướng dẫn', 'Công văn', 'Văn bản khác'];
const LOCAL_KINDS = ['dia_phuong'];

/** A sentence without its coverage note " (… chưa báo cáo chỉ tiêu này)" before the final stop. */
function withoutCoverage(text: string): string {
  return text.replace(/ \((?:[^()]|\([^()]*\))*chưa báo cáo (?:các )?chỉ tiêu này\)(?=\.)/, '');
}
const SO_LIEU_KINDS = ['thuong_truc', 'so_nganh', 'cong_an', 'dia_phuong'];

let ctx: ServiceContext;
let cleanup: () => void;
let docx: DocxParts;
let paragraphs: DocxParagraph[];
let texts: string[];
let notices: string[];

beforeAll(async () => {
  const t = tempDir('bc121-report-');
  cleanup = t.cleanup;
  ctx = sampleDb();
  const result = await generateReport(ctx, { year: YEAR, outDir: t.dir });
  expect(path.basename(result.file)).toBe('Bao cao.docx');
  notices = result.notices;
  docx = await readDocx(result.file);
  paragraphs = bodyParagraphs(docx.document);
  texts = paragraphs.map((p) => p.text).filter((t) => t !== '');
});
afterAll(() => {
  ctx.db.close();
  cleanup();
});

/** The body paragraphs between a heading and the next heading (bold-only paragraphs). */
function sectionParagraphs(heading: string, occurrence = 0): DocxParagraph[] {
  const isHeading = (p: DocxParagraph) => p.runs.length > 0 && p.runs.every((r) => r.bold) && p.text.trim() !== '';
  const starts = paragraphs.map((p, i) => (p.text === heading && isHeading(p) ? i : -1)).filter((i) => i >= 0);
  const start = starts[occurrence];
  if (start === undefined) throw new Error(`no heading ${heading}`);
  const out: DocxParagraph[] = [];
  for (const p of paragraphs.slice(start + 1)) {
    if (isHeading(p)) break;
    if (p.text !== '') out.push(p);
  }
  return out;
}

function attrs(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/w:(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

describe('Bao cao.docx — the outline and its figures (sample province, 2026 vs 2025)', () => {
  it('prints the title, the trích yếu and every heading of the outline in order', () => {
    const boldOnly = paragraphs.filter((p) => p.text.trim() !== '' && p.runs.every((r) => r.bold)).map((p) => p.text);
    expect(boldOnly).toEqual(['DỰ THẢO', 'BÁO CÁO', SUBJECT, ...EXPECTED_HEADINGS]); // the sample leaves sections empty: a draft
    const leads = paragraphs.filter((p) => p.runs[0]?.italic && p.text.startsWith('- ')).map((p) => p.runs[0]!.text);
    expect(leads).toEqual(Array(5).fill(['- Tồn tại, hạn chế.', '- Khó khăn, vướng mắc.', '- Nguyên nhân.', '- Giải pháp.']).flat());
    expect(texts).toContain(sample.settings!.opening);
  });

  it('A.1: cases, children by sex, the comparison with 2025, forms (zeros gathered), ages and the missing commune', () => {
    const vu = pl01(YEAR, FORMS, 'vu');
    const tre = pl01(YEAR, FORMS, 'tre');
    // Like for like: the communes that reported in both years (the sample's 2026 lacks one commune of 2025).
    const lfl = likeForLike(
      YEAR,
      PREV,
      FORMS.map((f) => `pl01_${f}_tre`),
    );
    expect(lfl.differ).toBe(true);
    const diff = lfl.now - lfl.before;
    const change =
      diff > 0
        ? `tăng ${count(diff)} em (${percent(diff, lfl.before)}) so với năm ${PREV}`
        : diff < 0
          ? `giảm ${count(-diff)} em (${percent(-diff, lfl.before)}) so với năm ${PREV}`
          : `bằng năm ${PREV}`;
    const comparison = `${change} (tính trên ${count(lfl.units)} đơn vị có số liệu cả hai năm)`;
    const byForm = FORMS.map((f) => [f, pl01(YEAR, f, 'tre')] as const);
    const shown = byForm.filter(([, v]) => v > 0).map(([f, v]) => `${FORM_WORDS[f]![0]} ${count(v)} em`);
    for (const [f] of byForm.filter(([, v]) => v > 0)) expect(blankUnitCodes(YEAR, LOCAL_KINDS, [`pl01_${f}_tre`])).toEqual([]);
    const missing = missingUnitNames(YEAR, LOCAL_KINDS);
    expect(missing).toEqual(['Xã Vĩnh Lộc']);
    // "không có trẻ em bị …" only for forms every commune gave as 0; the others name the communes without a figure.
    const nameOf = new Map(sample.units.map((u) => [u.code, u.name]));
    const zeroGroups = new Map<string, string[]>();
    for (const [f] of byForm.filter(([, v]) => v === 0)) {
      const silent = [...blankUnitCodes(YEAR, LOCAL_KINDS, [`pl01_${f}_tre`]).map((c) => running(nameOf.get(c)!)), ...missing.map(running)].join(', ');
      zeroGroups.set(silent, [...(zeroGroups.get(silent) ?? []), FORM_WORDS[f]![1]]);
    }
    expect(zeroGroups.size).toBeGreaterThan(0); // the sample has forms with no child
    const zeroTexts = [...zeroGroups].map(([units, forms]) =>
      units === '' ? `không có trẻ em bị ${forms.join(', ')}` : `chưa ghi nhận trẻ em bị ${forms.join(', ')} (${units} chưa có số liệu)`,
    );
    const ages = AGES.map((a) => count(pl01(YEAR, FORMS, a)));
    const expected =
      `Năm ${YEAR}, trên địa bàn tỉnh xảy ra ${count(vu)} vụ xâm hại trẻ em với ${count(tre)} trẻ em bị xâm hại ` +
      `(${count(pl01(YEAR, FORMS, 'nam'))} em nam, ${count(pl01(YEAR, FORMS, 'nu'))} em nữ), ${comparison}. ` +
      `Theo hình thức: ${shown.join(', ')}; ${zeroTexts.join('; ')}. ` +
      `Theo độ tuổi: dưới 6 tuổi ${ages[0]} em, từ 6 đến dưới 12 tuổi ${ages[1]} em, từ 12 đến dưới 16 tuổi ${ages[2]} em. ` +
      `Số liệu chưa bao gồm ${missing.map(running).join(', ')}.`;
    expect(sectionParagraphs(EXPECTED_HEADINGS[1]!)[0]!.text).toBe(expected);
    const police = `Theo số liệu của Công an tỉnh, năm ${YEAR} phát hiện ${count(must(total(YEAR, ['ca_vu'])))} vụ, ${count(must(total(YEAR, ['ca_doi_tuong'])))} đối tượng xâm hại ${count(must(total(YEAR, ['ca_tre'])))} trẻ em.`;
    expect(texts).toContain(police);
  });

  it('A.1: the table of the year by form, sex and age, with its total row and a header row repeated', () => {
    const table = tables(docx.document)[1]!;
    expect(table.rows[0]!.xml).toMatch(/<w:tblHeader\/>/);
    expect(table.rows[1]!.xml).toMatch(/<w:tblHeader\/>/);
    expect(table.rows[0]!.cells.map(cellText)).toEqual(['Hình thức xâm hại', 'Số vụ', 'Tổng số trẻ em', 'Giới tính', 'Độ tuổi']);
    expect(table.rows[1]!.cells.map(cellText).filter((t) => t !== '')).toEqual(['Nam', 'Nữ', 'Dưới 6 tuổi', 'Từ 6 đến dưới 12 tuổi', 'Từ 12 đến dưới 16 tuổi']);
    const measures = ['vu', 'tre', 'nam', 'nu', ...AGES];
    const formLabels = ['Bạo lực', 'Bóc lột', 'Xâm hại tình dục', 'Mua bán', 'Bỏ rơi, bỏ mặc', 'Các hình thức gây tổn hại khác'];
    const body = table.rows.slice(2).map((r) => r.cells.map(cellText));
    expect(body).toEqual([
      ...FORMS.map((f, i) => [formLabels[i], ...measures.map((m) => pl01(YEAR, f, m).toLocaleString('de-DE'))]),
      ['Tổng cộng', ...measures.map((m) => pl01(YEAR, FORMS, m).toLocaleString('de-DE'))],
    ]);
    expect(table.xml).toMatch(/<w:sz w:val="24"\/>/); // 12 pt inside the table
  });

  it('A.1: the chart of children by year and form is a PNG picture (years 2023–2026 held)', () => {
    const pngs = [...docx.media.entries()].filter(([name]) => name.endsWith('.png'));
    expect(pngs).toHaveLength(1);
    expect(docx.document).toMatch(/<w:drawing>/);
    const size = pngSize(pngs[0]![1]);
    expect(size.width).toBeGreaterThanOrEqual(1500);
    expect(size.width / size.height).toBeGreaterThan(1.3);
    expect(texts).toContain('Biểu đồ: Số trẻ em bị xâm hại theo năm và hình thức xâm hại');
  });

  it('B.I: documents since 07/01/2021 by type and level, de-duplicated, with the units that did not report', () => {
    const docs = issuedDocuments('2021-01-07', sample.settings!.period_to as string);
    expect(docs.length).toBe(14);
    const types = DOC_TYPES.map((t) => [t, docs.filter((d) => d.loai === t).length] as const).filter(([, n]) => n > 0);
    // An empty level is said in words ("không có văn bản"), never "0 văn bản"; the sample has none at cấp huyện.
    const level = (...caps: string[]) => {
      const n = docs.filter((d) => caps.includes(d.cap)).length;
      return n === 0 ? 'không có văn bản' : `${count(n)} văn bản`;
    };
    expect(level('Cấp huyện (trước 01/7/2025)')).toBe('không có văn bản');
    const expected =
      `Từ ngày 07/01/2021 đến nay, các cấp, các ngành đã ban hành ${count(docs.length)} văn bản (${types.map(([t, n]) => `${count(n)} ${t.toLowerCase()}`).join(', ')}), ` +
      `trong đó: HĐND, UBND tỉnh ${level('HĐND tỉnh', 'UBND tỉnh')}; các sở, ngành, đoàn thể ${level('Sở, ngành, đoàn thể')}; ` +
      `cấp huyện (trước 01/7/2025) ${level('Cấp huyện (trước 01/7/2025)')}; cấp xã ${level('Cấp xã')} (chi tiết tại Phụ lục 02). ` +
      // Documents with a due date ("Thời hạn ban hành"), and those issued by it.
      `Trong số ${count(docs.filter((d) => d.han).length)} văn bản có thời hạn ban hành, ${count(docs.filter((d) => d.han && d.ngay <= d.han).length)} văn bản ban hành đúng hạn. ` +
      `Số liệu chưa bao gồm ${missingUnitNames(YEAR, SO_LIEU_KINDS).map(running).join(', ')}.`;
    expect(sectionParagraphs('1. Kết quả đạt được', 0)[0]!.text).toBe(expected);
  });

  it('B.II–B.V: every figure sentence against the sums of the sample', () => {
    const t = (code: string) => must(total(YEAR, [code]));
    const missing = `Số liệu chưa bao gồm ${missingUnitNames(YEAR, SO_LIEU_KINDS).map(running).join(', ')}.`;
    // The coverage note of each sentence is checked apart (present exactly when a unit that sent the form left one
    // of the sentence's figures blank); the sentence itself is compared without it.
    const checked = (i: number, codes: string[]) => {
      const text = sectionParagraphs('1. Kết quả đạt được', i)[0]!.text;
      const blank = codes.some((c) => blankUnitCodes(YEAR, SO_LIEU_KINDS, [c]).length > 0);
      expect(/chưa báo cáo (các )?chỉ tiêu này\)/.test(text)).toBe(blank);
      return { text: withoutCoverage(text) };
    };
    expect(checked(1, ['tt_cuoc', 'tt_doi_tuong', 'tt_luot', 'tt_tre_luot', 'tt_san_pham']).text).toBe(
      `Các cấp, các ngành đã tổ chức ${count(t('tt_cuoc'))} cuộc tuyên truyền, phổ biến, giáo dục pháp luật cho ${count(t('tt_doi_tuong'))} người (${count(t('tt_luot'))} lượt người); ` +
        `${count(t('tt_tre_luot'))} lượt trẻ em được trang bị kiến thức, kỹ năng tự bảo vệ; sản xuất, phát hành ${count(t('tt_san_pham'))} sản phẩm truyền thông. ${missing}`,
    );
    expect(checked(2, ['ktr_chuyen_de', 'ktr_lien_nganh', 'ktr_vi_pham', 'ktr_xu_ly', 'ktr_tien_phat']).text).toBe(
      `Đã tiến hành ${count(t('ktr_chuyen_de'))} cuộc thanh tra, kiểm tra chuyên đề và ${count(t('ktr_lien_nganh'))} cuộc thanh tra, kiểm tra liên ngành; ` +
        `phát hiện ${count(t('ktr_vi_pham'))} vi phạm, xử lý ${count(t('ktr_xu_ly'))} tổ chức, cá nhân với tổng số tiền phạt ${money(t('ktr_tien_phat'))} triệu đồng. ${missing}`,
    );
    const b4 = sectionParagraphs('1. Kết quả đạt được', 3).map((p) => withoutCoverage(p.text));
    expect(b4.slice(0, 6)).toEqual([
      `Tổ chức tập huấn, bồi dưỡng cho ${count(t('nv_tap_huan'))} lượt cán bộ làm công tác bảo vệ, chăm sóc, giáo dục trẻ em.`,
      `Tiếp nhận ${count(t('nv_tin_tiep_nhan'))} thông tin, thông báo, tố giác về xâm hại trẻ em, đã xử lý ${count(t('nv_tin_xu_ly'))}.`,
      `${count(t('nv_tre_ho_tro'))} trẻ em bị xâm hại được hỗ trợ, can thiệp.`,
      `Viện kiểm sát nhân dân tỉnh đã thụ lý ${count(overGroups(YEAR, 'pl03', 'tb_thuly'))} tin báo, tố giác về tội phạm; ` +
        `khởi tố ${count(overGroups(YEAR, 'pl03', 'kt_vu'))} vụ, ${count(overGroups(YEAR, 'pl03', 'kt_bc'))} bị can; ` +
        `truy tố ${count(overGroups(YEAR, 'pl03', 'tt_vu'))} vụ, ${count(overGroups(YEAR, 'pl03', 'tt_bc'))} bị can (chi tiết tại Phụ lục 03). ` +
        `Tòa án nhân dân tỉnh đã thụ lý ${count(overGroups(YEAR, 'pl04', 'tl_vu'))} vụ, ${count(overGroups(YEAR, 'pl04', 'tl_bc'))} bị cáo; ` +
        `đã xét xử ${count(overGroups(YEAR, 'pl04', 'xx_vu'))} vụ, ${count(overGroups(YEAR, 'pl04', 'xx_bc'))} bị cáo (chi tiết tại Phụ lục 04).`,
      `Toàn tỉnh có ${count(t('nv_tao_hon'))} cặp tảo hôn.`,
      `Đầu tư mới ${count(t('nv_diem_vui_choi'))} điểm vui chơi, giải trí cho trẻ em. ${missing}`,
    ]);
    expect(checked(4, ['nl_kinh_phi_nsnn', 'nl_kinh_phi_xh', 'nl_can_bo_xa']).text).toBe(
      `Tổng kinh phí thực hiện ${money(t('nl_kinh_phi_nsnn') + t('nl_kinh_phi_xh'))} triệu đồng, trong đó ngân sách nhà nước ${money(t('nl_kinh_phi_nsnn'))} triệu đồng, ` +
        `huy động xã hội ${money(t('nl_kinh_phi_xh'))} triệu đồng; cấp xã có ${count(t('nl_can_bo_xa'))} người làm công tác bảo vệ trẻ em. ${missing}`,
    );
  });
});

describe('Bao cao.docx — narrative merged from the units', () => {
  it('one paragraph per unit in unit-list order, without "Sở Y tế: …" prefixes (the setting narrative_unit_names is off)', () => {
    const expected = unitTextsOf(YEAR, 't_a2');
    expect(expected.map((e) => e.name)).toEqual(['Sở Y tế', 'Công an tỉnh', 'Xã Tân Phú']);
    const got = sectionParagraphs('2. Đánh giá tình hình xâm hại trẻ em');
    expect(got.map((p) => p.text)).toEqual(expected.map((e) => e.text));
    for (const p of got) expect(p.runs.every((r) => !r.bold)).toBe(true);
  });

  it('a sub-point leads with its italic label, then the unit text', () => {
    const [th] = unitTextsOf(YEAR, 't_b2_th');
    const p = sectionParagraphs('2. Tồn tại, hạn chế; khó khăn, vướng mắc', 1)[0]!;
    expect(p.text).toBe(`- Tồn tại, hạn chế. ${th!.text}`);
    expect(p.runs[0]).toMatchObject({ text: '- Tồn tại, hạn chế.', italic: true, bold: false });
  });

  it('a highlighted "[Chưa có nội dung — cần bổ sung]" for every section nobody wrote, each returned as a notice', () => {
    expect(sectionParagraphs('1. Đối với Quốc hội').map((p) => p.text)).toEqual(['[Chưa có nội dung — cần bổ sung]']);
    const narrativeSheet = ctx.template.sheets.find((s) => s.kind === 'narrative')!;
    const items = narrativeSheet.kind === 'narrative' ? narrativeSheet.items : [];
    const empty = items.filter((i) => unitTextsOf(YEAR, i.code).length === 0);
    expect(empty.length).toBeGreaterThan(0);
    expect(notices).toEqual(
      empty.map((i) => `Mục "${i.label}" chưa có nội dung: báo cáo là bản DỰ THẢO cho đến khi mục này được viết hoặc đánh dấu "Không có nội dung báo cáo".`),
    );
    expect(texts.filter((t) => t.endsWith('[Chưa có nội dung — cần bổ sung]') || t.includes('[Chưa có nội dung — cần bổ sung]./.'))).toHaveLength(empty.length);
    expect(docx.document.match(/<w:highlight w:val="yellow"\/>/g)).toHaveLength(empty.length);
    expect(docx.document).not.toContain('(Chưa có nội dung)');
  });

  it('the text ends with "./."; with sections still empty the report is a draft marked DỰ THẢO', () => {
    const last = texts.at(-1)!;
    const lastUnit = unitTextsOf(YEAR, 't_c5').at(-1)!;
    expect(last).toBe(`${lastUnit.text.replace(/\.$/, '')}./.`);
    expect(texts[0]).toBe('DỰ THẢO');
  });
});

const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';

describe('Bao cao.docx — Decree 30 format', () => {
  it("the rule under the trích yếu stands clear of its last line's descenders (at least 6 pt below)", () => {
    const all = bodyParagraphs(docx.document);
    const i = all.findIndex((p) => p.text === SUBJECT);
    const rule = all[i + 1]!;
    expect(rule.text).toBe('');
    expect(rule.xml).toMatch(/<w:pBdr>\s*<w:top w:val="single"/);
    expect(Number(attrs(/<w:spacing [^>]*\/>/.exec(rule.xml)![0]).before)).toBeGreaterThanOrEqual(120);
  });

  it('A4 portrait with margins 20/20/30/15 mm in twips', () => {
    const pgSz = attrs(/<w:pgSz [^>]*\/>/.exec(docx.document)![0]);
    expect([pgSz.w, pgSz.h]).toEqual(['11906', '16838']);
    const pgMar = attrs(/<w:pgMar [^>]*\/>/.exec(docx.document)![0]);
    expect([pgMar.top, pgMar.bottom, pgMar.left, pgMar.right]).toEqual(['1134', '1134', '1701', '850']);
  });

  it('Times New Roman 14 pt by default; body justified, first line 1.27 cm, 6 pt after, line 1.15', () => {
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(docx.styles)![0];
    expect(attrs(/<w:rFonts [^>]*\/>/.exec(defaults)![0])).toMatchObject({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman' });
    expect(defaults).toMatch(/<w:sz w:val="28"\/>/);
    for (const m of docx.document.matchAll(/<w:rFonts [^>]*\/>/g)) expect(m[0]).toContain('Times New Roman');
    const figures = paragraphs.find((p) => p.text.startsWith(`Năm ${YEAR}, trên địa bàn`))!;
    expect(figures.runs.every((r) => r.size === 28)).toBe(true);
    expect(figures.xml).toMatch(/<w:jc w:val="both"\/>/);
    expect(attrs(/<w:ind [^>]*\/>/.exec(figures.xml)![0]).firstLine).toBe('720');
    expect(attrs(/<w:spacing [^>]*\/>/.exec(figures.xml)![0])).toMatchObject({ after: '120', line: '276', lineRule: 'auto' });
    const part = paragraphs.find((p) => p.text === 'PHẦN A. TÌNH HÌNH XÂM HẠI TRẺ EM')!;
    expect(part.xml).toMatch(/<w:jc w:val="center"\/>/);
  });

  it('page numbers at the top centre from page 2 on: titlePg, a PAGE field only in the default header', () => {
    const sectPr = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(docx.document)![0];
    expect(sectPr).toMatch(/<w:titlePg(?: w:val="(?:true|1)")?\/>/);
    const refs = [...sectPr.matchAll(/<w:headerReference [^>]*\/>/g)].map((m) => attrs(m[0]));
    const target = (type: string) => {
      const ref = [...sectPr.matchAll(/<w:headerReference [^>]*\/>/g)].map((m) => m[0]).find((r) => r.includes(`w:type="${type}"`));
      const id = ref ? /r:id="([^"]+)"/.exec(ref)![1]! : undefined;
      return id ? docx.headers.get(docx.rels.get(id)!) : undefined;
    };
    expect(refs.map((r) => r.type)).toContain('default');
    const def = target('default')!;
    expect(def).toMatch(/PAGE/);
    expect(def).toMatch(/<w:jc w:val="center"\/>/);
    expect(def).toMatch(/<w:sz w:val="26"\/>/);
    const first = target('first');
    if (first !== undefined) expect(first).not.toMatch(/PAGE/);
  });

  it('the header table: parent and issuing body, number, Quốc hiệu, tiêu ngữ, place and date', () => {
    const header = tables(docx.document)[0]!;
    expect(header.xml).toMatch(/<w:tblBorders>[\s\S]*<w:top w:val="none"/);
    const [left, right] = header.rows[0]!.cells;
    const [number, date] = header.rows[1]!.cells;
    const lines = (cell: DocxParagraph[]) => cell.filter((p) => p.text !== '');
    expect(lines(left!).map((p) => p.text)).toEqual(['UBND TỈNH AN LẠC', 'SỞ Y TẾ']);
    expect(lines(left!)[0]!.runs[0]).toMatchObject({ size: 24, bold: false });
    expect(lines(left!)[1]!.runs[0]).toMatchObject({ size: 26, bold: true });
    expect(lines(right!).map((p) => p.text)).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']);
    expect(lines(right!)[0]!.runs[0]).toMatchObject({ size: 26, bold: true });
    expect(lines(right!)[1]!.runs[0]).toMatchObject({ size: 28, bold: true });
    // A rule (an empty paragraph's top border) under the issuing body and under the tiêu ngữ.
    for (const cell of [left!, right!]) expect(cell.some((p) => p.text === '' && /<w:pBdr>\s*<w:top w:val="single"/.test(p.xml))).toBe(true);
    // Decree 30: the rule under the agency name spans one third to one half of the agency line, centred.
    const rule = left!.find((p) => p.text === '' && /<w:pBdr>/.test(p.xml))!;
    const ind = attrs(/<w:ind [^>]*\/>/.exec(rule.xml)![0]);
    const [leftWidth] = headerColumns(NATIONAL_TITLE);
    const ruleWidth = leftWidth - 2 * CELL_MARGIN - Number(ind.left) - Number(ind.right);
    const agencyLine = boldTextWidth('SỞ Y TẾ', 13);
    expect(ruleWidth / agencyLine).toBeGreaterThanOrEqual(1 / 3);
    expect(ruleWidth / agencyLine).toBeLessThanOrEqual(1 / 2);
    expect(Math.abs(Number(ind.left) - Number(ind.right))).toBeLessThanOrEqual(1);
    const longName = 'BAN CHỈ ĐẠO CÔNG TÁC BẢO VỆ TRẺ EM';
    expect(issuingRuleWidth(longName, leftWidth) / Math.min(boldTextWidth(longName, 13), leftWidth - 2 * CELL_MARGIN)).toBeGreaterThanOrEqual(1 / 3);
    expect(cellText(number!)).toBe('Số: …/BC-SYT');
    expect(number![0]!.runs[0]).toMatchObject({ size: 26 });
    expect(cellText(date!)).toBe('An Lạc, ngày 20 tháng 12 năm 2026');
    expect(date![0]!.runs[0]).toMatchObject({ size: 28, italic: true });
  });

  it('Nơi nhận and the signer in a borderless table after the body', () => {
    const closing = tables(docx.document).at(-1)!;
    expect(closing.xml).toMatch(/<w:tblBorders>[\s\S]*<w:top w:val="none"/);
    const [recipients, signer] = closing.rows[0]!.cells;
    expect(recipients!.map((p) => p.text)).toEqual([
      'Nơi nhận:',
      '- Bộ Y tế (báo cáo);',
      '- Thường trực HĐND tỉnh (báo cáo);',
      '- UBND tỉnh (báo cáo);',
      '- Các sở, ngành, đoàn thể tỉnh;',
      '- Lưu: VT, BVTE.',
    ]);
    expect(recipients![0]!.runs[0]).toMatchObject({ bold: true, italic: true, size: 24 });
    expect(recipients![1]!.runs[0]).toMatchObject({ size: 22 });
    expect(signer!.map((p) => p.text).filter((t) => t.trim() !== '')).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn A']);
    expect(signer!.every((p) => p.runs.every((r) => r.bold && r.size === 28))).toBe(true);
  });
});
