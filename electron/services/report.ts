// The Word report (Bao cao.docx) and the compiler's section texts: service functions for the window, the CLI
// and the tests. The outline (templates/<id>/outline.json) drives the content; electron/report/ lays it out.
import path from 'node:path';
import { periodKey, type ReportPeriod } from '../../shared/periods.ts';
import { flattenSections, narrativePrompts, outlineNarrativeCodes, promptValues, type Outline } from '../../shared/outline-schema.ts';
import type { Settings } from '../../shared/types.ts';
import { isNoContentMark, NO_CONTENT_TEXT } from '../../shared/section-mark.ts';
import { AppError } from '../errors.ts';
import { ensureFolder, writeFileAtomic } from '../files/atomic-write.ts';
import { buildReportContent } from '../report/build-content.ts';
import { reportChartPictures } from '../report/body-builder.ts';
import { drawBarChartAhead } from '../report/chart/bar-chart.ts';
import type { MissingSection } from '../report/content-model.ts';
import { layOutReport } from '../report/docx/write-docx.ts';
import { mergeSectionText, splitParagraphs } from '../report/narrative.ts';
import { loadOutline } from '../report/outline-store.ts';
import { gatherReportData, readReportFigures } from '../report/report-data.ts';
import { compilerTexts, unitTexts, writeCompilerText, type UnitText } from '../report/texts-store.ts';
import { audit } from '../store/audit.ts';
import { getSettings, templateOfProvince } from '../store/settings.ts';
import type { ServiceContext } from '../store/context.ts';
import { assertYearOpen, lockedView, requireYear, yearView } from '../store/years.ts';

export const REPORT_FILE_NAME = 'Bao cao.docx';

export interface GenerateReportRequest {
  year: number;
  /** The report period (shared/periods.ts) when not the year itself; its season must be `year`. */
  period?: ReportPeriod;
  outDir: string;
  /** Present while validation errors stand: the document is marked DỰ THẢO and lists them at the end. */
  draft?: { errors: string[] };
}

export interface GenerateReportResult {
  file: string;
  /** Marked DỰ THẢO: errors stand or sections are missing. */
  draft: boolean;
  /** Sections still without content, each with how to fill it. */
  missing: MissingSection[];
  /** What the compiler should know about the document (sections without text …), in Vietnamese. */
  notices: string[];
}

export async function generateReport(ctx: ServiceContext, req: GenerateReportRequest): Promise<GenerateReportResult> {
  requireYear(ctx, req.year);
  const view = lockedView(ctx, req.year);
  const figures = readReportFigures(view, req.year, req.period);
  // The charts' pixels are drawn on the thread pool while the rest is read and the text is composed.
  const pictures = Promise.all(reportChartPictures(figures).map(drawBarChartAhead));
  const data = gatherReportData(view, req.year, req.period, figures);
  const content = buildReportContent(data, req.draft);
  // The document too, all but the pictures, whose bytes go into the package once drawn.
  const laidOut = layOutReport(content);
  const { buffer, notices } = await laidOut.docx(pictures);
  ensureFolder(req.outDir);
  const file = path.join(req.outDir, REPORT_FILE_NAME);
  await writeFileAtomic(file, buffer);
  return { file, draft: content.front.draftMark !== null, missing: content.missing, notices: [...content.notices, ...notices] };
}

export interface SectionText {
  /** The narrative code (BAO_CAO cell), e.g. t_b1_th. */
  code: string;
  /** The outline section that prints it (code and heading, e.g. b1_hc "2. Tồn tại, hạn chế; …") and its sub-point lead. */
  sectionCode: string;
  heading: string;
  lead: string | null;
  /** What the text should answer (the outline's prompts of the section): shown, never printed. */
  prompts: string[];
  /** The label the units saw beside the cell, and the prompts (one per line) they saw beside it. */
  label: string;
  prompt: string | null;
  /** The units' texts in the unit list's order (blank ones left out). */
  contributions: UnitText[];
  /** The compiler's own text, which wins over the merge; null when not set. */
  compilerText: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
  /** What the report prints: the compiler's text, the merge of the units' texts, nothing yet (empty), or nothing by choice (none). */
  source: 'compiler' | 'units' | 'empty' | 'none';
  /** The merge as plain text, one paragraph per unit led by its name (to prefill the compiler's editor). */
  mergedText: string;
}

/** The report's outline (sections, headings, prompts, figure sentences), for the report step's tree. */
export function reportOutline(ctx: ServiceContext): Outline {
  return loadOutline(ctx.template);
}

