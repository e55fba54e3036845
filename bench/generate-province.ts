// A large province made by code, seeded: 170 communes, 20 departments, the standing agency, police,
// procuracy and court, 4 years of figures that satisfy the rules (sums by sex, age and form; case
// relations), documents and texts. Used by `npm run bench` (and usable by tests for scale checks).
import type { Interchange } from '../electron/services/interchange.ts';
import type { TemplateDefinition } from '../shared/template-schema.ts';
import type { DocumentRecord, UnitInput } from '../shared/types.ts';
import { indicatorsForKind } from '../shared/template.ts';

/** mulberry32: a small, fast, seeded PRNG so every run makes the same province. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ProvinceSpec {
  code: string; // prefix for unit codes, e.g. "P01"
  name: string;
  communes: number;
  departments: number;
  years: number[];
  seed: number;
}

type Submission = Interchange['submissions'][number];

function int(r: () => number, max: number): number {
  return Math.floor(r() * (max + 1));
}

/** Splits n into k parts (random, non-negative, summing to n). */
function split(r: () => number, n: number, k: number): number[] {
  const parts = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) parts[Math.floor(r() * k)]!++;
  return parts;
}

function communeValues(t: TemplateDefinition, r: () => number): Record<string, number | null> {
  const v: Record<string, number | null> = {};
  for (const f of t.lists['forms']!.map((x) => x.code)) {
    const tre = r() < 0.5 ? 0 : int(r, 4);
    const vu = tre === 0 ? 0 : 1 + int(r, tre - 1);
    const [nam, nu] = split(r, tre, 2);
    const [a, b, c] = split(r, tre, 3);
    Object.assign(v, {
      [`pl01_${f}_vu`]: vu,
      [`pl01_${f}_tre`]: tre,
      [`pl01_${f}_nam`]: nam,
      [`pl01_${f}_nu`]: nu,
      [`pl01_${f}_duoi6`]: a,
      [`pl01_${f}_6den12`]: b,
      [`pl01_${f}_12den16`]: c,
    });
  }
  const tiep = int(r, 6);
  Object.assign(v, {
    tt_cuoc: 2 + int(r, 20),
    tt_doi_tuong: 100 + int(r, 900),
    tt_luot: 200 + int(r, 2000),
    tt_tre_luot: int(r, 500),
    nv_tin_tiep_nhan: tiep,
    nv_tin_xu_ly: int(r, tiep),
    nv_tao_hon: int(r, 3),
    nl_can_bo_xa: 1 + int(r, 4),
    nl_kinh_phi_nsnn: Math.round(r() * 50000) / 1000,
  });
  return v;
}

function courtValues(t: TemplateDefinition, r: () => number, prefix: 'pl03' | 'pl04'): Record<string, number | null> {
  const v: Record<string, number | null> = {};
  for (const g of t.lists['crime_groups']!.map((x) => x.code)) {
    if (prefix === 'pl03') {
      const thuly = int(r, 8);
      const kt = int(r, 4);
      const tt = int(r, kt);
      const dc = int(r, kt - tt);
      Object.assign(v, {
        [`pl03_${g}_tb_thuly`]: thuly,
        [`pl03_${g}_tb_gq`]: int(r, thuly),
        [`pl03_${g}_kt_vu`]: kt,
        [`pl03_${g}_kt_bc`]: kt + int(r, 2),
        [`pl03_${g}_tt_vu`]: tt,
        [`pl03_${g}_tt_bc`]: tt + int(r, 2),
        [`pl03_${g}_dc_vu`]: dc,
        [`pl03_${g}_dc_bc`]: dc,
        [`pl03_${g}_bh_duoi16`]: int(r, 3),
        [`pl03_${g}_bh_16den18`]: ['xhtd_khac', 'bao_luc', 'khac'].includes(g) ? int(r, 2) : 0,
      });
    } else {
      const tl = int(r, 4);
      const gq = int(r, tl);
      const xx = int(r, gq);
      const tlBc = tl + int(r, 2);
      const gqBc = Math.min(tlBc, gq + int(r, 1));
      const xxBc = Math.min(gqBc, xx);
      const pen = split(r, xxBc, 8);
      const codes = ['hp_den3', 'hp_3den7', 'hp_7den15', 'hp_15den20', 'hp_chung_than', 'hp_tu_hinh', 'hp_an_treo', 'hp_khac'];
      Object.assign(v, {
        [`pl04_${g}_tl_vu`]: tl,
        [`pl04_${g}_tl_bc`]: tlBc,
        [`pl04_${g}_gq_vu`]: gq,
        [`pl04_${g}_gq_bc`]: gqBc,
        [`pl04_${g}_xx_vu`]: xx,
        [`pl04_${g}_xx_bc`]: xxBc,
        [`pl04_${g}_con_lai_vu`]: tl - gq,
      });
      codes.forEach((c, i) => (v[`pl04_${g}_${c}`] = pen[i]!));
    }
  }
  return v;
}

