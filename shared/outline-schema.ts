// The Word report's outline as data (templates/<id>/outline.json): sections with their headings, the figure
// sentences with placeholders, the narrative codes each section prints, and the figures the sentences use.
// Checked with zod when loaded, then against the template (outlineProblems) so a typo fails loudly.
import { z } from 'zod';
import { isSettingKey, planText, type ReviewedPlan } from './settings-schema.ts';
import type { TemplateDefinition } from './template-schema.ts';
import { expandPlaceholders } from './template.ts';

const name = z.string().regex(/^[a-z0-9_]+$/, 'tên chỉ gồm chữ thường, số và _');
const narrativeCode = z.string().regex(/^t_[a-z0-9_]+$/);

/**
 * A number the report computes for the year. `sum` adds indicator codes over the contributing units (patterns
 * like `pl01_{f}_tre` with `sumOver: { f: "forms" }` expand over a template list); `documents` counts the issued documents (Phụ lục 02)
 * matching the filter; `change` compares another figure with the previous year (`tăng 05 em (22,7%) …`).
 */
const sumFigure = z.strictObject({
  sum: z.array(z.string().min(1)).min(1),
  /** As in the annexes: `{f}` in a pattern expanded over the list it names (`{ "f": "forms" }`). */
  sumOver: z.record(z.string().regex(/^[a-z0-9_]+$/), z.string().min(1)).optional(),
  kinds: z.array(name).optional(),
  label: z.string().min(1),
});
const documentsFigure = z.strictObject({
  /**
   * `due`: only the documents with a due date ("set"), or those issued by it ("on_time"); unknown (null,
   * "chưa có số liệu") when no document of the filter has a due date.
   */
  documents: z.strictObject({ cap: z.array(z.string()).optional(), loai: z.array(z.string()).optional(), due: z.enum(['set', 'on_time']).optional() }),
  label: z.string().min(1),
});
const changeFigure = z.strictObject({ change: name, noun: z.string().min(1) });
/** How far two sums lie apart (the size of `difference[0]` − `difference[1]`); null when either is unreported. */
const differenceFigure = z.strictObject({ difference: z.tuple([sumFigure, sumFigure]), label: z.string().min(1) });
export const figureSchema = z.union([sumFigure, documentsFigure, changeFigure, differenceFigure]);

/**
 * A list inside a sentence: `bạo lực 05 em, xâm hại tình dục 22 em; không có trẻ em bị bóc lột, mua bán`.
 * Items are given one by one, or generated `over` a template list (the figure's `{code}` is the list item's code,
 * the text's `{label}` its label). Items at 0 are dropped (`dropZero`) or gathered into `zeroText` by their `zero` name.
 */
/** `whenZero`: the item's words when its figure is 0 ("cấp huyện … không có văn bản"), never "0 văn bản". */
const listItem = z.strictObject({ figure: name, text: z.string().min(1), zero: z.string().optional(), whenZero: z.string().optional() });
export const listSchema = z
  .strictObject({
    items: z.array(listItem).min(1).optional(),
    over: z.strictObject({ list: z.string(), figure: z.union([sumFigure, documentsFigure, differenceFigure]), text: z.string().min(1) }).optional(),
    separator: z.string().default(', '),
    zeroText: z.string().optional(),
    /** Items at 0 while some expected units gave no figure: `chưa ghi nhận trẻ em bị {items} ({units} chưa có số liệu)`. */
    zeroIncompleteText: z.string().optional(),
    zeroSeparator: z.string().default('; '),
    dropZero: z.boolean().default(false),
  })
  .refine((l) => (l.items ? 1 : 0) + (l.over ? 1 : 0) === 1, 'danh sách cần đúng một trong hai: items hoặc over');

/**
 * A sentence of a figure paragraph. Placeholders: `{figure}`, `{list}`, `{variable}`, `{unit.<kind>}` (the name of
 * the unit of that kind, as in the unit list). A part in `[…]` is left out when a placeholder in it comes out empty.
 * When every figure of the sentence is unreported it becomes `Chưa có số liệu về <subject>.` (or is left out with
 * `omitWhenMissing`). `missingUnits` is the sentence naming the units of the kinds holding these sheets that have
 * not reported: `Số liệu chưa bao gồm Xã Vĩnh Lộc.`
 */
