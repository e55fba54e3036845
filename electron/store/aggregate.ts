// The figures of a year as annexes, rules and the report see them: the current version of each
// unit's submission, with the compiler's corrections applied; sums leave blanks out, and a sum
// over nothing reported is null ("chưa có số liệu"), never 0.
import { sumKnown, sumOverUnits, type CoverageSum } from '../../shared/coverage-sum.ts';
import { periodCollects, periodKey, periodSeason, windowSeason, type ReportPeriod } from '../../shared/periods.ts';
import { documentKey as sameDocumentKey } from '../../shared/text.ts';
import type { DocumentRecord, Unit } from '../../shared/types.ts';
import type { ServiceContext } from './context.ts';
import { keptRead } from '../db/change-stamp.ts';
import { listUnits } from './units.ts';
import { CodePlaces, UnitValues } from './unit-values.ts';

export interface UnitFigures {
  unit: Unit;
  submissionId: number;
  version: number;
  fileName: string | null;
  receivedAt: string;
  values: UnitValues;
}

export interface YearFigures {
  /** The year (of a half-year, the range's last year). */
  year: number;
  /** The period key when the figures are not one year's annual submissions ("2026-H1", a range). */
  period?: string;
  /** Current submissions of the year by unit code, in unit-list order. */
  byUnit: Map<string, UnitFigures>;
}

export function yearFigures(ctx: ServiceContext, year: number): YearFigures {
  return storedPeriodFigures(ctx, year, String(year));
}

/**
 * The figures of a report period (shared/periods.ts): a year's or a half-year's own submissions; for a range,
 * each unit's annual figures of the years it spans summed (a blank stays blank only when blank in every year).
 */
export function periodFigures(ctx: ServiceContext, period: ReportPeriod): YearFigures {
  const collects = periodCollects(period);
  const key = periodKey(period);
  if (collects.kind === 'own') {
    const fig = storedPeriodFigures(ctx, periodSeason(period), collects.key);
    return period.kind === 'year' ? fig : { ...fig, period: key };
  }
  const years = collects.years.map((y) => yearFigures(ctx, y));
  const byUnit = new Map<string, UnitFigures>();
  for (const fig of years) {
    for (const [unit, f] of fig.byUnit) {
      const sum = byUnit.get(unit);
      if (!sum) {
        byUnit.set(unit, { ...f, values: f.values.copy() });
        continue;
      }
      // The latest year's submission names the row (trace, received date); values add up.
      Object.assign(sum, { submissionId: f.submissionId, version: f.version, fileName: f.fileName, receivedAt: f.receivedAt });
      for (const [code, value] of f.values) {
        sum.values.set(code, sumKnown([sum.values.get(code) ?? null, value]));
      }
    }
  }
  const order = new Map(listUnits(ctx).map((u, i) => [u.code, i]));
  const sorted = new Map([...byUnit.entries()].sort((a, b) => (order.get(a[0]) ?? 0) - (order.get(b[0]) ?? 0)));
  return { year: periodSeason(period), period: key, byUnit: sorted };
}

/**
 * A period's own figures, read once per state of the database (db/change-stamp.ts): a roll-up's annexes and
 * report read the same 300,000 figures. The last few periods read are kept: the annexes and the report's chart
 * both read every year held (a season's four, each read again by the report when only the last was kept).
 * Shared between callers, who must not change them. A locked year's view (its own unit list) reads them afresh.
 */
function storedPeriodFigures(ctx: ServiceContext, year: number, period: string): YearFigures {
  if (ctx.lockedView) return readPeriodFigures(ctx, year, period);
  return keptRead(ctx.db, 'figures', `${year}:${period}`, () => readPeriodFigures(ctx, year, period), PERIODS_KEPT);
}

/** Periods' figures kept at once: the years a report charts (Resolution 121's five, and the year after). */
const PERIODS_KEPT = 6;

function readPeriodFigures(ctx: ServiceContext, year: number, period: string): YearFigures {
  // One read transaction: the queries below see the same state of the database (another process's import between
  // them would otherwise give codes and values of different submissions).
  // (The unit list is read before it: a read inside a transaction is not kept, db/change-stamp.ts.)
  const units = new Map(listUnits(ctx).map((u) => [u.code, u]));
  return ctx.db.transaction(() => readPeriodFiguresNow(ctx, year, period, units))();
}

