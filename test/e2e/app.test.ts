// The desktop app in browser mode, driven in Debian's Chromium like a student: the master shell,
// kubectl, the cluster view following the cluster live, a node1 tab, 中文, a reload that keeps
// the scrollback, and the host terminal. One app and one browser for the file, steps in order.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openBrowser, screenshot, startApp, terminalText, typeInTerminal, waitForTerminal, type AppProcess, type BrowserSession } from './support/app-fixture';

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

const tiles = () => page.locator('[data-testid="pod-tile"][data-namespace="default"]');

async function tileStates(): Promise<Array<{ name: string; status: string }>> {
  return tiles().evaluateAll((els) => els.map((e) => ({ name: e.getAttribute('data-pod') ?? '', status: e.getAttribute('data-status') ?? '' })));
}

async function waitForTiles(pred: (t: Array<{ name: string; status: string }>) => boolean, what: string, timeoutMs = 30_000) {
  const start = Date.now();
  let last: Array<{ name: string; status: string }> = [];
  while (Date.now() - start < timeoutMs) {
    last = await tileStates();
    if (pred(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`timed out waiting for ${what}; tiles: ${JSON.stringify(last)}`);
}

test('the app loads: tabs, cluster view with the three nodes, status bar', async () => {
  await page.locator('[data-testid="tab"][data-title="master"]').waitFor();
  await page.locator('[data-testid="status-bar"][data-engine-state="ready"]').waitFor({ timeout: 20_000 });
  await page.locator('[data-testid="node-column"]').nth(2).waitFor();
  const nodes = await page.locator('[data-testid="node-column"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-node')));
  assert.deepEqual(nodes, ['master', 'node1', 'node2']);
  assert.equal(await page.title(), 'Kubelab');
  assert.doesNotMatch(page.url(), /token=/, 'the token leaves the address bar once traded for the cookie');
});

