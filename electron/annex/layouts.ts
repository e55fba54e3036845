// Annex layouts as template data (templates/<id>/annexes/*.json): read, checked with zod, then checked
// against the template definition (lists exist, every figure names indicators the template defines).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { annexLayoutSchema, type AnnexLayout, type FigureContent } from '../../shared/annex-schema.ts';
import type { TemplateDefinition } from '../../shared/template-schema.ts';
import { isSettingKey } from '../../shared/settings-schema.ts';
import { allIndicators, kindsWithSheet } from '../../shared/template.ts';
import { AppError } from '../errors.ts';
import { templatePath } from '../template-store.ts';

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
    for (const s of [sheet.feeds.inputSheet, ...(sheet.feeds.moreSheets ?? [])]) if (kindsWithSheet(template, s).length === 0) at(`không loại đơn vị nào báo cáo trang ${s}`);
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
          for (const code of figureCodes(variant, template.lists, row)) if (!known.has(code)) at(`cột ${col.col}: mẫu không có chỉ tiêu ${code}`);
        }
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

/** Every annex layout of the template, in their order. */
export function loadAnnexLayouts(template: TemplateDefinition): AnnexLayout[] {
  const dir = templatePath(template.id, ANNEX_DIR);
  if (!existsSync(dir)) throw new AppError('annex_missing', `Mẫu báo cáo ${template.id} chưa có mẫu phụ lục (thư mục ${dir}).`);
  const layouts = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseAnnexLayout(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')), f, template));
  return layouts.sort((a, b) => a.order - b.order);
}

export function findAnnexLayout(template: TemplateDefinition, annexId: string): AnnexLayout {
  const layout = loadAnnexLayouts(template).find((l) => l.id.toUpperCase() === annexId.trim().toUpperCase());
  if (!layout) throw new AppError('unknown_annex', `Không có phụ lục "${annexId}".`);
  return layout;
}
