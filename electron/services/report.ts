// The Word report (Bao cao.docx) and the compiler's section texts: service functions for the window, the CLI
// and the tests. The outline (templates/<id>/outline.json) drives the content; electron/report/ lays it out.
import path from 'node:path';
import { flattenSections, outlineNarrativeCodes, type Outline } from '../../shared/outline-schema.ts';
import { isNoContentMark, NO_CONTENT_TEXT } from '../../shared/section-mark.ts';
import { AppError } from '../errors.ts';
import { ensureFolder, writeFileAtomic } from '../files/atomic-write.ts';
import { buildReportContent } from '../report/build-content.ts';
import type { MissingSection } from '../report/content-model.ts';
import { reportDocx } from '../report/docx/write-docx.ts';
import { mergeSectionText, splitParagraphs } from '../report/narrative.ts';
import { loadOutline } from '../report/outline-store.ts';
import { gatherReportData } from '../report/report-data.ts';
import { compilerTexts, unitTexts, writeCompilerText, type UnitText } from '../report/texts-store.ts';
import { audit } from '../store/audit.ts';
import { getSettings } from '../store/settings.ts';
import type { ServiceContext } from '../store/context.ts';
import { assertYearOpen, lockedView, requireYear } from '../store/years.ts';

export const REPORT_FILE_NAME = 'Bao cao.docx';

export interface GenerateReportRequest {
  year: number;
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
  const content = buildReportContent(gatherReportData(lockedView(ctx, req.year), req.year), req.draft);
  const { buffer, notices } = await reportDocx(content);
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
  /** The label and prompt the units saw beside the cell. */
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
function narrativePlaces(outline: Outline): Map<string, { sectionCode: string; heading: string; lead: string | null; prompts: string[] }> {
  const places = new Map<string, { sectionCode: string; heading: string; lead: string | null; prompts: string[] }>();
  for (const section of flattenSections(outline.sections)) {
    for (const b of section.blocks ?? []) {
      if (b.kind === 'narrative') places.set(b.code, { sectionCode: section.code, heading: section.heading, lead: b.lead ?? null, prompts: section.prompts ?? [] });
    }
  }
  return places;
}

/** Every narrative section of the outline for a year, in printing order, with the units' and the compiler's texts. */
export function mergedSectionTexts(ctx: ServiceContext, year: number): SectionText[] {
  requireYear(ctx, year);
  const outline = loadOutline(ctx.template);
  const places = narrativePlaces(outline);
  const units = unitTexts(ctx, year);
  const own = compilerTexts(ctx, year);
  const settings = getSettings(ctx);
  const items = new Map(ctx.template.sheets.flatMap((s) => (s.kind === 'narrative' ? s.items.map((i) => [i.code, i] as const) : [])));
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
      prompt: items.get(code)?.prompt ?? null,
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
export function setSectionText(ctx: ServiceContext, year: number, code: string, text: string | null): SectionText {
  requireYear(ctx, year);
  if (!outlineNarrativeCodes(loadOutline(ctx.template)).includes(code)) {
    throw new AppError('unknown_section', `Đề cương không có mục nội dung "${code}".`);
  }
  const clean = text === null ? null : splitParagraphs(text).join('\n');
  const value = clean === '' ? null : clean;
  const before = compilerTexts(ctx, year).get(code)?.text ?? null;
  if (value !== before) {
    assertYearOpen(ctx, year, 'không sửa nội dung báo cáo năm đó');
    ctx.db.transaction(() => {
      writeCompilerText(ctx, year, code, value);
      audit(ctx, { action: value === null ? 'section_text.clear' : 'section_text.set', entity: 'section_text', entityId: `${year}/${code}`, oldValue: before ?? undefined, newValue: value ?? undefined });
    })();
  }
  return mergedSectionTexts(ctx, year).find((s) => s.code === code)!;
}

/**
 * Marks a section of a year "không có nội dung báo cáo" (nothing is printed under its heading and the report
 * no longer waits for it), or takes the mark back; stored and logged as the section's own text.
 */
export function setSectionNoContent(ctx: ServiceContext, year: number, code: string, none: boolean): SectionText {
  if (none) return setSectionText(ctx, year, code, NO_CONTENT_TEXT);
  const current = compilerTexts(ctx, year).get(code)?.text ?? null;
  // Without the mark nothing changes (the same text is not written again).
  return setSectionText(ctx, year, code, isNoContentMark(current) ? null : current);
}
