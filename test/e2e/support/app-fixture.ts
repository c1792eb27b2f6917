// E2E support: `bin/kubelab start --browser --no-open` on a fresh data folder, and Debian's
// Chromium (playwright-core cannot download browsers offline) with a fresh profile, driving the
// app like a student. Everything started here is stopped by `close()`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const CHROMIUM = process.env.KUBELAB_CHROMIUM ?? '/usr/bin/chromium';
export const RESULTS = join(ROOT, 'test-results', 'e2e');
const READY = /^kubelab app ready: url=(\S+)/;

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface AppProcess {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Runs `bin/kubelab start --browser --no-open` and waits for its URL line. */
export async function startApp(opts: { dataDir?: string; env?: NodeJS.ProcessEnv } = {}): Promise<AppProcess> {
  const dir = opts.dataDir ?? join(mkdtempSync(join(tmpdir(), 'kubelab-e2e-')), 'data');
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'kubelab'), 'start', '--browser', '--no-open', '--data', dir], {
    cwd: ROOT,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (d) => (log += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kubelab start did not print its URL:\n${log}`)), 30_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      log += `${line}\n`;
      const m = READY.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`kubelab start exited with ${code}:\n${log}`)));
  });
  const u = new URL(url);
  return {
    url,
    origin: u.origin,
    token: u.searchParams.get('token') ?? '',
    dataDir: dir,
    child,
    output: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Chromium with a fresh user-data-dir (a persistent context is how Playwright takes one). */
export async function openBrowser(url: string, opts: { locale?: string } = {}): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'kubelab-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    locale: opts.locale ?? 'en-US',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The active terminal's buffer as text (read through the renderer's test hook). */
export function terminalText(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as TestHooks).kubelabTest?.terminalText() ?? '');
}

/** Polls the active terminal until `re` matches; returns the text. */
export async function waitForTerminal(page: Page, re: RegExp, timeoutMs = 15_000): Promise<string> {
  const start = Date.now();
  let text = '';
  while (Date.now() - start < timeoutMs) {
    text = await terminalText(page);
    if (re.test(text)) return text;
    await page.waitForTimeout(50);
  }
  throw new Error(`timed out waiting for ${re} in the terminal:\n${text}`);
}

/** Types into the active terminal like a user (focus the xterm textarea first). */
export async function typeInTerminal(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid="terminal-view"]:visible .xterm-helper-textarea').focus();
  await page.keyboard.type(text, { delay: 5 });
}

/** What renderer/src/terminal/terminal-registry.ts puts on the page for tests. */
export interface TestHooks {
  kubelabTest?: { terminalText(id?: string): string; activeSession(): string | undefined };
}
