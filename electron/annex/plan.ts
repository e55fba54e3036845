// Plans an annex: for each sheet of its layout, the title rows, the body rows of its row-group kind,
// and the note on units that have not reported. No spreadsheet yet: the writer renders the plan and
// the trace service reads it, so both see the same cells.
import type { AnnexBody, AnnexLayout, AnnexSheet } from '../../shared/annex-schema.ts';
import { formatCount } from '../../shared/numbers.ts';
import { runningName, UNIT_SEPARATOR } from '../../shared/running-text.ts';
import type { TemplateDefinition, ValueType } from '../../shared/template-schema.ts';
import { allIndicators, kindsWithSheet } from '../../shared/template.ts';
import { settingIn } from '../../shared/settings-schema.ts';
import type { Settings, Unit } from '../../shared/types.ts';
import type { ServiceContext } from '../store/context.ts';
import { getSettings, settingString, templateOfProvince } from '../store/settings.ts';
import { runningCaseName } from '../../shared/text.ts';
import { differenceColumns, figureColumns, type BodyContext, type BodyRows } from './body-context.ts';
import { documentRows } from './body-documents.ts';
import { unitRows } from './body-units.ts';
import { listRows, yearsByListRows } from './body-years.ts';
import { FigureBook } from './figure-book.ts';
import { figureCodes } from './layouts.ts';
import { periodKey, periodLabel, periodText as periodWords, periodYears, yearPeriod, type ReportPeriod } from '../../shared/periods.ts';
import { sheetDates } from './period.ts';
import type { AnnexPlan, PlannedSignature, SheetPlan } from './plan-types.ts';
import { captionText, fillText, reportDateParts, slashDate, upperVi } from './texts.ts';

const DEFAULT_FROM_YEAR = 2021;
/** Annex number formats (docs/annexes.md): whole numbers, money with one decimal. */
export const ANNEX_NUMBER_FORMAT: Record<ValueType, string> = { count: '#,##0', money: '#,##0.0' };

/** A figure column's format: the layout's, or the one of its indicators' type. */
function columnFormats(template: TemplateDefinition, sheet: AnnexSheet): Record<string, string> {
  const types = new Map(allIndicators(template).map((i) => [i.code, i.type]));
  const firstItem = sheet.body.kind === 'years_by_list' || sheet.body.kind === 'list' ? template.lists[sheet.body.list]?.[0]?.code : undefined;
  const formats: Record<string, string> = Object.fromEntries(
    figureColumns(sheet).map((col) => {
      const firstSub = sheet.body.kind === 'list' ? template.lists[sheet.body.subList]?.[0]?.code : undefined;
      const content = firstSub ? { ...col.content, code: col.content.code.replaceAll('{sub}', firstSub) } : col.content;
      const type = figureCodes(content, template.lists, firstItem).some((c) => types.get(c) === 'money') ? 'money' : 'count';
      return [col.col, col.numFmt ?? ANNEX_NUMBER_FORMAT[type]];
    }),
  );
  // A difference has its minuend's format, with a sign when the minuend's is larger ("+2", "-1", "0").
  for (const col of differenceColumns(sheet))
    formats[col.col] =
      col.numFmt ?? `+${formats[col.content.of[0]] ?? ANNEX_NUMBER_FORMAT.count};-${formats[col.content.of[0]] ?? ANNEX_NUMBER_FORMAT.count};0`;
  return formats;
}

/** The unit kinds feeding a sheet: those whose workbook holds its input sheet or one of its more sheets. */
export function feedingKinds(template: TemplateDefinition, sheet: AnnexSheet): string[] {
  return [...new Set([sheet.feeds.inputSheet, ...(sheet.feeds.moreSheets ?? [])].flatMap((s) => kindsWithSheet(template, s)))];
}

/** The sheets the settings ask for: a sheet with a `when` only when the setting holds one of its values. */
export function sheetsShown(layout: AnnexLayout, settings: Settings): AnnexSheet[] {
  return layout.sheets.filter((s) => !s.when || settingIn(settings, s.when));
}

