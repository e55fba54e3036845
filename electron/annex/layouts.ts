// Annex layouts as definition data (templates/<id>/annexes/*.json): read, checked with zod, then checked
// against the template (lists exist, every figure names indicators the template defines, every item of a
// list the annex shows is covered, no header repeats a list item's label instead of naming the item).
import { annexLayoutSchema, type AnnexLayout, type FigureContent } from '../../shared/annex-schema.ts';
import type { TemplateDefinition } from '../../shared/template-schema.ts';
import { isSettingKey } from '../../shared/settings-schema.ts';
import { allIndicators, expandPlaceholders, kindsWithSheet } from '../../shared/template.ts';
import { AppError } from '../errors.ts';
import { definitionFiles, definitionOf } from '../template-store.ts';

export const ANNEX_DIR = 'annexes';

/** The codes a figure column stands for, `{row}` taken as the row's list item and the other placeholders expanded over their lists. */
export function figureCodes(content: FigureContent, lists: TemplateDefinition['lists'], rowCode?: string): string[] {
  if (rowCode === undefined && content.code.includes('{row}')) return [content.code];
  return expandPlaceholders(content.code, lists, rowCode === undefined ? {} : { row: rowCode }, content.sumOver ?? {});
}

/**
 * Header cells that name a list item ("item": "forms.bl") get its label as their text; an unknown item is
 * an issue. Other content passes unchanged (zod checks it next).
 */
export function resolveHeaderItems(json: unknown, template: TemplateDefinition, issues: string[]): unknown {
  if (!json || typeof json !== 'object' || !Array.isArray((json as { sheets?: unknown }).sheets)) return json;
  const layout = json as { sheets: unknown[] };
  return {
    ...layout,
    sheets: layout.sheets.map((sheetJson) => {
      const sheet = (sheetJson ?? {}) as Record<string, unknown>;
      const header = sheet.header as { cells?: unknown } | undefined;
      if (!header || !Array.isArray(header.cells)) return sheetJson;
      const cells = header.cells.map((cell: unknown) => {
        if (!cell || typeof cell !== 'object' || typeof (cell as { item?: unknown }).item !== 'string') return cell;
        const { item, ...rest } = cell as { item: string; range?: unknown };
        const [list, code] = item.split('.') as [string, string | undefined];
        const label = template.lists[list]?.find((i) => i.code === code)?.label;
        if (label === undefined) {
          issues.push(`trang ${String(sheet.name)}, ô tiêu đề ${String(rest.range)}: mẫu không có mục "${item}" (danh mục.mã mục)`);
          return { ...rest, text: item };
        }
        return { ...rest, text: label };
      });
      return { ...sheet, header: { ...header, cells } };
    }),
  };
}

/**
 * Every item of the lists a matrix is made of is shown by an annex that shows that matrix: an item added
 * to a list (a new form of abuse) and left out of an annex is named, with the indicator missing.
 */
function coverageIssues(layout: AnnexLayout, template: TemplateDefinition, shown: Set<string>): string[] {
  const issues: string[] = [];
  const byMatrix = new Map<string, ReturnType<typeof allIndicators>>();
  for (const i of allIndicators(template)) if (i.row !== undefined) byMatrix.set(i.sheet, [...(byMatrix.get(i.sheet) ?? []), i]);
  for (const sheet of template.sheets) {
    if (sheet.kind !== 'matrix') continue;
    const indicators = byMatrix.get(sheet.name) ?? [];
    if (!indicators.some((i) => shown.has(i.code))) continue;
    for (const [listName, axis] of [
      [sheet.rows, 'row'],
      [sheet.columns, 'col'],
    ] as const) {
      for (const item of template.lists[listName] ?? []) {
        const own = indicators.filter((i) => i[axis] === item.code);
        if (own.length && !own.some((i) => shown.has(i.code))) {
          issues.push(`${layout.id}: mục "${item.label}" (${item.code}) của danh mục ${listName} không có trong phụ lục (ví dụ chỉ tiêu ${own[0]!.code})`);
        }
      }
    }
  }
  return issues;
}

