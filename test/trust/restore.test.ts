// Restore cannot lose data: it goes through the service that owns the open database (the window keeps
// working, and what it does after the restore is kept when it closes); a source with a -wal beside it is
// read whole; the content it replaces is backed up first; a bad source or a busy database changes nothing.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupEntry, GridData } from '../../shared/api-types.ts';
import type { ApiResult } from '../../shared/api.ts';
import { backupDir, listBackups, restoreBackup } from '../../electron/db/backup.ts';
import { openDatabase, SCHEMA_VERSION } from '../../electron/db/database.ts';
import { inProcessHost } from '../../electron/ipc/service-host.ts';
import { restoreFromBackup } from '../../electron/services/backups.ts';
import { correctFigures } from '../../electron/services/grid-corrections.ts';
import { cli } from '../helpers/cli.ts';
import { sample, sampleDb, tempDir } from '../helpers/fixtures.ts';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('bc121-restore-')));
afterAll(() => cleanup());

const submitted = (unit: string, code: string) => sample.submissions.find((s) => s.unit === unit && s.year === 2026)!.values[code] ?? null;

/** The figure the reports use for a unit (its current version, corrections included), read from a file. */
function figure(file: string, unit: string, code: string): number | null {
  const db = new Database(file, { readonly: true });
  try {
    const row = db
      .prepare(
        `SELECT COALESCE((SELECT c.value FROM corrections c WHERE c.submission_id = s.id AND c.code = v.code ORDER BY c.id DESC LIMIT 1), v.value) AS v
         FROM submissions s JOIN units u ON u.id = s.unit_id JOIN submission_values v ON v.submission_id = s.id
         WHERE u.code = ? AND s.year = 2026 AND s.is_current = 1 AND v.code = ?`,
      )
      .get(unit, code) as { v: number | null } | undefined;
    return row?.v ?? null;
  } finally {
    db.close();
  }
}

function tableCounts(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    return tables.map((t) => `${t.name}=${(db.prepare(`SELECT COUNT(*) AS n FROM "${t.name}"`).get() as { n: number }).n}`).join(' ');
  } finally {
    db.close();
  }
}

describe('restore with the window open', () => {
  it('restores into the open database: the window keeps working, sees the backup, and keeps what it does afterwards', async () => {
    const dbFile = path.join(dir, 'window.sqlite');
    const host = inProcessHost({ ctx: sampleDb(dbFile), dbFile, dataDir: dir, desktop: false });
    const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
      const r: ApiResult = await host.call({ method, input, callId: method }, () => {});
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value as T;
    };
    const original = submitted('X03', 'pl01_bl_tre');
    const backup = await call<BackupEntry>('backupNow');
    expect(backup).toMatchObject({ kind: 'manual', label: 'Sao lưu thủ công' });
    expect((await call<BackupEntry[]>('listBackups')).map((b) => b.file)).toEqual([backup.file]);
    await call('correctFigures', { year: 2026, reason: 'sau khi sao lưu', changes: [{ unit: 'X03', code: 'pl01_bl_tre', value: 90 }] });

    const restored = await call<{ replacedBackup: string }>('restoreBackup', { file: backup.file });
    const x03 = async () => {
      const g = await call<GridData>('gridData', { year: 2026, sheet: 'PL01' });
      return g.rows.find((r) => r.unit === 'X03')!.values[g.columns.findIndex((c) => c.code === 'pl01_bl_tre')];
    };
    expect(await x03()).toBe(original);
    // What the restore replaced is a listed backup of its own kind, holding the correction.
    const list = await call<BackupEntry[]>('listBackups');
    expect(list.find((b) => b.file === restored.replacedBackup)).toMatchObject({ kind: 'before_restore' });
    expect(figure(restored.replacedBackup, 'X03', 'pl01_bl_tre')).toBe(90);

    // Work after the restore, then the window closes: nothing is lost.
    await call('correctFigures', { year: 2026, reason: 'sau khi khôi phục', changes: [{ unit: 'X03', code: 'pl01_bl_tre', value: 7 }] });
    expect(await x03()).toBe(7);
    await host.close();
    expect(figure(dbFile, 'X03', 'pl01_bl_tre')).toBe(7);
    const reopened = openDatabase(dbFile);
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(reopened.prepare("SELECT new_value FROM audit_log WHERE action = 'database.restore'").get()).toEqual({
      new_value: JSON.stringify(path.basename(backup.file)),
    });
    reopened.close();
  });

  it('the window restores only a backup from its list', async () => {
    const dbFile = path.join(dir, 'listed.sqlite');
    const host = inProcessHost({ ctx: sampleDb(dbFile), dbFile, dataDir: dir, desktop: false });
    const other = path.join(dir, 'other.sqlite');
    sampleDb(other).db.close();
    const r = await host.call({ method: 'restoreBackup', input: { file: other }, callId: '1' }, () => {});
    expect(r).toMatchObject({ ok: false, error: { code: 'no_backup', message: expect.stringMatching(/không có trong danh sách bản sao lưu/) } });
    await host.close();
  });
});

