// What every browser test shares: the app started as a user would (`npm start` on a fresh database with the demo), Chromium, sign-in, screenshots and table readers.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { freePort } from '../support/free-port.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };
export const PASSWORD = 'demo1234';
export const FAILURES = path.join(ROOT, 'test-results', 'failures');

/** The app of the file now running and the pages still open, with what each heard: what a failed test reports. */
let running: E2eApp | undefined;
const openPages = new Map<Page, string[]>();

/** A running app on its own port and temporary database, with a browser to look at it. */
export interface E2eApp {
  base: string;
  browser: Browser;
  /** Everything the server printed, for failure messages. */
  log(): string;
  /** The database the app runs on (its SQLite file, unless a PostgreSQL one was given), so a test can use the command line beside it. */
  database: string;
  stop(): Promise<void>;
}

async function waitForServer(server: ChildProcess, log: () => string, url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`the server exited (code ${String(server.exitCode)}):\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer ${url} within ${timeoutMs / 1000} s:\n${log()}`);
}

function stopServer(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const done = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
      resolve();
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(done);
      resolve();
    });
    try {
      // npm, its shell and node form one process group: end them all.
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      clearTimeout(done);
      resolve();
    }
  });
}

export interface StartOptions {
  /**
   * Fills the app's SQLite file before the server starts, for a test that needs data the demo does not have (a
   * province's counties); the server then finds counties and adds no demo.
   */
  prepare?: (database: string) => void | Promise<void>;
  /** A PostgreSQL database to serve instead of a new SQLite file; the test creates and drops it. */
  database?: string;
}

