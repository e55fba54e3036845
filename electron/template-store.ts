// The report definition as one versioned thing (docs/form-change.md): templates/<id>/manifest.json lists
// its parts (template.json, rules.json, outline.json, annexes/*.json, and optional ones such as
// targets.json); the parts are read together, cross-checked, hashed (sha256 of their canonical JSON) and
// stored in the database (table definitions). Each year is bound to the definition it was collected
// under (years.definition_hash): its validation, annexes, report, workbooks and window read that stored
// definition (definitionForYear), never the disk. A newer definition on disk is installed beside the
// older ones; a year moves to it only when the user asks (services/definitions.ts).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { templateDefinitionSchema, type TemplateDefinition } from '../shared/template-schema.ts';
import type { UnitInput } from '../shared/types.ts';
import { windowDefinitionSchema, type WindowDefinition } from '../shared/window-schema.ts';
import { AppError } from './errors.ts';
import type { Db } from './db/database.ts';
import { readOnlyNotice } from './db/read-only.ts';

const BUILTIN_TEMPLATES_DIR = fileURLToPath(new URL('../templates/', import.meta.url));
/** Where the app's own definitions are (tests point it elsewhere with useTemplatesDir). */
export let TEMPLATES_DIR = BUILTIN_TEMPLATES_DIR;
export const DEFAULT_TEMPLATE_ID = 'nq121';
export const MANIFEST_FILE = 'manifest.json';

export function templatePath(id: string, file: string): string {
  return `${TEMPLATES_DIR}${id}/${file}`;
}

/**
 * Points the app at another templates folder (the tests simulate a newer app this way); no argument:
 * back to the app's own. Clears what was read from the disk.
 */
export function useTemplatesDir(dir?: string): void {
  TEMPLATES_DIR = dir ? (dir.endsWith('/') ? dir : `${dir}/`) : BUILTIN_TEMPLATES_DIR;
  diskCache.clear();
}

// ---- the manifest ----

const manifestSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  version: z.number().int().positive(),
  about: z.string().optional(),
  parts: z
    .array(
      z.object({
        /** A file of the template folder, or files matched by one `*` in the last segment (annexes/*.json). */
        path: z.string().regex(/^[a-z0-9_\-/]*[a-z0-9_\-*]+\.json$/),
        /** What the part is to the app: template, rules, outline, annexes, targets… (the loaders ask by role). */
        role: z.string().regex(/^[a-z0-9_]+$/),
        optional: z.boolean().optional(),
      }),
    )
    .min(1),
});
export type DefinitionManifest = z.infer<typeof manifestSchema>;

/** One versioned definition: its manifest, every part's JSON by path, and the template parsed. */
export interface Definition {
  id: string;
  version: number;
  /** sha256 (hex) of the canonical JSON of { manifest, parts }. */
  hash: string;
  manifest: DefinitionManifest;
  /** Each part's JSON by its path in the template folder ("rules.json", "annexes/pl01.json"). */
  parts: Record<string, unknown>;
  template: TemplateDefinition;
}

/** JSON with object keys sorted and no spaces: the same content always gives the same text (and hash). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  // Built by appending (no arrays of entries): every process hashes the whole definition when it opens a database.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      const v: unknown = value[i];
      out += canonicalJson(v === undefined ? null : v);
    }
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  // sort() with no comparator orders by UTF-16 code units, as `<` does.
  const keys = Object.keys(object).sort();
  let out = '{';
  for (const k of keys) {
    const v = object[k];
    if (v === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(k)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

export function definitionHash(manifest: DefinitionManifest, parts: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson({ manifest, parts })).digest('hex');
}

export function parseTemplate(json: unknown): TemplateDefinition {
  // Parsed once per definition: without zod's compiled fast path, whose building costs more than one parse saves.
  const parsed = templateDefinitionSchema.safeParse(json, { jitless: true });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('template_invalid', `Định nghĩa mẫu báo cáo không hợp lệ (tệp template.json): ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`);
  }
  return parsed.data;
}

/** Paths of a part's files, by role, in the manifest's order (a `*` part sorted by name). */
export function partPaths(def: Pick<Definition, 'manifest' | 'parts'>, role: string): string[] {
  const out: string[] = [];
  for (const p of def.manifest.parts.filter((x) => x.role === role)) {
    if (p.path.includes('*')) {
      const [head, tail] = p.path.split('*') as [string, string];
      out.push(
        ...Object.keys(def.parts)
          .filter((k) => k.startsWith(head) && k.endsWith(tail) && !k.slice(head.length).includes('/'))
          .sort(),
      );
    } else if (p.path in def.parts) out.push(p.path);
  }
  return out;
}

