// A database on a read-only path (a read-only folder and file, as on a write-protected USB stick) opens
// read-only with a Vietnamese notice: reading commands work (validate, units, trace, history, audit,
// generate into a writable folder), writing ones are refused with the reason, and not a byte of the
// database changes. Run as an unprivileged user: root writes anywhere.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctFigures } from '../../electron/services/grid-corrections.ts';
import { sampleDb, tempDir } from '../helpers/fixtures.ts';
import { filledWorkbookFile } from '../helpers/workbooks.ts';

interface Answer {
  argv: string[];
  code: number;
  out: string;
  err: string;
}

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('bc121-ro-')));
afterAll(() => {
  for (const d of ['ro', 'ro-wal']) if (existsSync(path.join(dir, d))) chmodSync(path.join(dir, d), 0o755);
  cleanup();
});

const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

function run(commands: string[][]): Answer[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.resolve('test/trust/read-only-child.ts'), JSON.stringify(commands)], {
    ...asUser,
    encoding: 'utf8',
    cwd: process.cwd(),
  });
  return JSON.parse(out) as Answer[];
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function lockDown(folder: string): void {
  for (const f of readdirSync(folder)) chmodSync(path.join(folder, f), 0o444);
  chmodSync(folder, 0o555);
}

describe('a database on a read-only path', () => {
  it('opens read-only: reading commands work, writing ones are refused with the reason, nothing changes', async () => {
    chmodSync(dir, 0o755);
    const ro = path.join(dir, 'ro');
    mkdirSync(ro);
    const db = path.join(ro, 'baocao121.sqlite');
    const ctx = sampleDb(db);
    const workbook = await filledWorkbookFile(ctx, dir, 'X01', 2026, { values: { pl01_bl_tre: 1 } }, undefined, 'x01.xlsx');
    ctx.db.close();
    lockDown(ro);
    const before = sha(db);
    const out = path.join(dir, 'ket-qua');
    mkdirSync(out, { mode: 0o777 });
    chmodSync(out, 0o777);
    const answers = run([
      ['validate', '--db', db, '--year', '2026', '--json'],
      ['units', '--db', db, '--json'],
      ['trace', '--db', db, '--year', '2026', '--annex', 'PL01', '--sheet', 'PL01_DIA_BAN', '--cell', 'D10', '--json'],
      ['history', '--db', db, '--unit', 'X03', '--year', '2026', '--json'],
      ['audit', '--db', db, '--json'],
      ['generate', '--db', db, '--year', '2026', '--out', out, '--json'],
      ['import', '--db', db, workbook],
      ['correct', '--db', db, '--unit', 'X03', '--year', '2026', '--code', 'pl01_bl_tre', '--value', '9', '--reason', 'thử'],
      ['lock', '--db', db, '--year', '2026'],
      ['backup', '--db', db],
    ]);
    const [validate, units, trace, history, auditLog, generate, ...writes] = answers;
    for (const a of [validate, units, trace, history, auditLog, generate]) {
      expect(a!.code, `${a!.argv[0]}: ${a!.err}`).toBe(0);
      expect(a!.err).toMatch(/chỉ cho phép đọc.*đã mở ở chế độ chỉ đọc/);
      expect(a!.err).not.toMatch(/hỏng/);
    }
    expect(JSON.parse(validate!.out)).toMatchObject({ errors: 0 });
    expect((JSON.parse(units!.out) as unknown[]).length).toBeGreaterThan(20);
    expect(JSON.parse(trace!.out)).toMatchObject({ annex: 'PL01' });
    expect((JSON.parse(history!.out) as unknown[]).length).toBeGreaterThan(0);
    expect((JSON.parse(generate!.out) as { files: string[] }).files).toHaveLength(5);
    for (const w of writes) {
      expect(w.code, w.argv[0]).not.toBe(0);
      expect(
        w.err.split('\n').find((l) => l.startsWith('Lỗi:')),
        w.argv[0],
      ).toMatch(/đang mở ở chế độ chỉ đọc .*Hãy chép tệp vào một thư mục có quyền ghi/);
      expect(w.err, w.argv[0]).not.toMatch(/không mong đợi|at .*\.ts:\d+/);
    }
    expect(sha(db)).toBe(before);
    expect(readdirSync(ro)).toEqual(['baocao121.sqlite']);
  }, 60_000);

  it('a -wal left beside it (the app was not closed cleanly) is read too', async () => {
    const ro = path.join(dir, 'ro-wal');
    mkdirSync(ro);
    const live = path.join(dir, 'live.sqlite');
    const ctx = sampleDb(live);
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    ctx.db.pragma('wal_autocheckpoint = 0');
    correctFigures(ctx, 2026, 'chỉ trong -wal', [{ unit: 'X03', code: 'pl01_bl_tre', value: 77 }]);
    const db = path.join(ro, 'baocao121.sqlite');
    copyFileSync(live, db);
    copyFileSync(`${live}-wal`, `${db}-wal`);
    ctx.db.close();
    lockDown(ro);
    const [exported] = run([['export', '--db', db, '--year', '2026']]);
    expect(exported!.code, exported!.err).toBe(0);
    const json = JSON.parse(exported!.out) as { submissions: { unit: string; corrections: { value: number }[] }[] };
    expect(json.submissions.find((s) => s.unit === 'X03')!.corrections.map((c) => c.value)).toEqual([77]);
  }, 60_000);
});
