// The canary lab in the app, as a student does it: open the lab panel, start the lab, type its
// steps in the terminal, watch the checkpoints turn green, restart the app: the progress stays.
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openBrowser, screenshot, startApp, typeInTerminal, waitForTerminal, type AppProcess, type BrowserSession } from './support/app-fixture';

let app: AppProcess | undefined;
let browser: BrowserSession | undefined;

after(async () => {
  await browser?.close();
  await app?.stop();
});

async function openLabs(page: Page): Promise<void> {
  const panel = page.locator('[data-testid="lab-panel"]');
  if ((await panel.getAttribute('data-open')) !== 'true') await panel.locator('button').first().click();
  await page.locator('[data-testid="lab-panel"][data-open="true"]').waitFor();
}

/** Waits for the panel's score (checkpoint points turning green) to reach `score`. */
async function waitScore(page: Page, score: number, timeoutMs = 60_000): Promise<void> {
  try {
    await page.locator('[data-testid="lab-score"]', { hasText: `${score}/100` }).waitFor({ timeout: timeoutMs });
  } catch (e) {
    await screenshot(page, `labs-waiting-score-${score}`);
    throw e;
  }
}

async function run(page: Page, command: string, until: RegExp, timeoutMs = 60_000): Promise<void> {
  await typeInTerminal(page, `${command}\n`);
  await waitForTerminal(page, until, timeoutMs);
}

test('canary lab: checkpoints turn green live and survive an app restart', async () => {
  app = await startApp();
  browser = await openBrowser(app.url, { locale: 'en-US' });
  let page = browser.page;
  await waitForTerminal(page, /\[root@master ~\]# $/);
  await openLabs(page);
  await page.locator('[data-testid="lab-catalogue"] li[data-lab="canary"] button').click();
  await page.locator('[data-testid="lab-run"][data-lab="canary"]').waitFor({ timeout: 60_000 });

  await run(page, 'kubectl rollout status deployment pc-deployment -n dev', /successfully rolled out/);
  await run(page, 'kubectl set image deployment pc-deployment nginx=nginx:1.17.4 -n dev && kubectl rollout pause deployment pc-deployment -n dev', /deployment\.apps\/pc-deployment paused/);
  await waitScore(page, 50); // canary-paused: old and new pods ran side by side while paused
  await run(page, 'kubectl rollout resume deployment pc-deployment -n dev', /deployment\.apps\/pc-deployment resumed/);
  await run(page, 'kubectl rollout status deployment pc-deployment -n dev', /successfully rolled out[\s\S]*successfully rolled out/, 90_000);
  await waitScore(page, 100, 90_000); // canary-resumed
  await page.locator('[data-testid="lab-run"] button', { hasText: '›' }).click();
  await page.locator('[data-checkpoint="canary-paused"][data-passed="true"]').waitFor();
  await screenshot(page, 'labs-canary-green');

  // Restart the whole app on the same data folder: the run and its green checkpoints remain.
  const dataDir = app.dataDir;
  await browser.close();
  await app.stop();
  app = await startApp({ dataDir });
  browser = await openBrowser(app.url, { locale: 'en-US' });
  page = browser.page;
  await openLabs(page);
  await page.locator('[data-testid="lab-run"][data-lab="canary"]').waitFor({ timeout: 60_000 });
  await waitScore(page, 100);
  await screenshot(page, 'labs-canary-after-restart');
});
