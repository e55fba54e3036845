// The window in Debian's Chromium over the loopback bridge, against the real services: helpers for the
// end-to-end tests. Skipped with a message where /usr/bin/chromium is absent.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { emptySampleDb, tempDir } from '../helpers/fixtures.ts';
import { build } from 'vite';
import { startBridge, type RunningBridge } from '../../electron/bridge/http-bridge.ts';
import type { ServiceContext } from '../../electron/store/context.ts';
import ExcelJS from 'exceljs';
import { inProcessHost, openHandlerEnv, type ServiceHost } from '../../electron/ipc/service-host.ts';
import type { HandlerEnv } from '../../electron/ipc/handlers.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Bỏ qua các kiểm thử cửa sổ: không có ${CHROMIUM} (apt-get install chromium).`);

export const SCREENSHOTS = path.resolve('out', 'screenshots');

/** Builds the renderer into its own folder (test files run in parallel). */
export async function buildRenderer(outDir: string): Promise<string> {
  await build({ configFile: path.resolve('vite.renderer.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}

export interface OpenWindow {
  browser: Browser;
  page: Page;
  bridge: RunningBridge;
  host: ServiceHost;
  errors: string[];
  close(): Promise<void>;
}

export async function openWindow(ctx: ServiceContext, dbFile: string, staticDir: string, dataDir: string): Promise<OpenWindow> {
  const host = inProcessHost({ ctx, dbFile, dataDir, desktop: false });
  const bridge = await startBridge({ host, staticDir, port: 0, dbFile });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, locale: 'vi-VN' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The printed URL: the window reads the launch's token after # and sends it with every call.
  await page.goto(bridge.url);
  await page.getByRole('button', { name: /Thiết lập/ }).waitFor();
  return {
    browser,
    page,
    bridge,
    host,
    errors,
    close: async () => {
      await browser.close();
      await bridge.close();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** The same screen photographed at 1366×768 and at 1920×1080 (`<name>-1366.png`, `<name>-1920.png`); the window goes back to 1366×768. */
export async function screenshotBoth(page: Page, name: string): Promise<void> {
  await screenshot(page, `${name}-1366`);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, `${name}-1920`);
  await page.setViewportSize({ width: 1366, height: 768 });
}

export async function step(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Các bước' })
    .getByRole('button', { name: new RegExp(label) })
    .click();
}

/**
 * A window at 1366×768 on an empty sample database of its own, opened before the file's tests (after
 * `prepare` has put what they need in the work folder) and closed after them.
 */
export function windowAt1366(name: string, prepare?: (dir: string) => Promise<void>): { win: OpenWindow; ctx: ServiceContext; dir: string } {
  const state = {} as { win: OpenWindow; ctx: ServiceContext; dir: string; cleanup?: () => void };
  beforeAll(async () => {
    if (!hasChromium) return;
    const work = tempDir(`bc121-${name}-`);
    Object.assign(state, { dir: work.dir, cleanup: work.cleanup });
    const staticDir = await buildRenderer(path.join(work.dir, 'renderer'));
    const dbFile = path.join(work.dir, `${name}.sqlite`);
    state.ctx = emptySampleDb(dbFile);
    await prepare?.(work.dir);
    state.win = await openWindow(state.ctx, dbFile, staticDir, work.dir);
    await state.win.page.setViewportSize({ width: 1366, height: 768 });
  }, 120_000);
  afterAll(async () => {
    await state.win?.close();
    state.ctx?.db.close();
    state.cleanup?.();
  });
  return state;
}

export interface FirstLaunch {
  dir: string;
  cleanup: () => void;
  env: HandlerEnv;
  host: ServiceHost;
  bridge: RunningBridge;
  browser: Browser;
  page: Page;
  errors: string[];
}

/**
 * A window at 1366×768 as at the app's first launch: no database file yet (an empty one is made), opened
 * before the file's tests (after `prepare` has put what they need in the work folder) and closed after them.
 */
export function windowOnFirstLaunch(name: string, prepare?: (dir: string) => Promise<void>): FirstLaunch {
  const state = {} as FirstLaunch;
  beforeAll(async () => {
    if (!hasChromium) return;
    Object.assign(state, tempDir(`bc121-${name}-`));
    const staticDir = await buildRenderer(path.join(state.dir, 'renderer'));
    const dbFile = path.join(state.dir, 'baocao121.sqlite');
    if (existsSync(dbFile)) throw new Error(`${dbFile} đã có trước lần mở đầu tiên`);
    state.env = openHandlerEnv({ dbFile, desktop: false });
    state.host = inProcessHost(state.env);
    state.bridge = await startBridge({ host: state.host, staticDir, port: 0, dbFile });
    state.browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    state.page = await state.browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    state.errors = [];
    state.page.on('pageerror', (e) => state.errors.push(e.message));
    await state.page.goto(state.bridge.url);
    await prepare?.(state.dir);
  }, 180_000);
  afterAll(async () => {
    await state.browser?.close();
    await state.bridge?.close();
    await state.host?.close();
    state.cleanup?.();
  });
  return state;
}

/** A unit list as officials keep it in Excel: a title, a blank row, then "STT, Tên đơn vị, Loại đơn vị". */
export async function writeUnitListWorkbook(file: string, title: string, units: readonly (readonly [string, string])[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.getCell('A1').value = title;
  ws.getRow(3).values = ['STT', 'Tên đơn vị', 'Loại đơn vị'];
  units.forEach(([name, kind], i) => (ws.getRow(4 + i).values = [i + 1, name, kind]));
  await wb.xlsx.writeFile(file);
}

/**
 * Blank pixels at the foot of a box: its inner height (less padding and border) minus the height its
 * children take (from the top of the first to the bottom of the last). 0 when the box is as tall as its content.
 */
export async function blankBelowContent(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((box) => {
    const style = getComputedStyle(box);
    const px = (v: string) => Number.parseFloat(v) || 0;
    const rect = box.getBoundingClientRect();
    const inner = rect.height - px(style.paddingTop) - px(style.paddingBottom) - px(style.borderTopWidth) - px(style.borderBottomWidth);
    const kids = [...box.children].map((c) => c.getBoundingClientRect()).filter((r) => r.height > 0);
    if (kids.length === 0) return inner;
    const used = Math.max(...kids.map((r) => r.bottom)) - Math.min(...kids.map((r) => r.top));
    return Math.round(inner - used);
  });
}

/**
 * The visible text of `selector` without the files' names (`.file-cell`, a muted detail beside a unit's name,
 * and any run of words ending in .xlsx, .docx, .csv, .json or .sqlite): a file is named as it is, often after
 * the unit's code.
 */
export async function textWithoutFileNames(page: Page, selector: string): Promise<string> {
  const text = await page.locator(selector).innerText();
  const files = await page.locator(`${selector} .file-cell`).allInnerTexts();
  return files.reduce((t, f) => (f.trim() ? t.split(f.trim()).join(' ') : t), text).replace(/[^\n\t,;:()“”"]*\.(?:xlsx|docx|csv|json|sqlite)\b/giu, ' ');
}

/**
 * The unit codes (as the database holds them) that appear as whole words in the visible text of `selector`
 * (tooltips are not text; files' names are left aside). Officials know units by name: every screen's answer should be [].
 */
export async function unitCodesShown(page: Page, selector: string, codes: readonly string[]): Promise<string[]> {
  const text = await textWithoutFileNames(page, selector);
  return codes.filter((c) => new RegExp(`(^|[^\\p{L}\\p{N}_])${c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}_])`, 'u').test(text));
}
