// The figure sentences of the outline in words: placeholders resolved to formatted numbers, lists,
// comparisons with the year before, unit names and settings; "chưa có số liệu" for what nobody reported.
import type { OutlineList, OutlineSentence } from '../../shared/outline-schema.ts';
import { kindsWithSheet } from '../../shared/template.ts';
import { settingString } from '../services/settings.ts';
import { FigureBook, type ValueFigure } from './figures.ts';
import { formatDate } from '../../shared/dates.ts';
import { formatFigure, formatPercent, type NumberStyle } from './format.ts';
import type { ReportData } from './report-data.ts';
import { beforeFinalStop, fillPhrase, fillTemplate, plain, type Filled, type Resolve } from './sentences.ts';

export class FigureText {
  private readonly book: FigureBook;
  private readonly style: NumberStyle;

  constructor(private readonly data: ReportData) {
    this.book = new FigureBook(data);
    this.style = { leadingZero: data.settings.leading_zero !== false };
  }

  /** A sentence of a figure paragraph, or null when it is left out. */
  sentence(s: OutlineSentence): string | null {
    if ('missingUnits' in s) return this.missingUnitsSentence(s.missingUnits);
    const filled = fillTemplate(s.text, this.resolve);
    const phrases = this.data.outline.phrases;
    if (filled.figures > 0 && filled.missing.length === filled.figures) {
      if (s.omitWhenMissing) return null;
      if (s.subject) return fillPhrase(phrases.allMissing, { subject: s.subject });
    }
    if (filled.missing.length === 0) return filled.text;
    return beforeFinalStop(filled.text, fillPhrase(phrases.missingFigures, { labels: [...new Set(filled.missing)].join(', ') }));
  }

  /** Any text with placeholders (headings, captions, the subject line). */
  text(template: string): string {
    return fillTemplate(template, this.resolve).text;
  }

  /** "Số liệu chưa bao gồm Xã Vĩnh Lộc." for the units of the kinds holding these sheets that have not reported. */
  missingUnitsSentence(sheets: readonly string[]): string | null {
    const kinds = new Set(sheets.flatMap((s) => kindsWithSheet(this.data.template, s)));
    const names = this.data.missing.filter((u) => kinds.has(u.kind)).map((u) => u.name);
    return names.length === 0 ? null : fillPhrase(this.data.outline.phrases.missingUnits, { units: names.join(', ') });
  }

  readonly resolve: Resolve = (name) => {
    const variable = this.variable(name);
    if (variable !== undefined) return plain(variable);
    if (name.startsWith('unit.')) return plain(this.unitName(name.slice(5)));
    const figure = this.data.outline.figures[name];
    if (figure) return 'change' in figure ? plain(this.change(figure.change, figure.noun)) : this.number(figure);
    const list = this.data.outline.lists[name];
    if (list) return this.list(list);
    throw new Error(`Đề cương: không hiểu {${name}}`);
  };

  private variable(name: string): string | undefined {
    const s = this.data.settings;
    switch (name) {
      case 'year':
        return String(this.data.year);
      case 'previous_year':
        return String(this.data.year - 1);
      case 'province':
        return settingString(s, 'province');
      case 'province_kind':
        return settingString(s, 'province_kind', 'tỉnh');
      case 'documents_from':
      case 'period_from':
      case 'period_to':
        return formatDate(settingString(s, name));
      default:
        return undefined;
    }
  }

  /** The name of the active unit of that kind in the unit list ("Viện kiểm sát nhân dân tỉnh"). */
  private unitName(kind: string): string {
    const unit = this.data.units.find((u) => u.kind === kind && u.active);
    if (unit) return unit.name;
    const label = this.data.template.unitKinds.find((k) => k.code === kind)?.label ?? kind;
    return `${label} ${settingString(this.data.settings, 'province_kind', 'tỉnh')}`;
  }

  private format(value: number, def: ValueFigure, item?: string): string {
    return formatFigure(value, this.book.type(def, item), this.style);
  }

  private number(def: ValueFigure, item?: string, value = this.book.value(def, 'current', item)): Filled {
    if (value === null) return { text: this.data.outline.phrases.unknownNumber, figures: 1, missing: [def.label] };
    return { text: this.format(value, def, item), figures: 1, missing: [] };
  }

  /** "tăng 05 em (22,7%) so với năm 2025" / "giảm …" / "bằng năm 2025"; empty without a previous year. */
  private change(figureName: string, noun: string): string {
    const def = this.data.outline.figures[figureName];
    if (!def || 'change' in def || this.data.previousYear === null) return '';
    const now = this.book.value(def);
    const before = this.book.value(def, 'previous');
    if (now === null || before === null) return '';
    const p = this.data.outline.phrases;
    const values = { noun, previous: String(this.data.previousYear), diff: this.format(Math.abs(now - before), def) };
    if (now === before) return fillPhrase(p.same, values);
    const percent = before === 0 ? '' : formatPercent((Math.abs(now - before) / before) * 100);
    if (now > before) return fillPhrase(before === 0 ? p.increaseFromZero : p.increase, { ...values, percent });
    return fillPhrase(p.decrease, { ...values, percent });
  }

  private list(list: OutlineList): Filled {
    const items = list.items
      ? list.items.map((i) => ({ def: this.data.outline.figures[i.figure] as ValueFigure, text: i.text, zero: i.zero, item: undefined as string | undefined, label: '' }))
      : (this.data.template.lists[list.over!.list] ?? []).map((i) => ({ def: list.over!.figure, text: list.over!.text, zero: undefined, item: i.code, label: i.label }));
    const shown: string[] = [];
    const zeros: string[] = [];
    let figures = 0;
    const missing: string[] = [];
    for (const it of items) {
      const value = this.book.value(it.def, 'current', it.item);
      const n = this.number(it.def, it.item, value);
      figures += 1;
      missing.push(...n.missing);
      if (value === 0 && it.zero !== undefined && list.zeroText) {
        zeros.push(it.zero);
        continue;
      }
      if (value === 0 && list.dropZero) continue;
      const resolveItem: Resolve = (name) => (name === 'value' ? n : name === 'label' ? plain(it.label) : this.resolve(name));
      shown.push(fillTemplate(it.text, resolveItem).text);
    }
    const parts = [shown.join(list.separator)];
    if (zeros.length > 0 && list.zeroText) parts.push(fillPhrase(list.zeroText, { items: zeros.join(', ') }));
    return { text: parts.filter((p) => p !== '').join(list.zeroSeparator), figures, missing };
  }
}
