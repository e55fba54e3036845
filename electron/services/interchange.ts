// The JSON interchange format of docs/cli.md: export a year, import a lower level's export (roll-up).
import { z } from 'zod';
import { documentKey, looseKey, nfc } from '../../shared/text.ts';
import { documentTableForKind, indicatorsForKind, narrativeCodesForKind } from '../../shared/template.ts';
import { checkNumber, checkText, checkValue, parseDate, type RawValue, type ValueDefinition } from '../../shared/values/check-value.ts';
import type { DocumentRecord } from '../../shared/types.ts';
import { AppError } from '../errors.ts';
import { isoDate, type ServiceContext } from '../store/context.ts';
import { isSettingKey } from '../../shared/settings-schema.ts';
import { getSettings, setSettings } from '../store/settings.ts';
import { contentHash, insertSubmissionVersion, unitVersions, versionKey, type SubmissionContent } from '../store/submissions.ts';
import { listUnits, unitsByCode, upsertUnits } from '../store/units.ts';
import { ensureYear } from '../store/years.ts';

export const FORMAT = 'baocao121';
export const FORMAT_VERSION = 1;

const documentSchema = z.object({
  cap: z.string(),
  loai: z.string(),
  so_ky_hieu: z.string(),
  ngay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  co_quan: z.string().nullable().optional(),
  trich_yeu: z.string(),
  ghi_chu: z.string().nullable().optional(),
  han: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .optional(),
});

/** A figure is a JSON number or null; any number passes here (1e400 included) for the checker to judge. */
const figureSchema = z.custom<number | null>((v) => v === null || typeof v === 'number', { message: 'số liệu phải là một số hoặc null' });

const submissionSchema = z.object({
  unit: z.string(),
  year: z.number().int(),
  version: z.number().int().optional(),
  source: z.object({ file: z.string().nullable().optional(), sha256: z.string().nullable().optional() }).optional(),
  received_at: z.string().optional(),
  // Figures are judged by the value checker (bounds, finiteness, numbers typed as text), not by the schema.
  values: z.record(z.string(), figureSchema),
  corrections: z.array(z.object({ code: z.string(), value: figureSchema, reason: z.string(), by: z.string(), at: z.string() })).optional(),
  documents: z.array(documentSchema).optional(),
  texts: z.record(z.string(), z.string()).optional(),
});

export const interchangeSchema = z.object({
  format: z.literal(FORMAT).optional(),
  format_version: z.number().int().optional(),
  template: z.object({ id: z.string(), version: z.number().int() }).optional(),
  exported_at: z.string().optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  years: z.array(z.number().int()),
  units: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string(), parent: z.string().nullable(), order: z.number().int().optional() })),
  submissions: z.array(submissionSchema),
});
export type Interchange = z.infer<typeof interchangeSchema>;

/**
 * The figures of a submission that interchangeSchema's record of figures takes as they are: a plain object
 * whose own keys are all enumerable strings (not "__proto__", which the record drops) and whose values are
 * numbers or null. Anything else is left to the full schema.
 */
function isPlainFigures(v: unknown): v is Record<string, number | null> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  // As many enumerable string keys as own keys of any kind: no symbol, no hidden key.
  const keys = Object.keys(v);
  if (keys.length !== Reflect.ownKeys(v).length) return false;
  for (const key of keys) {
    if (key === '__proto__') return false;
    const figure = (v as Record<string, unknown>)[key];
    if (figure !== null && typeof figure !== 'number') return false;
  }
  return true;
}

/**
 * interchangeSchema with each submission's figures judged in one loop (isPlainFigures) rather than by zod
 * figure by figure: a national roll-up holds some 300,000 figures. What it accepts the full schema accepts
 * alike, with the same data; a file it refuses is parsed again by the full schema, whose first issue is the
 * one reported.
 */
const bulkSchema = interchangeSchema.extend({
  submissions: z.array(submissionSchema.extend({ values: z.custom<Record<string, number | null>>(isPlainFigures) })),
});

/** A file read by interchangeSchema (by bulkSchema first, the same judgement faster for well-formed figures). */
function parseInterchange(data: unknown): ReturnType<typeof interchangeSchema.safeParse> {
  const quick = bulkSchema.safeParse(data);
  return quick.success ? quick : interchangeSchema.safeParse(data);
}

