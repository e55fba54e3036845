// Who has reported a year: the checklist of units (on time, late, not yet) and a unit's versions
// with what changed from one to the next.
import type { ChecklistRow, FigureChange, SubmissionVersionInfo, YearChecklist } from '../../shared/api-types.ts';
import { allIndicators } from '../../shared/template.ts';
import type { ServiceContext } from './context.ts';
import { getSettings, settingString } from './settings.ts';
import { listSubmissions, submissionValues } from './submissions.ts';
import { listUnits, requireUnit } from './units.ts';
import { reportingUnits } from './workbooks.ts';

/** The deadline of a year: the settings' deadline belongs to the season whose period ends that year. */
export function deadlineFor(ctx: ServiceContext, year: number): string | null {
  const settings = getSettings(ctx);
  const deadline = settingString(settings, 'deadline');
  const periodYear = Number(settingString(settings, 'period_to').slice(0, 4));
  return deadline && periodYear === year ? deadline : null;
}

export function yearChecklist(ctx: ServiceContext, year: number): YearChecklist {
  const deadline = deadlineFor(ctx, year);
  const submissions = listSubmissions(ctx, { year });
  const current = new Map(submissions.filter((s) => s.isCurrent).map((s) => [s.unit, s]));
  const versions = new Map<string, number>();
  for (const s of submissions) versions.set(s.unit, (versions.get(s.unit) ?? 0) + 1);
  const kindLabels = new Map(ctx.template.unitKinds.map((k) => [k.code, k.label]));
  const expected = new Set(reportingUnits(ctx).map((u) => u.code));
  const units = listUnits(ctx).filter((u) => expected.has(u.code) || current.has(u.code));
  const rows = units.map((u): ChecklistRow => {
    const s = current.get(u.code);
    const late = !!(s && deadline && s.receivedAt.slice(0, 10) > deadline);
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
  let previous: Map<string, number | null> | null = null;
  const out: SubmissionVersionInfo[] = [];
  for (const s of list) {
    const values = submissionValues(ctx, s.id);
    const changes: FigureChange[] = [];
    if (previous) {
      for (const code of new Set([...previous.keys(), ...values.keys()])) {
        const before = previous.get(code) ?? null;
        const after = values.get(code) ?? null;
        if (before !== after) changes.push({ code, label: labels.get(code) ?? code, before, after });
      }
    }
    out.push({ id: s.id, version: s.version, fileName: s.fileName, source: s.source, receivedAt: s.receivedAt, importedAt: s.importedAt, isCurrent: s.isCurrent, changes });
    previous = values;
  }
  return out.reverse();
}