/** Builds the web client if missing, starts `npm start` on a fresh database (the demo fills it, or `prepare`) and launches Chromium. */
export async function startApp(options: StartOptions = {}): Promise<E2eApp> {
  fs.mkdirSync(SHOTS, { recursive: true });
  if (!fs.existsSync(path.join(ROOT, 'dist', 'web', 'index.html'))) {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiaodu-e2e-'));
  const database = options.database ?? path.join(dataDir, 'tiaodu.sqlite');
  try {
    await options.prepare?.(database);
  } catch (e) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  let serverLog = '';
  const log = () => serverLog;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATABASE_URL: database },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (d: Buffer) => (serverLog += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (serverLog += d.toString()));
  let browser: Browser | undefined;
  const stop = async () => {
    running = undefined;
    await browser?.close();
    await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // The demo's accounts answer once the demo is in; a prepared database has none, and the sign-in page says it is up.
    await waitForServer(server, log, options.prepare ? `${base}/login` : `${base}/api/auth/demo-accounts`, 60_000);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (e) {
    await stop();
    throw e;
  }
  running = { base, browser, log, stop, database };
  return running;
}

export async function openPage(browser: Browser, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  // A failure report says what the page asked and was refused, and what it logged as an error.
  const heard: string[] = [];
  const hear = (line: string) => {
    heard.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (heard.length > 40) heard.shift();
  };
  page.on('response', (r) => {
    if (r.status() >= 400) hear(`${r.request().method()} ${r.url()} → ${r.status()}`);
  });
  page.on('requestfailed', (r) => hear(`${r.method()} ${r.url()} failed: ${r.failure()?.errorText ?? ''}`));
  page.on('console', (m) => {
    // A refused request is already heard above; the console repeats it.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) hear(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => hear(`page error: ${e.message}`));
  openPages.set(page, heard);
  page.once('close', () => openPages.delete(page));
  return { context, page };
}

/**
 * What a failed test leaves to read: each page it left open (its address, its messages and dialogs, the start of
 * its text, what it was refused, a screenshot under test-results/failures) and the end of the server's log.
 */
export async function describeFailure(testName: string): Promise<string> {
  fs.mkdirSync(FAILURES, { recursive: true });
  const slug = testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
  const out = [`── what the browser showed when “${testName}” failed ──`];
  let i = 0;
  for (const [page, heard] of openPages) {
    i++;
    try {
      const file = path.join(FAILURES, `${slug}-${i}.png`);
      await page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
      const seen = await page.evaluate(() => {
        const text = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)].map((e) => e.innerText.trim()).filter(Boolean);
        return { messages: text('.ant-message-notice, .ant-notification-notice'), dialogs: text('[role="dialog"]'), alerts: text('.ant-alert'), body: document.body.innerText.slice(0, 1_500) };
      });
      out.push(
        `page ${i}: ${page.url()} (screenshot ${path.relative(ROOT, file)})`,
        `  messages: ${seen.messages.join(' | ') || '—'}`,
        `  dialogs: ${seen.dialogs.join(' | ').replace(/\s+/g, ' ') || '—'}`,
        `  alerts: ${seen.alerts.join(' | ').replace(/\s+/g, ' ') || '—'}`,
        `  refused or failed: ${heard.length ? `\n    ${heard.join('\n    ')}` : '—'}`,
        `  text: ${seen.body.replace(/\s+/g, ' ')}`,
      );
    } catch (e) {
      out.push(`page ${i}: ${page.url()} could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (running) out.push('── the end of the server’s log ──', running.log().slice(-3_000));
  return out.join('\n');
}

export async function signInAt(page: Page, base: string, username: string, password = PASSWORD): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.locator('form').getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Signs in an account with the password an administrator gave it, and sets its own as the first page asks. */
export async function signInFirstTime(page: Page, base: string, username: string, given: string, own: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(given);
  await page.locator('form').getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '请先设置自己的密码' }).waitFor();
  await page.getByLabel('初始密码').fill(given);
  await page.getByLabel('新密码', { exact: true }).fill(own);
  await page.getByLabel('再次输入新密码').fill(own);
  await page.getByRole('button', { name: '设置密码并进入' }).click();
  await page.getByRole('heading', { name: '请先设置自己的密码' }).waitFor({ state: 'detached' });
}

export async function shot(page: Page, name: string, width: 'desktop' | 'phone'): Promise<void> {
  // Charts animate in for a second, and the picture should show them drawn; a page without one only waits out Ant
  // Design's short motions.
  const charts = await page.locator('[_echarts_instance_]').count();
  await page.waitForTimeout(charts > 0 ? 1_200 : 400);
  await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
}

/** How far the page body reaches beyond the window, in CSS pixels (tables scroll inside themselves). */
export function overflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);
}

export function region(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

/** The count the ledger states under its table ("共229项"); 0 until it has loaded. */
export async function ledgerTotal(page: Page): Promise<number> {
  const total = page.getByText(/^共\d+项$/);
  if ((await total.count()) === 0) return 0;
  return Number(/\d+/.exec(await total.innerText())?.[0]);
}

/** The texts of one column of the ledger table, by its header as people read it. */
export async function columnTexts(page: Page, header: string): Promise<string[]> {
  const headers = await page.getByRole('columnheader').allInnerTexts();
  const index = headers.findIndex((h) => h.trim() === header);
  expect(index, `column ${header} among ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
  const rows = page.locator('tbody').getByRole('row');
  const out: string[] = [];
  for (const row of await rows.all()) {
    const cells = await row.getByRole('cell').allInnerTexts();
    if (cells.length > index) out.push(cells[index]!.trim());
  }
  return out;
}

/** Types a value into a date picker of the open dialog, by its label, and waits until the picker shows it. */
export async function fillPicker(page: Page, label: string, value: string): Promise<void> {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(value);
}

/** GET on the API with the page's own session, as the page itself would. */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const res = await fetch(`/api${p}`, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`GET ${p}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }, path);
}

export async function noSidewaysScroll(page: Page, what: string): Promise<void> {
  expect(await overflow(page), `${what} scrolls sideways at 390 px`).toBeLessThanOrEqual(0);
}
