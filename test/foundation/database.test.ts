// The store: migrations recorded, WAL and foreign keys on, a newer database refused untouched.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, openDatabase } from '../../electron/db/database.ts';
import { initDatabase } from '../../electron/services/setup.ts';
import { tempDir } from '../helpers/fixtures.ts';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

describe('database', () => {
  it('applies the numbered migrations once and records them; WAL and foreign keys are on', () => {
    const file = path.join(dir, 'm.sqlite');
    initDatabase({ file }).db.close();
    const db = openDatabase(file);
    const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(applied).toEqual(loadMigrations().map((m) => ({ version: m.version, name: m.name })));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare('INSERT INTO submission_values (submission_id, code, value) VALUES (999, ?, 1)').run('x')).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('refuses a database written by a newer version, in Vietnamese, without changing it', () => {
    const file = path.join(dir, 'newer.sqlite');
    initDatabase({ file }).db.close();
    const raw = new Database(file);
    raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '999_future', 'x')").run();
    raw.close();
    const before = readFileSync(file);
    expect(() => openDatabase(file)).toThrow(/phiên bản mới hơn của Báo cáo 121.*Hãy cập nhật phần mềm/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('files that are not our database', () => {
  it("an empty file and another program's SQLite file are refused untouched (exit 2 in the CLI)", async () => {
    const { cli } = await import('../helpers/cli.ts');
    const { writeFileSync } = await import('node:fs');
    const empty = path.join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    const foreign = path.join(dir, 'foreign.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE units (x INTEGER); INSERT INTO units VALUES (1);');
    other.close();
    for (const f of [empty, foreign]) {
      const before = readFileSync(f);
      const r = await cli('units', '--db', f);
      expect([r.code, r.err]).toEqual([2, expect.stringMatching(/không phải cơ sở dữ liệu của Báo cáo 121/)]);
      expect(readFileSync(f).equals(before), f).toBe(true);
    }
  });
});
