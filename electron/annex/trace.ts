// Where an annex figure comes from: for a cell of an annex (annex, sheet, address, reporting year), the
// units, submission versions, files, cells of the units' workbooks and values behind it, corrections
// included. It reads the same plan the writer renders, so it names exactly what the file holds.
import { columnIndex } from '../../shared/annex-schema.ts';
import type { ReportPeriod } from '../../shared/periods.ts';
import { FigureBook } from './figure-book.ts';
import { formulaText } from './formulas.ts';
import { findAnnexLayout, loadAnnexLayouts } from './layouts.ts';
import { planAnnex } from './plan.ts';
import type { FigureSource, PlannedCell, PlannedRow, SheetPlan } from './plan-types.ts';
import { AppError } from '../errors.ts';
import { documentKey } from '../store/aggregate.ts';
import type { ServiceContext } from '../store/context.ts';
import { paperSourceOf } from '../store/submissions.ts';
import { yearView } from '../store/years.ts';
import type { CellTrace, TraceCorrection, TracedDocument, TracedValue } from '../../shared/api-types.ts';

export type { CellTrace, TraceCorrection, TracedDocument, TracedValue };

export interface TraceRequest {
  annex: string;
  /** Defaults to the annex's first sheet. */
  sheet?: string;
  /** e.g. `C11` (a `$` or lower case is accepted). */
  cell: string;
  /** The reporting year the annex is made for. */
  year: number;
}

const ADDRESS = /^([A-Z]{1,2})([1-9]\d*)$/;

function plannedAt(plan: SheetPlan, address: string): { row: PlannedRow; cell: PlannedCell } | undefined {
  const m = ADDRESS.exec(address);
  if (!m) return undefined;
  const row = plan.rows.find((r) => r.row === Number(m[2]));
  if (!row) return undefined;
  const col = row.spanAll ? plan.sheet.columns[0]!.col : m[1]!;
  const cell = row.cells[col];
  return cell ? { row, cell } : undefined;
}

/** The heading of the cell: the row's context and label, then the header texts above the column. */
function cellLabel(plan: SheetPlan, row: PlannedRow, col: string): string {
  const labelCol = plan.sheet.columns.find((c) => c.content.kind === 'label')?.col;
  const text = (r: PlannedRow | undefined) => {
    const c = labelCol ? r?.cells[labelCol] : undefined;
    return c?.kind === 'text' ? c.text : '';
  };
  const context = row.role === 'item' ? text([...plan.rows].reverse().find((r) => r.row < row.row && r.role === 'year')) : '';
  const index = columnIndex(col);
  const headings = plan.sheet.header.cells
    .filter((h) => {
      const [a, b = a] = h.range.split(':') as [string, string?];
      const from = columnIndex(ADDRESS.exec(a)![1]!);
      const to = columnIndex(ADDRESS.exec(b)![1]!);
      return index >= Math.min(from, to) && index <= Math.max(from, to);
    })
    .map((h) => h.text);
  return [context, text(row), ...headings].filter(Boolean).join(' — ');
}

function correctionOf(ctx: ServiceContext, submissionId: number, code: string): TraceCorrection | null {
  const row = ctx.db
    .prepare('SELECT value, reason, by, at FROM corrections WHERE submission_id = ? AND code = ? ORDER BY id DESC LIMIT 1')
    .get(submissionId, code) as TraceCorrection | undefined;
  return row ?? null;
}

