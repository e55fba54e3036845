// Annex layouts as template data (templates/<id>/annexes/*.json): read, checked with zod, then checked
// against the template definition (lists exist, every figure names indicators the template defines).
import { annexLayoutSchema, type AnnexLayout, type FigureContent } from '../../shared/annex-schema.ts';
import type { TemplateDefinition } from '../../shared/template-schema.ts';
import { allIndicators, kindsWithSheet } from '../../shared/template.ts';
import { AppError } from '../errors.ts';
import { definitionFiles, definitionOf } from '../template-store.ts';

export const ANNEX_DIR = 'annexes';

/** The codes a figure column stands for, `{row}` taken as the row's list item and the other placeholders expanded over their lists. */
export function figureCodes(content: FigureContent, lists: TemplateDefinition['lists'], rowCode?: string): string[] {
  let codes = [rowCode === undefined ? content.code : content.code.replaceAll('{row}', rowCode)];
  for (const [placeholder, list] of Object.entries(content.sumOver ?? {})) {
    const items = lists[list] ?? [];
    codes = codes.flatMap((c) => items.map((i) => c.replaceAll(`{${placeholder}}`, i.code)));
  }
  return codes;
}

/** Problems of a layout that only the template can reveal, in Vietnamese. */
export function templateIssues(layout: AnnexLayout, template: TemplateDefinition): string[] {
  const issues: string[] = [];
  const known = new Set(allIndicators(template).map((i) => i.code));
  for (const sheet of layout.sheets) {
    const at = (msg: string) => issues.push(`${layout.id}, trang ${sheet.name}: ${msg}`);
    if (kindsWithSheet(template, sheet.feeds.inputSheet).length === 0) at(`không loại đơn vị nào báo cáo trang ${sheet.feeds.inputSheet}`);
    const body = sheet.body;
    const lists = body.kind === 'years_by_list' ? [body.list] : body.kind === 'document_groups' ? [body.groupList, body.typeList] : [];
    for (const l of lists) if (!template.lists[l]) at(`không có danh mục ${l}`);
    const rowItems = body.kind === 'years_by_list' ? (template.lists[body.list] ?? []).map((i) => i.code) : [undefined];
    for (const col of sheet.columns) {
      const content = col.content;
      if (content.kind !== 'figure') continue;
      for (const l of Object.values(content.sumOver ?? {})) if (!template.lists[l]) at(`cột ${col.col}: không có danh mục ${l}`);
      if (content.code.includes('{row}') && body.kind !== 'years_by_list') at(`cột ${col.col}: {row} chỉ dùng được khi các dòng theo danh mục`);
      for (const row of rowItems) {
        for (const code of figureCodes(content, template.lists, row)) if (!known.has(code)) at(`cột ${col.col}: mẫu không có chỉ tiêu ${code}`);
      }
    }
  }
  return issues;
}

export function parseAnnexLayout(json: unknown, source: string, template: TemplateDefinition): AnnexLayout {
  const parsed = annexLayoutSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('annex_invalid', `Mẫu phụ lục ${source} không hợp lệ: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`.trim());
  }
  const issues = templateIssues(parsed.data, template);
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
