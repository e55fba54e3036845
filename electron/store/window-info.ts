// What the window shows about the database before any step: the agency, the season's year, the tabs
// and unit kinds of the template.
import type { SheetInfo, TemplateInfo } from '../../shared/api-types.ts';
import { loadWindowDefinition } from '../template-store.ts';
import { annexNumber, sheetWords } from '../../shared/sheet-words.ts';
import type { ServiceContext } from './context.ts';
import { getSettings, settingString, templateOfProvince } from './settings.ts';
import { listUnits } from './units.ts';
import { listYears, yearView } from './years.ts';

/** The compiling agency as people say it: the standing agency's unit name and the province ("Sở Y tế tỉnh An Lạc"). */
export function agencyName(ctx: ServiceContext): string {
  const settings = getSettings(ctx);
  const province = settingString(settings, 'province');
  const standing = loadWindowDefinition(ctx.template).standingKind;
  const own = listUnits(ctx).find((u) => u.kind === standing);
  const body = own?.name ?? settingString(settings, 'issuing_body');
  return [body, province ? `${settingString(settings, 'province_kind', 'tỉnh')} ${province}` : ''].filter(Boolean).join(' ');
}

/** The season the window opens on: the last year the database holds. */
export function reportingYear(ctx: ServiceContext): number {
  return listYears(ctx).at(-1) ?? ctx.now().getFullYear();
}

/** The tabs, unit kinds and sections of the definition of the season the window opens on. */
export function templateInfo(ctx: ServiceContext): TemplateInfo {
  const season = yearView(ctx, reportingYear(ctx)).template;
  const tabs = loadWindowDefinition(season).tabLabels;
  const t = templateOfProvince(season, getSettings(ctx));
  // A tab says its sheet as people do ("Phụ lục 01", from the sheet's title), unless window.json names it.
  const sheets = t.sheets.map((s): SheetInfo => ({ name: s.name, title: s.title, kind: s.kind, tab: tabs[s.name] ?? sheetWords(s) }));
  // The grid's tabs in the annexes' order (Phụ lục 01, 02, 03 … as their titles number them), then the
  // sheets that are not annexes (the other figures), in the definition's order.
  const order = new Map(t.sheets.map((s, i) => [s.name, i]));
  const rank = (s: SheetInfo) => annexNumber(s) ?? Number.MAX_SAFE_INTEGER;
  sheets.sort((a, b) => rank(a) - rank(b) || order.get(a.name)! - order.get(b.name)!);
  const narrative = t.sheets.find((s) => s.kind === 'narrative');
  return {
    id: t.id,
    version: t.version,
    sheets,
    unitKinds: t.unitKinds.map((k) => ({ code: k.code, label: k.label, reports: k.sheets.length > 0 })),
    sections: narrative?.kind === 'narrative' ? narrative.items.map((i) => ({ code: i.code, label: i.label })) : [],
  };
}
