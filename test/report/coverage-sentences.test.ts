// The sentence rules of a coverage-honest report, on small databases made here (the sample's units and
// settings, a few submissions with blanks and changing unit sets); every expected sentence is written out.
import { afterEach, describe, expect, it } from 'vitest';
import type { OutlineSentence } from '../../shared/outline-schema.ts';
import type { ServiceContext } from '../../electron/store/context.ts';
import { importJson } from '../../electron/services/interchange.ts';
import { FigureText } from '../../electron/report/figure-text.ts';
import { gatherReportData } from '../../electron/report/report-data.ts';
import { emptySampleDb, sample } from '../helpers/fixtures.ts';

type Values = Record<string, number | null>;
interface Sub {
  unit: string;
  year: number;
  values: Values;
}

const FORMS = ['bl', 'bb', 'xhtd', 'mb', 'br', 'khac'];
const COMMUNES = sample.units.filter((u) => u.kind === 'dia_phuong').map((u) => u.code);

let ctx: ServiceContext | null = null;
afterEach(() => {
  ctx?.db.close();
  ctx = null;
});

function db(subs: Sub[]): ServiceContext {
  ctx = emptySampleDb();
  importJson(ctx, { ...sample, submissions: subs.map((s) => ({ ...s, texts: {}, documents: [] })) }, 'test.json');
  return ctx;
}

/** PL01 children of one form (tre, and vu so the row is whole); other forms as given in `others` (0 or blank). */
function pl01(byForm: Record<string, number | null>): Values {
  const v: Values = {};
  for (const f of FORMS) {
    const n = f in byForm ? byForm[f]! : 0;
    v[`pl01_${f}_tre`] = n;
    v[`pl01_${f}_vu`] = n;
    v[`pl01_${f}_nam`] = n;
    v[`pl01_${f}_nu`] = n === null ? null : 0;
  }
  return v;
}

function sentenceWith(c: ServiceContext, year: number, placeholder: string): string | null {
  const data = gatherReportData(c, year);
  const text = new FigureText(data);
  const all: OutlineSentence[] = [];
  const walk = (sections: typeof data.outline.sections): void => {
    for (const s of sections) {
      for (const b of s.blocks ?? []) if (b.kind === 'paragraph') all.push(...b.sentences);
      walk(s.sections ?? []);
    }
  };
  walk(data.outline.sections);
  const s = all.find((x) => 'text' in x && x.text.includes(`{${placeholder}}`));
  if (!s) throw new Error(`no sentence with {${placeholder}}`);
  return text.sentence(s);
}

describe('rule "coverage named": a sum some units left blank says whose figure it is', () => {
  it('names the police as the only source of "đã xử lý" and counts the communes that left it blank', () => {
    const c = db([
      { unit: 'CA', year: 2026, values: { nv_tin_tiep_nhan: 20, nv_tin_xu_ly: 33 } },
      ...['X03', 'X04', 'X05', 'X06', 'X07'].map((unit) => ({ unit, year: 2026, values: { nv_tin_tiep_nhan: 6, nv_tin_xu_ly: null } })),
    ]);
    expect(sentenceWith(c, 2026, 'nv_tin_xu_ly')).toBe(
      'Tiếp nhận 50 thông tin, thông báo, tố giác về xâm hại trẻ em, đã xử lý 33 (số liệu của Công an tỉnh; 05 xã chưa báo cáo chỉ tiêu này).',
    );
  });

  it('names up to three units that left it blank', () => {
    const c = db([
      { unit: 'CA', year: 2026, values: { nv_tin_tiep_nhan: 20, nv_tin_xu_ly: 33 } },
      ...['X01', 'X03', 'X04'].map((unit) => ({ unit, year: 2026, values: { nv_tin_tiep_nhan: 10, nv_tin_xu_ly: null } })),
    ]);
    expect(sentenceWith(c, 2026, 'nv_tin_xu_ly')).toBe(
      'Tiếp nhận 50 thông tin, thông báo, tố giác về xâm hại trẻ em, đã xử lý 33 (số liệu của Công an tỉnh; phường An Lạc, xã Tân Phú, xã Hòa Bình chưa báo cáo chỉ tiêu này).',
    );
  });

  it('says nothing more when every unit gave the figure, 0 included', () => {
    const c = db([
      { unit: 'CA', year: 2026, values: { nv_tin_tiep_nhan: 20, nv_tin_xu_ly: 20 } },
      { unit: 'X03', year: 2026, values: { nv_tin_tiep_nhan: 0, nv_tin_xu_ly: 0 } },
    ]);
    expect(sentenceWith(c, 2026, 'nv_tin_xu_ly')).toBe('Tiếp nhận 20 thông tin, thông báo, tố giác về xâm hại trẻ em, đã xử lý 20.');
  });

  it('leads the note with the figure when it is not the last one, and names a single unit in running text', () => {
    const c = db([
      { unit: 'CA', year: 2026, values: { nv_tin_tiep_nhan: 20, nv_tin_xu_ly: 20 } },
      { unit: 'X12', year: 2026, values: { nv_tin_tiep_nhan: null, nv_tin_xu_ly: 0 } },
    ]);
    expect(sentenceWith(c, 2026, 'nv_tin_xu_ly')).toBe(
      'Tiếp nhận 20 thông tin, thông báo, tố giác về xâm hại trẻ em, đã xử lý 20 (số thông tin, thông báo, tố giác tiếp nhận: xã Vĩnh Lộc chưa báo cáo chỉ tiêu này).',
    );
  });
});