/** The JSON of a definition's single part of a role (e.g. "rules", "targets"); undefined when an optional part is absent. */
export function definitionPart(def: Definition, role: string): unknown {
  const path = partPaths(def, role)[0];
  return path === undefined ? undefined : def.parts[path];
}

/** Every file of a definition's part of a role (annexes), as [path, JSON] in order. */
export function definitionFiles(def: Definition, role: string): [string, unknown][] {
  return partPaths(def, role).map((p) => [p, def.parts[p]]);
}

const byTemplate = new WeakMap<TemplateDefinition, Definition>();
const byHash = new Map<string, Definition>();

/** Makes a definition object from its manifest and parts (checked); the same hash gives the same object. */
export function buildDefinition(manifest: DefinitionManifest, parts: Record<string, unknown>): Definition {
  return definitionWithHash(manifest, parts, definitionHash(manifest, parts));
}

/** buildDefinition with the hash already known (only from a stored copy of exactly this content). */
function definitionWithHash(manifest: DefinitionManifest, parts: Record<string, unknown>, hash: string): Definition {
  const known = byHash.get(hash);
  if (known) return known;
  const templatePathOf = partPaths({ manifest, parts }, 'template')[0];
  if (!templatePathOf) throw new AppError('template_invalid', `Định nghĩa ${manifest.id} (tệp ${MANIFEST_FILE}) không có phần "template".`);
  const template = parseTemplate(parts[templatePathOf]);
  const def: Definition = { id: manifest.id, version: manifest.version, hash, manifest, parts, template };
  byTemplate.set(template, def);
  byHash.set(hash, def);
  return def;
}

