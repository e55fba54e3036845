// The Electron shell without Electron (its binary is not on these machines): the window's security
// settings, what main.ts and the preload do (read from the source), the bundles esbuild makes and the data
// files they find, and the packaging settings of electron-builder.yml.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAppUrl, mainWindowOptions, secureWebPreferences } from '../../electron/window/security.ts';
import { tempDir } from '../helpers/fixtures.ts';

const source = (file: string) => readFileSync(path.resolve(file), 'utf8');

describe('the window', () => {
  it('is isolated, sandboxed and without Node', () => {
    const prefs = mainWindowOptions('/app/dist/electron/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(secureWebPreferences('p').preload).toBe('p');
  });
  it('has a strict content security policy', () => {
    const policy = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
    expect(source('renderer/index.html')).toContain("default-src 'self'; script-src 'self'");
  });
  it('may show only the app’s own pages', () => {
    expect(isAppUrl('app://baocao121/index.html')).toBe(true);
    expect(isAppUrl('https://example.org/')).toBe(false);
    expect(isAppUrl('file:///C:/Windows/')).toBe(false);
    expect(isAppUrl('app://other/index.html')).toBe(false);
  });
});

describe('main.ts and the preload', () => {
  const main = source('electron/main.ts');
  it('blocks navigation and new windows, holds a single instance, denies permissions', () => {
    expect(main).toMatch(/contents\.on\('will-navigate', \(e, url\) => \{\s*if \(!isAppUrl\(url\)\) e\.preventDefault\(\);/);
    expect(main).toContain("setWindowOpenHandler(() => ({ action: 'deny' }))");
    expect(main).toContain("contents.on('will-attach-webview', (e) => e.preventDefault())");
    expect(main).toContain('app.requestSingleInstanceLock()');
    expect(main).toContain('setPermissionRequestHandler((_wc, _permission, callback) => callback(false))');
    expect(main).toContain('new BrowserWindow(mainWindowOptions(');
  });
  it('keeps data in the user profile, or beside the portable .exe', () => {
    expect(main).toContain('process.env.PORTABLE_EXECUTABLE_DIR');
    expect(main).toContain("app.getPath('userData')");
  });
  it('runs the services in a utility process and checks every call’s sender, method and input', () => {
    expect(main).not.toMatch(/services\//);
    expect(source('electron/ipc/utility-host.ts')).toContain('utilityProcess.fork(');
    expect(main).toMatch(
      /if \(!fromApp\(event\)\) return forbidden;\s*const call = parseApiCall\(request\?\.method, request\?\.input\);\s*if \(!call\.ok\) return call;/,
    );
  });
  it('has a thin preload that exposes window.baocao121 and nothing of Node', () => {
    const preload = source('electron/preload.ts');
    expect(preload).toContain("contextBridge.exposeInMainWorld('baocao121', bridge)");
    expect(preload.match(/^import .* from '([^']+)';$/gm)!.map((l) => l.replace(/.* from '([^']+)';$/, '$1'))).toEqual([
      'electron',
      '../shared/api.ts',
      '../shared/ipc-channels.ts',
    ]);
    expect(preload).toMatch(/import type \{[^}]*\} from '\.\.\/shared\/api\.ts'/);
  });
});

describe('the bundles', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    execFileSync(process.execPath, ['scripts/build-electron.mjs', dir], { stdio: 'pipe' });
  });
  afterAll(() => cleanup());

  it('are made for main, the service process and a CommonJS preload that requires only electron', () => {
    for (const f of ['main.js', 'service-process.js', 'preload.cjs']) expect(existsSync(path.join(dir, f)), f).toBe(true);
    const preload = readFileSync(path.join(dir, 'preload.cjs'), 'utf8');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).not.toContain('zod');
  });
  it('find the migrations, the templates and package.json from where the services came', () => {
    const bundle = readFileSync(path.join(dir, 'service-process.js'), 'utf8');
    const refs = [...bundle.matchAll(/new URL\("([^"]+)", new URL\("([^"]+)", import\.meta\.url\)\.href\)/g)];
    expect(refs.map((m) => m[1]).sort()).toEqual(['../package.json', '../templates/', './migrations/']);
    const bundleUrl = pathToFileURL(path.join(dir, 'service-process.js'));
    for (const [, target, from] of refs) expect(existsSync(fileURLToPath(new URL(target!, new URL(from!, bundleUrl)))), target).toBe(true);
  });
});

describe('electron-builder.yml', () => {
  const yml = source('electron-builder.yml');
  it('packs dist, the templates and the migrations, with better-sqlite3 rebuilt and outside the asar', () => {
    for (const f of ['dist/**', 'templates/**', 'electron/db/migrations/**']) expect(yml).toContain(`  - ${f}`);
    expect(yml).toContain('"**/node_modules/better-sqlite3/**"');
    expect(yml).toMatch(/npmRebuild: true/);
    expect(JSON.parse(source('package.json')).main).toBe('dist/electron/main.js');
  });
  it('ships the bundled CLI with a .cmd beside the .exe that runs it with Electron as Node', () => {
    expect(yml).toMatch(/executableName: BaoCao121\n/);
    expect(yml).toMatch(/extraFiles:\n {2}- from: build\/baocao121\.cmd\n {4}to: baocao121\.cmd\n/);
    const cmd = source('build/baocao121.cmd');
    expect(cmd).toContain('set ELECTRON_RUN_AS_NODE=1\r\n');
    expect(cmd).toContain('"%~dp0BaoCao121.exe" "%~dp0resources\\app.asar\\dist\\cli\\baocao121.cjs" %*');
    expect(cmd.split('\r\n').every((line) => !line.includes('\n'))).toBe(true); // CRLF throughout, as cmd.exe expects
    expect(/^[\x00-\x7f]*$/.test(cmd)).toBe(true); // ASCII: no code page can garble it
  });
  it('makes a per-user Vietnamese NSIS installer and a portable .exe with the app’s icon', () => {
    expect(yml).toMatch(/appId: vn\.gov\.baocao121/);
    expect(yml).toMatch(/target: nsis/);
    expect(yml).toMatch(/target: portable/);
    expect(yml).toMatch(/perMachine: false/);
    expect(yml).toMatch(/installerLanguages: \[vi_VN\]/);
    expect(yml).toMatch(/icon: build\/icon\.png/);
    const png = readFileSync('build/icon.png');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(256);
  });
});