function readPeriodFiguresNow(ctx: ServiceContext, year: number, period: string, units: Map<string, Unit>): YearFigures {
  const rows = ctx.db
    .prepare(
      `SELECT s.id, u.code, s.version, s.file_name, s.received_at FROM submissions s JOIN units u ON u.id = s.unit_id
       WHERE s.period = ? AND s.is_current = 1`,
    )
    .all(period) as { id: number; code: string; version: number; file_name: string | null; received_at: string }[];
  const position = new Map([...units.keys()].map((code, i) => [code, i]));
  rows.sort((a, b) => position.get(a.code)! - position.get(b.code)!);
  // Three queries for the whole year (not two per submission): each submission's codes, the values in the
  // same order, then corrections in id order.
  const values = readValues(ctx, period);
  // A submission without figures holds none (corrections may give it some).
  for (const r of rows) if (!values.has(r.id)) values.set(r.id, new UnitValues(new CodePlaces([]), [], 0));
  const corrections = ctx.db
    .prepare(
      'SELECT c.submission_id, c.code, c.value FROM corrections c JOIN submissions s ON s.id = c.submission_id WHERE s.period = ? AND s.is_current = 1 ORDER BY c.id',
    )
    .raw()
    .all(period) as [number, string, number | null][];
  for (const [id, code, value] of corrections) values.get(id)?.set(code, value);
  const byUnit = new Map<string, UnitFigures>();
  for (const r of rows) {
    byUnit.set(r.code, {
      unit: units.get(r.code)!,
      submissionId: r.id,
      version: r.version,
      fileName: r.file_name,
      receivedAt: r.received_at,
      values: values.get(r.id)!,
    });
  }
  return { year, byUnit };
}

/** Separates the codes of a submission in one text (a code is a template's identifier: letters, digits, _). */
const SEPARATOR = '\x1f';

/**
 * The figures of the period's current submissions by submission id. A roll-up's 300,000 figures come as one list of
 * numbers (no row object each) beside each submission's codes joined in one text; a list of codes shared by many
 * submissions (those of a kind) is split once, and each submission's values are its stretch of the one list.
 */
function readValues(ctx: ServiceContext, period: string): Map<number, UnitValues> {
  // Each submission's codes joined in the order SQLite reads them (its primary key's: code order) — an ORDER BY
  // inside group_concat sorts every submission's codes again (~75 ms of a roll-up's 6,600). That order is not
  // promised: a list not in ascending code order (as SQLite compares them) is read again, sorted.
  const codeLists = (sorted: boolean) =>
    ctx.db
      .prepare(
        `SELECT s.id, COUNT(*), group_concat(v.code, char(31)${sorted ? ' ORDER BY v.code' : ''}) FROM submissions s JOIN submission_values v ON v.submission_id = s.id
         WHERE s.period = ? AND s.is_current = 1 GROUP BY s.id ORDER BY s.id`,
      )
      .raw()
      .all(period) as [number, number, string][];
  let groups = codeLists(false);
  const lists = new Map<string, CodePlaces>();
  for (const [, , joined] of groups) {
    if (lists.has(joined)) continue;
    const codes = joined.split(SEPARATOR);
    if (!inCodeOrder(codes)) {
      groups = codeLists(true);
      lists.clear();
      break;
    }
    lists.set(joined, new CodePlaces(codes));
  }
  const figures = ctx.db
    .prepare(
      'SELECT v.value FROM submissions s JOIN submission_values v ON v.submission_id = s.id WHERE s.period = ? AND s.is_current = 1 ORDER BY s.id, v.code',
    )
    .pluck()
    .all(period) as (number | null)[];
  const values = new Map<number, UnitValues>();
  let at = 0;
  for (const [id, count, joined] of groups) {
    let places = lists.get(joined);
    if (!places) lists.set(joined, (places = new CodePlaces(joined.split(SEPARATOR))));
    if (places.codes.length === count) values.set(id, new UnitValues(places, figures, at));
    else {
      // A code holding the separator: this submission's figures read row by row.
      const rows = ctx.db.prepare('SELECT code, value FROM submission_values WHERE submission_id = ? ORDER BY code').raw().all(id) as [string, number | null][];
      values.set(
        id,
        new UnitValues(
          new CodePlaces(rows.map((r) => r[0])),
          rows.map((r) => r[1]),
          0,
        ),
      );
    }
    at += count;
  }
  return values;
}