const textSentence = z.strictObject({ text: z.string().min(1), subject: z.string().optional(), omitWhenMissing: z.boolean().optional() });
const missingSentence = z.strictObject({ missingUnits: z.array(z.string()).min(1) });
export const sentenceSchema = z.union([textSentence, missingSentence]);

const tableColumn = z.strictObject({ code: z.string().min(1), label: z.string().min(1), group: z.string().optional() });

/** A block printed only when a province setting holds one of these values (e.g. whose figures A.1 states). */
const blockWhen = z.strictObject({ setting: z.string(), in: z.array(z.string()).min(1) });

export const blockSchema = z.discriminatedUnion('kind', [
  /** One paragraph of generated sentences (left out when every sentence is). */
  z.strictObject({ kind: z.literal('paragraph'), sentences: z.array(sentenceSchema).min(1), when: blockWhen.optional() }),
  /** The units' merged texts of one BAO_CAO cell (or the compiler's own text), optionally led by an italic `lead`. */
  z.strictObject({ kind: z.literal('narrative'), code: narrativeCode, lead: z.string().optional() }),
  /** A table of the year: rows a template list plus a total row, columns measures; cells `indicator` with {row}/{col}. */
  z.strictObject({
    kind: z.literal('table'),
    caption: z.string(),
    rows: z.string(),
    rowHeader: z.string(),
    totalLabel: z.string(),
    indicator: z.string().includes('{row}').includes('{col}'),
    columns: z.array(tableColumn).min(1),
    when: blockWhen.optional(),
  }),
  /**
   * The plan's targets of the province (docs/targets.md): a sentence summing them (`summary`, with {parts} made of
   * `dat`, `chua_dat`, `thieu` and `khong_hop_le` — a rate above 100 % —, each with {count} and {labels}) and a table (chỉ tiêu, mức, kết quả, đánh giá). Left
   * out when the province follows no target.
   */
  z.strictObject({
    kind: z.literal('targets'),
    caption: z.string(),
    headers: z.strictObject({ label: z.string().min(1), level: z.string().min(1), result: z.string().min(1), status: z.string().min(1) }),
    summary: z.string().includes('{parts}'),
    dat: z.string().includes('{count}'),
    chua_dat: z.string().includes('{count}'),
    thieu: z.string().includes('{count}'),
    khong_hop_le: z.string().includes('{count}'),
  }),
  /** A bar chart of a figure by year and series (a template list), drawn when at least `minYears` years are held. */
  z.strictObject({
    kind: z.literal('chart'),
    caption: z.string(),
    series: z.string(),
    indicator: z.string().includes('{series}'),
    seriesLabels: z.record(z.string(), z.string()).optional(),
    axisLabel: z.string(),
    minYears: z.number().int().min(1),
    when: blockWhen.optional(),
  }),
]);

export type OutlineLevel = 'part' | 'roman' | 'arabic';

/**
 * A bullet of the outline the units answer: for every reporting unit, or only for the unit kinds named.
 * Placeholders: `{plans}` (the province's plans under review; the prompt is left out when there is none)
 * and `{province_kind}`.
 */
export type OutlinePrompt = string | { text: string; kinds: string[] };
const promptSchema = z.union([z.string().min(1), z.strictObject({ text: z.string().min(1), kinds: z.array(name).min(1) })]);
export const PROMPT_VARIABLES = ['plans', 'province_kind'] as const;

export interface OutlineSection {
  code: string;
  level: OutlineLevel;
  heading: string;
  /** What the section's texts should answer: shown to the units and the compiler, never printed. */
  prompts?: OutlinePrompt[];
  blocks?: OutlineBlock[];
  sections?: OutlineSection[];
}

export const sectionSchema: z.ZodType<OutlineSection> = z.lazy(() =>
  z.strictObject({
    code: name,
    level: z.enum(['part', 'roman', 'arabic']),
    heading: z.string().min(1),
    prompts: z.array(promptSchema).optional(),
    blocks: z.array(blockSchema).optional(),
    sections: z.array(sectionSchema).optional(),
  }),
);

