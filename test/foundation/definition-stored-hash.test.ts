// Opening a database compares this app's definition (templates/<id>/ on disk) with the ones it stores.
// When a stored copy's content is exactly the folder's, its hash is taken instead of computed: the
// definition must come out the same as when hashed, and a file changed on disk — even without a new
// version — must still be noticed (a new definition, stored beside the old one).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openContext } from '../../electron/store/context.ts';
import { activeDefinition, canonicalJson, currentDefinition, readDefinitionFolder, TEMPLATES_DIR, useTemplatesDir } from '../../electron/template-store.ts';
import { sampleDb, tempDir } from '../helpers/fixtures.ts';

/** sha256 of the canonical JSON of every file the folder lists, read here from the disk. */
function hashOfFolder(dir: string): string {
  const read = (rel: string): unknown => JSON.parse(readFileSync(path.join(dir, rel), 'utf8'));
  const manifest = read('manifest.json') as { parts: { path: string }[] };
  const parts: Record<string, unknown> = {};
  for (const p of manifest.parts) {
    if (p.path === 'annexes/*.json') for (const f of ['pl01', 'pl02', 'pl03', 'pl04']) parts[`annexes/${f}.json`] = read(`annexes/${f}.json`);
    else if (p.path !== 'prompts.json') parts[p.path] = read(p.path);
  }
  return createHash('sha256').update(canonicalJson({ manifest, parts })).digest('hex');
}

describe("a stored copy of this app's definition spares hashing it, and only when it is the same", () => {
  const tmp = tempDir('bc121-stored-hash-');
  const templates = path.join(tmp.dir, 'templates');
  const folder = path.join(templates, 'nq121');
  const file = path.join(tmp.dir, 'db.sqlite');
  const builtin = TEMPLATES_DIR;
  cpSync(builtin, templates, { recursive: true });
  afterAll(() => {
    useTemplatesDir();
    tmp.cleanup();
  });

  it('the same folder gives the stored hash, which is the hash of its files', () => {
    useTemplatesDir(templates);
    sampleDb(file).db.close();
    useTemplatesDir(templates); // forget what was read: the next opening reads the folder again
    const ctx = openContext(file);
    try {
      const def = currentDefinition();
      expect(def.hash).toBe(hashOfFolder(folder));
      expect(def.hash).toBe(readDefinitionFolder(folder).hash);
      const stored = ctx.db.prepare('SELECT hash FROM definitions').all() as { hash: string }[];
      expect(stored.map((r) => r.hash)).toEqual([def.hash]);
    } finally {
      ctx.db.close();
    }
  });

  it('a file changed on disk, version unchanged, is a new definition', () => {
    const before = hashOfFolder(folder);
    const rules = path.join(folder, 'rules.json');
    writeFileSync(rules, readFileSync(rules, 'utf8').replace('"message": "{unit}', '"message": "(sửa) {unit}'));
    const after = hashOfFolder(folder);
    expect(after).not.toBe(before);
    useTemplatesDir(templates);
    const ctx = openContext(file);
    try {
      expect(currentDefinition().hash).toBe(after);
      const stored = ctx.db.prepare('SELECT hash FROM definitions ORDER BY installed_at, hash').all() as { hash: string }[];
      expect(stored.map((r) => r.hash).sort()).toEqual([before, after].sort());
      const content = ctx.db.prepare('SELECT content FROM definitions WHERE hash = ?').get(after) as { content: string };
      expect(content.content).toContain('(sửa) {unit}');
    } finally {
      ctx.db.close();
    }
  });

  it('a hash taken from one database is not carried to another: a damaged row leaves the next database sound', () => {
    const real = hashOfFolder(folder);
    const a = path.join(tmp.dir, 'a.sqlite');
    const b = path.join(tmp.dir, 'b.sqlite');
    useTemplatesDir(templates);
    sampleDb(a).db.close();
    sampleDb(b).db.close();
    // Database a's copy of this very content under a wrong hash (edited by hand, or damaged).
    const raw = new Database(a);
    raw.pragma('foreign_keys = OFF');
    raw.prepare("UPDATE definitions SET hash = 'deadbeef' WHERE hash = ?").run(real);
    raw.prepare("UPDATE years SET definition_hash = 'deadbeef' WHERE definition_hash = ?").run(real);
    raw.close();
    useTemplatesDir(templates); // one process, nothing read yet: a first, then b
    const ctxA = openContext(a);
    ctxA.db.close();
    const ctxB = openContext(b);
    try {
      expect(currentDefinition(undefined, ctxB.db).hash).toBe(real);
      expect(activeDefinition(ctxB.db).hash).toBe(real);
      expect(currentDefinition().hash).toBe(real);
      const stored = ctxB.db.prepare('SELECT hash FROM definitions').all() as { hash: string }[];
      expect(stored.map((r) => r.hash)).toEqual([real]);
    } finally {
      ctxB.db.close();
    }
  });
});
