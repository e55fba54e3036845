// The typed API end to end without a window: every method of shared/api.ts has its handler, calls are
// checked before they run, and the loopback bridge serves them (JSON, progress as server-sent events)
// on 127.0.0.1 only, refusing other hosts, other methods and paths outside the window's files.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiMethods, parseApiCall, type ApiProgressEvent, type ApiResult } from '../../shared/api.ts';
import { startBridge, type RunningBridge } from '../../electron/bridge/http-bridge.ts';
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
  bridge = await startBridge({ host: inProcessHost(env), staticDir, port: 0 });
});
afterAll(async () => {
  await bridge.close();
  env.ctx.db.close();
  cleanup();
});

function request(options: { method?: string; path: string; host?: string; body?: string; contentType?: string }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: bridge.port, method: options.method ?? 'GET', path: options.path, headers: { host: options.host ?? `127.0.0.1:${bridge.port}`, ...(options.contentType ? { 'content-type': options.contentType } : {}) } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const post = async (method: string, input: unknown, callId = '') => JSON.parse((await request({ method: 'POST', path: `/api/${method}`, body: JSON.stringify({ input, callId }), contentType: 'application/json' })).body) as ApiResult;

describe('the handler table', () => {
  it('implements every method of the contract, and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual([...apiMethods].sort());
  });
  it('checks the method name and the input before anything runs, in Vietnamese', () => {
    expect(parseApiCall('dropDatabase', {})).toEqual({ ok: false, error: { code: 'unknown_method', message: 'Không có chức năng "dropDatabase".' } });
    const bad = parseApiCall('gridData', { year: 'năm nay', sheet: 'PL01' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatchObject({ code: 'bad_input', message: expect.stringMatching(/^Dữ liệu gửi lên không hợp lệ \(year\): /) });
    expect(parseApiCall('correctFigures', { year: 2026, reason: ' ', changes: [{ unit: 'X01', code: 'pl01_bl_vu', value: 1 }] })).toMatchObject({ ok: false, error: { message: expect.stringContaining('hãy ghi lý do') } });
  });
  it('returns a service error as its code and message, never throws', async () => {
    expect(await dispatch(env, 'renameUnit', { code: 'KHONG_CO', name: 'X' })).toEqual({ ok: false, error: { code: 'unknown_unit', message: 'Không có đơn vị mã "KHONG_CO".' } });
    const info = await dispatch(env, 'getAppInfo', {});
    expect(info).toMatchObject({ ok: true, value: { agency: 'Sở Y tế tỉnh An Lạc', reportingYear: 2026, years: [2023, 2024, 2025, 2026], desktop: false } });
  });
});

describe('the loopback bridge', () => {
  it('listens on 127.0.0.1 and answers typed calls with JSON', async () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const status = await post('yearStatus', { year: 2026 });
    expect(status).toMatchObject({ ok: true, value: { expected: 25, reported: 23, errors: 0, warnings: 7 } });
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
      const req = http.get({ host: '127.0.0.1', port: bridge.port, path: '/api/events', headers: { host: `127.0.0.1:${bridge.port}` } }, (res) => {
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
      });
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