/** All figures, documents and texts of the current versions of a year. */
export function exportYear(ctx: ServiceContext, year: number): Interchange & { format: string; format_version: number } {
  const subs = ctx.db
    .prepare(
      `SELECT s.id, u.code AS unit, s.year, s.version, s.file_name, s.sha256, s.received_at FROM submissions s JOIN units u ON u.id = s.unit_id
       WHERE s.year = ? AND s.period = CAST(s.year AS TEXT) AND s.is_current = 1 ORDER BY u.sort_order, u.code`,
    )
    .all(year) as { id: number; unit: string; year: number; version: number; file_name: string | null; sha256: string | null; received_at: string }[];
  const values = ctx.db.prepare('SELECT code, value FROM submission_values WHERE submission_id = ? ORDER BY code');
  const docs = ctx.db.prepare(
    'SELECT cap, loai, so_ky_hieu, ngay, co_quan, trich_yeu, ghi_chu, han FROM documents WHERE submission_id = ? ORDER BY row_no, id',
  );
  const texts = ctx.db.prepare('SELECT code, text FROM narratives WHERE submission_id = ? ORDER BY code');
  const corrections = ctx.db.prepare('SELECT code, value, reason, by, at FROM corrections WHERE submission_id = ? ORDER BY id');
  return {
    format: FORMAT,
    format_version: FORMAT_VERSION,
    template: { id: ctx.template.id, version: ctx.template.version },
    exported_at: ctx.now().toISOString(),
    settings: getSettings(ctx, year),
    years: [year],
    units: listUnits(ctx).map((u) => ({ code: u.code, name: u.name, kind: u.kind, parent: u.parentCode, order: u.order })),
    submissions: subs.map((s) => ({
      unit: s.unit,
      year: s.year,
      version: s.version,
      source: { file: s.file_name, sha256: s.sha256 },
      received_at: s.received_at,
      values: Object.fromEntries((values.all(s.id) as { code: string; value: number | null }[]).map((v) => [v.code, v.value])),
      corrections: corrections.all(s.id) as { code: string; value: number | null; reason: string; by: string; at: string }[],
      documents: (docs.all(s.id) as DocumentRecord[]).map((d) => ({ ...d })),
      texts: Object.fromEntries((texts.all(s.id) as { code: string; text: string }[]).map((t) => [t.code, t.text])),
    })),
  };
}

type IncomingSubmission = Interchange['submissions'][number];

type DocumentTable = Extract<ReturnType<typeof documentTableForKind>, { kind: 'table' }>;

/** What a unit kind reports, looked up once per kind and file (not once per submission). */
interface KindSheets {
  indicators: Map<string, ReturnType<typeof indicatorsForKind>[number]>;
  table: ReturnType<typeof documentTableForKind>;
  /** The documents' columns with what the value checker asks of each (dates within the file's window). */
  columns: { col: DocumentTable['columns'][number]; def: ValueDefinition }[];
  narrativeCodes: Set<string>;
}

function kindSheets(ctx: ServiceContext, window: { from: string; to: string }): (kind: string) => KindSheets {
  const byKind = new Map<string, KindSheets>();
  return (kind) => {
    let k = byKind.get(kind);
    if (!k) {
      const table = documentTableForKind(ctx.template, kind);
      k = {
        indicators: new Map(indicatorsForKind(ctx.template, kind).map((i) => [i.code, i])),
        table,
        columns:
          table?.kind === 'table'
            ? table.columns.map((col) => ({
                col,
                def:
                  col.type === 'date'
                    ? { type: 'date', from: window.from, to: window.to }
                    : col.type === 'list'
                      ? { type: 'list', items: ctx.template.lists[col.list!] ?? [], name: col.label.toLowerCase() }
                      : { type: 'text' },
              }))
            : [],
        narrativeCodes: new Set(narrativeCodesForKind(ctx.template, kind)),
      };
      byKind.set(kind, k);
    }
    return k;
  };
}

/**
 * The checks a workbook gets on import, for a submission that comes as JSON, through the same value
 * checker: each code is one the unit's kind reports, figures within their bounds, document fields from
 * their lists and dates within the documents' window, texts for the unit's sections and within a cell's
 * limit, and a received date that is a real date.
 */
