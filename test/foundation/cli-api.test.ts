// The CLI as a thin shell over the typed API: every command (but init and demo, which make the database)
// calls exactly one method of shared/api.ts through the handler table; the methods that were the CLI's
// alone (backups, restore, the audit log, versions, the province file) answer through the API too.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../shared/api.ts';
import type { AuditRecord, BackupEntry, ProvinceExportResult, VersionDiffRow } from '../../shared/api-types.ts';
import type { SubmissionSummary } from '../../shared/types.ts';
import { dispatch, type HandlerEnv } from '../../electron/ipc/handlers.ts';
import { openContext } from '../../electron/store/context.ts';
import { cli } from '../helpers/cli.ts';
import { emptySampleDb, sampleDb, tempDir } from '../helpers/fixtures.ts';
import { filledWorkbookFile } from '../helpers/workbooks.ts';

const calls: string[] = [];
vi.mock('../../electron/ipc/service-host.ts', async (original) => {
  const real = await original<typeof import('../../electron/ipc/service-host.ts')>();
  return {
    ...real,
    inProcessHost: (env: HandlerEnv) => {
      const host = real.inProcessHost(env);
      return {
        ...host,
        call: (request: Parameters<typeof host.call>[0], onProgress: Parameters<typeof host.call>[1]) => (
          calls.push(request.method),
          host.call(request, onProgress)
        ),
      };
    },
  };
});

let dir: string;
let cleanup: () => void;
let db: string;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  db = path.join(dir, 'season.sqlite');
  const ctx = emptySampleDb(db);
  await filledWorkbookFile(ctx, dir, 'X03', 2026, { values: { pl01_bl_tre: 3, pl01_bl_vu: 2 } }, undefined, 'v1.xlsx');
  await filledWorkbookFile(ctx, dir, 'X03', 2026, { values: { pl01_bl_tre: 4, pl01_bl_vu: 2 } }, undefined, 'v2.xlsx');
  ctx.db.close();
});
afterAll(() => cleanup());

async function methodsOf(...argv: string[]): Promise<string[]> {
  calls.length = 0;
  const r = await cli(...argv);
  expect(r.code, `${argv.join(' ')}\n${r.err}`).toBe(0);
  return [...calls];
}

describe('one command, one API method', () => {
  it('maps each command to its method', async () => {
    const d = ['--db', db];
    const forms = path.join(dir, 'forms');
    const expected: [string[], string][] = [
      [['units', ...d], 'listUnits'],
      [['settings', ...d], 'getSettings'],
      [['settings', ...d, '--set', 'signer_name=Trần Thị B'], 'setSettings'],
      [['template', ...d, '--year', '2026', '--out', forms, '--unit', 'X01'], 'writeBlankWorkbooks'],
      // Two versions of one unit-year come in two batches (in one batch, neither would be taken).
      [['import', ...d, path.join(dir, 'v1.xlsx')], 'importFiles'],
      [['import', ...d, path.join(dir, 'v2.xlsx')], 'importFiles'],
      [['history', ...d, '--unit', 'X03', '--year', '2026'], 'unitHistory'],
      [['history', ...d, '--unit', 'X03', '--year', '2026', '--diff', '1:2'], 'diffVersions'],
      [['history', ...d, '--unit', 'X03', '--year', '2026', '--current', '1', '--reason', 'Bản 2 gửi nhầm'], 'chooseCurrentVersion'],
      [['validate', ...d, '--year', '2026'], 'validateYear'],
      [['correct', ...d, '--unit', 'X03', '--year', '2026', '--code', 'pl01_bl_tre', '--value', '5', '--reason', 'Xã gọi điện'], 'correctFigures'],
      [['trace', ...d, '--year', '2026', '--annex', 'PL01', '--cell', 'D10'], 'traceAnnexCell'],
      [['export', ...d, '--year', '2026', '--out', path.join(dir, 'tinh.json')], 'exportYear'],
      [['lock', ...d, '--year', '2026', '--reason', 'Đã rà soát'], 'setYearLocked'],
      [['unlock', ...d, '--year', '2026', '--reason', 'Mở lại'], 'setYearLocked'],
      [['audit', ...d], 'auditLog'],
      [['audit', ...d, '--out', path.join(dir, 'nhat-ky.csv')], 'exportAuditCsv'],
      [['backup', ...d], 'backupNow'],
      [['backups', ...d], 'listBackups'],
      [['generate', ...d, '--year', '2026', '--out', path.join(dir, 'out'), '--force'], 'generateAll'],
    ];
    for (const [argv, method] of expected) expect(await methodsOf(...argv), argv.join(' ')).toEqual([method]);

    const audit = async (...f: string[]) => (JSON.parse((await cli('audit', ...d, ...f, '--json')).out) as AuditRecord[]).length;
    const total = await audit();
    expect(total).toBeGreaterThan(5);
    expect([
      await audit('--since', '01/01/2000'),
      await audit('--since', '2999-01-01'),
      await audit('--until', '31/12/1999'),
      await audit('--action', 'year'),
    ]).toEqual([total, 0, 0, 2]);
    expect((await cli('audit', ...d, '--since', 'hôm qua')).code).toBe(2);

    const db2 = path.join(dir, 'b.sqlite');
    await cli('init', '--db', db2);
    expect(await methodsOf('import-json', '--db', db2, path.join(dir, 'tinh.json'))).toEqual(['importProvinceFile']);
    const [backup] = JSON.parse((await cli('backups', '--db', db, '--json')).out) as BackupEntry[];
    expect(await methodsOf('restore', '--db', db, '--from', backup!.file)).toEqual(['restoreBackup']);
  });
});

