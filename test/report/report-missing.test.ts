// Figures nobody reported are written "chưa có số liệu", never 0; comparisons read "giảm …" or "bằng năm …",
// and are left out without a previous year; the chart needs two years; the police sentence needs the police.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/store/context.ts';
import { importJson } from '../../electron/services/interchange.ts';
import { generateReport } from '../../electron/services/report.ts';
import { emptySampleDb, sample, tempDir } from '../helpers/fixtures.ts';
import { bodyParagraphs, readDocx } from './docx-reader.ts';
import { count, FORMS, likeForLike, percent } from './sample-figures.ts';

type Submission = (typeof sample.submissions)[number];

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('bc121-missing-')));
afterAll(() => cleanup());

function withoutCodes(s: Submission, test: (code: string) => boolean): Submission {
  return { ...s, values: Object.fromEntries(Object.entries(s.values).map(([c, v]) => [c, test(c) ? null : v])) };
}

async function reportOf(name: string, years: number[], submissions: Submission[]): Promise<{ texts: string[]; media: number }> {
  const ctx: ServiceContext = emptySampleDb();
  try {
    importJson(ctx, { ...sample, years, submissions }, `${name}.json`);
    const r = await generateReport(ctx, { year: 2026, outDir: `${dir}/${name}` });
    const docx = await readDocx(r.file);
    return { texts: bodyParagraphs(docx.document).map((p) => p.text), media: docx.media.size };
  } finally {
    ctx.db.close();
  }
}

describe('figures not reported', () => {
  let texts: string[];
  let media: number;
  beforeAll(async () => {
    const only2026 = sample.submissions
      .filter((s) => s.year === 2026 && s.unit !== 'VKS')
      .map((s) => withoutCodes(s, (c) => c === 'nv_tao_hon' || c === 'nl_kinh_phi_xh' || c.startsWith('pl01_mb_')));
    ({ texts, media } = await reportOf('blanks', [2026], only2026));
  });
  const find = (start: string) => texts.find((t) => t.startsWith(start))!;

  it('a figure nobody reported is "…" with "(chưa có số liệu về …)" in its sentence, never 0', () => {
    const a1 = find('Năm 2026, trên địa bàn tỉnh');
    expect(a1).toContain('mua bán … em');
    expect(a1).toContain('(chưa có số liệu về số trẻ em bị mua bán).');
    expect(a1).not.toMatch(/mua bán 0/);
    const b5 = find('Tổng kinh phí thực hiện');
    expect(b5).toContain('huy động xã hội … triệu đồng');
    expect(b5).toMatch(/\(chưa có số liệu về kinh phí huy động xã hội(; [^()]* chưa báo cáo (chỉ tiêu này|các chỉ tiêu này))*\)\. Số liệu chưa bao gồm/);
  });

  it('a sentence whose figures nobody reported says "Chưa có số liệu về …"', () => {
    expect(texts).toContain('Chưa có số liệu về tình trạng tảo hôn.');
    expect(texts.some((t) => t.includes('cặp tảo hôn'))).toBe(false);
    const crimes = find('Chưa có số liệu về kết quả giải quyết tin báo');
    expect(crimes).toMatch(/^Chưa có số liệu về kết quả giải quyết tin báo, khởi tố, truy tố \(Phụ lục 03\)\. Tòa án nhân dân tỉnh đã thụ lý/);
    expect(find('Đầu tư mới')).toContain('Số liệu chưa bao gồm Sở Tài chính, Viện kiểm sát nhân dân tỉnh, xã Vĩnh Lộc.');
  });

  it('without a previous year there is no comparison, and with one year no chart', () => {
    expect(find('Năm 2026, trên địa bàn tỉnh')).not.toContain('so với năm');
    expect(media).toBe(0);
    expect(texts.some((t) => t.startsWith('Biểu đồ'))).toBe(false);
  });
});

describe('comparisons with the year before', () => {
  it('reads "giảm 02 em (7,4%) so với năm 2025" when 2026 has fewer children', async () => {
    const swapped = sample.submissions.filter((s) => s.year === 2025 || s.year === 2026).map((s) => ({ ...s, year: s.year === 2025 ? 2026 : 2025 }));
    const { texts } = await reportOf('decrease', [2025, 2026], swapped);
    // Like for like: only the communes that reported in both years (the sample's 2026 lacks one commune).
    const { now, before, units } = likeForLike(
      2025,
      2026,
      FORMS.map((f) => `pl01_${f}_tre`),
    );
    expect(units).toBe(11);
    expect(now).toBeLessThan(before);
    expect(texts.find((t) => t.startsWith('Năm 2026'))).toContain(
      `, giảm ${count(before - now)} em (${percent(before - now, before)}) so với năm 2025 (tính trên ${units} đơn vị có số liệu cả hai năm).`,
    );
  });

  it('reads "bằng năm 2025" when the number is the same, and leaves the police sentence out without the police', async () => {
    const same = sample.submissions.filter((s) => s.year === 2026 && s.unit !== 'CA').flatMap((s) => [s, { ...s, year: 2025 }]);
    const { texts } = await reportOf('same', [2025, 2026], same);
    expect(texts.find((t) => t.startsWith('Năm 2026'))).toContain(`em nữ), bằng năm 2025.`);
    expect(texts.some((t) => t.startsWith('Theo số liệu của Công an tỉnh'))).toBe(false);
  });
});
