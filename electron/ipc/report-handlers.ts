// The "Báo cáo" step's outline: each narrative section with the units' texts and the compiler's own,
// as the window shows them.
import type { ReportSection } from '../../shared/api-types.ts';
import type { ServiceContext } from '../store/context.ts';
import { mergedSectionTexts, setSectionNoContent, setSectionText, type SectionText } from '../services/report.ts';

function toSection(s: SectionText): ReportSection {
  return {
    code: s.code,
    label: s.label,
    prompt: s.prompt,
    units: s.contributions.map((u) => ({ unit: u.unitCode, unitName: u.unitName, text: u.text })),
    compilerText: s.compilerText,
    updatedAt: s.updatedAt,
    updatedBy: s.updatedBy,
    source: s.source,
    merged: s.mergedText,
  };
}

export function reportSections(ctx: ServiceContext, year: number): ReportSection[] {
  return mergedSectionTexts(ctx, year).map(toSection);
}

export function saveSectionText(ctx: ServiceContext, year: number, code: string, text: string | null): ReportSection {
  return toSection(setSectionText(ctx, year, code, text));
}

export function markSectionNoContent(ctx: ServiceContext, year: number, code: string, none: boolean): ReportSection {
  return toSection(setSectionNoContent(ctx, year, code, none));
}
