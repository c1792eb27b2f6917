// The host refuses what is not the app: requests without the token, and WebSockets opened by a
// page from another Origin even when that page knows the token. Run in Chromium, as an attacker's
// page in the user's browser would.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import { openBrowser, screenshot, startApp, type AppProcess, type BrowserSession } from './support/app-fixture';

let app: AppProcess;
let browser: BrowserSession;
let evil: Server;
let evilOrigin: string;

before(async () => {
  app = await startApp();
  browser = await openBrowser(app.url);
  // Another local origin, as a malicious page (or another app) would be.
  evil = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>elsewhere</title><h1>another origin</h1>');
  });
  await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
  evilOrigin = `http://127.0.0.1:${(evil.address() as { port: number }).port}`;
});

after(async () => {
  await browser?.close();
  await app?.stop();
  evil?.close();
});

test('HTTP requests without the token are refused with 401', async () => {
  for (const path of ['/', '/index.html', '/api/status', '/api/sessions', '/k8s/api/v1/nodes']) {
    const res = await fetch(`${app.origin}${path}`);
    assert.equal(res.status, 401, path);
  }
  assert.equal((await fetch(`${app.origin}/api/status`, { headers: { 'x-kubelab-token': 'not-the-token' } })).status, 401);
  assert.equal((await fetch(`${app.origin}/api/status`, { headers: { 'x-kubelab-token': app.token } })).status, 200);
});

test('the page is served with a strict Content-Security-Policy', async () => {
  const res = await fetch(`${app.origin}/`, { headers: { 'x-kubelab-token': app.token } });
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.match(csp, /connect-src 'self' ws:\/\/127\.0\.0\.1:\d+/);
});

test('a WebSocket from another Origin is refused, even with the token', async () => {
  // The app's own page opens its sockets (control): they work.
  const ownPage = browser.page;
  await ownPage.locator('[data-testid="tab"]').first().waitFor();
  const sessionId = await ownPage.locator('[data-testid="tab"]').first().getAttribute('data-session');
  assert.ok(sessionId);
  const tryOpen = (url: string) =>
    new Promise<string>((resolve) => {
      const ws = new WebSocket(url);
      ws.onopen = () => {
        ws.close();
        resolve('open');
      };
      ws.onerror = () => resolve('refused');
    });
  const wsBase = app.origin.replace('http:', 'ws:');
  const own = await ownPage.evaluate(tryOpen, `${wsBase}/ws/cluster`);
  assert.equal(own, 'open');

  const page = await browser.context.newPage();
  await page.goto(evilOrigin);
  for (const url of [`${wsBase}/ws/terminal/${sessionId}?token=${app.token}`, `${wsBase}/ws/cluster?token=${app.token}`, `${wsBase}/ws/cluster`]) {
    assert.equal(await page.evaluate(tryOpen, url), 'refused', url);
  }
  // And plain requests from that page cannot read anything (no CORS, Origin refused).
  const status = await page.evaluate(async (u) => {
    try {
      const r = await fetch(u, { headers: { 'x-kubelab-token': 'guess' } });
      return r.status;
    } catch {
      return 'blocked';
    }
  }, `${app.origin}/api/status`);
  assert.equal(status, 'blocked');
  await screenshot(page, 'security-other-origin');
  await page.close();
});

test('a browser without the cookie that does not know the token gets nothing', async () => {
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  const res = await page.goto(app.origin + '/');
  assert.equal(res?.status(), 401);
  await page.close();
});