/** Whether codes are in strictly ascending order as SQLite sorts them (bytes of UTF-8; told only of ASCII codes, as the templates' are). */
function inCodeOrder(codes: readonly string[]): boolean {
  for (let i = 0; i < codes.length; i++) {
    if (!ASCII.test(codes[i]!)) return false;
    if (i > 0 && !(codes[i - 1]! < codes[i]!)) return false;
  }
  return true;
}

const ASCII = /^[\x00-\x7f]*$/;

/** The contributors of a year's figures by kinds asked: an annex asks for them cell by cell. */
const contributorsKept = new WeakMap<YearFigures, Map<string, readonly UnitFigures[]>>();

/** Units (of the given kinds, if any) whose current submission is counted, in unit-list order. Shared: not to be changed. */
export function contributors(fig: YearFigures, kinds?: readonly string[]): readonly UnitFigures[] {
  let byKinds = contributorsKept.get(fig);
  if (!byKinds) contributorsKept.set(fig, (byKinds = new Map()));
  // Kinds are codes (letters, digits, _): joined by a space they name the list.
  const key = kinds ? kinds.join(' ') : '*';
  let units = byKinds.get(key);
  if (!units) byKinds.set(key, (units = [...fig.byUnit.values()].filter((f) => !kinds || kinds.includes(f.unit.kind))));
  return units;
}

/** Sum of one indicator over the contributing units; null when none of them reported it. */
export function sumIndicator(fig: YearFigures, code: string, kinds?: readonly string[]): number | null {
  const read = codesReader([code]);
  return sumKnown(contributors(fig, kinds).map((f) => read(f)[0]));
}

/**
 * Reads some codes' values unit after unit, into one array refilled for every unit (a roll-up's 6,600 per figure):
 * the caller is done with a unit's values before it asks for the next unit's. The codes' places are found once per
 * code list the units hold (a handful), not once per unit.
 */
function codesReader(codes: readonly string[]): (f: UnitFigures) => readonly (number | null | undefined)[] {
  const values = new Array<number | null | undefined>(codes.length);
  const placesByList = new Map<CodePlaces, readonly number[]>();
  let list: CodePlaces | undefined;
  let places: readonly number[] = [];
  return (f) => {
    if (f.values.places !== list) {
      list = f.values.places;
      let found = placesByList.get(list);
      if (!found) placesByList.set(list, (found = list.placesOf(codes)));
      places = found;
    }
    f.values.pick(places, values);
    return values;
  };
}

/**
 * Sum of indicators over the contributing units that hold them (units of kinds whose sheets carry none of the
 * codes are not expected to give it), with who gave a value and who left every one of them blank.
 * `expected` says whether a unit's kind is expected to give them: it is asked once per kind (with the kind's
 * first unit), not once for each of a roll-up's 6,600 units.
 */
export function sumIndicators(
  fig: YearFigures,
  codes: readonly string[],
  expected: (unit: Unit) => boolean,
  kinds?: readonly string[],
): CoverageSum<UnitFigures> {
  const expectedKind = new Map<string, boolean>();
  const units: UnitFigures[] = [];
  for (const f of contributors(fig, kinds)) {
    let yes = expectedKind.get(f.unit.kind);
    if (yes === undefined) expectedKind.set(f.unit.kind, (yes = expected(f.unit)));
    if (yes) units.push(f);
  }
  return sumOverUnits(units, codesReader(codes));
}

/** Active units of the given kinds that have no current submission for the year. */
export function missingUnits(ctx: ServiceContext, fig: YearFigures, kinds: readonly string[]): Unit[] {
  return listUnits(ctx, { activeOnly: true }).filter((u) => kinds.includes(u.kind) && !fig.byUnit.has(u.code));
}