test('the terminal shows [root@master ~]#', async () => {
  await waitForTerminal(page, /\[root@master ~\]# $/m);
  await screenshot(page, '01-loaded');
});

test('kubectl get nodes prints the three nodes', async () => {
  await typeInTerminal(page, 'kubectl get nodes\n');
  const text = await waitForTerminal(page, /node2\s+Ready/);
  assert.match(text, /NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
  assert.match(text, /master\s+Ready\s+control-plane\s+\S+\s+v1\.32/);
  assert.match(text, /node1\s+Ready\s+<none>/);
});

test('kubectl create deployment: three tiles appear and turn Running', async () => {
  await typeInTerminal(page, 'kubectl create deployment web --image=nginx --replicas=3\n');
  await waitForTerminal(page, /deployment\.apps\/web created/);
  await waitForTiles((t) => t.length === 3, 'three tiles', 10_000);
  await screenshot(page, '02-pods-appear');
  const running = await waitForTiles((t) => t.length === 3 && t.every((x) => x.status === 'Running'), 'three Running tiles');
  assert.ok(running.every((t) => /^web-[a-z0-9]+-[a-z0-9]{5}$/.test(t.name)), JSON.stringify(running));
  // Owners are visible: the workload strip shows deploy/web and its ReplicaSet.
  const workload = page.locator('[data-testid="workload"][data-name="web"]');
  await workload.waitFor();
  assert.match(await workload.innerText(), /deploy\/web[\s\S]*3\/3[\s\S]*rs\/web-/);
  assert.match(await tiles().first().innerText(), /deploy\/web › rs\/web-/);
  await screenshot(page, '03-pods-running');
});

test('a tile opens its details, events and YAML', async () => {
  const name = (await tileStates())[0].name;
  await tiles().first().click();
  const details = page.locator('[data-testid="details"]');
  await details.waitFor();
  assert.match(await details.innerText(), new RegExp(`pod/${name}`));
  await details.getByRole('tab', { name: /Events/ }).click();
  await details.locator('.events-table').waitFor();
  assert.match(await details.innerText(), /Scheduled/);
  await details.getByRole('tab', { name: 'YAML' }).click();
  const yaml = await page.locator('[data-testid="yaml"]').innerText();
  assert.match(yaml, new RegExp(`name: ${name}`));
  assert.match(yaml, /kind: ReplicaSet/);
  await screenshot(page, '04-details');
  await details.getByRole('button', { name: 'Close' }).click();
});

test('deleting a pod shows it Terminating and a replacement appearing', async () => {
  const before = await tileStates();
  const victim = before[0].name;
  await typeInTerminal(page, `kubectl delete pod ${victim}\n`);
  const seen = await waitForTiles((t) => t.some((x) => x.name === victim && x.status === 'Terminating'), `${victim} Terminating`, 10_000);
  await screenshot(page, '05-terminating');
  const replacement = await waitForTiles((t) => t.some((x) => !before.some((b) => b.name === x.name)), 'a replacement pod', 10_000);
  assert.ok(seen.length >= 3);
  await waitForTerminal(page, new RegExp(`pod "${victim}" deleted`), 60_000);
  const final = await waitForTiles((t) => t.length === 3 && !t.some((x) => x.name === victim) && t.every((x) => x.status === 'Running'), 'three Running pods again');
  assert.ok(final.some((x) => replacement.some((r) => r.name === x.name && !before.some((b) => b.name === x.name))));
});

test('a second tab on node1 works', async () => {
  await page.getByTestId('new-tab-button').click();
  await page.getByTestId('new-tab-node1').click();
  await page.locator('[data-testid="tab"][data-title="node1"][aria-selected="true"]').waitFor();
  await waitForTerminal(page, /\[root@node1 ~\]# $/m);
  await typeInTerminal(page, 'hostname\n');
  await waitForTerminal(page, /hostname\s*\nnode1\s*\n\[root@node1 ~\]# $/m);
  await screenshot(page, '06-node1-tab');
  // Back to master: its terminal kept everything.
  await page.locator('[data-testid="tab"][data-title="master"]').click();
  assert.match(await terminalText(page), /deployment\.apps\/web created/);
});

test('switching to 中文 changes the UI text', async () => {
  assert.equal(await page.getByTestId('settings-button').innerText(), 'Settings');
  await page.getByTestId('settings-button').click();
  await page.getByTestId('language-select').selectOption('zh-CN');
  await page.getByRole('button', { name: '完成' }).click();
  assert.equal(await page.getByTestId('settings-button').innerText(), '设置');
  assert.match(await page.getByTestId('cluster-view').innerText(), /集群[\s\S]*工作负载[\s\S]*节点[\s\S]*事件/);
  assert.match(await page.getByTestId('engine-status').innerText(), /集群: 运行中/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  await screenshot(page, '07-zh-CN');
  // The dark theme, for the screenshots that follow.
  await page.getByTestId('settings-button').click();
  await page.getByTestId('theme-select').selectOption('dark');
  await page.getByRole('button', { name: '完成' }).click();
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
});

test('a reload keeps the terminal scrollback (and the language)', async () => {
  await page.reload();
  await page.locator('[data-testid="tab"][data-title="node1"]').waitFor();
  await page.locator('[data-testid="tab"][data-title="master"]').click();
  const text = await waitForTerminal(page, /deployment\.apps\/web created/);
  assert.match(text, /kubectl get nodes[\s\S]*node2\s+Ready/);
  assert.equal(await page.getByTestId('settings-button').innerText(), '设置');
  await typeInTerminal(page, 'kubectl get deploy web\n');
  await waitForTerminal(page, /web\s+3\/3\s+3\s+3/);
  await screenshot(page, '08-after-reload');
  await page.getByTestId('language-toggle').click();
  assert.equal(await page.getByTestId('settings-button').innerText(), 'Settings');
});

test('the host terminal has our kubectl first on PATH and KUBECONFIG set', async () => {
  await page.getByTestId('new-tab-button').click();
  await page.getByTestId('new-tab-host').click();
  await page.locator('[data-testid="tab"][data-title="host"][aria-selected="true"]').waitFor();
  await waitForTerminal(page, /[$#%>] $/);
  await typeInTerminal(page, 'command -v kubectl; echo "KC=$KUBECONFIG"\n');
  const text = await waitForTerminal(page, /KC=\/\S+kubeconfig/);
  assert.match(text, /\/bin\/kubectl\s*\n/);
  assert.ok(text.includes(`KC=${app.dataDir}/kubeconfig`), text);
  await screenshot(page, '09-host-terminal');
});