function tracedValues(ctx: ServiceContext, book: FigureBook, sources: FigureSource[]): TracedValue[] {
  const seen = new Set<string>();
  const stored = ctx.db.prepare('SELECT value, cell FROM submission_values WHERE submission_id = ? AND code = ?');
  const out: TracedValue[] = [];
  for (const source of sources) {
    for (const c of book.contributions(source)) {
      const key = `${c.unit.submissionId}|${c.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const raw = stored.get(c.unit.submissionId, c.code) as { value: number | null; cell: string | null } | undefined;
      out.push({
        year: source.year,
        unit: { code: c.unit.unit.code, name: c.unit.unit.name, kind: c.unit.unit.kind },
        submissionId: c.unit.submissionId,
        version: c.unit.version,
        fileName: c.unit.fileName,
        ...(paperSourceOf(ctx, c.unit.submissionId) ? { paperSource: paperSourceOf(ctx, c.unit.submissionId) } : {}),
        receivedAt: c.unit.receivedAt,
        code: c.code,
        cell: raw?.cell ?? null,
        submitted: raw?.value ?? null,
        value: c.value,
        correction: correctionOf(ctx, c.unit.submissionId, c.code),
      });
    }
  }
  return out.sort((a, b) => a.year - b.year);
}

function tracedDocuments(ctx: ServiceContext, keys: Set<string>): TracedDocument[] {
  if (keys.size === 0) return [];
  const rows = ctx.db
    .prepare(
      `SELECT s.year, u.code, u.name, s.id AS submission_id, s.version, s.file_name, d.cell, d.so_ky_hieu, d.ngay, d.co_quan
       FROM documents d JOIN submissions s ON s.id = d.submission_id JOIN units u ON u.id = s.unit_id
       WHERE s.is_current = 1 ORDER BY s.year, u.sort_order, d.row_no`,
    )
    .all() as {
    year: number;
    code: string;
    name: string;
    submission_id: number;
    version: number;
    file_name: string | null;
    cell: string | null;
    so_ky_hieu: string;
    ngay: string;
    co_quan: string | null;
  }[];
  return rows
    .filter((r) => keys.has(documentKey(r)))
    .map((r) => ({
      year: r.year,
      unit: { code: r.code, name: r.name },
      submissionId: r.submission_id,
      version: r.version,
      fileName: r.file_name,
      cell: r.cell,
      so_ky_hieu: r.so_ky_hieu,
      ngay: r.ngay,
    }));
}

export function traceAnnexCell(ctxAny: ServiceContext, req: TraceRequest): CellTrace {
  const ctx = yearView(ctxAny, req.year);
  const layout = findAnnexLayout(ctx.template, req.annex);
  const sheetName = (req.sheet ?? layout.sheets[0]!.name).trim().toUpperCase();
  const sheet = layout.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new AppError('unknown_sheet', `${layout.label} không có trang "${req.sheet}" (có: ${layout.sheets.map((s) => s.name).join(', ')}).`);
  const address = req.cell.replace(/\$/g, '').trim().toUpperCase();
  const book = new FigureBook(ctx);
  const plan = planAnnex(ctx, { ...layout, sheets: [sheet] }, req.year, book).sheets[0]!;
  const target = plannedAt(plan, address);
  if (!target || target.cell.kind === 'ordinal' || (target.cell.kind === 'text' && !target.row.documentKey)) {
    throw new AppError('not_a_figure', `Ô ${address} (${layout.label}, trang ${sheet.name}) không phải là số liệu nên không có nguồn.`);
  }

  const sources: FigureSource[] = [];
  const documentKeys = new Set<string>();
  const visit = (address: string, depth: number) => {
    const at = plannedAt(plan, address);
    if (!at || depth > 20) return;
    if (at.row.documentKey) documentKeys.add(at.row.documentKey);
    if (at.cell.kind === 'figure') sources.push(at.cell.source);
    if (at.cell.kind === 'formula') for (const ref of at.cell.refs) visit(ref, depth + 1);
  };
  visit(address, 0);

  const missing = new Map<string, { code: string; name: string; year: number }>();
  for (const s of sources) {
    for (const u of book.missing(s.year, s.kinds)) {
      if (book.covers(s, u)) missing.set(`${s.year}|${u.code}`, { code: u.code, name: u.name, year: s.year });
    }
  }
  const cell = target.cell;
  const value = cell.kind === 'figure' || cell.kind === 'formula' ? cell.value : cell.kind === 'text' ? cell.text : cell.kind === 'date' ? cell.iso : null;
  return {
    annex: layout.id,
    sheet: sheet.name,
    cell: address,
    year: req.year,
    label: cellLabel(plan, target.row, ADDRESS.exec(address)![1]!),
    value,
    formula: cell.kind === 'formula' && cell.refs.length ? formulaText(cell) : null,
    values: tracedValues(ctx, book, sources),
    documents: tracedDocuments(ctx, documentKeys),
    missing: [...missing.values()].sort((a, b) => a.year - b.year),
  };
}

/** One figure cell of an annex with every unit value behind it (for "Nguồn số liệu.xlsx"). */
export interface FigureCellSources {
  annex: string;
  annexLabel: string;
  sheet: string;
  cell: string;
  label: string;
  value: number | null;
  values: TracedValue[];
}

/** Every figure cell of every annex of a year, with its sources, in annex, sheet and row order. */
export function allFigureSources(ctxAny: ServiceContext, year: number, period?: ReportPeriod): FigureCellSources[] {
  const ctx = yearView(ctxAny, year);
  const book = new FigureBook(ctx, period);
  const out: FigureCellSources[] = [];
  for (const layout of loadAnnexLayouts(ctx.template)) {
    for (const plan of planAnnex(ctx, layout, year, book).sheets) {
      for (const row of plan.rows) {
        for (const [col, cell] of Object.entries(row.cells)) {
          if (cell.kind !== 'figure') continue;
          out.push({
            annex: layout.id,
            annexLabel: layout.label,
            sheet: plan.sheet.name,
            cell: `${col}${row.row}`,
            label: cellLabel(plan, row, col),
            value: cell.value,
            values: tracedValues(ctx, book, [cell.source]),
          });
        }
      }
    }
  }
  return out;
}