const phrases = z.strictObject({
  /** Printed (highlighted) under a section nobody wrote, in a draft only. */
  noContent: z.string(),
  /** How to fill an empty section (generate's list, the window). */
  missingHow: z.string().includes('{section}'),
  noData: z.string(),
  unknownNumber: z.string(),
  missingFigures: z.string().includes('{labels}'),
  allMissing: z.string().includes('{subject}'),
  missingUnits: z.string().includes('{units}'),
  /** Coverage of a sum some expected units left blank: "(số liệu của Công an tỉnh; 11 xã chưa báo cáo chỉ tiêu này)". */
  coverageReported: z.string().includes('{units}'),
  coverageBlank: z.string().includes('{units}'),
  coverageBlankSeveral: z.string().includes('{units}'),
  coverageLabels: z.string().includes('{labels}').includes('{text}'),
  /** Many units of one administrative type, counted: "11 xã". */
  unitCount: z.string().includes('{count}').includes('{type}'),
  /** A year-on-year change over the units that reported in both years, when the sets differ. */
  changeCommon: z.string().includes('{change}').includes('{count}'),
  increase: z.string(),
  increaseFromZero: z.string(),
  decrease: z.string(),
  same: z.string(),
  openingDefault: z.string(),
  openingMissing: z.string(),
  /** `{number}` is "số/ký hiệu": the number typed (or the symbol typed with it, "456/BC-SYT", kept as is). */
  reportNumber: z.string().includes('{number}'),
  /** The symbol after the number when only the number is typed. */
  reportSymbol: z.string(),
  dateLine: z.string(),
  draftMark: z.string(),
  draftErrorsTitle: z.string(),
  ending: z.string(),
  recipientsTitle: z.string(),
  archiveDefault: z.string(),
  nationalTitle: z.string(),
  motto: z.string(),
  emptyNotice: z.string().includes('{section}'),
});

export const outlineSchema = z.strictObject({
  id: name,
  version: z.number().int().positive(),
  title: z.string().min(1),
  subject: z.string().min(1),
  phrases,
  figures: z.record(name, figureSchema),
  lists: z.record(name, listSchema),
  sections: z.array(sectionSchema).min(1),
});

export type Outline = z.infer<typeof outlineSchema>;
export type OutlineFigure = z.infer<typeof figureSchema>;
export type OutlineSumFigure = z.infer<typeof sumFigure>;
export type OutlineDocumentsFigure = z.infer<typeof documentsFigure>;
export type OutlineChangeFigure = z.infer<typeof changeFigure>;
export type OutlineDifferenceFigure = z.infer<typeof differenceFigure>;
export type OutlineBlockWhen = z.infer<typeof blockWhen>;
export type OutlineList = z.infer<typeof listSchema>;
export type OutlineSentence = z.infer<typeof sentenceSchema>;
export type OutlineBlock = z.infer<typeof blockSchema>;
export type OutlinePhrases = z.infer<typeof phrases>;

/** Values every sentence may use besides figures and lists. */
/** `{period}`: the report period as running text ("năm 2026", "6 tháng đầu năm 2026", "giai đoạn 2021 – 2025"); `{period_label}` the same leading a sentence ("6 tháng đầu năm 2026", "Năm 2026"). */
export const OUTLINE_VARIABLES = [
  'year',
  'previous_year',
  'province',
  'province_kind',
  'documents_from',
  'period_from',
  'period_to',
  'period',
  'period_label',
] as const;
export type OutlineVariable = (typeof OUTLINE_VARIABLES)[number];

/** `{name}` placeholders of a text, in order. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{([a-z0-9_.]+)\}/g)].map((m) => m[1]!);
}

/** `pl01_{f}_tre` with `sumOver: { f: "forms" }` → one code per item of the list `forms`; `{code}` is replaced by `item` when given (expandPlaceholders). */
export function expandIndicatorPattern(pattern: string, template: TemplateDefinition, item?: string, sumOver: Record<string, string> = {}): string[] {
  return expandPlaceholders(pattern, template.lists, item === undefined ? {} : { code: item }, sumOver);
}

/** Every section of the outline, depth first, in printing order. */
export function flattenSections(sections: readonly OutlineSection[]): OutlineSection[] {
  return sections.flatMap((s) => [s, ...flattenSections(s.sections ?? [])]);
}

/**
 * The prompts of each narrative code (the bullets of the section that prints it), filled: for one unit kind
 * (its own and the common ones), or for every kind (`kind` null) with the kinds named before a restricted one
 * ("Địa phương (xã, phường): …"). A prompt whose placeholder is empty (no plan listed) is left out.
 */
