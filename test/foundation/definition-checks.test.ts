// The cross-checks of a definition when it is loaded (docs/form-change.md): each broken reference between
// template, rules, annexes and outline is named with its file and item, in Vietnamese.
import { describe, expect, it } from 'vitest';
import { assertDefinitionSound, definitionProblems } from '../../electron/services/definitions.ts';
import { buildDefinition, currentDefinition, definitionHash, type Definition } from '../../electron/template-store.ts';

type Json = Record<string, unknown>;

/** The app's definition with one part edited (a deep copy: the app's own stays as it is). */
function edited(edit: (parts: Record<string, Json>) => void): Definition {
  const current = currentDefinition();
  const parts = structuredClone(current.parts) as Record<string, Json>;
  edit(parts);
  return buildDefinition({ ...current.manifest, version: current.manifest.version + 1 }, parts);
}

const sheets = (annex: Json) => annex.sheets as Json[];
const columns = (sheet: Json) => sheet.columns as Json[];

describe('cross-checks of a definition', () => {
  it("the app's own definition holds together", () => {
    expect(definitionProblems(currentDefinition())).toEqual([]);
  });

  it('the hash is of the content: the same parts give the same hash, any change another', () => {
    const c = currentDefinition();
    expect(definitionHash(c.manifest, structuredClone(c.parts))).toBe(c.hash);
    expect(c.hash).toMatch(/^[0-9a-f]{64}$/);
    const other = edited((p) => ((p['outline.json'] as Json).title = 'Khác'));
    expect(other.hash).not.toBe(c.hash);
  });

  it('names a rule that refers to an indicator the template lacks, with the file and the rule', () => {
    const def = edited((p) => {
      const rule = ((p['rules.json'] as Json).rules as Json[])[0]!;
      rule.right = 'pl01_{f}_khong_co';
    });
    const problems = definitionProblems(def);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/rules\.json/);
    expect(problems[0]).toMatch(/pl01_sex_sum/);
    expect(problems[0]).toMatch(/pl01_bl_khong_co/);
  });

  it('names an annex column that refers to an indicator the template lacks, with the file, sheet and column', () => {
    const def = edited((p) => {
      const col = columns(sheets(p['annexes/pl03.json']!)[0]!).find((c) => c.col === 'E')!;
      col.content = { kind: 'figure', code: 'pl03_{row}_kt_vuu' };
    });
    const [problem, ...rest] = definitionProblems(def);
    expect(rest).toEqual([]);
    expect(problem).toMatch(/annexes\/pl03\.json/);
    expect(problem).toMatch(/trang PL03: cột E: mẫu không có chỉ tiêu pl03_[a-z0-9_]+_kt_vuu/);
  });

  it('names an outline figure that refers to an indicator the template lacks, with the file and the figure', () => {
    const def = edited((p) => {
      const figures = (p['outline.json'] as Json).figures as Record<string, Json>;
      figures.vu = { ...figures.vu, sum: ['pl01_{f}_vuu'] };
    });
    const problems = definitionProblems(def);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/outline\.json/);
    expect(problems[0]).toMatch(/số liệu vu: không có chỉ tiêu "pl01_bl_vuu"/);
  });

  it('names a list item that an annex showing its list leaves out', () => {
    // A new measure of the police-procuracy matrix, which Phụ lục 03 does not show.
    const def = edited((p) => {
      const lists = (p['template.json'] as Json).lists as Record<string, Json[]>;
      lists.pl03_measures!.push({ code: 'moi', label: 'Chỉ tiêu mới' });
    });
    const problems = definitionProblems(def).join('\n');
    expect(problems).toMatch(/annexes\/pl03\.json[^\n]*mục "Chỉ tiêu mới" \(moi\) của danh mục pl03_measures không có trong phụ lục/);
  });

  it('names an annex header that repeats a list label instead of naming the item, and an unknown item', () => {
    const def = edited((p) => {
      const header = sheets(p['annexes/pl01.json']!).find((s) => s.name === 'PL01_DIA_BAN')!.header as { cells: Json[] };
      const g7 = header.cells.find((c) => c.range === 'G7')!;
      delete g7.item;
      g7.text = 'Bạo lực';
      header.cells.find((c) => c.range === 'H7')!.item = 'forms.khong_co';
    });
    const problems = definitionProblems(def).join('\n');
    expect(problems).toMatch(/annexes\/pl01\.json[^\n]*ô tiêu đề G7: "Bạo lực" lặp lại nhãn của mục forms\.bl/);
    expect(problems).toMatch(/trang PL01_DIA_BAN, ô tiêu đề H7: mẫu không có mục "forms\.khong_co"/);
  });

  it('names what window.json refers to and the template lacks', () => {
    const def = edited((p) => {
      const w = p['window.json']!;
      w.standingKind = 'khong_co';
      w.trend = { sheet: 'PL01', measure: 'khong_co_cot', title: '{measure}' };
    });
    const problems = definitionProblems(def).join('\n');
    expect(problems).toMatch(/window\.json[^\n]*standingKind: mẫu không có loại đơn vị "khong_co"/);
    expect(problems).toMatch(/trend\.measure: danh mục pl01_measures không có mục "khong_co_cot"/);
  });

  it('a definition with problems is refused at load with every problem listed', () => {
    const def = edited((p) => {
      ((p['rules.json'] as Json).rules as Json[])[0]!.right = 'khong_co';
      const figures = (p['outline.json'] as Json).figures as Record<string, Json>;
      figures.vu = { ...figures.vu, sum: ['khong_co_2'] };
    });
    expect(() => assertDefinitionSound(def)).toThrow(/phiên bản 2 có chỗ không khớp nhau:\n- .*outline\.json.*khong_co_2.*\n- .*rules\.json.*khong_co/s);
  });
});
