// What the window shows about the database before any step: the agency, the season's year, the tabs
// and unit kinds of the template.
import type { SheetInfo, TemplateInfo } from '../../shared/api-types.ts';
import type { ServiceContext } from './context.ts';
import { getSettings, settingString } from './settings.ts';
import { listUnits } from './units.ts';
import { listYears } from './years.ts';

/** The compiling agency as people say it: the standing agency's unit name and the province ("Sở Y tế tỉnh An Lạc"). */
export function agencyName(ctx: ServiceContext): string {
  const settings = getSettings(ctx);
  const province = settingString(settings, 'province');
  const own = listUnits(ctx).find((u) => u.kind === 'thuong_truc');
  const body = own?.name ?? settingString(settings, 'issuing_body');
  return [body, province ? `${settingString(settings, 'province_kind', 'tỉnh')} ${province}` : ''].filter(Boolean).join(' ');
}

/** The season the window opens on: the last year the database holds. */
export function reportingYear(ctx: ServiceContext): number {
  return listYears(ctx).at(-1) ?? ctx.now().getFullYear();
}

const TAB_LABELS: Record<string, string> = { SO_LIEU: 'Số liệu khác' };

export function templateInfo(ctx: ServiceContext): TemplateInfo {
  const t = ctx.template;
  const sheets = t.sheets.map((s): SheetInfo => ({ name: s.name, title: s.title, kind: s.kind, tab: TAB_LABELS[s.name] ?? s.name }));
  // The grid's tabs in the annexes' order: the matrices, the other figures, then the document list.
  const rank = (s: SheetInfo) => (s.kind === 'matrix' ? 0 : s.kind === 'list' ? 1 : s.kind === 'table' ? 2 : 3);
  sheets.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  const narrative = t.sheets.find((s) => s.kind === 'narrative');
  return {
    id: t.id,
    version: t.version,
    sheets,
    unitKinds: t.unitKinds.map((k) => ({ code: k.code, label: k.label, reports: k.sheets.length > 0 })),
    sections: narrative?.kind === 'narrative' ? narrative.items.map((i) => ({ code: i.code, label: i.label })) : [],
  };
}