describe('what restore reads and refuses', () => {
  it('a source with a -wal beside it is read whole (its last changes are in the -wal only)', async () => {
    const src = path.join(dir, 'wal-source.sqlite');
    const s = sampleDb(src);
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    s.db.pragma('wal_autocheckpoint = 0');
    correctFigures(s, 2026, 'chỉ có trong -wal', [{ unit: 'X05', code: 'pl01_bl_tre', value: 55 }]);
    // The files as a user copies them while the app runs: the main file does not hold the correction yet.
    const copy = path.join(dir, 'copied-with-wal.sqlite');
    copyFileSync(src, copy);
    copyFileSync(`${src}-wal`, `${copy}-wal`);
    s.db.close();
    const mainOnly = path.join(dir, 'main-only.sqlite');
    copyFileSync(copy, mainOnly);
    expect(figure(mainOnly, 'X05', 'pl01_bl_tre')).toBe(submitted('X05', 'pl01_bl_tre'));

    const target = sampleDb(path.join(dir, 'wal-target.sqlite'));
    await restoreFromBackup(target, copy);
    expect(figure(target.db.name, 'X05', 'pl01_bl_tre')).toBe(55);
    target.db.close();
  });

  it('a damaged or foreign source changes nothing and says why', async () => {
    const file = path.join(dir, 'keep.sqlite');
    const ctx = sampleDb(file);
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = tableCounts(file);
    const torn = path.join(dir, 'torn.sqlite');
    const whole = readFileSync(file);
    writeFileSync(torn, whole.subarray(0, whole.length >> 1));
    const junk = path.join(dir, 'junk.sqlite');
    writeFileSync(junk, 'không phải sqlite');
    for (const bad of [torn, junk, path.join(dir, 'no-such.sqlite')]) {
      const err = (await restoreFromBackup(ctx, bad).catch((e: Error) => e)) as Error & { code: string };
      expect(['bad_backup', 'no_backup'], bad).toContain(err.code);
      expect(err.message).toMatch(/bị hỏng|không phải bản sao lưu|Không tìm thấy/);
    }
    expect(tableCounts(file)).toBe(before);
    expect(listBackups(file)).toEqual([]); // nothing replaced, so nothing backed up
    expect(readdirSync(backupDir(file)).filter((f) => f.startsWith('.'))).toEqual([]);
    ctx.db.close();
  });

  it('another process writing to the database: the restore is refused in Vietnamese and nothing changes', async () => {
    const file = path.join(dir, 'busy.sqlite');
    const ctx = sampleDb(file);
    const source = path.join(dir, 'busy-source.sqlite');
    sampleDb(source).db.close();
    correctFigures(ctx, 2026, 'trước', [{ unit: 'X03', code: 'pl01_bl_tre', value: 33 }]);
    const other = new Database(file);
    other.exec("BEGIN IMMEDIATE; INSERT INTO audit_log (at, user, action, entity) VALUES ('x', 'khác', 'x', 'x')");
    const err = (await restoreFromBackup(ctx, source, { busyMs: 100 }).catch((e: Error) => e)) as Error & { code: string };
    expect(err.code).toBe('db_busy');
    expect(err.message).toMatch(/đang ghi vào cơ sở dữ liệu .*thử lại; dữ liệu đang dùng không bị thay đổi/);
    other.exec('ROLLBACK');
    other.close();
    expect(figure(file, 'X03', 'pl01_bl_tre')).toBe(33);
    ctx.db.close();
  });

  it('the command line restores over a database that no longer opens, keeping the damaged file aside', async () => {
    const file = path.join(dir, 'damaged.sqlite');
    const ctx = sampleDb(file);
    const b = await cli('backup', '--db', file);
    expect(b.code).toBe(0);
    ctx.db.close();
    const backup = listBackups(file)[0]!.file;
    writeFileSync(file, 'hỏng hoàn toàn');
    const r = await restoreBackup(file, backup, SCHEMA_VERSION);
    expect(r.replacedBackup && readFileSync(r.replacedBackup, 'utf8')).toBe('hỏng hoàn toàn');
    expect(figure(file, 'X03', 'pl01_bl_tre')).toBe(submitted('X03', 'pl01_bl_tre'));
    expect(existsSync(file)).toBe(true);
    expect(listBackups(file).map((x) => x.file)).toEqual([backup]); // the damaged file is not offered as a backup
  });
});
