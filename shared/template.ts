// Derived views of a template definition: the indicators it defines and which of them each unit kind reports.
// Engine code asks these functions; it never names a particular annex or indicator.
import type { SheetDefinition, TemplateDefinition, ValueType } from './template-schema.ts';

export interface Indicator {
  code: string;
  label: string;
  type: ValueType;
  /** The largest admissible value: the indicator's own ceiling, its matrix's, or the template's for its type. */
  max: number;
  sheet: string;
  /** For matrix sheets: the row and column list codes that make up the indicator. */
  row?: string;
  col?: string;
  section?: string;
  onlyKinds?: string[];
}

export function expandCode(pattern: string, row: string, col: string): string {
  return pattern.replace('{row}', row).replace('{col}', col);
}

/**
 * The one placeholder syntax of the definition (docs/form-change.md): `{name}` in a code pattern is a
 * variable, either given (`fixed`: a matrix's {row}/{col}, an annex row's item, a list's {code}) or
 * declared over a list (`over`: `sumOver` of annexes and outline figures, `foreach` of rules), which expands
 * the pattern to one code per item. A pattern with a variable neither given nor declared expands to nothing.
 */
export function expandPlaceholders(
  pattern: string,
  lists: TemplateDefinition['lists'],
  fixed: Record<string, string> = {},
  over: Record<string, string> = {},
): string[] {
  let codes = [Object.entries(fixed).reduce((p, [name, value]) => p.replaceAll(`{${name}}`, value), pattern)];
  for (const [name, list] of Object.entries(over)) {
    const items = lists[list] ?? [];
    codes = codes.flatMap((c) => (c.includes(`{${name}}`) ? items.map((i) => c.replaceAll(`{${name}}`, i.code)) : [c]));
  }
  return codes.filter((c) => !/\{[a-z0-9_.]+\}/.test(c));
}

/** The placeholders `{name}` of a pattern or a text, in order. */
export function placeholderNames(text: string): string[] {
  return [...text.matchAll(/\{([a-z0-9_.]+)\}/gi)].map((m) => m[1]!);
}

/** Every numeric indicator a sheet defines, in layout order (rows, then columns). */
export function sheetIndicators(template: TemplateDefinition, sheet: SheetDefinition): Indicator[] {
  if (sheet.kind === 'matrix') {
    const rows = template.lists[sheet.rows] ?? [];
    const cols = template.lists[sheet.columns] ?? [];
    return rows.flatMap((r) =>
      cols.map((c) => ({
        code: expandCode(sheet.code, r.code, c.code),
        label: `${r.label} — ${c.label}`,
        type: sheet.type,
        max: sheet.max ?? template.bounds[sheet.type],
        sheet: sheet.name,
        row: r.code,
        col: c.code,
      })),
    );
  }
  if (sheet.kind === 'list') {
    return sheet.items.map((i) => ({
      code: i.code,
      label: i.label,
      type: i.type,
      max: i.max ?? template.bounds[i.type],
      sheet: sheet.name,
      section: i.section,
      onlyKinds: i.onlyKinds,
    }));
  }
  return [];
}

export function allIndicators(template: TemplateDefinition): Indicator[] {
  return template.sheets.flatMap((s) => sheetIndicators(template, s));
}

export function sheetsForKind(template: TemplateDefinition, kind: string): SheetDefinition[] {
  const names = template.unitKinds.find((k) => k.code === kind)?.sheets ?? [];
  return names.map((n) => {
    const sheet = template.sheets.find((s) => s.name === n);
    if (!sheet) throw new Error(`Mẫu ${template.id}: không có trang ${n}`);
    return sheet;
  });
}

/** The indicators a unit of this kind reports (its input cells), in workbook order. */
export function indicatorsForKind(template: TemplateDefinition, kind: string): Indicator[] {
  return sheetsForKind(template, kind)
    .flatMap((s) => sheetIndicators(template, s))
    .filter((i) => !i.onlyKinds || i.onlyKinds.includes(kind));
}

export function narrativeCodesForKind(template: TemplateDefinition, kind: string): string[] {
  return sheetsForKind(template, kind).flatMap((s) => (s.kind === 'narrative' ? s.items.map((i) => i.code) : []));
}

export function documentTableForKind(template: TemplateDefinition, kind: string) {
  return sheetsForKind(template, kind).find((s) => s.kind === 'table');
}

/** Unit kinds that report anything (every kind with at least one sheet). */
export function reportingKinds(template: TemplateDefinition): string[] {
  return template.unitKinds.filter((k) => k.sheets.length > 0).map((k) => k.code);
}

/** Unit kinds whose workbook holds the given sheet. */
export function kindsWithSheet(template: TemplateDefinition, sheetName: string): string[] {
  return template.unitKinds.filter((k) => k.sheets.includes(sheetName)).map((k) => k.code);
}

export function listLabel(template: TemplateDefinition, list: string, code: string): string {
  return template.lists[list]?.find((i) => i.code === code)?.label ?? code;
}

/**
 * The definition as one province reads it: `{province_kind}` in its labels, titles, notes and guide lines
 * becomes the province's kind ("tỉnh", or "thành phố" for a centrally-run city). Codes never change.
 */
export function templateForProvince(template: TemplateDefinition, provinceKind: string): TemplateDefinition {
  const fill = (text: string) => text.replaceAll('{province_kind}', provinceKind);
  const deep = <T>(value: T, key = ''): T => {
    if (typeof value === 'string')
      return (key === 'code' || key === 'name' || key === 'list' || key === 'rows' || key === 'columns' ? value : fill(value)) as T;
    if (Array.isArray(value)) return value.map((v) => deep(v, key)) as T;
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deep(v, k)])) as T;
    return value;
  };
  return deep(template);
}
