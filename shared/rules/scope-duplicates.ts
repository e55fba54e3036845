// Scope `duplicates`: a document reported by more than one unit, or in more than one year, is listed once
// in Phụ lục 02; the finding names every unit-year that reported it. Pure.
import type { CompiledRule } from './compile.ts';
import { findingKey } from './finding.ts';
import { formatDate } from '../dates.ts';
import { periodVars, renderMessage } from './message.ts';
import type { ValidationFinding, ValidationInput } from './types.ts';

export function runDuplicatesRule(c: Extract<CompiledRule, { scope: 'duplicates' }>, input: ValidationInput): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  for (const doc of input.documents) {
    const seen = new Set<string>();
    const units = doc.units.filter((u) => {
      const k = `${u.code}|${u.year}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    if (units.length < 2) continue;
    findings.push({
      key: findingKey(input.year, c.rule.id, null, doc.key),
      rule: c.rule.id,
      severity: c.rule.severity,
      scope: 'duplicates',
      unit: null,
      unitName: input.provinceName,
      year: input.year,
      left: null,
      right: null,
      cells: [],
      document: { so_ky_hieu: doc.so_ky_hieu, ngay: doc.ngay, co_quan: doc.co_quan },
      units,
      message: renderMessage(c.rule.message, {
        unit: input.provinceName,
        ...periodVars(input.year, input.period),
        so_ky_hieu: doc.so_ky_hieu,
        ngay: formatDate(doc.ngay),
        co_quan: doc.co_quan ?? '',
        units: units.map((u) => `${u.name} (${u.year})`).join(', '),
      }),
    });
  }
  return findings;
}