/** Problems of a layout that only the template can reveal, in Vietnamese. */
export function templateIssues(layout: AnnexLayout, template: TemplateDefinition): string[] {
  const issues: string[] = [];
  const known = new Set(allIndicators(template).map((i) => i.code));
  const shown = new Set<string>();
  for (const sheet of layout.sheets) {
    const at = (msg: string) => issues.push(`${layout.id}, trang ${sheet.name}: ${msg}`);
    for (const s of [sheet.feeds.inputSheet, ...(sheet.feeds.moreSheets ?? [])])
      if (kindsWithSheet(template, s).length === 0) at(`không loại đơn vị nào báo cáo trang ${s}`);
    if (sheet.when && !isSettingKey(sheet.when.setting)) at(`không có thiết lập ${sheet.when.setting}`);
    const body = sheet.body;
    const byList = body.kind === 'years_by_list' || body.kind === 'list';
    const lists = byList ? [body.list] : body.kind === 'document_groups' ? [body.groupList, body.typeList] : [];
    for (const l of lists) if (!template.lists[l]) at(`không có danh mục ${l}`);
    if (body.kind === 'list' && !template.lists[body.subList]) at(`không có danh mục ${body.subList}`);
    const subItems = body.kind === 'list' ? (template.lists[body.subList] ?? []).map((i) => i.code) : [];
    const rowItems = byList ? (template.lists[body.list] ?? []).map((i) => i.code) : [undefined];
    for (const col of sheet.columns) {
      const content = col.content;
      if (content.kind !== 'figure') continue;
      for (const l of Object.values(content.sumOver ?? {})) if (!template.lists[l]) at(`cột ${col.col}: không có danh mục ${l}`);
      if (content.code.includes('{row}') && !byList) at(`cột ${col.col}: {row} chỉ dùng được khi các dòng theo danh mục`);
      const variants = subItems.length ? subItems.map((sub) => ({ ...content, code: content.code.replaceAll('{sub}', sub) })) : [content];
      for (const variant of variants) {
        for (const row of rowItems) {
          const codes = figureCodes(variant, template.lists, row);
          if (!codes.length) at(`cột ${col.col}: mẫu chỉ tiêu ${variant.code} có chỗ trống chưa khai báo trong sumOver (hoặc danh mục không có)`);
          for (const code of codes) {
            shown.add(code);
            if (!known.has(code)) at(`cột ${col.col}: mẫu không có chỉ tiêu ${code}`);
          }
        }
      }
    }
    // A label is written once, in the template's list: a header names the item rather than repeating it.
    const labels = new Map(
      Object.entries(template.lists).flatMap(([list, items]) => items.map((i) => [i.label.normalize('NFC').toLowerCase(), `${list}.${i.code}`] as const)),
    );
    for (const cell of sheet.header.cells) {
      const ref = labels.get(cell.text.normalize('NFC').toLowerCase());
      if (ref && !itemHeaders.get(layout)?.has(`${sheet.name}!${cell.range}`))
        at(`ô tiêu đề ${cell.range}: "${cell.text}" lặp lại nhãn của mục ${ref}; hãy ghi "item": "${ref}"`);
    }
  }
  issues.push(...coverageIssues(layout, template, shown));
  return issues;
}

/** The header cells of each parsed layout that were written as item references (not flagged as repeats). */
const itemHeaders = new WeakMap<AnnexLayout, Set<string>>();

function itemHeaderCells(json: unknown): Set<string> {
  const out = new Set<string>();
  const sheets = (json as { sheets?: { name?: unknown; header?: { cells?: { range?: unknown; item?: unknown }[] } }[] } | null)?.sheets;
  for (const sheet of Array.isArray(sheets) ? sheets : []) {
    for (const cell of Array.isArray(sheet.header?.cells) ? sheet.header.cells : [])
      if (typeof cell.item === 'string') out.add(`${String(sheet.name)}!${String(cell.range)}`);
  }
  return out;
}

export function parseAnnexLayout(json: unknown, source: string, template: TemplateDefinition): AnnexLayout {
  const refIssues: string[] = [];
  // Parsed once per definition (a handful of layouts): zod's compiled fast path costs more to build than it saves
  // (measured cold, the season's four layouts: 33–45 ms CPU with it, 18–24 ms without).
  const parsed = annexLayoutSchema.safeParse(resolveHeaderItems(json, template, refIssues), { jitless: true });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('annex_invalid', `Mẫu phụ lục ${source} không hợp lệ: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`.trim());
  }
  itemHeaders.set(parsed.data, itemHeaderCells(json));
  const issues = [...refIssues, ...templateIssues(parsed.data, template)];
  if (issues.length) throw new AppError('annex_invalid', `Mẫu phụ lục ${source} không khớp mẫu báo cáo: ${issues.join('; ')}`);
  return parsed.data;
}

const cache = new Map<string, AnnexLayout[]>();

/** Every annex layout of the template's definition (its part "annexes"), in their order. */
export function loadAnnexLayouts(template: TemplateDefinition): AnnexLayout[] {
  const def = definitionOf(template);
  const cached = cache.get(def.hash);
  if (cached) return cached;
  const files = definitionFiles(def, 'annexes');
  if (!files.length) throw new AppError('annex_missing', `Định nghĩa báo cáo ${def.id} chưa có mẫu phụ lục (${ANNEX_DIR}/*.json).`);
  const layouts = files.map(([path, json]) => parseAnnexLayout(json, path, template)).sort((a, b) => a.order - b.order);
  cache.set(def.hash, layouts);
  return layouts;
}

export function findAnnexLayout(template: TemplateDefinition, annexId: string): AnnexLayout {
  const layout = loadAnnexLayouts(template).find((l) => l.id.toUpperCase() === annexId.trim().toUpperCase());
  if (!layout) throw new AppError('unknown_annex', `Không có phụ lục "${annexId}".`);
  return layout;
}
