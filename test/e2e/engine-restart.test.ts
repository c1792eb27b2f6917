// Killing the engine while the app runs: the host restarts it on the same data, the status bar
// says so, the terminal reconnects to a new shell, and the cluster is as it was.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openBrowser, screenshot, startApp, typeInTerminal, waitForTerminal, type AppProcess, type BrowserSession } from './support/app-fixture';

let app: AppProcess;
let browser: BrowserSession;
let page: Page;

before(async () => {
  app = await startApp();
  browser = await openBrowser(app.url);
  page = browser.page;
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

async function engineStatus(): Promise<{ state: string; pid?: number; generation: number; restarts: number }> {
  const res = await fetch(`${app.origin}/api/status`, { headers: { 'x-kubelab-token': app.token } });
  return (await res.json()) as never;
}

const podNames = () =>
  page.locator('[data-testid="pod-tile"][data-namespace="default"]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-pod')} ${e.getAttribute('data-status')}`).sort());

async function until<T>(fn: () => Promise<T>, pred: (v: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const start = Date.now();
  let v = await fn();
  while (!pred(v)) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await page.waitForTimeout(100);
    v = await fn();
  }
  return v;
}

test('kill -9 of the engine: restarted, terminal reconnected, cluster as it was', async () => {
  await waitForTerminal(page, /\[root@master ~\]# $/m);
  await typeInTerminal(page, 'kubectl create deployment web --image=nginx --replicas=3\n');
  await waitForTerminal(page, /deployment\.apps\/web created/);
  const before = await until(podNames, (p) => p.length === 3 && p.every((x) => x.endsWith(' Running')), 'three Running pods');
  const first = await engineStatus();
  assert.equal(first.state, 'ready');
  assert.equal(first.generation, 1);

  process.kill(first.pid!, 'SIGKILL');
  await page.locator('[data-testid="status-bar"][data-generation="2"][data-engine-state="ready"]').waitFor({ timeout: 30_000 });
  const second = await engineStatus();
  assert.equal(second.restarts, 1);
  assert.notEqual(second.pid, first.pid);
  assert.match(await page.getByTestId('status-bar').innerText(), /1 restart/);

  // The terminal comes back by itself with a fresh shell on the new engine.
  await waitForTerminal(page, /reconnect[\s\S]*\[root@master ~\]# $/m, 20_000);
  await typeInTerminal(page, 'kubectl get deploy web\n');
  await waitForTerminal(page, /kubectl get deploy web\s*\nNAME\s+READY[^\n]*\nweb\s+3\/3/m, 20_000);

  // Same pods, live again in the cluster view.
  const after = await until(podNames, (p) => p.length === 3 && p.every((x) => x.endsWith(' Running')), 'the same three Running pods');
  assert.deepEqual(after, before);
  await screenshot(page, 'engine-restarted');
});
