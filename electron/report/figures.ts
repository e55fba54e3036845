// The numbers of the outline's figures for the report year (and the year before, for comparisons).
import { expandIndicatorPattern, type OutlineDifferenceFigure, type OutlineDocumentsFigure, type OutlineSumFigure } from '../../shared/outline-schema.ts';
import { allIndicators } from '../../shared/template.ts';
import type { TemplateDefinition, ValueType } from '../../shared/template-schema.ts';
import type { Unit } from '../../shared/types.ts';
import type { CoverageSum } from '../../shared/coverage-sum.ts';
import { codesOfKind } from '../../shared/rules/lookup.ts';
import { sumIndicators, type IssuedDocument, type UnitFigures, type YearFigures } from '../store/aggregate.ts';
import type { ReportData } from './report-data.ts';

export type ValueFigure = OutlineSumFigure | OutlineDocumentsFigure | OutlineDifferenceFigure;

/** The indicator codes a sum figure adds (its patterns expanded; `{code}` is the list item). */
export function figureCodes(def: OutlineSumFigure, template: TemplateDefinition, item?: string): string[] {
  return def.sum.flatMap((pattern) => expandIndicatorPattern(pattern, template, item, def.sumOver));
}

/**
 * The figure's sum over the units expected to give it (the submitted units of its kinds whose sheets hold one
 * of its indicators), with who gave a value (0 included) and who left it blank; total null when nobody did.
 */
export function figureCoverage(
  def: OutlineSumFigure,
  template: TemplateDefinition,
  fig: YearFigures,
  item?: string,
  codes: readonly string[] = figureCodes(def, template, item),
): CoverageSum<UnitFigures> {
  return sumIndicators(fig, codes, holdsAnyOf(template, codes), def.kinds);
}

/** Whether a unit's kind holds one of the codes in its sheets, worked out once per kind (not once per unit). */
function holdsAnyOf(template: TemplateDefinition, codes: readonly string[]): (unit: { kind: string }) => boolean {
  const wanted = new Set(codes);
  const byKind = new Map<string, boolean>();
  return ({ kind }) => {
    let holds = byKind.get(kind);
    if (holds === undefined) {
      holds = codesOfKind(template, kind).some((c) => wanted.has(c));
      byKind.set(kind, holds);
    }
    return holds;
  };
}

/** Issued documents matching the filter's levels (cap) and types (loai); `{code}` stands for a list item. */
export function countDocuments(def: OutlineDocumentsFigure, documents: readonly IssuedDocument[], item?: string): number | null {
  const resolve = (values?: string[]) => values?.map((v) => (item === undefined ? v : v.replaceAll('{code}', item)));
  const cap = resolve(def.documents.cap);
  const loai = resolve(def.documents.loai);
  const matching = documents.filter((d) => (!cap || cap.includes(d.cap)) && (!loai || loai.includes(d.loai)));
  const due = def.documents.due;
  if (!due) return matching.length;
  const withDue = matching.filter((d) => d.han);
  if (withDue.length === 0) return null;
  return due === 'set' ? withDue.length : withDue.filter((d) => d.ngay <= d.han!).length;
}

/** The key of a figure's list item in the book's caches (no item: the figure itself). */
const itemKey = (item: string | undefined): string => (item === undefined ? '\u0000' : `=${item}`);

/**
 * The report's figures, each sum worked out once: a figure's value, its coverage and its type are asked for by
 * several sentences (and the value and coverage of one number by the same sentence).
 */
export class FigureBook {
  private readonly types: Map<string, ValueType>;
  private readonly codes = new Map<OutlineSumFigure, Map<string, string[]>>();
  private readonly sums = new Map<OutlineSumFigure, Map<string, CoverageSum<UnitFigures>>>();

  constructor(private readonly data: ReportData) {
    this.types = new Map(allIndicators(data.template).map((i) => [i.code, i.type]));
  }

  /** A figure of the report year, or of the year before (null when that year is not held). */
  value(def: ValueFigure, when: 'current' | 'previous' = 'current', item?: string): number | null {
    if ('documents' in def) return when === 'current' ? countDocuments(def, this.data.documents, item) : null;
    if ('difference' in def) {
      const [a, b] = def.difference.map((side) => this.value(side, when, item));
      return a == null || b == null ? null : Math.abs(a - b);
    }
    return this.coverage(def, when, item)?.total ?? null;
  }

  /** Who gave the figure and who left it blank (sum figures only; null for documents or a year not held). */
  coverage(def: ValueFigure, when: 'current' | 'previous' = 'current', item?: string): CoverageSum<UnitFigures> | null {
    if ('documents' in def || 'difference' in def) return null;
    const fig = when === 'current' ? this.data.current : this.data.previous;
    if (!fig) return null;
    let byItem = this.sums.get(def);
    if (!byItem) this.sums.set(def, (byItem = new Map()));
    const key = `${when}${itemKey(item)}`;
    let sum = byItem.get(key);
    if (!sum) {
      const codes = this.codesOf(def, item);
      // The sum reads only the units of the kinds it expects (the same units in the same order, fewer to pass over).
      const holds = holdsAnyOf(this.data.template, codes);
      const expected = this.kindsOf(fig).filter((k) => (!def.kinds || def.kinds.includes(k)) && holds({ kind: k }));
      byItem.set(key, (sum = figureCoverage(def, this.data.template, this.unitsOfKinds(fig, expected), item, codes)));
    }
    return sum;
  }

  private readonly kinds = new Map<YearFigures, string[]>();
  private readonly views = new Map<YearFigures, Map<string, YearFigures>>();

  /** The unit kinds that have figures in a year, in order of first appearance. */
  private kindsOf(fig: YearFigures): string[] {
    let kinds = this.kinds.get(fig);
    if (!kinds) this.kinds.set(fig, (kinds = [...new Set([...fig.byUnit.values()].map((f) => f.unit.kind))]));
    return kinds;
  }

  /** A year's figures of the units of some kinds only, in the same order; made once per set of kinds. */
  private unitsOfKinds(fig: YearFigures, kinds: readonly string[]): YearFigures {
    let byKinds = this.views.get(fig);
    if (!byKinds) this.views.set(fig, (byKinds = new Map()));
    const key = kinds.join('\u0000');
    let view = byKinds.get(key);
    if (!view) {
      const wanted = new Set(kinds);
      view = { ...fig, byUnit: new Map([...fig.byUnit].filter(([, f]) => wanted.has(f.unit.kind))) };
      byKinds.set(key, view);
    }
    return view;
  }

  /** The indicator codes a sum figure adds, expanded once. */
  codesOf(def: OutlineSumFigure, item?: string): string[] {
    let byItem = this.codes.get(def);
    if (!byItem) this.codes.set(def, (byItem = new Map()));
    const key = itemKey(item);
    let codes = byItem.get(key);
    if (!codes) byItem.set(key, (codes = figureCodes(def, this.data.template, item)));
    return codes;
  }

  /** Active units expected to give the figure that have sent nothing for the year. */
  notSubmitted(def: ValueFigure, item?: string): Unit[] {
    if ('documents' in def || 'difference' in def) return [];
    const holds = holdsAnyOf(this.data.template, this.codesOf(def, item));
    return this.data.missing.filter((u) => (!def.kinds || def.kinds.includes(u.kind)) && holds(u));
  }

  /** Money when any of its indicators is money; documents are counts. */
  type(def: ValueFigure, item?: string): ValueType {
    if ('documents' in def) return 'count';
    if ('difference' in def) return this.type(def.difference[0], item);
    return this.codesOf(def, item).some((c) => this.types.get(c) === 'money') ? 'money' : 'count';
  }
}
