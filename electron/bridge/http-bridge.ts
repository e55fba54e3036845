// The loopback bridge: the window in a plain browser (and in the end-to-end tests) over node:http on
// 127.0.0.1 only. It serves the built renderer, takes POST /api/<method> with JSON (the same typed
// calls as the Electron IPC) and streams progress as server-sent events on GET /api/events.
// Any program on the machine, and any web page through the browser, can reach 127.0.0.1, so:
//  - every API call and the event stream need the token made at each launch; the URL the bridge prints
//    carries it after # (never sent to the server with the page, nor logged), the window sends it back in
//    the X-Baocao121-Token header, the event stream (EventSource cannot set headers) as ?t=;
//  - a request from another Origin, or naming another Host (DNS rebinding), is refused (403);
//  - a URL that cannot be read is answered 400, and no request can stop the bridge;
//  - the paths of a call are limited to full paths of ordinary files and folders (path-policy.ts).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseApiCall, type ApiProgressEvent, type ApiResult } from '../../shared/api.ts';
import type { ServiceHost } from '../ipc/service-host.ts';
import { CONTENT_SECURITY_POLICY } from '../window/security.ts';
import { callPathProblem } from './path-policy.ts';

export interface BridgeOptions {
  host: ServiceHost;
  /** The built renderer (dist/renderer); null serves the API only. */
  staticDir: string | null;
  /** 0 picks a free port. */
  port?: number;
  /** The season's database: a call may not write over it. */
  dbFile: string;
  /** The launch's secret; by default 32 random bytes. */
  token?: string;
}

export interface RunningBridge {
  /** What to open: the window's address with the token after #. */
  url: string;
  /** http://127.0.0.1:<port>, without the token. */
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** The header that carries the token on API calls, and the query parameter of the event stream. */
export const TOKEN_HEADER = 'x-baocao121-token';
export const TOKEN_PARAM = 't';

function sameSecret(given: unknown, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

const NO_TOKEN = 'Thiếu mã phiên hoặc mã phiên không đúng. Hãy mở lại đúng địa chỉ mà chương trình in ra (có phần #token=…).';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too_large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function serveStatic(root: string, urlPath: string, res: http.ServerResponse): void {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath).replace(/^\/+/, '') || 'index.html';
  } catch {
    relative = '\0'; // a malformed %-escape: refused below like any invalid path
  }
  if (relative.includes('\0')) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Đường dẫn không hợp lệ');
    return;
  }
  let file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  // The window is one page: unknown paths without a file extension get index.html.
  let isFile = false;
  try {
    isFile = statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    isFile = false;
  }
  if (!isFile) {
    if (path.extname(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Không tìm thấy');
      return;
    }
    file = path.join(root, 'index.html');
  }
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  createReadStream(file).pipe(res);
}

export function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const staticRoot = options.staticDir ? path.resolve(options.staticDir) : null;
  const listeners = new Set<http.ServerResponse>();
  const broadcast = (event: ApiProgressEvent) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of listeners) res.write(line);
  };
  let port = 0;

  const token = options.token ?? randomBytes(32).toString('base64url');

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    // Only this machine's pages may talk to the bridge: a page elsewhere naming another host is refused.
    const hostHeader = req.headers.host ?? '';
    const ours = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!ours.includes(hostHeader)) {
      res.writeHead(403).end();
      return;
    }
    // A page of another site (or a file:// page, Origin "null") sends its Origin: refused.
    const origin = req.headers.origin;
    if (origin !== undefined && !ours.some((h) => origin === `http://${h}`)) {
      sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'Yêu cầu từ một trang web khác bị từ chối.' } } satisfies ApiResult);
      return;
    }
    // Only a path ("/…", never "//host…") on this server; anything unreadable is a bad request.
    const target = req.url ?? '/';
    let url: URL | null = null;
    if (target.startsWith('/') && !target.startsWith('//')) {
      try {
        url = new URL(target, `http://${hostHeader}`);
      } catch {
        url = null;
      }
    }
    if (!url) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Đường dẫn không hợp lệ');
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      if (!sameSecret(url.searchParams.get(TOKEN_PARAM), token)) {
        sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: NO_TOKEN } } satisfies ApiResult);
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': ok\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST' || !(req.headers['content-type'] ?? '').startsWith('application/json')) {
        sendJson(res, 405, { ok: false, error: { code: 'bad_request', message: 'Chỉ nhận POST với nội dung JSON.' } } satisfies ApiResult);
        return;
      }
      if (!sameSecret(req.headers[TOKEN_HEADER], token)) {
        sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: NO_TOKEN } } satisfies ApiResult);
        return;
      }
      const method = url.pathname.slice('/api/'.length);
      readBody(req)
        .then(async (text) => {
          let body: { input?: unknown; callId?: unknown } | null;
          try {
            body = text ? (JSON.parse(text) as typeof body) : {};
          } catch {
            sendJson(res, 400, { ok: false, error: { code: 'bad_request', message: 'Nội dung gửi lên không phải JSON.' } } satisfies ApiResult);
            return;
          }
          const callId = typeof body?.callId === 'string' ? body.callId.slice(0, 64) : '';
          const call = parseApiCall(method, body?.input);
          const problem = call.ok ? callPathProblem(call.method, call.input, { dbFile: options.dbFile }) : null;
          const result = problem
            ? ({ ok: false, error: problem } satisfies ApiResult)
            : await options.host.call({ method, input: body?.input, callId }, broadcast);
          sendJson(res, 200, result);
        })
        .catch(() => {
          if (!res.headersSent) sendJson(res, 413, { ok: false, error: { code: 'too_large', message: 'Nội dung gửi lên quá lớn.' } } satisfies ApiResult);
        });
      return;
    }
    if (!staticRoot || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404).end();
      return;
    }
    serveStatic(staticRoot, url.pathname, res);
  };

  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      // Whatever a request holds, the bridge keeps serving the others.
      console.error('[bridge]', e);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Lỗi không mong đợi');
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const origin = `http://127.0.0.1:${port}`;
      resolve({
        url: `${origin}/#token=${token}`,
        origin,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            for (const res of listeners) res.end();
            listeners.clear();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