export function narrativePrompts(
  outline: Outline,
  kind: string | null,
  values: Record<(typeof PROMPT_VARIABLES)[number], string>,
  kindLabel: (kind: string) => string = (k) => k,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of flattenSections(outline.sections)) {
    const texts = (s.prompts ?? []).flatMap((p) => {
      const text = typeof p === 'string' ? p : p.text;
      const kinds = typeof p === 'string' ? null : p.kinds;
      if (kind !== null && kinds && !kinds.includes(kind)) return [];
      let empty = false;
      const filled = text.replace(/\{([a-z_]+)\}/g, (m, n: string) => {
        const v = (values as Record<string, string>)[n];
        if (v === undefined) return m;
        if (v === '') empty = true;
        return v;
      });
      if (empty) return [];
      return [kind === null && kinds ? `${kinds.map(kindLabel).join(', ')}: ${filled}` : filled];
    });
    for (const b of s.blocks ?? []) if (b.kind === 'narrative') out.set(b.code, texts);
  }
  return out;
}

/** The prompts' placeholders from the settings: the plans under review in running text, the province's kind. */
export function promptValues(settings: { plans?: readonly ReviewedPlan[]; province_kind?: string }): Record<(typeof PROMPT_VARIABLES)[number], string> {
  return { plans: (settings.plans ?? []).map(planText).join('; '), province_kind: settings.province_kind ?? 'tỉnh' };
}

/** The narrative codes the outline prints, in printing order. */
export function outlineNarrativeCodes(outline: Outline): string[] {
  return flattenSections(outline.sections).flatMap((s) => (s.blocks ?? []).flatMap((b) => (b.kind === 'narrative' ? [b.code] : [])));
}

/**
 * What in the outline does not fit the template: unknown indicators, lists, sheets, unit kinds, narrative codes,
 * placeholders; and template narrative codes the outline never prints (their texts would be lost). Empty = fine.
 */
