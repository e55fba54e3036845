// The outline as data (it fits the template, and a broken one is refused with a reason), the number formats of
// the report, and the sentence filler (optional parts, notes before the final stop).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outlineNarrativeCodes, outlineProblems, outlineSchema } from '../../shared/outline-schema.ts';
import { parseOutline } from '../../electron/report/outline-store.ts';
import { dateLineParts } from '../../shared/dates.ts';
import { formatCount, formatFigure, formatPercent } from '../../electron/report/format.ts';
import { documentNumberText, parseDocumentNumber } from '../../shared/document-number.ts';
import { beforeFinalStop, fillTemplate, plain } from '../../electron/report/sentences.ts';
import { recipientLines } from '../../electron/report/front-matter.ts';
import { mergeSectionText, splitParagraphs } from '../../electron/report/narrative.ts';
import { loadTemplateFile, templatePath } from '../../electron/template-store.ts';

const template = loadTemplateFile();
const raw = JSON.parse(readFileSync(templatePath('nq121', 'outline.json'), 'utf8')) as Record<string, unknown>;

describe('templates/nq121/outline.json', () => {
  it('parses and fits the template: every BAO_CAO cell printed exactly once', () => {
    const outline = parseOutline(raw, template);
    expect(outlineProblems(outline, template)).toEqual([]);
    const cells = template.sheets.flatMap((s) => (s.kind === 'narrative' ? s.items.map((i) => i.code) : []));
    expect([...outlineNarrativeCodes(outline)].sort()).toEqual([...cells].sort());
  });

  it('refuses an outline that names an unknown indicator, placeholder or narrative cell', () => {
    const broken = structuredClone(raw) as { figures: Record<string, unknown>; sections: { sections: { blocks?: unknown[] }[] }[] };
    broken.figures.vu = { sum: ['pl01_{f}_vuu'], sumOver: { f: 'forms' }, label: 'số vụ' };
    // The one placeholder syntax: a variable is declared over its list (sumOver), never a list's bare name.
    broken.figures.tre = { sum: ['pl01_{forms}_tre'], label: 'số trẻ em' };
    broken.sections[0]!.sections[1]!.blocks = [
      { kind: 'narrative', code: 't_a9' },
      { kind: 'paragraph', sentences: [{ text: 'Có {khong_co} vụ.' }] },
    ];
    const outline = outlineSchema.parse(broken);
    const problems = outlineProblems(outline, template);
    expect(problems).toEqual(
      expect.arrayContaining([
        'số liệu vu: không có chỉ tiêu "pl01_bl_vuu"',
        'số liệu tre: mẫu chỉ tiêu "pl01_{forms}_tre" có chỗ trống chưa khai báo trong sumOver (hoặc danh mục không có)',
        'mục a2: không có ô nội dung "t_a9" trong mẫu',
        'mục a2: không hiểu {khong_co}',
        'ô nội dung "t_a2" được in 0 lần trong đề cương (cần đúng 1)',
      ]),
    );
    expect(() => parseOutline(broken, template)).toThrow(/Đề cương báo cáo không khớp với mẫu nq121/);
    expect(() => parseOutline({ ...raw, sections: [] }, template)).toThrow(/Đề cương báo cáo không hợp lệ/);
  });
});

