// The figures of a year as the "Số liệu" grid shows them: rows units, columns one sheet's indicators,
// the value in use beside the value sent, its workbook cell and the newest correction.
import type { CorrectionInfo, GridColumn, GridData, GridRow, YearDocument } from '../../shared/api-types.ts';
import { kindsWithSheet, listLabel, sheetIndicators } from '../../shared/template.ts';
import { AppError } from '../errors.ts';
import type { ServiceContext } from '../store/context.ts';
import { listUnits } from '../store/units.ts';
import { paperSourceOf } from '../store/submissions.ts';
import { isYearLocked, yearView } from '../store/years.ts';

interface CurrentSubmission {
  id: number;
  unit: string;
  version: number;
  file_name: string | null;
  received_at: string;
}

function currentSubmissions(ctx: ServiceContext, year: number): Map<string, CurrentSubmission> {
  const rows = ctx.db
    .prepare(
      `SELECT s.id, u.code AS unit, s.version, s.file_name, s.received_at FROM submissions s JOIN units u ON u.id = s.unit_id
       WHERE s.year = ? AND s.period = CAST(s.year AS TEXT) AND s.is_current = 1`,
    )
    .all(year) as CurrentSubmission[];
  return new Map(rows.map((r) => [r.unit, r]));
}

/** The newest correction of each (submission, code) of a year's current submissions. */
export function latestCorrections(ctx: ServiceContext, year: number): Map<number, Map<string, CorrectionInfo>> {
  const rows = ctx.db
    .prepare(
      `SELECT c.submission_id, c.code, c.value, c.reason, c.by, c.at FROM corrections c
       JOIN submissions s ON s.id = c.submission_id
       WHERE s.year = ? AND s.period = CAST(s.year AS TEXT) AND s.is_current = 1
       ORDER BY c.id`,
    )
    .all(year) as { submission_id: number; code: string; value: number | null; reason: string; by: string; at: string }[];
  const out = new Map<number, Map<string, CorrectionInfo>>();
  for (const r of rows) {
    const bySubmission = out.get(r.submission_id) ?? new Map<string, CorrectionInfo>();
    bySubmission.set(r.code, { value: r.value, reason: r.reason, by: r.by, at: r.at });
    out.set(r.submission_id, bySubmission);
  }
  return out;
}

function gridColumns(ctx: ServiceContext, sheetName: string): { title: string; columns: GridColumn[] } {
  const sheet = ctx.template.sheets.find((s) => s.name === sheetName);
  if (!sheet || (sheet.kind !== 'matrix' && sheet.kind !== 'list')) throw new AppError('unknown_sheet', `Không có bảng số liệu "${sheetName}".`);
  const columns = sheetIndicators(ctx.template, sheet).map((i): GridColumn => {
    if (sheet.kind === 'matrix') {
      return {
        code: i.code,
        label: i.label,
        short: listLabel(ctx.template, sheet.columns, i.col ?? ''),
        group: listLabel(ctx.template, sheet.rows, i.row ?? ''),
        type: i.type,
        max: i.max,
      };
    }
    return { code: i.code, label: i.label, short: i.label, group: null, type: i.type, max: i.max };
  });
  return { title: sheet.title, columns };
}

function applicableFor(ctx: ServiceContext, sheetName: string, kind: string, code: string): boolean {
  const sheet = ctx.template.sheets.find((s) => s.name === sheetName);
  if (sheet?.kind !== 'list') return true;
  const item = sheet.items.find((i) => i.code === code);
  return !item?.onlyKinds || item.onlyKinds.includes(kind);
}

/** Units whose workbook holds the sheet: the active ones, and retired ones that reported the year. */
export function gridData(ctxAny: ServiceContext, year: number, sheetName: string): GridData {
  // The year's grid has the sheets and indicators of the definition the year was collected under.
  const ctx = yearView(ctxAny, year);
  const { title, columns } = gridColumns(ctx, sheetName);
  const kinds = new Set(kindsWithSheet(ctx.template, sheetName));
  const current = currentSubmissions(ctx, year);
  const corrections = latestCorrections(ctx, year);
  const units = listUnits(ctx).filter((u) => kinds.has(u.kind) && (u.active || current.has(u.code)));
  const valueStmt = ctx.db.prepare('SELECT code, value, cell FROM submission_values WHERE submission_id = ?');
  const rows = units.map((u): GridRow => {
    const s = current.get(u.code);
    const stored = new Map<string, { value: number | null; cell: string | null }>();
    if (s) for (const v of valueStmt.all(s.id) as { code: string; value: number | null; cell: string | null }[]) stored.set(v.code, v);
    const fixes = s ? corrections.get(s.id) : undefined;
    const row: GridRow = {
      unit: u.code,
      unitName: u.name,
      kind: u.kind,
      active: u.active,
      submissionId: s?.id ?? null,
      version: s?.version ?? null,
      fileName: s?.file_name ?? null,
      receivedAt: s?.received_at ?? null,
      ...(s && paperSourceOf(ctx, s.id) ? { paperSource: paperSourceOf(ctx, s.id) } : {}),
      values: [],
      submitted: [],
      cells: [],
      applicable: [],
      corrections: {},
    };
    columns.forEach((c, i) => {
      const v = stored.get(c.code);
      const submitted = v?.value ?? null;
      const fix = fixes?.get(c.code);
      row.submitted.push(submitted);
      row.values.push(fix ? fix.value : submitted);
      row.cells.push(v?.cell ?? null);
      row.applicable.push(applicableFor(ctx, sheetName, u.kind, c.code));
      if (fix && fix.value !== submitted) row.corrections[i] = fix;
    });
    return row;
  });
  return { year, sheet: sheetName, title, locked: isYearLocked(ctx, year), columns, rows };
}

/** The documents (Phụ lục 02 rows) of the year's current submissions, unit by unit. */
export function yearDocuments(ctx: ServiceContext, year: number): YearDocument[] {
  return ctx.db
    .prepare(
      `SELECT u.code AS unit, u.name AS unitName, d.row_no AS rowNo, d.cap, d.loai, d.so_ky_hieu, d.ngay, d.co_quan, d.trich_yeu, d.ghi_chu, d.cell
       FROM documents d JOIN submissions s ON s.id = d.submission_id JOIN units u ON u.id = s.unit_id
       WHERE s.year = ? AND s.period = CAST(s.year AS TEXT) AND s.is_current = 1
       ORDER BY u.sort_order, u.name, d.row_no`,
    )
    .all(year) as YearDocument[];
}