function bodyRows(b: BodyContext, body: AnnexBody): BodyRows {
  switch (body.kind) {
    case 'years_by_list':
      return yearsByListRows(b, body);
    case 'list':
      return listRows(b, body);
    case 'units':
      return unitRows(b, body);
    case 'document_groups':
      return documentRows(b, body);
  }
}

function periodText(sheet: AnnexSheet, years: number[], settings: Settings, year: number, report: ReportPeriod): string {
  const p = sheet.period;
  if (p.kind === 'dates') {
    const { from, to } = sheetDates(p, settings, report);
    return fillText(p.text, { from: slashDate(from ?? ''), to: slashDate(to ?? '') });
  }
  // A half-year or a range names itself ("(6 tháng đầu năm 2026)", "(Giai đoạn 2023 – 2025)").
  if (report.kind !== 'year') return `(${periodLabel(report)})`;
  if (years.length <= 1) return fillText(p.single, { year: years[0] ?? year });
  return fillText(p.text, { from: years[0]!, to: years[years.length - 1]! });
}

/** `Ghi chú: Số liệu chưa bao gồm Xã Vĩnh Lộc.`: feeding units without a submission in the reporting year or in a year shown. */
function missingNote(
  book: FigureBook,
  settings: Settings,
  sheet: AnnexSheet,
  kinds: readonly string[],
  years: number[],
  year: number,
  report: ReportPeriod,
): string | null {
  const missing = new Map<string, { unit: Unit; years: number[] }>();
  // A half-year's units are those without a submission of the half-year; a range's, of each year it shows.
  const own = report.kind === 'half' ? periodKey(report) : undefined;
  for (const y of [...new Set([...years, year])].sort((a, b) => a - b)) {
    for (const unit of book.missing(y, kinds, own)) {
      const entry = missing.get(unit.code) ?? { unit, years: [] };
      entry.years.push(y);
      missing.set(unit.code, entry);
    }
  }
  if (missing.size === 0) return null;
  const order = new Map(book.units().map((u, i) => [u.code, i]));
  const entries = [...missing.values()].sort((a, b) => order.get(a.unit.code)! - order.get(b.unit.code)!);
  const inYears = (name: string, years: readonly number[]) =>
    years.length === 1 && years[0] === year ? name : fillText(sheet.missingInYears, { unit: name, years: years.join(', ') });
  const labels =
    sheet.missingUnder !== undefined && book.spansTops(kinds)
      ? missingByTop(book, sheet.missingUnder, entries, settings, inYears)
      : entries.map((m) => inYears(runningName(m.unit.name), m.years));
  return fillText(sheet.missingNote, { units: labels.join(UNIT_SEPARATOR) });
}

/**
 * A roll-up's missing units (several top-level units, e.g. provinces): each top-level unit's counted
 * (`12 đơn vị của tỉnh An Lạc`) with the years any of them is missing in, a unit without a parent named.
 */
function missingByTop(
  book: FigureBook,
  pattern: string,
  entries: readonly { unit: Unit; years: number[] }[],
  settings: Settings,
  inYears: (name: string, years: readonly number[]) => string,
): string[] {
  const byTop = new Map<string, { units: number; years: Set<number> }>();
  for (const m of entries) {
    const top = book.topOf(m.unit.code);
    const group = byTop.get(top) ?? { units: 0, years: new Set<number>() };
    group.units++;
    for (const y of m.years) group.years.add(y);
    byTop.set(top, group);
  }
  return book
    .units()
    .filter((u) => byTop.has(u.code))
    .map((top) => {
      const { units, years } = byTop.get(top.code)!;
      const sorted = [...years].sort((a, b) => a - b);
      // The top-level unit is itself the one missing unit (it has no parent): named, as in a province's note.
      if (units === 1 && entries.some((m) => m.unit.code === top.code)) return inYears(runningName(top.name), sorted);
      return inYears(fillText(pattern, { count: formatCount(units, settings.leading_zero !== false), unit: runningName(top.name) }), sorted);
    });
}