describe('rule "no child only when every unit said 0"', () => {
  it('says "không có trẻ em bị …" for forms every commune gave as 0', () => {
    const c = db(COMMUNES.map((unit) => ({ unit, year: 2026, values: pl01(unit === 'X01' ? { bl: 2 } : {}) })));
    expect(sentenceWith(c, 2026, 'forms_tre')).toBe(
      'Theo hình thức: bạo lực 02 em; không có trẻ em bị bóc lột, xâm hại tình dục, mua bán, bỏ rơi, bỏ mặc, xâm hại bằng hình thức khác.',
    );
  });

  it('says which forms have no figure from which units when one left it blank', () => {
    const c = db(COMMUNES.map((unit) => ({ unit, year: 2026, values: pl01(unit === 'X01' ? { bl: 2 } : unit === 'X02' ? { mb: null, br: null } : {}) })));
    expect(sentenceWith(c, 2026, 'forms_tre')).toBe(
      'Theo hình thức: bạo lực 02 em; không có trẻ em bị bóc lột, xâm hại tình dục, xâm hại bằng hình thức khác; chưa ghi nhận trẻ em bị mua bán, bỏ rơi, bỏ mặc (phường Đông Sơn chưa có số liệu).',
    );
  });

  it('counts a commune that sent nothing as one without figures', () => {
    const c = db(COMMUNES.filter((u) => u !== 'X12').map((unit) => ({ unit, year: 2026, values: pl01(unit === 'X01' ? { bl: 2 } : {}) })));
    expect(sentenceWith(c, 2026, 'forms_tre')).toBe(
      'Theo hình thức: bạo lực 02 em; chưa ghi nhận trẻ em bị bóc lột, xâm hại tình dục, mua bán, bỏ rơi, bỏ mặc, xâm hại bằng hình thức khác (xã Vĩnh Lộc chưa có số liệu).',
    );
  });
});

describe('rule "no 0 in running text": a sex or age group with no child is said in words', () => {
  /** Every commune: 2 girls aged 6 to 12, sexually abused, in 2 cases; every other figure 0. */
  const girls = (unit: string): Sub => {
    const v = pl01({});
    for (const f of FORMS) for (const a of ['duoi6', '6den12', '12den16']) v[`pl01_${f}_${a}`] = 0;
    return { unit, year: 2026, values: { ...v, pl01_xhtd_vu: 2, pl01_xhtd_tre: 2, pl01_xhtd_nu: 2, pl01_xhtd_6den12: 2 } };
  };

  it('"không có em nam", "không có trẻ em dưới 6 tuổi", never "0 em"', () => {
    const c = db(COMMUNES.map(girls));
    expect(sentenceWith(c, 2026, 'gioi_tinh')).toBe(
      'Năm 2026, trên địa bàn tỉnh xảy ra 24 vụ xâm hại trẻ em với 24 trẻ em bị xâm hại (24 em nữ, không có em nam).',
    );
    expect(sentenceWith(c, 2026, 'do_tuoi')).toBe('Theo độ tuổi: từ 6 đến dưới 12 tuổi 24 em; không có trẻ em dưới 6 tuổi, từ 12 đến dưới 16 tuổi.');
  });

  it('"chưa ghi nhận" when a commune left the figure blank', () => {
    // Phường Đông Sơn left the boys and the under-6s blank in every row.
    const blanks = Object.fromEntries(FORMS.flatMap((f) => [`pl01_${f}_nam`, `pl01_${f}_duoi6`]).map((code) => [code, null]));
    const c = db(COMMUNES.map((u) => (u === 'X02' ? { ...girls(u), values: { ...girls(u).values, ...blanks } } : girls(u))));
    expect(sentenceWith(c, 2026, 'gioi_tinh')).toBe(
      'Năm 2026, trên địa bàn tỉnh xảy ra 24 vụ xâm hại trẻ em với 24 trẻ em bị xâm hại (24 em nữ, chưa ghi nhận em nam).',
    );
    expect(sentenceWith(c, 2026, 'do_tuoi')).toBe(
      'Theo độ tuổi: từ 6 đến dưới 12 tuổi 24 em; không có trẻ em từ 12 đến dưới 16 tuổi; chưa ghi nhận trẻ em dưới 6 tuổi (phường Đông Sơn chưa có số liệu).',
    );
  });
});

describe('rule "like for like": a change with the year before over the units that reported in both years', () => {
  const year2025 = COMMUNES.map((unit) => ({ unit, year: 2025, values: pl01({ bl: 2 }) }));

  it('compares the 11 communes of both years, and says so, when one commune did not report this year', () => {
    const c = db([...year2025, ...COMMUNES.filter((u) => u !== 'X12').map((unit) => ({ unit, year: 2026, values: pl01({ bl: unit === 'X01' ? 5 : 2 }) }))]);
    // Raw totals would read 25 against 24 (+1, 4,2%); over the same 11 communes it is 25 against 22.
    expect(sentenceWith(c, 2026, 'tre_change')).toBe(
      'Năm 2026, trên địa bàn tỉnh xảy ra 25 vụ xâm hại trẻ em với 25 trẻ em bị xâm hại (25 em nam, chưa ghi nhận em nữ), tăng 03 em (13,6%) so với năm 2025 (tính trên 11 đơn vị có số liệu cả hai năm).',
    );
  });

  it('compares plainly when the same units reported in both years', () => {
    const c = db([...year2025, ...COMMUNES.map((unit) => ({ unit, year: 2026, values: pl01({ bl: unit === 'X01' ? 5 : 2 }) }))]);
    expect(sentenceWith(c, 2026, 'tre_change')).toBe(
      'Năm 2026, trên địa bàn tỉnh xảy ra 27 vụ xâm hại trẻ em với 27 trẻ em bị xâm hại (27 em nam, không có em nữ), tăng 03 em (12,5%) so với năm 2025.',
    );
  });
});