/** Where each narrative code is printed: its section and sub-point lead. */
function narrativePlaces(
  ctx: ServiceContext,
  outline: Outline,
  settings: Settings,
): Map<string, { sectionCode: string; heading: string; lead: string | null; prompts: string[] }> {
  const places = new Map<string, { sectionCode: string; heading: string; lead: string | null; prompts: string[] }>();
  // Every kind's prompts, a restricted one led by the kinds it is for.
  const template = templateOfProvince(ctx.template, settings);
  const kindLabel = (k: string) => template.unitKinds.find((u) => u.code === k)?.label ?? k;
  const prompts = narrativePrompts(outline, null, promptValues(settings), kindLabel);
  for (const section of flattenSections(outline.sections)) {
    for (const b of section.blocks ?? []) {
      if (b.kind === 'narrative')
        places.set(b.code, { sectionCode: section.code, heading: section.heading, lead: b.lead ?? null, prompts: prompts.get(b.code) ?? [] });
    }
  }
  return places;
}

/** Every narrative section of the outline for a year, in printing order, with the units' and the compiler's texts. */
/** Where a period's texts are kept: a year's under the year, another period's under its key (its own narrative). */
function textsKey(year: number, period?: ReportPeriod): number | string {
  return period && period.kind !== 'year' ? periodKey(period) : year;
}

export function mergedSectionTexts(ctxAny: ServiceContext, year: number, period?: ReportPeriod): SectionText[] {
  requireYear(ctxAny, year);
  const ctx = yearView(ctxAny, year);
  const outline = loadOutline(ctx.template);
  const settings = getSettings(ctx);
  const places = narrativePlaces(ctx, outline, settings);
  const key = textsKey(year, period);
  const units = unitTexts(ctx, key);
  const own = compilerTexts(ctx, key);
  const items = new Map(
    templateOfProvince(ctx.template, settings).sheets.flatMap((s) => (s.kind === 'narrative' ? s.items.map((i) => [i.code, i] as const) : [])),
  );
  return outlineNarrativeCodes(outline).map((code) => {
    const contributions = units.get(code) ?? [];
    const compiler = own.get(code);
    const unitNames = { unitNames: settings.narrative_unit_names === true };
    const merged = mergeSectionText(contributions, compiler?.text, unitNames);
    const unitsOnly = mergeSectionText(contributions, null, unitNames);
    return {
      code,
      ...places.get(code)!,
      label: items.get(code)?.label ?? code,
      prompt: places.get(code)!.prompts.join('\n') || null,
      contributions,
      compilerText: compiler?.text ?? null,
      updatedAt: compiler?.updatedAt ?? null,
      updatedBy: compiler?.updatedBy ?? null,
      source: merged.source,
      mergedText: unitsOnly.paragraphs.map((runs) => runs.map((r) => r.text).join('')).join('\n'),
    };
  });
}

/** Sets the compiler's text of a section for a year (null or blank: back to the units' merged texts); logged. */
export function setSectionText(ctx: ServiceContext, year: number, code: string, text: string | null, period?: ReportPeriod): SectionText {
  const key = textsKey(year, period);
  requireYear(ctx, year);
  if (!outlineNarrativeCodes(loadOutline(yearView(ctx, year).template)).includes(code)) {
    throw new AppError('unknown_section', `Đề cương không có mục nội dung "${code}".`);
  }
  const clean = text === null ? null : splitParagraphs(text).join('\n');
  const value = clean === '' ? null : clean;
  const before = compilerTexts(ctx, key).get(code)?.text ?? null;
  if (value !== before) {
    assertYearOpen(ctx, year, 'không sửa nội dung báo cáo năm đó');
    ctx.db.transaction(() => {
      writeCompilerText(ctx, year, code, value, String(key));
      audit(ctx, {
        action: value === null ? 'section_text.clear' : 'section_text.set',
        entity: 'section_text',
        entityId: `${key}/${code}`,
        oldValue: before ?? undefined,
        newValue: value ?? undefined,
      });
    })();
  }
  return mergedSectionTexts(ctx, year, period).find((s) => s.code === code)!;
}

/**
 * Marks a section of a year "không có nội dung báo cáo" (nothing is printed under its heading and the report
 * no longer waits for it), or takes the mark back; stored and logged as the section's own text.
 */
export function setSectionNoContent(ctx: ServiceContext, year: number, code: string, none: boolean, period?: ReportPeriod): SectionText {
  if (none) return setSectionText(ctx, year, code, NO_CONTENT_TEXT, period);
  const current = compilerTexts(ctx, textsKey(year, period)).get(code)?.text ?? null;
  // Without the mark nothing changes (the same text is not written again).
  return setSectionText(ctx, year, code, isNoContentMark(current) ? null : current, period);
}
