// The loopback bridge: the window in a plain browser (and in the end-to-end tests) over node:http on
// 127.0.0.1 only. It serves the built renderer, takes POST /api/<method> with JSON (the same typed
// calls as the Electron IPC) and streams progress as server-sent events on GET /api/events.
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ApiProgressEvent, ApiResult } from '../../shared/api.ts';
import type { ServiceHost } from '../ipc/service-host.ts';
import { CONTENT_SECURITY_POLICY } from '../window/security.ts';

export interface BridgeOptions {
  host: ServiceHost;
  /** The built renderer (dist/renderer); null serves the API only. */
  staticDir: string | null;
  /** 0 picks a free port. */
  port?: number;
}

export interface RunningBridge {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

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

  const server = http.createServer((req, res) => {
    // Only this machine's pages may talk to the bridge: a page elsewhere naming another host is refused.
    const hostHeader = req.headers.host ?? '';
    if (hostHeader !== `127.0.0.1:${port}` && hostHeader !== `localhost:${port}`) {
      res.writeHead(403).end();
      return;
    }
    const url = new URL(req.url ?? '/', `http://${hostHeader}`);
    if (url.pathname === '/api/events' && req.method === 'GET') {
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
      const method = url.pathname.slice('/api/'.length);
      readBody(req)
        .then(async (text) => {
          let body: { input?: unknown; callId?: unknown };
          try {
            body = text ? (JSON.parse(text) as typeof body) : {};
          } catch {
            sendJson(res, 400, { ok: false, error: { code: 'bad_request', message: 'Nội dung gửi lên không phải JSON.' } } satisfies ApiResult);
            return;
          }
          const callId = typeof body.callId === 'string' ? body.callId.slice(0, 64) : '';
          const result = await options.host.call({ method, input: body.input, callId }, broadcast);
          sendJson(res, 200, result);
        })
        .catch(() => sendJson(res, 413, { ok: false, error: { code: 'too_large', message: 'Nội dung gửi lên quá lớn.' } } satisfies ApiResult));
      return;
    }
    if (!staticRoot || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404).end();
      return;
    }
    serveStatic(staticRoot, url.pathname, res);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
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
