// The typed API end to end without a window: every method of shared/api.ts has its handler, calls are
// checked before they run, and the loopback bridge serves them (JSON, progress as server-sent events)
// on 127.0.0.1 only, to the holder of the launch's token, refusing other hosts and origins, other methods,
// malformed URLs, paths outside the window's files and call paths that are not ordinary files or folders.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiContract, apiMethods, parseApiCall, type ApiProgressEvent, type ApiResult } from '../../shared/api.ts';
import { startBridge, type RunningBridge } from '../../electron/bridge/http-bridge.ts';
import { pathProblem } from '../../electron/bridge/path-policy.ts';
import { dispatch, handlers, type HandlerEnv } from '../../electron/ipc/handlers.ts';
import { inProcessHost } from '../../electron/ipc/service-host.ts';
import { sampleDb, tempDir } from '../helpers/fixtures.ts';

let dir: string;
let cleanup: () => void;
let env: HandlerEnv;
let bridge: RunningBridge;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  const dbFile = path.join(dir, 'a.sqlite');
  env = { ctx: sampleDb(dbFile), dbFile, dataDir: dir, desktop: false };
  const staticDir = path.join(dir, 'www');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Báo cáo 121</title>');
  writeFileSync(path.join(dir, 'secret.txt'), 'không được đọc');
  bridge = await startBridge({ host: inProcessHost(env), staticDir, port: 0, dbFile });
});
afterAll(async () => {
  await bridge.close();
  env.ctx.db.close();
  cleanup();
});

