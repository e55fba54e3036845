// The figure sentences of the outline in words: placeholders resolved to formatted numbers, lists,
// comparisons with the year before, unit names and settings; "chưa có số liệu" for what nobody reported.
import { sumKnown } from '../../shared/coverage-sum.ts';
import { formatDate } from '../../shared/dates.ts';
import { periodLabel, periodText } from '../../shared/periods.ts';
import type { OutlineList, OutlineSentence } from '../../shared/outline-schema.ts';
import { adminType, joinUnitNames, runningName, UNIT_SEPARATOR } from '../../shared/running-text.ts';
import { kindsWithSheet } from '../../shared/template.ts';
import { settingString } from '../store/settings.ts';
import { FigureBook, type ValueFigure } from './figures.ts';
import { formatCount, formatFigure, formatPercent, type NumberStyle } from './format.ts';
import type { ReportData } from './report-data.ts';
import { beforeFinalStop, fillPhrase, fillTemplate, plain, type CoverageNote, type Filled, type NamedUnit, type Resolve } from './sentences.ts';

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
    const missingNote = filled.missing.length > 0 ? fillPhrase(phrases.missingFigures, { labels: [...new Set(filled.missing)].join(', ') }) : null;
    const coverage = this.coverageNote(filled.notes ?? [], filled.figures);
    // One parenthesis for both notes: "(chưa có số liệu về …; … chưa báo cáo chỉ tiêu này)".
    const note = missingNote && coverage && missingNote.endsWith(')') ? `${missingNote.slice(0, -1)}; ${coverage.slice(1)}` : (missingNote ?? coverage);
    return note ? beforeFinalStop(filled.text, note) : filled.text;
  }

  /**
   * Rule "coverage named": a sum some expected units left blank says so, "(số liệu của Công an tỉnh; 11 xã chưa
   * báo cáo chỉ tiêu này)"; figures with the same blank units share one note, led by their labels unless the
   * note is about the sentence's last figure alone.
   */
  private coverageNote(notes: readonly CoverageNote[], figures: number): string | null {
    if (notes.length === 0) return null;
    const p = this.data.outline.phrases;
    const groups = new Map<string, CoverageNote[]>();
    for (const n of notes) {
      const key = n.blank.map((u) => u.code).join('|');
      groups.set(key, [...(groups.get(key) ?? []), n]);
    }
    const parts = [...groups.values()].map((group) => {
      const first = group[0]!;
      // One note's units are each there once; several notes' are merged by code.
      const reported = group.length === 1 ? first.reported : [...new Map(group.flatMap((n) => n.reported).map((u) => [u.code, u])).values()];
      const blank = this.unitsText(first.blank);
      const pieces = [];
      // The few units that gave it are named when they are fewer than those that did not.
      if (reported.length > 0 && reported.length <= 3 && reported.length < first.blank.length)
        pieces.push(fillPhrase(p.coverageReported, { units: this.unitsText(reported) }));
      pieces.push(fillPhrase(group.length > 1 ? p.coverageBlankSeveral : p.coverageBlank, { units: blank }));
      const text = pieces.join('; ');
      const alone = groups.size === 1 && group.length === 1 && first.index === figures - 1;
      return alone ? text : fillPhrase(p.coverageLabels, { labels: [...new Set(group.map((n) => n.label))].join(', '), text });
    });
    return `(${parts.join('; ')})`;
  }

  /**
   * Unit names in running text, in list order; four or more of one group counted ("11 xã", "08 sở, ngành, đoàn
   * thể"): the group is the administrative type of the name, else the unit kind's label.
   */
  unitsText(units: readonly NamedUnit[]): string {
    const groups = units.map((u) => this.groupOf(u));
    const sizes = new Map<string, number>();
    for (const g of groups) sizes.set(g, (sizes.get(g) ?? 0) + 1);
    const parts: string[] = [];
    const counted = new Set<string>();
    for (const [i, u] of units.entries()) {
      const g = groups[i]!;
      if (sizes.get(g)! >= 4) {
        if (!counted.has(g)) parts.push(fillPhrase(this.data.outline.phrases.unitCount, { count: formatCount(sizes.get(g)!, this.style), type: g }));
        counted.add(g);
      } else parts.push(runningName(u.name));
    }
    return parts.join(UNIT_SEPARATOR);
  }

  private readonly groups = new Map<string, string>();
  /** The same by unit (the units of a year's figures are the same objects in every note): no key text made for each of 6,600 units per note. */
  private readonly groupsByUnit = new Map<NamedUnit, string>();

  /** A unit's group in counts: the administrative type of its name, else its kind's label (worked out once per name and kind). */
  private groupOf(u: NamedUnit): string {
    let g = this.groupsByUnit.get(u);
    if (g !== undefined) return g;
    const key = `${u.kind}\u0000${u.name}`;
    g = this.groups.get(key);
    if (g === undefined) this.groups.set(key, (g = adminType(u.name) ?? this.kindNoun(u.kind)));
    this.groupsByUnit.set(u, g);
    return g;
  }

  /** "Sở, ngành, đoàn thể" → "sở, ngành, đoàn thể"; a parenthesis of the label left out. */
  private kindNoun(kind: string): string {
    const label = this.data.template.unitKinds.find((k) => k.code === kind)?.label ?? kind;
    return label.replace(/\s*\(.*\)\s*$/, '').toLocaleLowerCase('vi');
  }

  /** Any text with placeholders (headings, captions, the subject line). */
  text(template: string): string {
    return fillTemplate(template, this.resolve).text;
  }

  /** "Số liệu chưa bao gồm Xã Vĩnh Lộc." for the units of the kinds holding these sheets that have not reported. */
  missingUnitsSentence(sheets: readonly string[]): string | null {
    const kinds = new Set(sheets.flatMap((s) => kindsWithSheet(this.data.template, s)));
    const names = this.data.missing.filter((u) => kinds.has(u.kind)).map((u) => u.name);
    return names.length === 0 ? null : fillPhrase(this.data.outline.phrases.missingUnits, { units: joinUnitNames(names) });
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
      case 'period':
        return periodText(this.data.period);
      case 'period_label':
        return periodLabel(this.data.period);
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
    const provinceKind = settingString(this.data.settings, 'province_kind', 'tỉnh');
    return label.endsWith(` ${provinceKind}`) ? label : `${label} ${provinceKind}`;
  }

  private format(value: number, def: ValueFigure, item?: string): string {
    return formatFigure(value, this.book.type(def, item), this.style);
  }

  private number(def: ValueFigure, item?: string, value = this.book.value(def, 'current', item)): Filled {
    if (value === null) return { text: this.data.outline.phrases.unknownNumber, figures: 1, missing: [def.label] };
    const coverage = this.book.coverage(def, 'current', item);
    const notes: CoverageNote[] =
      coverage && coverage.blank.length > 0
        ? [{ label: def.label, index: 0, reported: coverage.reported.map((f) => f.unit), blank: coverage.blank.map((f) => f.unit) }]
        : [];
    return { text: this.format(value, def, item), figures: 1, missing: [], notes };
  }

  /**
   * Rule "like for like": "tăng 05 em (22,7%) so với năm 2025" / "giảm …" / "bằng năm 2025" over the units that
   * gave the figure in both years; when the sets of units differ, it says on how many units it compares. Empty
   * without a previous year.
   */
  private change(figureName: string, noun: string): string {
    const def = this.data.outline.figures[figureName];
    if (!def || 'change' in def || this.data.previousYear === null) return '';
    const p = this.data.outline.phrases;
    let now = this.book.value(def);
    let before = this.book.value(def, 'previous');
    if (now === null || before === null) return '';
    let common: number | null = null;
    const nowCov = this.book.coverage(def, 'current');
    const beforeCov = this.book.coverage(def, 'previous');
    if (nowCov && beforeCov && 'sum' in def) {
      const nowCodes = new Set(nowCov.reported.map((f) => f.unit.code));
      const beforeCodes = new Set(beforeCov.reported.map((f) => f.unit.code));
      const both = [...nowCodes].filter((c) => beforeCodes.has(c));
      if (both.length !== nowCodes.size || both.length !== beforeCodes.size) {
        if (both.length === 0) return '';
        const codes = this.book.codesOf(def);
        const sumOf = (cov: typeof nowCov) =>
          sumKnown(cov.reported.filter((f) => both.includes(f.unit.code)).flatMap((f) => codes.map((c) => f.values.get(c)))) ?? 0;
        now = sumOf(nowCov);
        before = sumOf(beforeCov);
        common = both.length;
      }
    }
    const values = { noun, previous: String(this.data.previousYear), diff: this.format(Math.abs(now - before), def) };
    let text: string;
    if (now === before) text = fillPhrase(p.same, values);
    else {
      const percent = before === 0 ? '' : formatPercent((Math.abs(now - before) / before) * 100);
      text = fillPhrase(now > before ? (before === 0 ? p.increaseFromZero : p.increase) : p.decrease, { ...values, percent });
    }
    return common === null ? text : fillPhrase(p.changeCommon, { change: text, count: formatCount(common, this.style) });
  }

  private list(list: OutlineList): Filled {
    const items = list.items
      ? list.items.map((i) => ({
          def: this.data.outline.figures[i.figure] as ValueFigure,
          text: i.text,
          zero: i.zero,
          whenZero: i.whenZero,
          item: undefined as string | undefined,
          label: '',
        }))
      : (this.data.template.lists[list.over!.list] ?? []).map((i) => ({
          def: list.over!.figure,
          text: list.over!.text,
          zero: undefined,
          whenZero: undefined,
          item: i.code,
          label: i.label,
        }));
    const shown: string[] = [];
    const zeros: string[] = [];
    /** Items at 0 while some expected units gave nothing, by those units. */
    const unsure = new Map<string, { units: NamedUnit[]; items: string[] }>();
    let figures = 0;
    const missing: string[] = [];
    const notes: CoverageNote[] = [];
    for (const it of items) {
      const value = this.book.value(it.def, 'current', it.item);
      const n = this.number(it.def, it.item, value);
      figures += 1;
      missing.push(...n.missing);
      if (value === 0 && it.zero !== undefined && list.zeroText) {
        // Rule "no child only when every unit said 0": a unit that left it blank or sent nothing makes it unsure.
        const silent = [...(this.book.coverage(it.def, 'current', it.item)?.blank.map((f) => f.unit) ?? []), ...this.book.notSubmitted(it.def, it.item)];
        if (silent.length === 0) zeros.push(it.zero);
        else if (list.zeroIncompleteText) {
          const key = silent.map((u) => u.code).join('|');
          const entry = unsure.get(key) ?? { units: silent, items: [] };
          entry.items.push(it.zero);
          unsure.set(key, entry);
        } else shown.push(this.listItem(it, n, notes, figures - 1));
        continue;
      }
      if (value === 0 && list.dropZero) continue;
      // Rule "empty groups in words": "cấp huyện … không có văn bản", never "0 văn bản".
      if (value === 0 && it.whenZero !== undefined && !(n.notes ?? []).length) {
        shown.push(this.listItem({ ...it, text: it.whenZero }, n, notes, figures - 1));
        continue;
      }
      shown.push(this.listItem(it, n, notes, figures - 1));
    }
    const parts = [shown.join(list.separator)];
    if (zeros.length > 0 && list.zeroText) parts.push(fillPhrase(list.zeroText, { items: zeros.join(', ') }));
    for (const u of unsure.values()) parts.push(fillPhrase(list.zeroIncompleteText!, { items: u.items.join(', '), units: this.unitsText(u.units) }));
    return { text: parts.filter((p) => p !== '').join(list.zeroSeparator), figures, missing, notes };
  }

  private listItem(it: { text: string; label: string }, n: Filled, notes: CoverageNote[], index: number): string {
    const resolveItem: Resolve = (name) => (name === 'value' ? n : name === 'label' ? plain(it.label) : this.resolve(name));
    for (const note of n.notes ?? []) notes.push({ ...note, index });
    return fillTemplate(it.text, resolveItem).text;
  }
}
