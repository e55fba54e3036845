// Who has reported a year: the checklist of units (on time, late, not yet) and a unit's versions
// with what changed from one to the next.
import type { ChecklistRow, FigureChange, SubmissionVersionInfo, YearChecklist } from '../../shared/api-types.ts';
import { allIndicators } from '../../shared/template.ts';
import { isoDate, type ServiceContext } from '../store/context.ts';
import { deadlineFor, provinceTemplate } from '../store/settings.ts';
import { diffVersions } from './history.ts';
import { listSubmissions } from '../store/submissions.ts';
import { listUnits, requireUnit } from '../store/units.ts';
import { reportingUnits } from './workbooks.ts';

export function yearChecklist(ctx: ServiceContext, year: number): YearChecklist {
  const deadline = deadlineFor(ctx, year);
  const submissions = listSubmissions(ctx, { year });
  const current = new Map(submissions.filter((s) => s.isCurrent).map((s) => [s.unit, s]));
  const versions = new Map<string, number>();
  for (const s of submissions) versions.set(s.unit, (versions.get(s.unit) ?? 0) + 1);
  const kindLabels = new Map(provinceTemplate(ctx).unitKinds.map((k) => [k.code, k.label]));
  const expected = new Set(reportingUnits(ctx).map((u) => u.code));
  const units = listUnits(ctx).filter((u) => expected.has(u.code) || current.has(u.code));
  const rows = units.map((u): ChecklistRow => {
    const s = current.get(u.code);
    const late = !!(s && deadline && isoDate(new Date(s.receivedAt)) > deadline);
    return {
      unit: u.code,
      unitName: u.name,
      kind: u.kind,
      kindLabel: kindLabels.get(u.kind) ?? u.kind,
      status: !s ? 'missing' : late ? 'late' : 'on_time',
      version: s?.version ?? null,
      versions: versions.get(u.code) ?? 0,
      fileName: s?.fileName ?? null,
      receivedAt: s?.receivedAt ?? null,
      warnings: s?.warnings ?? 0,
      ...(s?.paperSource ? { paperSource: s.paperSource } : {}),
    };
  });
  return {
    year,
    deadline,
    expected: expected.size,
    reported: rows.filter((r) => r.status !== 'missing' && expected.has(r.unit)).length,
    late: rows.filter((r) => r.status === 'late').length,
    rows,
  };
}

/** Every version a unit sent for the year, newest first, each with the figures changed from the one before. */
export function unitVersions(ctx: ServiceContext, year: number, unitCode: string): SubmissionVersionInfo[] {
  requireUnit(ctx, unitCode);
  const labels = new Map(allIndicators(ctx.template).map((i) => [i.code, i.label]));
  const list = listSubmissions(ctx, { year }).filter((s) => s.unit === unitCode);
  return list
    .map((s, i): SubmissionVersionInfo => {
      const previous = list[i - 1];
      const changes: FigureChange[] = previous
        ? diffVersions(ctx, unitCode, year, previous.version, s.version)
            .filter((d) => d.kind === 'value')
            .map((d) => ({ code: d.code, label: labels.get(d.code) ?? d.code, before: d.before as number | null, after: d.after as number | null }))
        : [];
      return {
        id: s.id,
        version: s.version,
        fileName: s.fileName,
        source: s.source,
        ...(s.paperSource ? { paperSource: s.paperSource } : {}),
        receivedAt: s.receivedAt,
        importedAt: s.importedAt,
        isCurrent: s.isCurrent,
        changes,
      };
    })
    .reverse();
}