function request(options: {
  method?: string;
  path: string;
  host?: string;
  body?: string;
  contentType?: string;
  /** The launch's token by default; null sends none. */
  token?: string | null;
  origin?: string;
}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const token = options.token === undefined ? bridge.token : options.token;
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { host: options.host ?? `127.0.0.1:${bridge.port}` };
    if (options.contentType) headers['content-type'] = options.contentType;
    if (token !== null) headers['x-baocao121-token'] = token;
    if (options.origin) headers.origin = options.origin;
    const req = http.request({ host: '127.0.0.1', port: bridge.port, method: options.method ?? 'GET', path: options.path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const post = async (method: string, input: unknown, callId = '') =>
  JSON.parse(
    (await request({ method: 'POST', path: `/api/${method}`, body: JSON.stringify({ input, callId }), contentType: 'application/json' })).body,
  ) as ApiResult;

/** A request written by hand on a socket: what a browser or a program could send that http.request would not. */
function rawRequest(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(bridge.port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => (answer += c));
    socket.on('end', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('the handler table', () => {
  it('implements every method of the contract, and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual([...apiMethods].sort());
  });
  it('checks the method name and the input before anything runs, in Vietnamese', () => {
    expect(parseApiCall('dropDatabase', {})).toEqual({ ok: false, error: { code: 'unknown_method', message: 'Không có chức năng "dropDatabase".' } });
    const bad = parseApiCall('gridData', { year: 'năm nay', sheet: 'PL01' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatchObject({
      code: 'bad_input',
      message: expect.stringMatching(/^Chưa thực hiện được: .*Hãy kiểm tra lại các ô vừa điền rồi thử lại\.$/),
    });
    expect(!bad.ok && bad.error.message).not.toContain('year');
    expect(parseApiCall('correctFigures', { year: 2026, reason: ' ', changes: [{ unit: 'X01', code: 'pl01_bl_vu', value: 1 }] })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('hãy ghi lý do') },
    });
  });
  it('returns a service error as its code and message, never throws', async () => {
    expect(await dispatch(env, 'renameUnit', { code: 'KHONG_CO', name: 'X' })).toEqual({
      ok: false,
      error: { code: 'unknown_unit', message: 'Không có đơn vị mã "KHONG_CO".' },
    });
    const info = await dispatch(env, 'getAppInfo', {});
    expect(info).toMatchObject({ ok: true, value: { agency: 'Sở Y tế tỉnh An Lạc', reportingYear: 2026, years: [2023, 2024, 2025, 2026], desktop: false } });
  });
  it('adds a unit named only: its code is made from its name, a second of the same name gets the next free one', async () => {
    // A database of its own: the bridge's tests below count the sample's units.
    const own: HandlerEnv = { ...env, ctx: sampleDb(path.join(dir, 'add-unit.sqlite')) };
    try {
      const first = await dispatch(own, 'addUnit', { name: 'Xã Hòa Phú', kind: 'dia_phuong', parent: 'TINH' });
      const second = await dispatch(own, 'addUnit', { code: '  ', name: 'Xã Hòa Phú', kind: 'dia_phuong', parent: 'TINH' });
      expect(first).toMatchObject({ ok: true, value: { code: 'X_HOAPHU', name: 'Xã Hòa Phú' } });
      expect(second).toMatchObject({ ok: true, value: { code: 'X_HOAPHU_2', name: 'Xã Hòa Phú' } });
    } finally {
      own.ctx.db.close();
    }
  });
});

describe('the loopback bridge', () => {
  it('listens on 127.0.0.1 and answers typed calls with JSON', async () => {
    expect(bridge.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(bridge.url).toBe(`${bridge.origin}/#token=${bridge.token}`);
    expect(bridge.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const status = await post('yearStatus', { year: 2026 });
    expect(status).toMatchObject({ ok: true, value: { expected: 25, reported: 23, errors: 0, warnings: 8 } });
    expect(await post('gridData', { year: 'x', sheet: 'PL01' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });
  it('refuses another Host (DNS rebinding), GET on the API, and non-JSON posts', async () => {
    expect((await request({ path: '/', host: 'evil.example:80' })).status).toBe(403);
    expect((await request({ path: '/api/getSettings' })).status).toBe(405);
    expect((await request({ method: 'POST', path: '/api/getSettings', body: 'input=1', contentType: 'application/x-www-form-urlencoded' })).status).toBe(405);
  });
  it('serves the window with its content security policy, and nothing outside its folder', async () => {
    const page = await request({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Báo cáo 121');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    for (const p of ['/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt']) {
      const escape = await request({ path: p });
      expect([403, 404], p).toContain(escape.status);
      expect(escape.body).not.toContain('không được đọc');
    }
    expect((await request({ path: '/..%2fsecret.txt' })).status).toBe(403);
  });
  it('answers malformed paths with 400 and keeps serving (a web page could send them)', async () => {
    for (const p of ['/%E0%A4%A', '/a%00b', '/%']) expect((await request({ path: p })).status, p).toBe(400);
    expect((await request({ path: '/' })).status).toBe(200);
  });
  it('streams the progress of long work while it runs, with a count', async () => {
    const events: ApiProgressEvent[] = [];
    const stream = await new Promise<http.ClientRequest>((resolve) => {
      const req = http.get(
        { host: '127.0.0.1', port: bridge.port, path: `/api/events?t=${bridge.token}`, headers: { host: `127.0.0.1:${bridge.port}` } },
        (res) => {
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            for (let at = buffer.indexOf('\n\n'); at >= 0; at = buffer.indexOf('\n\n')) {
              const line = buffer.slice(0, at);
              buffer = buffer.slice(at + 2);
              if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)) as ApiProgressEvent);
            }
          });
          resolve(req);
        },
      );
    });
    const outDir = path.join(dir, 'bieu-mau');
    const result = await post('writeBlankWorkbooks', { year: 2026, outDir }, 'call-1');
    await new Promise((r) => setTimeout(r, 50));
    stream.destroy();
    expect(result).toMatchObject({ ok: true, value: { outDir } });
    expect(readdirSync(outDir)).toHaveLength(25);
    const mine = events.filter((e) => e.callId === 'call-1');
    expect(mine.length).toBeGreaterThan(1);
    expect(mine.at(-1)).toMatchObject({ done: 25, total: 25 });
    expect(mine.every((e, i) => i === 0 || e.done >= mine[i - 1]!.done)).toBe(true);
  });
});

describe('the bridge’s guards', () => {
  it('wants the launch’s token on every call and on the event stream', async () => {
    const call = { method: 'POST', path: '/api/getSettings', body: '{}', contentType: 'application/json' };
    for (const token of [null, '', 'x'.repeat(43), bridge.token.slice(0, -1)]) {
      const r = await request({ ...call, token });
      expect(r.status, String(token)).toBe(403);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/mã phiên/) } });
    }
    expect((await request(call)).status).toBe(200);
    expect((await request({ path: '/api/events', token: null })).status).toBe(403);
    expect((await request({ path: '/api/events?t=sai', token: null })).status).toBe(403);
    // The page itself holds no data: it is served without the token (which it reads from the address).
    expect((await request({ path: '/', token: null })).status).toBe(200);
    const other = await startBridge({ host: inProcessHost(env), staticDir: null, port: 0, dbFile: env.dbFile });
    try {
      expect(other.token).not.toBe(bridge.token); // a new token at each launch
    } finally {
      await other.close();
    }
  });

  it('refuses pages of other origins, even with the token', async () => {
    const call = { method: 'POST', path: '/api/getSettings', body: '{}', contentType: 'application/json' };
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${bridge.port + 1}`, 'https://127.0.0.1']) {
      expect((await request({ ...call, origin })).status, origin).toBe(403);
    }
    expect((await request({ ...call, origin: bridge.origin })).status).toBe(200);
    expect((await request({ ...call, origin: `http://localhost:${bridge.port}` })).status).toBe(200);
  });

  it('answers malformed URLs 400 and keeps serving: //x:y, absolute forms, garbage', async () => {
    for (const p of ['//x:y', '//evil.example/api/getSettings', '//']) {
      expect((await request({ path: p })).status, p).not.toBe(200);
    }
    expect((await request({ path: '//x:y' })).status).toBe(400);
    expect(await rawRequest(`GET //x:y HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/);
    expect(await rawRequest(`GET http://x:y/ HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/);
    expect(await rawRequest('NOT HTTP AT ALL\r\n\r\n')).toMatch(/^(HTTP\/1\.1 400|)/);
    expect((await request({ path: '/' })).status).toBe(200);
    expect(await post('yearStatus', { year: 2026 })).toMatchObject({ ok: true });
  });

  it('takes only full paths of ordinary files and folders, never the database', async () => {
    const fifo = path.join(dir, 'ong.xlsx');
    execFileSync('mkfifo', [fifo]);
    const toZero = path.join(dir, 'zero.xlsx');
    symlinkSync('/dev/zero', toZero);
    const aFile = path.join(dir, 'a.json');
    writeFileSync(aFile, '{}');
    const refused: [string, unknown, RegExp][] = [
      ['importFiles', { paths: ['bieu-mau'] }, /không phải là đường dẫn đầy đủ/],
      ['importFiles', { paths: [dir, '/dev/zero'] }, /thiết bị/],
      ['importFiles', { paths: [fifo] }, /thiết bị hoặc tệp đặc biệt/],
      ['importFiles', { paths: [toZero] }, /thiết bị hoặc tệp đặc biệt/],
      ['importUnitList', { file: dir }, /là một thư mục/],
      ['writeBlankWorkbooks', { year: 2026, outDir: aFile }, /là một tệp/],
      ['generateAll', { year: 2026, outDir: '/proc/self' }, /thiết bị/],
      ['exportYear', { year: 2026, file: env.dbFile }, /cơ sở dữ liệu đang dùng/],
      ['exportYear', { year: 2026, file: `${env.dbFile}-wal` }, /cơ sở dữ liệu đang dùng/],
      ['exportAuditCsv', { file: '/dev/null' }, /thiết bị/],
      ['restoreBackup', { file: 'ban-sao.sqlite' }, /đường dẫn đầy đủ/],
      ['importProvinceFile', { file: fifo }, /tệp đặc biệt/],
    ];
    for (const [method, input, message] of refused) {
      expect(await post(method, input), method).toEqual({ ok: false, error: { code: 'bad_path', message: expect.stringMatching(message) } });
    }
    // A full path that does not exist goes on: the service says the file is missing, in its own words.
    const missing = await post('importFiles', { paths: [path.join(dir, 'khong-co.xlsx')] });
    expect(missing).toMatchObject({ ok: true, value: [{ status: 'rejected' }] });
    expect(await post('exportYear', { year: 2026, file: path.join(dir, 'tinh.json') })).toMatchObject({ ok: true });
  });

  it('knows Windows paths: drives and shares are full paths; devices and reserved names are not', () => {
    const win = (p: string, use: 'read-file' | 'write-folder' = 'read-file') =>
      pathProblem(p, use, { dbFile: 'C:\\Du lieu\\baocao121.sqlite', platform: 'win32' })?.message ?? null;
    expect(win('D:\\BaoCao\\2026\\X01.xlsx')).toBeNull();
    expect(win('\\\\may-chu\\chia-se\\X01.xlsx')).toBeNull();
    expect(win('BaoCao\\X01.xlsx')).toMatch(/đường dẫn đầy đủ/);
    expect(win('\\BaoCao\\X01.xlsx')).toMatch(/đường dẫn đầy đủ/);
    expect(win('C:BaoCao')).toMatch(/đường dẫn đầy đủ/);
    for (const device of ['\\\\.\\PhysicalDrive0', '\\\\?\\C:\\x.xlsx', 'C:\\BaoCao\\CON', 'C:\\BaoCao\\nul.xlsx', 'D:\\com1\\a.xlsx', 'D:\\LPT9.txt']) {
      expect(win(device), device).toMatch(/thiết bị/);
    }
    expect(win('c:\\du lieu\\BAOCAO121.sqlite-wal', 'write-folder')).toMatch(/cơ sở dữ liệu đang dùng/);
  });

  it('the contract names every path field, and only fields its schemas have', () => {
    const pathLike = /^(file|outDir|paths|folder|dir)$/; // (mergeUnits' "from" is a unit code)
    for (const m of apiMethods) {
      const shape = (apiContract[m].input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
      const named = Object.keys(apiContract[m].paths);
      for (const field of named) expect(Object.keys(shape), `${m}.${field}`).toContain(field);
      for (const field of Object.keys(shape).filter((f) => pathLike.test(f))) expect(named, `${m}.${field}`).toContain(field);
    }
  });
});