describe('numbers and dates in the report', () => {
  const lz = { leadingZero: true };
  it('counts under 10 with a leading zero when the setting is on; grouping with dots; money with a comma', () => {
    expect([0, 5, 9, 10, 27, 1088, 45934].map((n) => formatCount(n, lz))).toEqual(['0', '05', '09', '10', '27', '1.088', '45.934']);
    expect(formatCount(5, { leadingZero: false })).toBe('5');
    expect(formatFigure(2079.600000000001, 'money', lz)).toBe('2.079,6');
    expect(formatFigure(5, 'money', lz)).toBe('5');
    expect(formatFigure(12.5, 'money', lz)).toBe('12,5');
  });
  it('percent with one decimal; the date line and report number with their leading zeros', () => {
    expect(formatPercent((5 / 22) * 100)).toBe('22,7%');
    expect(formatPercent(8)).toBe('8,0%');
    expect(formatPercent(1234.56)).toBe('1.234,6%');
    expect(dateLineParts('2026-02-05')).toEqual({ day: '05', month: '02', year: '2026' });
    expect(dateLineParts('2026-03-15')).toEqual({ day: '15', month: '3', year: '2026' });
    expect(dateLineParts('')).toBeNull();
    expect([parseDocumentNumber('5').number, parseDocumentNumber('123').number, parseDocumentNumber('').number]).toEqual(['05', '123', '']);
    // A full "số/ký hiệu" as officials type it keeps its own symbol, never doubled.
    expect(documentNumberText('456/BC-SYT', 'BC-SYT')).toBe('456/BC-SYT');
    expect(documentNumberText(' 456 / BC-UBND ', 'BC-SYT')).toBe('456/BC-UBND');
    expect(documentNumberText('Số: 7/BC-SYT', 'BC-SYT')).toBe('07/BC-SYT');
    expect(documentNumberText('456', 'BC-SYT')).toBe('456/BC-SYT');
    expect(documentNumberText('', 'BC-SYT')).toBe('…/BC-SYT');
  });
});

describe('sentences, recipients and merged texts', () => {
  it('drops an optional part whose placeholder is empty, keeps it otherwise', () => {
    const values: Record<string, string> = { n: '05', cmp: '' };
    const resolve = (name: string) => ({ text: values[name]!, figures: name === 'n' ? 1 : 0, missing: [] });
    expect(fillTemplate('Có {n} vụ[, {cmp}].', resolve).text).toBe('Có 05 vụ.');
    values.cmp = 'tăng 01 vụ';
    expect(fillTemplate('Có {n} vụ[, {cmp}].', resolve)).toEqual({ text: 'Có 05 vụ, tăng 01 vụ.', figures: 1, missing: [], notes: [] });
    expect(fillTemplate('{x}', () => plain('a'))).toEqual({ text: 'a', figures: 0, missing: [], notes: [] });
    expect(beforeFinalStop('Đã xử lý 33.', '(chưa có số liệu về số tin)')).toBe('Đã xử lý 33 (chưa có số liệu về số tin).');
  });

  it('recipients: "- " before, ";" after, "." after the last, an archive line added when missing', () => {
    expect(recipientLines(['Bộ Y tế (báo cáo);', '- UBND tỉnh', 'Lưu: VT, BVTE.'], 'Lưu: VT.')).toEqual([
      '- Bộ Y tế (báo cáo);',
      '- UBND tỉnh;',
      '- Lưu: VT, BVTE.',
    ]);
    expect(recipientLines(['UBND tỉnh'], 'Lưu: VT.')).toEqual(['- UBND tỉnh;', '- Lưu: VT.']);
  });

  it('merges units’ paragraphs led by their names; the compiler’s text wins; blank means empty', () => {
    const units = [
      { unitCode: 'SYT', unitName: 'Sở Y tế', text: 'Đoạn một.\r\n\r\nĐoạn hai.' },
      { unitCode: 'CA', unitName: 'Công an tỉnh', text: 'Một đoạn.' },
    ];
    expect(mergeSectionText(units, null).paragraphs).toEqual([[{ text: 'Đoạn một.' }], [{ text: 'Đoạn hai.' }], [{ text: 'Một đoạn.' }]]);
    expect(mergeSectionText(units, null, { unitNames: true }).paragraphs).toEqual([
      [{ text: 'Sở Y tế:', bold: true }, { text: ' Đoạn một.' }],
      [{ text: 'Đoạn hai.' }],
      [{ text: 'Công an tỉnh:', bold: true }, { text: ' Một đoạn.' }],
    ]);
    expect(mergeSectionText(units, 'Văn bản của người tổng hợp.')).toEqual({ source: 'compiler', paragraphs: [[{ text: 'Văn bản của người tổng hợp.' }]] });
    expect(mergeSectionText([], '  \n ')).toEqual({ source: 'empty', paragraphs: [] });
    expect(splitParagraphs('a\nb\u2028c')).toEqual(['a', 'b', 'c']);
  });
});
