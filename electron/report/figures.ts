// The numbers of the outline's figures for the report year (and the year before, for comparisons).
import { expandIndicatorPattern, type OutlineDocumentsFigure, type OutlineSumFigure } from '../../shared/outline-schema.ts';
import { allIndicators } from '../../shared/template.ts';
import type { TemplateDefinition, ValueType } from '../../shared/template-schema.ts';
import { sumIndicator, type IssuedDocument, type YearFigures } from '../services/aggregate.ts';
import type { ReportData } from './report-data.ts';

export type ValueFigure = OutlineSumFigure | OutlineDocumentsFigure;

/** Sum of the figure's indicators over the units; null when nobody reported any of them. */
export function sumFigure(def: OutlineSumFigure, template: TemplateDefinition, fig: YearFigures, item?: string): number | null {
  let total: number | null = null;
  for (const pattern of def.sum) {
    for (const code of expandIndicatorPattern(pattern, template, item)) {
      const v = sumIndicator(fig, code, def.kinds);
      if (v !== null) total = (total ?? 0) + v;
    }
  }
  return total;
}

/** Issued documents matching the filter's levels (cap) and types (loai); `{code}` stands for a list item. */
export function countDocuments(def: OutlineDocumentsFigure, documents: readonly IssuedDocument[], item?: string): number {
  const resolve = (values?: string[]) => values?.map((v) => (item === undefined ? v : v.replaceAll('{code}', item)));
  const cap = resolve(def.documents.cap);
  const loai = resolve(def.documents.loai);
  return documents.filter((d) => (!cap || cap.includes(d.cap)) && (!loai || loai.includes(d.loai))).length;
}

export class FigureBook {
  private readonly types: Map<string, ValueType>;

  constructor(private readonly data: ReportData) {
    this.types = new Map(allIndicators(data.template).map((i) => [i.code, i.type]));
  }

  /** A figure of the report year, or of the year before (null when that year is not held). */
  value(def: ValueFigure, when: 'current' | 'previous' = 'current', item?: string): number | null {
    if ('documents' in def) return when === 'current' ? countDocuments(def, this.data.documents, item) : null;
    const fig = when === 'current' ? this.data.current : this.data.previous;
    return fig ? sumFigure(def, this.data.template, fig, item) : null;
  }

  /** Money when any of its indicators is money; documents are counts. */
  type(def: ValueFigure, item?: string): ValueType {
    if ('documents' in def) return 'count';
    const codes = def.sum.flatMap((p) => expandIndicatorPattern(p, this.data.template, item));
    return codes.some((c) => this.types.get(c) === 'money') ? 'money' : 'count';
  }
}
