// The Electron main process, kept thin: one sandboxed window showing the app's own pages, the typed
// API relayed to the service process (which owns the database), file dialogs, and nothing else.
import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, shell, type IpcMainInvokeEvent } from 'electron';
import { statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseApiCall, type ApiRequest, type ApiResult, type ShellRequest } from '../shared/api.ts';
import { IPC_CALL_CHANNEL, IPC_PROGRESS_CHANNEL, IPC_SHELL_CHANNEL } from '../shared/ipc-channels.ts';
import type { ServiceHost } from './ipc/service-host.ts';
import { utilityProcessHost } from './ipc/utility-host.ts';
import { APP_HOST, APP_SCHEME, APP_START_URL, CONTENT_SECURITY_POLICY, isAppUrl, mainWindowOptions } from './window/security.ts';

const DB_FILE_NAME = 'baocao121.sqlite';

/** Portable build: data beside the .exe (agencies that cannot install software); else the user's app data. */
function dataDirectory(): string {
  const portable = process.env.PORTABLE_EXECUTABLE_DIR;
  if (portable) {
    const dir = path.join(portable, 'BaoCao121-DuLieu');
    app.setPath('userData', dir);
    return dir;
  }
  return app.getPath('userData');
}

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);

const distDir = () => path.join(app.getAppPath(), 'dist');
let host: ServiceHost | null = null;
let mainWindow: BrowserWindow | null = null;

function fromApp(event: IpcMainInvokeEvent): boolean {
  return isAppUrl(event.senderFrame?.url ?? '');
}

const forbidden: ApiResult = { ok: false, error: { code: 'forbidden', message: 'Yêu cầu không đến từ cửa sổ của ứng dụng.' } };

function serveRenderer(): void {
  const root = path.join(distDir(), 'renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(root, relative);
    if (url.host !== APP_HOST || !file.startsWith(root + path.sep)) return new Response('Không tìm thấy', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function registerIpc(services: ServiceHost): void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, request: ApiRequest) => {
    if (!fromApp(event)) return forbidden;
    const call = parseApiCall(request?.method, request?.input);
    if (!call.ok) return call;
    const callId = typeof request.callId === 'string' ? request.callId.slice(0, 64) : '';
    return services.call({ method: call.method, input: request.input, callId }, (progress) => {
      if (!event.sender.isDestroyed()) event.sender.send(IPC_PROGRESS_CHANNEL, progress);
    });
  });
  ipcMain.handle(IPC_SHELL_CHANNEL, async (event, request: ShellRequest): Promise<string[]> => {
    if (!fromApp(event)) return [];
    const win = BrowserWindow.fromWebContents(event.sender);
    if (!win) return [];
    if (request?.action === 'chooseFolder') {
      const r = await dialog.showOpenDialog(win, {
        title: String(request.title),
        defaultPath: request.defaultPath,
        properties: ['openDirectory', 'createDirectory'],
      });
      return r.canceled ? [] : r.filePaths;
    }
    if (request?.action === 'chooseFiles') {
      const r = await dialog.showOpenDialog(win, {
        title: String(request.title),
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'Sổ Excel, báo cáo Word, danh sách CSV', extensions: ['xlsx', 'xlsm', 'xls', 'docx', 'doc', 'csv'] }],
      });
      return r.canceled ? [] : r.filePaths;
    }
    if (request?.action === 'openFolder' && typeof request.path === 'string') {
      // Only folders: the window must not be able to launch a program.
      if (statSync(request.path, { throwIfNoEntry: false })?.isDirectory()) await shell.openPath(request.path);
    }
    return [];
  });
}

function lockDownContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (e, url) => {
      if (!isAppUrl(url)) e.preventDefault();
    });
    contents.on('will-redirect', (e, url) => {
      if (!isAppUrl(url)) e.preventDefault();
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

function createWindow(): void {
  mainWindow = new BrowserWindow(mainWindowOptions(path.join(distDir(), 'electron', 'preload.cjs')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(APP_START_URL);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const dataDir = dataDirectory();
  lockDownContents();
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => {
    void host?.close();
    app.quit();
  });
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    host = utilityProcessHost(path.join(distDir(), 'electron', 'service-process.js'), path.join(dataDir, DB_FILE_NAME), dataDir);
    serveRenderer();
    registerIpc(host);
    createWindow();
  });
}