/** `Nguồn: Viện kiểm sát nhân dân tỉnh An Lạc.`: the active units feeding the sheet, a name ending in the province's kind completed with the province. */
function sourceLine(book: FigureBook, settings: Settings, sheet: AnnexSheet, kinds: readonly string[]): string | null {
  if (!sheet.source) return null;
  const kind = settingString(settings, 'province_kind', 'tỉnh');
  const province = settingString(settings, 'province');
  const names = book
    .units()
    .filter((u) => u.active && kinds.includes(u.kind))
    .map((u) => (province && new RegExp(`\\s${kind}$`, 'u').test(u.name) ? `${u.name} ${province}` : u.name));
  return names.length ? fillText(sheet.source, { units: names.join(', ') }) : null;
}

/** The signature block: the right side signed as settings say (KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / name), else the layout's title. */
function signatureBlock(layout: AnnexLayout, settings: Settings): PlannedSignature | null {
  const s = layout.signature;
  if (!s) return null;
  const title = settingString(settings, 'signer_title').trim();
  const authority = settingString(settings, 'signer_authority').trim();
  const right = title ? [authority, title].filter(Boolean).map(upperVi) : [s.right.title];
  return {
    date: fillText(s.date, { place: settingString(settings, 'place') || '…', ...reportDateParts(settings) }),
    left: { lines: [s.left.title], note: s.left.note, name: '' },
    right: { lines: right, note: s.right.note, name: title ? settingString(settings, 'signer_name').trim() : '' },
  };
}

function planSheet(
  ctx: ServiceContext,
  book: FigureBook,
  settings: Settings,
  layout: AnnexLayout,
  sheet: AnnexSheet,
  year: number,
  report: ReportPeriod,
  agency: string,
): SheetPlan {
  const kinds = feedingKinds(ctx.template, sheet);
  const headerEnd = sheet.header.firstRow + sheet.header.rows - 1 + (sheet.header.columnNumbers ? 1 : 0);
  // A range's tables show the years it spans; a year's, the years from the setting from_year.
  const fromYear = report.kind === 'range' ? periodYears(report)[0]! : Number(settings.from_year) || DEFAULT_FROM_YEAR;
  const body = bodyRows({ ctx, book, settings, sheet, year, period: report, fromYear, kinds, firstRow: headerEnd + 1 }, sheet.body);
  return {
    sheet,
    titles: {
      label: layout.label,
      // A title in capitals names the period in capitals ("… THEO ĐỊA BÀN 6 THÁNG ĐẦU NĂM 2026").
      title: fillText(sheet.title, { year, period: periodWords(report).toLocaleUpperCase('vi') }),
      period: periodText(sheet, body.years, settings, year, report),
      caption: captionText(layout.caption, layout.documentSymbol, settings, runningCaseName(agency)),
    },
    headerEnd,
    rows: body.rows,
    note: missingNote(book, settings, sheet, kinds, body.years, year, report),
    years: body.years,
    columnFormats: columnFormats(ctx.template, sheet),
    unitLine: sheet.unitLine ?? null,
    source: sourceLine(book, settings, sheet, kinds),
    signature: signatureBlock(layout, settings),
  };
}

export function planAnnex(
  serviceCtx: ServiceContext,
  layout: AnnexLayout,
  year: number,
  book = new FigureBook(serviceCtx),
  report: ReportPeriod = book.period ?? yearPeriod(year),
): AnnexPlan {
  const settings = getSettings(serviceCtx, year);
  // Labels as the province reads them ("HĐND thành phố" for a city).
  const ctx = { ...serviceCtx, template: templateOfProvince(serviceCtx.template, settings) };
  const agency = book.agency();
  return { layout, year, sheets: sheetsShown(layout, settings).map((sheet) => planSheet(ctx, book, settings, layout, sheet, year, report, agency)) };
}