function checkSubmission(s: IncomingSubmission, kind: KindSheets, file: string): CheckedSubmission {
  const { table, columns, narrativeCodes } = kind;
  const figures: { code: string; value: number | null }[] = [];
  for (const code in s.values) figures.push({ code, value: checkedFigure(s, kind, file, code, s.values[code]) });
  const corrections = s.corrections?.map((c) => ({ ...c, value: checkedFigure(s, kind, file, c.code, c.value) }));
  if (s.received_at !== undefined && !parseDate(s.received_at))
    refuseSubmission(s, file, '', `ngày nhận "${s.received_at.slice(0, 40)}" không phải là một ngày có thật (ghi theo dạng yyyy-mm-dd).`);
  const documents = (s.documents ?? []).map((d, i) => {
    if (table?.kind !== 'table') return refuseSubmission(s, file, '', 'đơn vị này không báo cáo văn bản.');
    const canonical: Record<string, string | null> = {};
    for (const { col, def } of columns) {
      const raw = (d as Record<string, unknown>)[col.code] as RawValue;
      const checked = checkValue(def, typeof raw === 'string' ? raw.trim() : raw);
      if (!checked.ok) refuseSubmission(s, file, `, văn bản ${i + 1}, ${col.label.toLowerCase()}`, checked.reason);
      else if (checked.value === null && col.required) refuseSubmission(s, file, `, văn bản ${i + 1}`, `thiếu ${col.label.toLowerCase()}.`);
      else canonical[col.code] = checked.ok ? (checked.value as string | null) : null;
    }
    return canonical as unknown as DocumentRecord;
  });
  // A document listed twice in one submission is taken once, as in a workbook (the same key); a single one
  // needs no key (most of a roll-up's submissions list one document or none).
  const seen = new Set<string>();
  const unique =
    documents.length < 2
      ? documents
      : documents.filter((d) => {
          const key = documentKey(d as unknown as Record<string, string | null>, table?.kind === 'table' ? table.duplicateKey : []);
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
  const texts: Record<string, string> = {};
  for (const [code, text] of Object.entries(s.texts ?? {})) {
    if (!narrativeCodes.has(code)) refuseSubmission(s, file, '', `đơn vị này không có mục nội dung "${code}".`);
    const checked = checkText({ type: 'text' }, text);
    if (!checked.ok) refuseSubmission(s, file, `, mục ${code}`, checked.reason);
    else if (checked.value !== null) texts[code] = checked.value;
  }
  // Written out, not spread from `s` less its figures: a roll-up checks 6,600 submissions.
  return {
    unit: s.unit,
    year: s.year,
    version: s.version,
    source: s.source,
    received_at: s.received_at,
    figures,
    corrections,
    documents: unique,
    texts,
  };
}

/** A submission as checkSubmission gives it: its figures checked and listed, documents and texts canonical. */
type CheckedSubmission = Omit<IncomingSubmission, 'values'> & { figures: { code: string; value: number | null }[] };

/** Refuses a submission of a JSON file, naming the file, the unit and the year. */
function refuseSubmission(s: IncomingSubmission, file: string, what: string, reason: string): never {
  throw new AppError('bad_json', `Tệp ${file}, báo cáo của ${s.unit} năm ${s.year}${what}: ${reason}`);
}

/** A figure (or a correction's) of a code the unit's kind reports, checked by the value checker. */
function checkedFigure(s: IncomingSubmission, kind: KindSheets, file: string, code: string, v: unknown): number | null {
  const ind = kind.indicators.get(code);
  if (!ind) return refuseSubmission(s, file, '', `đơn vị này không báo cáo chỉ tiêu "${code}".`);
  const checked = checkNumber(ind, v as RawValue);
  return checked.ok ? checked.value : refuseSubmission(s, file, '', `${code} = ${String(v)} không hợp lệ (${ind.label}): ${checked.reason}`);
}

function correctionsOf(ctx: ServiceContext, submissionId: number): string {
  const rows = ctx.db.prepare('SELECT code, value, reason FROM corrections WHERE submission_id = ? ORDER BY id').all(submissionId);
  return JSON.stringify(rows);
}

/**
 * Every province's export names its units with the template's codes (TINH, SYT, CA…): another province's
 * file would merge into the units held here, its figures becoming new versions of theirs. A top-level
 * unit of the file held here under another name is such a file: refused, nothing imported.
 */
function refuseOtherProvince(ctx: ServiceContext, units: Interchange['units'], file: string): void {
  const held = ctx.db.prepare('SELECT code, name FROM units WHERE parent_id IS NULL').all() as { code: string; name: string }[];
  const tops = new Map(held.map((u) => [u.code, u]));
  for (const u of units) {
    const here = u.parent ? undefined : tops.get(u.code);
    if (here && looseKey(here.name) !== looseKey(u.name))
      throw new AppError(
        'other_province',
        `Tệp ${file} là số liệu của ${u.name}, nhưng mã đơn vị "${u.code}" ở đây là ${here.name}: nhập vào sẽ trộn số liệu hai nơi (báo cáo của đơn vị này thành phiên bản mới của đơn vị kia). Mỗi nơi cần mã đơn vị riêng khi tổng hợp vào một cơ sở dữ liệu; không có gì được nhập.`,
      );
  }
}

export interface ImportJsonResult {
  file: string;
  submissions: number;
  unchanged: number;
  unitsAdded: number;
}

/**
 * Imports an export (or the sample province): units missing here are added, each submission becomes a
 * new version of its unit-year (an identical one is skipped). Settings are taken only by a database that
 * holds no submissions yet. One transaction for the whole file.
 */
export function importJson(ctx: ServiceContext, data: unknown, file = '(json)'): ImportJsonResult {
  const parsed = parseInterchange(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'bad_json',
      `Tệp ${file} không đúng định dạng dữ liệu Báo cáo 121: ${issue?.path.map(String).join('.') ?? ''} — ${issue?.message ?? ''}`,
    );
  }
  const d = parsed.data;
  if (d.template && (d.template.id !== ctx.template.id || d.template.version > ctx.template.version)) {
    throw new AppError(
      'template_version',
      `Tệp ${file} theo mẫu ${d.template.id} phiên bản ${d.template.version}; phiên bản này đọc mẫu ${ctx.template.id} đến phiên bản ${ctx.template.version}.`,
    );
  }
  return ctx.db
    .transaction(() => {
      const empty = (ctx.db.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n === 0;
      for (const y of d.years) ensureYear(ctx, y);
      if (empty && d.settings) {
        // The file's settings are those of its (last) year.
        const known = Object.fromEntries(Object.entries(d.settings).filter(([k]) => isSettingKey(k)));
        setSettings(ctx, known, { year: d.years.length ? Math.max(...d.years) : undefined });
      }
      refuseOtherProvince(ctx, d.units, file);
      // Which of the file's units and their parents are held here, read in one query (not one look-up each).
      const held = new Set(unitsByCode(ctx, [...new Set(d.units.flatMap((u) => (u.parent ? [u.code, u.parent] : [u.code])))]).keys());
      const inFile = new Set(d.units.map((u) => u.code));
      const missingUnits = d.units.filter((u) => !held.has(u.code));
      if (missingUnits.length)
        upsertUnits(
          ctx,
          missingUnits.map((u) => ({ ...u, parent: u.parent && (held.has(u.parent) || inFile.has(u.parent)) ? u.parent : null })),
        );
      // The documents' window of a workbook's import (importLookup): from the setting to today.
      const window = { from: getSettings(ctx).documents_from, to: isoDate(ctx.now()) };
      const sheetsOf = kindSheets(ctx, window);
      const yearsEnsured = new Set<number>(d.years);
      // The file's units read in one query (not one look-up per submission).
      const units = unitsByCode(ctx, [...new Set(d.submissions.map((s) => s.unit))]);
      // Their current versions and highest version numbers, likewise (kept up to date as versions are stored).
      const versions = unitVersions(
        ctx,
        [...units.values()].map((u) => u.id),
      );
      let stored = 0;
      let unchanged = 0;
      for (const raw of d.submissions) {
        const unit = units.get(raw.unit);
        if (!unit) throw new AppError('unknown_unit', `Tệp ${file}: báo cáo của đơn vị "${raw.unit}" không có trong danh sách đơn vị.`);
        const s = checkSubmission(raw, sheetsOf(unit.kind), file);
        if (!yearsEnsured.has(s.year)) {
          ensureYear(ctx, s.year);
          yearsEnsured.add(s.year);
        }
        const content: SubmissionContent = {
          values: s.figures,
          documents: (s.documents ?? []).map((doc, i) => ({
            ...doc,
            co_quan: doc.co_quan ? nfc(doc.co_quan) : null,
            trich_yeu: nfc(doc.trich_yeu),
            rowNo: i + 1,
          })),
          narratives: Object.entries(s.texts ?? {}).map(([code, text]) => ({ code, text: nfc(text) })),
        };
        const current = versions.current.get(versionKey(unit.id, String(s.year)));
        const incomingCorrections = JSON.stringify((s.corrections ?? []).map((c) => ({ code: c.code, value: c.value, reason: c.reason })));
        const hash = contentHash(content);
        if (current && current.content_sha256 === hash && correctionsOf(ctx, current.id) === incomingCorrections) {
          unchanged++;
          continue;
        }
        const version = (versions.top.get(versionKey(unit.id, s.year)) ?? 0) + 1;
        const sha256 = s.source?.sha256 ?? null;
        const row = insertSubmissionVersion(
          ctx,
          {
            // Named one by one, not spread from `content` and then given thirteen more (6,600 times a roll-up).
            values: content.values,
            documents: content.documents,
            narratives: content.narratives,
            contentSha256: hash,
            unitCode: s.unit,
            year: s.year,
            source: 'json',
            fileName: s.source?.file ?? file,
            sha256,
            workbookId: null,
            templateVersion: d.template?.version ?? ctx.template.version,
            receivedAt: s.received_at,
            findings: [],
            corrections: s.corrections,
          },
          { unitId: unit.id, current, version },
        );
        versions.current.set(versionKey(unit.id, String(s.year)), { id: row.id, sha256, content_sha256: hash, version: row.version });
        versions.top.set(versionKey(unit.id, s.year), row.version);
        stored++;
      }
      return { file, submissions: stored, unchanged, unitsAdded: missingUnits.length };
    })
    .immediate();
}
