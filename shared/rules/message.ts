// Turning a rule's Vietnamese message template into the text of a finding. Pure.
import { formatVietnameseNumber } from '../numbers.ts';
import { periodText, yearPeriod, type ReportPeriod } from '../periods.ts';
import { cellWords, type NamedSheet } from '../sheet-words.ts';
import type { FindingCell } from './types.ts';

/** Fills `{name}` placeholders; a placeholder without a value is left as written. */
export function renderMessage(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{([a-zA-Z_][a-zA-Z0-9_.]*)\}/g, (m, name: string) => vars[name] ?? m);
}

/** The placeholders a message template uses. */
export function messagePlaceholders(template: string): string[] {
  return [...template.matchAll(/\{([a-zA-Z_][a-zA-Z0-9_.]*)\}/g)].map((m) => m[1]!);
}

/**
 * The placeholders every message may use for its period: `{year}` the season's year, `{period}` the period as the
 * report names it after a noun (shared/periods.ts): "năm 2026", "6 tháng đầu năm 2026", "giai đoạn 2021 – 2025".
 */
export function periodVars(year: number, period?: ReportPeriod): { year: string; period: string } {
  return { year: String(year), period: periodText(period ?? yearPeriod(year)) };
}

export function formatFigure(v: number | null | undefined): string {
  return v === null || v === undefined ? '(trống)' : formatVietnameseNumber(v);
}

/**
 * The `{cells}` placeholder in words for people: " (Phụ lục 01, các ô E10, F10, D10)" — the sheet named as its
 * title says (shared/sheet-words.ts), then its cells; only cells with an address; empty when none has one.
 */
export function formatCells(cells: readonly FindingCell[], sheets: readonly NamedSheet[]): string {
  const bySheet = new Map<string, string[]>();
  for (const c of cells) {
    if (!c.address) continue;
    bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c.address]);
  }
  const parts = [...bySheet].map(([sheet, addresses]) => cellWords(sheets.find((s) => s.name === sheet) ?? { name: sheet, title: sheet }, addresses));
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/** Splits a stored cell reference "PL01!E10" into sheet and address. */
export function splitCellRef(ref: string): { sheet: string; address: string } | null {
  const i = ref.lastIndexOf('!');
  if (i <= 0) return null;
  return { sheet: ref.slice(0, i).replace(/^'(.*)'$/, '$1'), address: ref.slice(i + 1).replace(/\$/g, '') };
}
