// Desktop app benchmark (issue: desktop app). Prints figures; asserts nothing.
//   `bin/kubelab start --browser` to a prompt in the terminal — measured at the WebSocket (what
//   the renderer receives) and in Chromium (the prompt drawn by xterm.js), first start and restart
//   on the same data — and the host's and engine's resident memory once the prompt is up.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { chromium } from 'playwright-core';
import type { ServerMessage, SessionInfo } from '../main/host/protocol';
import { CHROMIUM, CHROMIUM_ARGS, startApp, type AppProcess, type TestHooks } from '../test/e2e/support/app-fixture';

const PROMPT = /\[root@master ~\]# /;

function rssMiB(pid: number | undefined): string {
  if (!pid) return '?';
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? `${(Number(m[1]) / 1024).toFixed(0)} MiB` : '?';
  } catch {
    return '?';
  }
}

function since(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** The renderer's path without a browser: create the master session, attach, wait for the prompt. */
async function promptOverWebSocket(app: AppProcess): Promise<void> {
  const res = await fetch(`${app.origin}/api/sessions`, {
    method: 'POST',
    headers: { 'x-kubelab-token': app.token, 'content-type': 'application/json' },
    body: JSON.stringify({ profile: { kind: 'node', node: 'master' }, cols: 120, rows: 30 }),
  });
  const s = (await res.json()) as SessionInfo;
  const ws = new WebSocket(`${app.origin.replace('http:', 'ws:')}/ws/terminal/${s.id}?token=${app.token}`, { headers: { origin: app.origin } });
  await new Promise<void>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`no prompt: ${JSON.stringify(text)}`)), 30_000);
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString()) as ServerMessage;
      if (m.type === 'output' || m.type === 'replay') text += m.data;
      if (PROMPT.test(text)) {
        clearTimeout(timer);
        resolve();
      }
    });
    ws.on('error', reject);
  });
  ws.close();
  await fetch(`${app.origin}/api/sessions/${s.id}`, { method: 'DELETE', headers: { 'x-kubelab-token': app.token } });
}

async function engineStatus(app: AppProcess): Promise<{ pid?: number }> {
  return (await (await fetch(`${app.origin}/api/status`, { headers: { 'x-kubelab-token': app.token } })).json()) as { pid?: number };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-appbench-'));
  const data = join(dir, 'data');
  try {
    for (const run of ['first start', 'restart']) {
      const t0 = process.hrtime.bigint();
      const app = await startApp({ dataDir: data });
      const url = since(t0);
      await promptOverWebSocket(app);
      const prompt = since(t0);
      console.log(`${run}: URL printed ${url.toFixed(0)} ms, prompt over WebSocket ${prompt.toFixed(0)} ms (target < 2000 ms)`);
      if (run === 'restart') {
        const engine = await engineStatus(app);
        console.log(`memory with the prompt up: host ${rssMiB(app.child.pid)}, engine ${rssMiB(engine.pid)}`);
      }
      await app.stop();
    }

    if (!existsSync(CHROMIUM)) {
      console.log(`(no ${CHROMIUM}: skipping the in-browser figure)`);
      return;
    }
    // In the browser: the user's browser is already running, so Chromium starts before the clock.
    const profile = mkdtempSync(join(tmpdir(), 'kubelab-chromium-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 1440, height: 900 } });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const t0 = process.hrtime.bigint();
      const app = await startApp({ dataDir: data });
      await page.goto(app.url);
      await page.waitForFunction((re) => new RegExp(re).test((globalThis as unknown as TestHooks).kubelabTest?.terminalText() ?? ''), PROMPT.source, { timeout: 30_000, polling: 10 });
      const shown = since(t0);
      console.log(`restart, in Chromium: kubelab start --browser → prompt drawn by xterm.js ${shown.toFixed(0)} ms (target < 2000 ms)`);
      const engine = await engineStatus(app);
      console.log(`memory with the page attached: host ${rssMiB(app.child.pid)}, engine ${rssMiB(engine.pid)}`);
      await app.stop();
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