export function outlineProblems(outline: Outline, template: TemplateDefinition): string[] {
  const problems: string[] = [];
  const indicatorCodes = new Set(
    template.sheets.flatMap((s) => {
      if (s.kind === 'list') return s.items.map((i) => i.code);
      if (s.kind !== 'matrix') return [];
      const rows = template.lists[s.rows] ?? [];
      const cols = template.lists[s.columns] ?? [];
      return rows.flatMap((r) => cols.map((c) => s.code.replace('{row}', r.code).replace('{col}', c.code)));
    }),
  );
  const kinds = new Set(template.unitKinds.map((k) => k.code));
  const sheets = new Set(template.sheets.map((s) => s.name));
  const narratives = new Set(template.sheets.flatMap((s) => (s.kind === 'narrative' ? s.items.map((i) => i.code) : [])));

  const checkSum = (where: string, patterns: string[], item?: string, sumOver: Record<string, string> = {}): void => {
    for (const [v, l] of Object.entries(sumOver)) if (!template.lists[l]) problems.push(`${where}: sumOver {${v}}: không có danh mục "${l}"`);
    for (const p of patterns) {
      const codes = expandIndicatorPattern(p, template, item, sumOver);
      if (codes.length === 0) problems.push(`${where}: mẫu chỉ tiêu "${p}" có chỗ trống chưa khai báo trong sumOver (hoặc danh mục không có)`);
      for (const c of codes) if (!indicatorCodes.has(c)) problems.push(`${where}: không có chỉ tiêu "${c}"`);
    }
  };
  for (const [key, f] of Object.entries(outline.figures)) {
    if ('difference' in f) for (const side of f.difference) checkSum(`số liệu ${key}`, side.sum, undefined, side.sumOver);
    if ('sum' in f) {
      checkSum(`số liệu ${key}`, f.sum, undefined, f.sumOver);
      for (const k of f.kinds ?? []) if (!kinds.has(k)) problems.push(`số liệu ${key}: không có loại đơn vị "${k}"`);
    }
    if ('change' in f && (!outline.figures[f.change] || 'change' in outline.figures[f.change]!))
      problems.push(`số liệu ${key}: không so sánh được "${f.change}"`);
  }
  for (const [key, l] of Object.entries(outline.lists)) {
    if (outline.figures[key]) problems.push(`danh sách ${key}: trùng tên với một số liệu`);
    for (const i of l.items ?? [])
      if (!outline.figures[i.figure] || 'change' in outline.figures[i.figure]!) problems.push(`danh sách ${key}: không có số liệu "${i.figure}"`);
    if (l.over) {
      const list = template.lists[l.over.list];
      if (!list) problems.push(`danh sách ${key}: không có danh mục "${l.over.list}"`);
      else if ('sum' in l.over.figure) for (const item of list) checkSum(`danh sách ${key}`, l.over.figure.sum, item.code, l.over.figure.sumOver);
      else if ('difference' in l.over.figure)
        for (const item of list) for (const side of l.over.figure.difference) checkSum(`danh sách ${key}`, side.sum, item.code, side.sumOver);
    }
  }
  const known = (p: string): boolean =>
    (OUTLINE_VARIABLES as readonly string[]).includes(p) || p in outline.figures || p in outline.lists || (p.startsWith('unit.') && kinds.has(p.slice(5)));
  const checkText = (where: string, text: string, extra: string[] = []): void => {
    for (const p of placeholders(text)) if (!known(p) && !extra.includes(p)) problems.push(`${where}: không hiểu {${p}}`);
  };
  checkText('trích yếu', outline.subject);
  for (const [key, l] of Object.entries(outline.lists)) {
    for (const i of l.items ?? []) checkText(`danh sách ${key}`, i.text, ['value']);
    if (l.over) checkText(`danh sách ${key}`, l.over.text, ['value', 'label']);
  }
  const seen = new Map<string, number>();
  const codes = new Set<string>();
  for (const s of flattenSections(outline.sections)) {
    if (codes.has(s.code)) problems.push(`mục ${s.code}: mã mục bị trùng`);
    codes.add(s.code);
    checkText(`mục ${s.code}`, s.heading);
    for (const p of s.prompts ?? []) {
      const text = typeof p === 'string' ? p : p.text;
      for (const v of placeholders(text)) if (!(PROMPT_VARIABLES as readonly string[]).includes(v)) problems.push(`mục ${s.code}: gợi ý không hiểu {${v}}`);
      if (typeof p !== 'string') for (const k of p.kinds) if (!kinds.has(k)) problems.push(`mục ${s.code}: gợi ý cho loại đơn vị không có "${k}"`);
    }
    for (const b of s.blocks ?? []) {
      if ('when' in b && b.when && !isSettingKey(b.when.setting)) problems.push(`mục ${s.code}: không có thiết lập "${b.when.setting}"`);
      if (b.kind === 'narrative') {
        if (!narratives.has(b.code)) problems.push(`mục ${s.code}: không có ô nội dung "${b.code}" trong mẫu`);
        seen.set(b.code, (seen.get(b.code) ?? 0) + 1);
      } else if (b.kind === 'paragraph') {
        for (const sentence of b.sentences) {
          if ('text' in sentence) checkText(`mục ${s.code}`, sentence.text);
          else for (const sh of sentence.missingUnits) if (!sheets.has(sh)) problems.push(`mục ${s.code}: không có trang "${sh}"`);
        }
      } else if (b.kind === 'table') {
        checkText(`bảng mục ${s.code}`, b.caption);
        const rows = template.lists[b.rows];
        if (!rows) problems.push(`mục ${s.code}: không có danh mục "${b.rows}"`);
        for (const r of rows ?? []) for (const c of b.columns) checkSum(`bảng mục ${s.code}`, [b.indicator.replace('{row}', r.code).replace('{col}', c.code)]);
      } else if (b.kind === 'targets') {
        checkText(`bảng chỉ tiêu mục ${s.code}`, b.caption);
        checkText(`bảng chỉ tiêu mục ${s.code}`, b.summary, ['total', 'parts']);
      } else {
        checkText(`biểu đồ mục ${s.code}`, b.caption);
        const series = template.lists[b.series];
        if (!series) problems.push(`mục ${s.code}: không có danh mục "${b.series}"`);
        for (const i of series ?? []) checkSum(`biểu đồ mục ${s.code}`, [b.indicator.replace('{series}', i.code)]);
      }
    }
  }
  for (const code of narratives) {
    const n = seen.get(code) ?? 0;
    if (n !== 1) problems.push(`ô nội dung "${code}" được in ${n} lần trong đề cương (cần đúng 1)`);
  }
  return problems;
}