function readJson(file: string, shown: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new AppError('template_invalid', `Không đọc được tệp ${shown} của định nghĩa báo cáo. Hãy cài lại phần mềm.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new AppError('template_invalid', `Tệp ${shown} của định nghĩa báo cáo không phải JSON hợp lệ: ${(e as Error).message}. Hãy cài lại phần mềm.`);
  }
}

/** Reads a definition folder (manifest and every part it lists) as it is on disk. */
export function readDefinitionFolder(dir: string): Definition {
  return readFolder(dir).def;
}

/**
 * readDefinitionFolder; with a database, a stored definition whose content is exactly the folder's gives its
 * hash, which then needs no computing (`fromDb` says so: that hash is the database's word, trusted for it alone).
 */
function readFolder(dir: string, db?: Db): { def: Definition; fromDb: boolean } {
  const folder = dir.endsWith('/') ? dir : `${dir}/`;
  const manifestFile = `${folder}${MANIFEST_FILE}`;
  let manifest: DefinitionManifest;
  if (existsSync(manifestFile)) {
    const parsed = manifestSchema.safeParse(readJson(manifestFile, MANIFEST_FILE));
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new AppError(
        'template_invalid',
        `Tệp ${MANIFEST_FILE} của định nghĩa báo cáo không hợp lệ: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`,
      );
    }
    manifest = parsed.data;
  } else {
    throw new AppError('template_invalid', `Thư mục định nghĩa báo cáo ${folder} không có tệp ${MANIFEST_FILE}. Hãy cài lại phần mềm.`);
  }
  const parts: Record<string, unknown> = {};
  for (const p of manifest.parts) {
    if (p.path.includes('*')) {
      const slash = p.path.lastIndexOf('/');
      const sub = slash < 0 ? '' : p.path.slice(0, slash + 1);
      const [head, tail] = p.path.slice(sub.length).split('*') as [string, string];
      const files = existsSync(`${folder}${sub}`)
        ? readdirSync(`${folder}${sub}`)
            .filter((f) => f.startsWith(head) && f.endsWith(tail))
            .sort()
        : [];
      if (!files.length && !p.optional)
        throw new AppError('annex_missing', `Định nghĩa báo cáo thiếu các tệp ${p.path} (khai trong ${MANIFEST_FILE}). Hãy cài lại phần mềm.`);
      for (const f of files) parts[`${sub}${f}`] = readJson(`${folder}${sub}${f}`, `${sub}${f}`);
    } else if (existsSync(`${folder}${p.path}`)) {
      parts[p.path] = readJson(`${folder}${p.path}`, p.path);
    } else if (!p.optional) {
      throw new AppError('template_invalid', `Định nghĩa báo cáo thiếu tệp ${p.path} (khai trong ${MANIFEST_FILE}). Hãy cài lại phần mềm.`);
    }
  }
  const stored = db ? storedHashOf(db, manifest, parts) : undefined;
  return stored === undefined ? { def: buildDefinition(manifest, parts), fromDb: false } : { def: definitionWithHash(manifest, parts, stored), fromDb: true };
}

/**
 * This app's definitions as read, with the database whose stored copy gave the hash (null: computed). A hash
 * taken from a database serves that database only: another one, or a caller naming none, has it computed.
 */
const diskCache = new Map<string, { def: Definition; from: Db | null }>();

/** The definition of this app (templates/<id>/ on disk), read once (a database's stored copy spares hashing it). */
export function currentDefinition(id = DEFAULT_TEMPLATE_ID, db?: Db): Definition {
  const cached = diskCache.get(id);
  if (cached && (cached.from === null || cached.from === db)) return cached.def;
  const read = readFolder(`${TEMPLATES_DIR}${id}`, db);
  diskCache.set(id, { def: read.def, from: read.fromDb ? db! : null });
  return read.def;
}

/** This app's template (template.json of the current definition). */
export function loadTemplateFile(id = DEFAULT_TEMPLATE_ID): TemplateDefinition {
  return currentDefinition(id).template;
}

/**
 * The definition a template belongs to. A template object made by a loader of this module carries its
 * definition; any other one (a test's edited template, a database of the first versions) is taken with
 * the current definition's other parts.
 */
export function definitionOf(template: TemplateDefinition): Definition {
  const known = byTemplate.get(template);
  if (known) return known;
  const current = currentDefinition(template.id);
  const path = partPaths(current, 'template')[0]!;
  const def = canonicalJson(template) === canonicalJson(current.template) ? current : buildDefinition(current.manifest, { ...current.parts, [path]: template });
  byTemplate.set(template, def);
  return def;
}

const windowCache = new Map<string, WindowDefinition>();

/** The window's facts of a template's definition (part "window", window.json), checked against the template. */
export function loadWindowDefinition(template: TemplateDefinition): WindowDefinition {
  const def = definitionOf(template);
  const cached = windowCache.get(def.hash);
  if (cached) return cached;
  const file = partPaths(def, 'window')[0];
  if (file === undefined) throw new AppError('template_invalid', `Định nghĩa báo cáo ${def.id} không có phần "window" (tệp window.json).`);
  const parsed = windowDefinitionSchema.safeParse(def.parts[file]);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('template_invalid', `Tệp ${file} của định nghĩa báo cáo không hợp lệ: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`);
  }
  const w = parsed.data;
  const problems: string[] = [];
  if (!template.unitKinds.some((k) => k.code === w.standingKind)) problems.push(`standingKind: mẫu không có loại đơn vị "${w.standingKind}"`);
  for (const name of Object.keys(w.tabLabels)) if (!template.sheets.some((s) => s.name === name)) problems.push(`tabLabels: mẫu không có trang ${name}`);
  if (w.trend) {
    const sheet = template.sheets.find((s) => s.name === w.trend!.sheet);
    if (sheet?.kind !== 'matrix') problems.push(`trend.sheet: mẫu không có trang ma trận ${w.trend.sheet}`);
    else if (!template.lists[sheet.columns]?.some((c) => c.code === w.trend!.measure))
      problems.push(`trend.measure: danh mục ${sheet.columns} không có mục "${w.trend.measure}"`);
  }
  if (problems.length) throw new AppError('template_invalid', `Tệp ${file} không khớp mẫu báo cáo: ${problems.join('; ')}.`);
  windowCache.set(def.hash, w);
  return w;
}

export function loadDefaultUnits(id = DEFAULT_TEMPLATE_ID): UnitInput[] {
  return JSON.parse(readFileSync(templatePath(id, 'units.json'), 'utf8')) as UnitInput[];
}

// ---- the database ----

interface DefinitionRow {
  hash: string;
  content: string;
}

function fromRow(row: DefinitionRow): Definition {
  const cached = byHash.get(row.hash);
  if (cached) return cached;
  const { manifest, parts } = JSON.parse(row.content) as { manifest: DefinitionManifest; parts: Record<string, unknown> };
  return buildDefinition(manifestSchema.parse(manifest), parts);
}

function hasDefinitionsTable(db: Db): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='definitions'").get();
}

/** What the database stores of a definition (definitions.content). */
function storedContent(manifest: DefinitionManifest, parts: Record<string, unknown>): string {
  return JSON.stringify({ manifest, parts });
}

/**
 * The hash of a stored definition whose content is exactly this manifest and these parts. Only
 * installDefinition writes that table, each row's hash computed from its content: equal content, equal
 * hash, and comparing the text costs far less than canonical JSON and sha256 (docs/measured.md).
 */
function storedHashOf(db: Db, manifest: DefinitionManifest, parts: Record<string, unknown>): string | undefined {
  if (!hasDefinitionsTable(db)) return undefined;
  const content = storedContent(manifest, parts);
  const rows = db.prepare('SELECT hash, content FROM definitions WHERE id = ? AND version = ?').all(manifest.id, manifest.version) as DefinitionRow[];
  return rows.find((r) => r.content === content)?.hash;
}

/** Stores a definition in the database (once per hash). */
export function installDefinition(db: Db, def: Definition, now = new Date()): void {
  db.prepare('INSERT OR IGNORE INTO definitions (hash, id, version, content, installed_at) VALUES (?, ?, ?, ?, ?)').run(
    def.hash,
    def.id,
    def.version,
    storedContent(def.manifest, def.parts),
    now.toISOString(),
  );
  // templates.definition keeps the template.json a database was made with (the first versions read only it).
  db.prepare('INSERT OR IGNORE INTO templates (id, version, definition, installed_at) VALUES (?, ?, ?, ?)').run(
    def.template.id,
    def.template.version,
    JSON.stringify(def.template),
    now.toISOString(),
  );
}

/** Kept for the callers of the first versions: installs the definition a template belongs to. */
export function installTemplate(db: Db, template: TemplateDefinition): void {
  installDefinition(db, definitionOf(template));
}

export function storedDefinition(db: Db, hash: string): Definition | null {
  const cached = byHash.get(hash);
  if (cached) return cached;
  const row = db.prepare('SELECT hash, content FROM definitions WHERE hash = ?').get(hash) as DefinitionRow | undefined;
  return row ? fromRow(row) : null;
}

/**
 * The definition a database of the first versions printed with: its stored template.json and, for the
 * rules, outline and annexes (which those versions read from the disk), this app's.
 */
function legacyDefinition(db: Db): Definition {
  const row = db.prepare('SELECT definition FROM templates ORDER BY version DESC LIMIT 1').get() as { definition: string } | undefined;
  // Nothing stored at all: it reads with this app's definition.
  if (!row) return currentDefinition(DEFAULT_TEMPLATE_ID, db);
  return definitionOf(parseTemplate(JSON.parse(row.definition)));
}

/**
 * Brings a writable database's definitions up to date (called when a context is made): this app's
 * definition is stored, and each year not yet bound to a definition (a database of the first versions)
 * is bound to the one it was collected under. Nothing changes a year already bound.
 */
export function ensureDefinitions(db: Db, now = new Date()): void {
  if (readOnlyNotice(db) !== null || db.readonly || !hasDefinitionsTable(db)) return;
  const hasTemplate = db.prepare('SELECT 1 FROM templates LIMIT 1').get();
  if (!hasTemplate) return;
  const current = currentDefinition(activeTemplateId(db), db);
  const unbound = db.prepare('SELECT COUNT(*) AS n FROM years WHERE definition_hash IS NULL').get() as { n: number };
  const stored = db.prepare('SELECT 1 FROM definitions WHERE hash = ?').get(current.hash);
  if (stored && unbound.n === 0) return;
  db.transaction(() => {
    if (unbound.n > 0) {
      const legacy = legacyDefinition(db);
      installDefinition(db, legacy, now);
      db.prepare('UPDATE years SET definition_hash = ? WHERE definition_hash IS NULL').run(legacy.hash);
    }
    if (!stored) installDefinition(db, current, now);
  })();
}

function activeTemplateId(db: Db): string {
  const row = db.prepare('SELECT id FROM templates ORDER BY version DESC LIMIT 1').get() as { id: string } | undefined;
  return row?.id ?? DEFAULT_TEMPLATE_ID;
}

/**
 * The definition the database works with when no year is named (new years, the unit list, the setup):
 * this app's definition, or a stored one of a higher version (a database written by a newer app).
 */
export function activeDefinition(db: Db): Definition {
  const id = activeTemplateId(db);
  const current = currentDefinition(id, db);
  if (hasDefinitionsTable(db)) {
    const newer = db
      .prepare('SELECT hash, content FROM definitions WHERE id = ? AND version > ? ORDER BY version DESC, installed_at DESC LIMIT 1')
      .get(id, current.version) as DefinitionRow | undefined;
    if (newer) return fromRow(newer);
  }
  if (!db.prepare('SELECT 1 FROM templates LIMIT 1').get())
    throw new AppError('db_no_template', 'Cơ sở dữ liệu chưa có mẫu báo cáo. Hãy tạo lại bằng lệnh "baocao121 init".');
  return current;
}

export function activeTemplate(db: Db): TemplateDefinition {
  return activeDefinition(db).template;
}

/**
 * The definition a year was collected under: the one stored with it. A year the database does not
 * hold (or a read-only database of the first versions) takes the database's active definition.
 */
export function definitionForYear(db: Db, year: number): Definition {
  if (hasDefinitionsTable(db)) {
    // The content is read only the first time a definition is met in this process.
    const bound = db.prepare('SELECT definition_hash AS h FROM years WHERE year = ?').get(year) as { h: string | null } | undefined;
    if (bound?.h) {
      const def = storedDefinition(db, bound.h);
      if (def) return def;
    }
    if (bound?.h === null) return legacyDefinition(db);
  }
  return activeDefinition(db);
}

/** Binds a year to a definition (stored first). */
export function bindYear(db: Db, year: number, def: Definition, now = new Date()): void {
  installDefinition(db, def, now);
  db.prepare('UPDATE years SET definition_hash = ? WHERE year = ?').run(def.hash, year);
}