/** Years that hold at least one current submission, ascending, within [from, to]. */
export function yearsWithData(ctx: ServiceContext, from: number, to: number): number[] {
  return (
    ctx.db
      .prepare('SELECT DISTINCT year FROM submissions WHERE is_current = 1 AND period = CAST(year AS TEXT) AND year BETWEEN ? AND ? ORDER BY year')
      .all(from, to) as { year: number }[]
  ).map((r) => r.year);
}

export interface IssuedDocument extends DocumentRecord {
  /** Reporting units in unit-list order, and the years they reported it in. */
  units: { code: string; name: string; year: number }[];
}

/**
 * The documents dated within [from, to] of the current annual submissions (and of a half-year's, when given) of the seasons up to the window's
 * (windowSeason: a later season's submission does not change a past year's list), a document reported by
 * several units (or in several years) listed once: same so_ky_hieu + ngay + co_quan, compared without
 * case, spacing or diacritic variants.
 */
export function issuedDocuments(ctx: ServiceContext, from: string, to: string, period?: string): readonly IssuedDocument[] {
  if (ctx.lockedView) return readIssuedDocuments(ctx, from, to, period);
  // Read once per state of the database (db/change-stamp.ts): the annexes and the report list the same documents
  // (a roll-up's 10,000). Shared between callers, who must not change them.
  return keptRead(ctx.db, 'documents', `${from}:${to}:${period ?? ''}`, () => readIssuedDocuments(ctx, from, to, period));
}

function readIssuedDocuments(ctx: ServiceContext, from: string, to: string, period?: string): IssuedDocument[] {
  const rows = ctx.db
    .prepare(
      `SELECT d.cap, d.loai, d.so_ky_hieu, d.ngay, d.co_quan, d.trich_yeu, d.ghi_chu, d.han, u.code, u.name, u.sort_order, s.year
       FROM documents d JOIN submissions s ON s.id = d.submission_id JOIN units u ON u.id = s.unit_id
       WHERE s.is_current = 1 AND d.ngay BETWEEN ? AND ? AND ((s.period = CAST(s.year AS TEXT) AND s.year <= ?) OR s.period = ?)
       ORDER BY s.year, u.sort_order, d.row_no`,
    )
    .all(from, to, windowSeason({ from, to }), period ?? '') as (DocumentRecord & { code: string; name: string; sort_order: number; year: number })[];
  const byKey = new Map<string, IssuedDocument>();
  // Names from the unit list (a locked year's as it was at the lock), not the table's current ones.
  const names = new Map(listUnits(ctx).map((u) => [u.code, u.name]));
  for (const r of rows) {
    const key = documentKey(r);
    const unit = { code: r.code, name: names.get(r.code) ?? r.name, year: r.year };
    const existing = byKey.get(key);
    if (existing) existing.units.push(unit);
    else {
      const doc: IssuedDocument = {
        cap: r.cap,
        loai: r.loai,
        so_ky_hieu: r.so_ky_hieu,
        ngay: r.ngay,
        co_quan: r.co_quan,
        trich_yeu: r.trich_yeu,
        ghi_chu: r.ghi_chu,
        han: r.han,
        units: [unit],
      };
      byKey.set(key, doc);
      listedKeys.set(doc, key);
    }
  }
  return [...byKey.values()];
}

/** The fields that identify an issued document (the template's duplicateKey of the documents' table). */
const DOCUMENT_KEY_FIELDS = ['so_ky_hieu', 'ngay', 'co_quan'] as const;

/**
 * The key each document of issuedDocuments was grouped by, kept with it (its fields never change: the list is
 * shared read-only): validation and Phụ lục 02 ask for the keys of the same documents again.
 */
const listedKeys = new WeakMap<object, string>();

/** "Same document" across units and years: the one key of shared/text.ts. */
export function documentKey(d: Pick<DocumentRecord, 'so_ky_hieu' | 'ngay' | 'co_quan'>): string {
  return listedKeys.get(d) ?? sameDocumentKey(d, DOCUMENT_KEY_FIELDS);
}