describe('the methods that were the CLI’s alone', () => {
  it('versions, the diff, choosing one; the audit log with filters and its CSV; the province file; backups', async () => {
    const file = path.join(dir, 'api.sqlite');
    const ctx = emptySampleDb(file);
    await filledWorkbookFile(ctx, dir, 'X03', 2026, { values: { pl01_bl_tre: 3, pl01_bl_vu: 2 } }, undefined, 'w1.xlsx');
    await filledWorkbookFile(ctx, dir, 'X03', 2026, { values: { pl01_bl_tre: 7, pl01_bl_vu: 2 } }, undefined, 'w2.xlsx');
    const env: HandlerEnv = { ctx, dbFile: file, dataDir: dir, desktop: false };
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const r = (await dispatch(env, method, input)) as ApiResult<T>;
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
      return r.value;
    };
    try {
      await call('importFiles', { paths: [path.join(dir, 'w1.xlsx')], receivedAt: '2026-11-20T00:00:00+07:00' });
      await call('importFiles', { paths: [path.join(dir, 'w2.xlsx')] });
      const versions = await call<SubmissionSummary[]>('unitHistory', { year: 2026, unit: 'X03' });
      expect(versions.map((v) => [v.version, v.isCurrent, v.fileName])).toEqual([
        [1, false, 'w1.xlsx'],
        [2, true, 'w2.xlsx'],
      ]);
      expect(versions[0]!.receivedAt).toBe('2026-11-20T00:00:00+07:00');
      const diff = await call<VersionDiffRow[]>('diffVersions', { year: 2026, unit: 'X03', from: 1, to: 2 });
      expect(diff).toEqual([expect.objectContaining({ kind: 'value', code: 'pl01_bl_tre', before: 3, after: 7 })]);
      expect(await dispatch(env, 'chooseCurrentVersion', { year: 2026, unit: 'X03', version: 1, reason: ' ' })).toMatchObject({
        ok: false,
        error: { code: 'bad_input' },
      });
      expect(await call<SubmissionSummary>('chooseCurrentVersion', { year: 2026, unit: 'X03', version: 1, reason: 'Bản 2 gửi nhầm' })).toMatchObject({
        version: 1,
        isCurrent: true,
      });

      const all = await call<AuditRecord[]>('auditLog', {});
      const chosen = await call<AuditRecord[]>('auditLog', { action: 'submission.choose_current' });
      expect(chosen.map((r) => r.reason)).toEqual(['Bản 2 gửi nhầm']);
      const family = await call<AuditRecord[]>('auditLog', { action: 'submission' });
      expect(family.map((r) => r.action).sort()).toEqual(
        all
          .filter((r) => r.action.startsWith('submission.'))
          .map((r) => r.action)
          .sort(),
      );
      expect(family.length).toBe(3);
      expect(await call<AuditRecord[]>('auditLog', { since: '2999-01-01T00:00:00Z' })).toEqual([]);
      expect(await call<AuditRecord[]>('auditLog', { until: all.at(-1)!.at })).toEqual([]);
      expect(await call<AuditRecord[]>('auditLog', { limit: 2 })).toEqual(all.slice(0, 2));
      // The same moment written in Vietnam's offset: the newest record is still "since" it.
      const newest = new Date(all[0]!.at);
      const inVietnam = new Date(newest.getTime() + 7 * 3_600_000).toISOString().replace('Z', '+07:00');
      expect((await call<AuditRecord[]>('auditLog', { since: inVietnam })).map((r) => r.id)).toEqual(all.filter((r) => r.at >= all[0]!.at).map((r) => r.id));
      expect(await call<AuditRecord[]>('auditLog', { until: inVietnam })).not.toContainEqual(all[0]);
      const csv = path.join(dir, 'chon.csv');
      expect(await call('exportAuditCsv', { action: 'submission.choose_current', file: csv })).toEqual({ file: csv, rows: 1 });
      expect(readFileSync(csv, 'utf8').trim().split('\r\n')).toHaveLength(2);

      const exported = await call<ProvinceExportResult>('exportYear', { year: 2026 });
      expect(exported.file).toBeNull();
      const json = path.join(dir, 'api.json');
      writeFileSync(json, JSON.stringify(exported.data));
      const other = path.join(dir, 'other.sqlite');
      sampleDb(other).db.close();
      const otherCtx = openContext(other);
      try {
        const r = await dispatch({ ctx: otherCtx, dbFile: other, dataDir: dir, desktop: false }, 'importProvinceFile', { file: json });
        expect(r).toMatchObject({ ok: true, value: { file: 'api.json', submissions: 1 } });
        expect(
          await dispatch({ ctx: otherCtx, dbFile: other, dataDir: dir, desktop: false }, 'importProvinceFile', { file: path.join(dir, 'khong-co.json') }),
        ).toMatchObject({ ok: false, error: { code: 'not_found' } });
      } finally {
        otherCtx.db.close();
      }

      const { file: backup } = await call<{ file: string }>('backupNow', {});
      expect((await call<BackupEntry[]>('listBackups', {})).map((b) => b.file)).toContain(backup);
    } finally {
      ctx.db.close();
    }
  });
});