function departmentValues(t: TemplateDefinition, kind: string, r: () => number): Record<string, number | null> {
  const v: Record<string, number | null> = {};
  for (const ind of indicatorsForKind(t, kind)) {
    if (ind.code === 'nv_tin_xu_ly' || ind.code === 'ktr_xu_ly' || ind.code.startsWith('ca_') || ind.code === 'nv_tre_ho_tro') continue;
    v[ind.code] = r() < 0.3 ? null : ind.type === 'money' ? Math.round(r() * 200000) / 1000 : int(r, 40);
  }
  v['nv_tin_xu_ly'] = v['nv_tin_tiep_nhan'] == null ? null : int(r, v['nv_tin_tiep_nhan']);
  v['ktr_xu_ly'] = v['ktr_vi_pham'] == null ? null : int(r, v['ktr_vi_pham']);
  return v;
}

const SAMPLE_TEXT =
  'Triển khai đồng bộ các giải pháp phòng, chống xâm hại trẻ em; phối hợp chặt chẽ giữa các cơ quan, đoàn thể và chính quyền cơ sở trong tiếp nhận, xử lý thông tin về trẻ em bị xâm hại.';

export function generateProvince(t: TemplateDefinition, spec: ProvinceSpec): Interchange & { reporting_year: number } {
  const r = rng(spec.seed);
  const p = spec.code;
  const root = `${p}_TINH`;
  const units: UnitInput[] = [{ code: root, name: `Tỉnh ${spec.name}`, kind: 'tinh', parent: null, order: 0 }];
  units.push({ code: `${p}_SYT`, name: 'Sở Y tế', kind: 'thuong_truc', parent: root, order: 1 });
  for (let i = 1; i <= spec.departments; i++)
    units.push({ code: `${p}_S${String(i).padStart(2, '0')}`, name: `Sở, ngành số ${i}`, kind: 'so_nganh', parent: root, order: 1 + i });
  units.push({ code: `${p}_CA`, name: 'Công an tỉnh', kind: 'cong_an', parent: root, order: 100 });
  units.push({ code: `${p}_VKS`, name: 'Viện kiểm sát nhân dân tỉnh', kind: 'vien_kiem_sat', parent: root, order: 101 });
  units.push({ code: `${p}_TAND`, name: 'Tòa án nhân dân tỉnh', kind: 'toa_an', parent: root, order: 102 });
  for (let i = 1; i <= spec.communes; i++)
    units.push({
      code: `${p}_X${String(i).padStart(3, '0')}`,
      name: `${i % 5 === 0 ? 'Phường' : 'Xã'} ${spec.name} ${i}`,
      kind: 'dia_phuong',
      parent: root,
      order: 200 + i,
    });

  const submissions: Submission[] = [];
  for (const year of spec.years) {
    let localChildren = 0;
    for (const u of units.slice(1)) {
      let values: Record<string, number | null>;
      if (u.kind === 'dia_phuong') {
        values = communeValues(t, r);
        localChildren += t.lists['forms']!.reduce((s, f) => s + (values[`pl01_${f.code}_tre`] ?? 0), 0);
      } else if (u.kind === 'vien_kiem_sat') values = courtValues(t, r, 'pl03');
      else if (u.kind === 'toa_an') values = courtValues(t, r, 'pl04');
      else values = departmentValues(t, u.kind, r);
      const documents: DocumentRecord[] =
        u.kind === 'vien_kiem_sat' || u.kind === 'toa_an'
          ? []
          : Array.from({ length: int(r, 2) }, (_, i) => ({
              cap: u.kind === 'dia_phuong' ? 'Cấp xã' : 'Sở, ngành, đoàn thể',
              loai: ['Kế hoạch', 'Quyết định', 'Công văn'][i % 3]!,
              so_ky_hieu: `${1 + int(r, 300)}/KH-${u.code}`,
              ngay: `${year}-0${1 + int(r, 8)}-1${int(r, 8)}`,
              co_quan: u.name,
              trich_yeu: `Kế hoạch thực hiện công tác bảo vệ trẻ em năm ${year}`,
            }));
      const texts: Record<string, string> = u.kind === 'dia_phuong' ? {} : { t_a2: SAMPLE_TEXT, t_b1_kq: SAMPLE_TEXT, t_b4_kq: SAMPLE_TEXT };
      submissions.push({ unit: u.code!, year, values, documents, texts });
    }
    // The police count roughly the same children as the communes (within the rule's tolerance).
    const ca = submissions.find((s) => s.unit === `${p}_CA` && s.year === year)!;
    Object.assign(ca.values, { ca_tre: localChildren, ca_vu: Math.max(0, Math.round(localChildren * 0.8)), ca_doi_tuong: Math.round(localChildren * 0.9) });
    const syt = submissions.find((s) => s.unit === `${p}_SYT` && s.year === year)!;
    syt.values['nv_tre_ho_tro'] = Math.round(localChildren * 0.7);
  }
  const last = spec.years.at(-1)!;
  return {
    settings: { province: spec.name, documents_from: '2021-01-07', period_from: `${last - 1}-11-16`, period_to: `${last}-11-15`, from_year: 2021 },
    years: spec.years,
    units: units.map((u) => ({ code: u.code, name: u.name, kind: u.kind, parent: u.parent, order: u.order })),
    submissions,
    reporting_year: last,
  };
}
