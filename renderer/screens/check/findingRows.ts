// The findings as the Kiểm tra list shows them: grouped by severity (errors first), then by rule,
// filtered by unit and rule. Pure, so it is quick for thousands of findings and testable alone.
import type { Severity } from '../../../shared/types.ts';
import type { ValidationFinding } from '../../../shared/rules/types.ts';

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' };
const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

export type FindingRow =
  { type: 'group'; key: string; severity: Severity; rule: string; title: string; count: number } | { type: 'finding'; key: string; finding: ValidationFinding };

export interface FindingFilter {
  unit: string;
  rule: string;
  showAcknowledged: boolean;
}

export function findingRows(findings: readonly ValidationFinding[], filter: FindingFilter): FindingRow[] {
  const kept = findings.filter(
    (f) => (!filter.unit || f.unit === filter.unit) && (!filter.rule || f.rule === filter.rule) && (filter.showAcknowledged || !f.acknowledged),
  );
  const groups = new Map<string, ValidationFinding[]>();
  for (const f of kept) {
    const key = `${f.severity}|${f.rule}`;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const keys = [...groups.keys()].sort((a, b) => {
    const [sa, ra] = a.split('|') as [Severity, string];
    const [sb, rb] = b.split('|') as [Severity, string];
    return SEVERITY_ORDER.indexOf(sa) - SEVERITY_ORDER.indexOf(sb) || ra.localeCompare(rb);
  });
  const rows: FindingRow[] = [];
  for (const key of keys) {
    const list = groups.get(key)!;
    rows.push({
      type: 'group',
      key: `g:${key}`,
      severity: list[0]!.severity,
      rule: list[0]!.rule,
      title: list[0]!.ruleTitle ?? list[0]!.rule,
      count: list.length,
    });
    for (const f of list) rows.push({ type: 'finding', key: f.key, finding: f });
  }
  return rows;
}

/** The counts above the list: errors, warnings still to review, warnings acknowledged, notes. */
export function reviewCounts(findings: readonly ValidationFinding[]): { errors: number; unreviewed: number; acknowledged: number; infos: number } {
  const counts = { errors: 0, unreviewed: 0, acknowledged: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'info') counts.infos++;
    else if (f.acknowledged) counts.acknowledged++;
    else counts.unreviewed++;
  }
  return counts;
}
