// A province of 170 communes made by code, seeded, for the print tests: the unit list of a real province
// (the standing agency, 20 departments, police, procuracy, court, 170 communes and wards) and four
// years of figures and documents. Values are random but whole and small; the annexes only sum them.
import type { Interchange } from '../../electron/services/interchange.ts';
import { rng } from '../../bench/generate-province.ts';
import type { TemplateDefinition } from '../../shared/template-schema.ts';
import { indicatorsForKind } from '../../shared/template.ts';
import type { DocumentRecord, UnitInput } from '../../shared/types.ts';

export function largeProvince(t: TemplateDefinition, options: { communes: number; years: number[]; seed: number; name: string }): Interchange {
  const r = rng(options.seed);
  const int = (max: number) => Math.floor(r() * (max + 1));
  const root = 'TINH';
  const units: UnitInput[] = [{ code: root, name: `Tỉnh ${options.name}`, kind: 'tinh', parent: null, order: 0 }];
  units.push({ code: 'SYT', name: 'Sở Y tế', kind: 'thuong_truc', parent: root, order: 1 });
  for (let i = 1; i <= 20; i++) units.push({ code: `S${String(i).padStart(2, '0')}`, name: `Sở, ngành số ${i}`, kind: 'so_nganh', parent: root, order: 1 + i });
  units.push({ code: 'CA', name: 'Công an tỉnh', kind: 'cong_an', parent: root, order: 100 });
  units.push({ code: 'VKS', name: 'Viện kiểm sát nhân dân tỉnh', kind: 'vien_kiem_sat', parent: root, order: 101 });
  units.push({ code: 'TAND', name: 'Tòa án nhân dân tỉnh', kind: 'toa_an', parent: root, order: 102 });
  for (let i = 1; i <= options.communes; i++)
    units.push({
      code: `X${String(i).padStart(3, '0')}`,
      name: `${i % 5 === 0 ? 'Phường' : 'Xã'} Thạnh Phú ${i}`,
      kind: 'dia_phuong',
      parent: root,
      order: 200 + i,
    });
  const submissions: Interchange['submissions'] = [];
  for (const year of options.years) {
    for (const u of units.slice(1)) {
      const values: Record<string, number | null> = {};
      for (const ind of indicatorsForKind(t, u.kind))
        values[ind.code] = r() < 0.1 ? null : ind.type === 'money' ? Math.round(r() * 50000) / 1000 : int(u.kind === 'dia_phuong' ? 3 : 40);
      const documents: DocumentRecord[] =
        u.kind === 'vien_kiem_sat' || u.kind === 'toa_an' || u.kind === 'cong_an'
          ? []
          : Array.from({ length: int(1) }, (_x, i) => ({
              cap: u.kind === 'dia_phuong' ? 'Cấp xã' : 'Sở, ngành, đoàn thể',
              loai: ['Kế hoạch', 'Quyết định', 'Công văn'][i % 3]!,
              so_ky_hieu: `${1 + int(300)}/KH-${u.code}`,
              ngay: `${year}-0${1 + int(8)}-1${int(8)}`,
              co_quan: u.name,
              trich_yeu: `Kế hoạch thực hiện công tác bảo vệ trẻ em, phòng, chống xâm hại trẻ em năm ${year}`,
            }));
      submissions.push({ unit: u.code!, year, values, documents, texts: {} });
    }
  }
  const last = options.years.at(-1)!;
  return {
    settings: {
      province: options.name,
      place: options.name,
      documents_from: '2021-01-07',
      period_from: `${last - 1}-11-16`,
      period_to: `${last}-11-15`,
      from_year: 2021,
    },
    years: options.years,
    units,
    submissions,
  } as Interchange;
}
