import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/errors.ts';
import { loadTemplateFile, templatePath } from '../../electron/template-store.ts';
import { templateRules, validateYear } from '../../electron/services/validation.ts';
import { compileRules } from '../../shared/rules/compile.ts';
import { parseRuleSet, RulesError, type RuleSet } from '../../shared/rules/schema.ts';
import { dbWith, messagesOf } from './helpers.ts';

const template = loadTemplateFile();
const raw = JSON.parse(readFileSync(templatePath('nq121', 'rules.json'), 'utf8')) as RuleSet;

/** Every rule id of docs/rules.md, with its severity. */
const RULES_MD: Record<string, string> = {
  pl01_sex_sum: 'error',
  pl01_age_sum: 'error',
  pl01_cases_children: 'error',
  pl01_cases_need_children: 'error',
  pl01_children_need_case: 'error',
  pl03_kt_defendants: 'error',
  pl03_tt_defendants: 'error',
  pl03_dc_defendants: 'error',
  pl03_reports: 'error',
  pl03_closed: 'warning',
  pl03_victim_age: 'warning',
  pl04_resolved: 'error',
  pl04_tried: 'error',
  pl04_resolved_defendants: 'error',
  pl04_tried_defendants: 'error',
  pl04_defendants: 'error',
  pl04_remaining: 'error',
  pl04_penalties: 'error',
  so_lieu_reports_handled: 'warning',
  so_lieu_violations_handled: 'warning',
  police_solved_cases: 'warning',
  procuracy_on_time: 'error',
  completeness: 'warning',
  police_vs_local: 'warning',
  police_vs_local_form: 'warning',
  pl01_ca_sex_sum: 'error',
  pl01_ca_age_sum: 'error',
  pl01_ca_cases_need_children: 'error',
  court_vs_procuracy: 'warning',
  victims_vs_children: 'warning',
  support_vs_children: 'warning',
  doc_duplicate: 'info',
  yoy_outlier: 'warning',
  yoy_missing: 'warning',
};

function withRules(edit: (rules: RuleSet['rules']) => RuleSet['rules']): RuleSet {
  return { ...raw, rules: edit(structuredClone(raw.rules)) };
}

describe('templates/nq121/rules.json', () => {
  it('holds exactly the rules of docs/rules.md, with their severities', () => {
    const set = parseRuleSet(raw);
    expect(Object.fromEntries(set.rules.map((r) => [r.id, r.severity]))).toEqual(RULES_MD);
  });

  it('compiles against the template: every code, list, sheet and placeholder exists', () => {
    const compiled = templateRules(template);
    const checks = Object.fromEntries(compiled.rules.map((c) => [c.rule.id, 'checks' in c ? c.checks.length : 0]));
    expect(checks).toMatchObject({
      pl01_sex_sum: 6,
      pl03_kt_defendants: 9,
      pl03_victim_age: 6,
      pl04_penalties: 9,
      so_lieu_reports_handled: 1,
      police_vs_local: 1,
    });
    const pl01 = compiled.rules.find((c) => c.rule.id === 'pl01_sex_sum');
    expect(pl01?.scope === 'submission' && pl01.checks.every((k) => k.kinds.join() === 'dia_phuong')).toBe(true);
  });

  it('refuses a rule set that does not fit the template, naming each problem in Vietnamese', () => {
    const broken = withRules((rules) => [
      { ...rules[0]!, id: 'x1', left: 'pl01_{f}_nam + pl01_{f}_khong_co' },
      { ...rules[0]!, id: 'x2', foreach: { f: 'khong_co_danh_muc' } },
      { ...rules[0]!, id: 'x3', message: '{unit}: {khong_biet}' },
      { ...rules[0]!, id: 'x4', left: 'sum(zz_*)', foreach: undefined, right: 0 },
    ]);
    let problems: string[] = [];
    try {
      compileRules(parseRuleSet(broken), template);
    } catch (e) {
      problems = (e as RulesError).problems;
    }
    expect(problems).toContain('quy tắc "x1" (bl): không có chỉ tiêu pl01_bl_khong_co');
    expect(problems).toContain('quy tắc "x2": không có danh mục "khong_co_danh_muc" cho biến {f}');
    expect(problems).toContain('quy tắc "x3": thông báo có chỗ trống không biết {khong_biet}');
    expect(problems).toContain('quy tắc "x4": mẫu zz_* không ứng với chỉ tiêu nào');
  });

  it('refuses duplicate ids and malformed rules when parsing', () => {
    expect(() => parseRuleSet(withRules((rules) => [rules[0]!, rules[0]!]))).toThrow('quy tắc "pl01_sex_sum" bị trùng mã');
    expect(() => parseRuleSet(withRules((rules) => [{ ...rules[0]!, operator: '!=' as never }]))).toThrow(RulesError);
  });

  it('validateYear turns a broken rule set into an AppError for people', () => {
    const ctx = dbWith([]);
    const broken = withRules((rules) => [{ ...rules[0]!, left: 'pl01_{f}_nam +' }]);
    expect(() => validateYear(ctx, 2026, { rules: broken })).toThrow(AppError);
    expect(() => validateYear(ctx, 2026, { rules: broken })).toThrow(
      /Tệp quy tắc kiểm tra không hợp lệ: quy tắc "pl01_sex_sum" \(bl\): Biểu thức "pl01_bl_nam \+": thiếu số hạng/,
    );
  });

  it('a new rule is a data change: the engine runs a rule id it has never seen', () => {
    const ctx = dbWith([{ unit: 'SGDDT', values: { ktr_tien_phat: 12.5, ktr_vi_pham: 0 } }]);
    const rules = withRules((r) => [
      ...r,
      {
        id: 'fines_need_violations',
        severity: 'warning',
        scope: 'submission',
        when: 'ktr_tien_phat > 0',
        left: 'ktr_vi_pham',
        operator: '>',
        right: 0,
        message: '{unit}, năm {year}: có tiền xử phạt ({when.left} triệu đồng) nhưng không có vi phạm ({left}){cells}.',
      },
    ]);
    expect(messagesOf(ctx, 'fines_need_violations', { rules })).toEqual([
      'Sở Giáo dục và Đào tạo, năm 2026: có tiền xử phạt (12,5 triệu đồng) nhưng không có vi phạm (0).',
    ]);
  });
});
