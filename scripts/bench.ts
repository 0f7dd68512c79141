/**
 * npm run bench: bundle sizes against their budgets, then the latency budgets measured in headless Chromium
 * against the simulated tenant with L = 200 ms added to every response.
 */
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchExtensionBrowser, stopServiceWorkers } from '../tests/e2e/harness/extension-browser';
import { completeSignIn, configureExtension, panel, portalUserUrl } from '../tests/e2e/harness/session';
import { ADMINS, APP, MANY_GROUPS, MANY_GROUPS_ADMIN, type SeedPerson, TARGETS } from '../tests/tenant/seed';
import { startTenant, type Tenant } from '../tests/tenant/server';
import { entryTotal, measureBundles } from './bundle-sizes';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 200);
// The Global Administrator can read the TAP policy, so it is cached as the budgets assume.
const RUNS = 5;
const failures: string[] = [];

function verdict(name: string, ok: boolean) {
  if (!ok) failures.push(name);
  return ok ? 'ok' : 'OVER BUDGET';
}

function reportSizes() {
  const sizes = measureBundles(EXTENSION_DIR);
  console.log('Bundle sizes (minified, gzipped):');
  for (const size of sizes)
    console.log(`  ${size.file.padEnd(48)} ${kb(size.bytes).padStart(9)} ${kb(size.gzipBytes).padStart(9)} gz`);
  const budgets: [string, string, number][] = [
    ['content script', 'content-scripts/entra.js', 14_000],
    // Our own budgets (no issue sets one for these pages); what they protect, navigation -> panel and popup -> policy,
    // keeps its latency budget below. 64 KB since the window-only mode (Firefox) and the organisation's form defaults,
    // 68 KB since the catalogue (issue 15): the i18n runtime (~1 KB), keys where there were short words, and the
    // language picker for the user's instructions (~2 KB). The popup: 60 KB, 61.5 KB since the catalogue (the runtime).
    // Both +1 KB since the request port (utils/request-channel.ts, 0.85 KB in their shared chunk): a round trip to the
    // worker of 1.4 ms instead of 2.4 on every request they send.
    ['panel page', 'panel.html', 69_000],
    ['popup page', 'popup.html', 62_500],
  ];
  console.log('Bundle budgets (entry + the chunks it loads):');
  for (const [name, entry, budget] of budgets) {
    const total = entryTotal(sizes, EXTENSION_DIR, entry);
    console.log(`  ${name.padEnd(16)} ${kb(total).padStart(9)} of ${kb(budget)}  ${verdict(name, total <= budget)}`);
  }
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(2)} KB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const graphRequests = (tenant: Tenant) =>
  tenant.control.requestLog().filter((entry) => entry.host === 'graph' && !entry.isPreflight);

/**
 * Timestamps taken inside the panel frame (epoch ms), so the figures are the product's, not Playwright's polling:
 * clickAt when Issue TAP / Replace is clicked, passAt when the pass appears, readyAt when a user's view is complete
 * (name and UPN shown, Issue TAP not disabled). The half second a portal frame then waits before its buttons act (the
 * visibility gate) is a security delay, not part of the view, so readyAt ignores aria-disabled.
 * A string: tsx's keepNames would wrap a function in a helper pages lack.
 */
const PANEL_PROBE = `(() => {
  if (!location.pathname.endsWith('/panel.html')) return;
  const epoch = () => performance.timeOrigin + performance.now();
  const marks = (window.__bench = {});
  const isIssue = (button) => /Issue TAP/.test(button.getAttribute('aria-label') || button.textContent || '');
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button && (isIssue(button) || button.textContent.trim() === 'Replace')) marks.clickAt = epoch();
  }, true);
  new MutationObserver(() => {
    if (!marks.passAt && document.querySelector('[data-testid="pass-value"]')) marks.passAt = epoch();
    const issue = [...document.querySelectorAll('button')].find(isIssue);
    if (!marks.readyAt && issue && !issue.disabled && document.querySelector('.user-upn')) marks.readyAt = epoch();
  }).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

/**
 * The bulk page's own timestamps (epoch ms): checkAt when Check is clicked, checkedAt when the issue button for the
 * checked list appears; issueAt when the confirmation's button is clicked, issuedAt when the results heading says all
 * were issued. A string, as PANEL_PROBE.
 */
const BULK_PROBE = `(() => {
  if (!location.pathname.endsWith('/bulk.html')) return;
  const epoch = () => performance.timeOrigin + performance.now();
  const marks = (window.__bulk = {});
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    const text = button ? button.textContent.trim() : '';
    if (text === 'Check the list') marks.checkAt = epoch();
    if (button && button.closest('.confirm-row, [role="group"]') && /^Issue /.test(text)) marks.issueAt = epoch();
  }, true);
  new MutationObserver(() => {
    const buttons = [...document.querySelectorAll('button')].map((b) => b.textContent.trim());
    if (marks.checkAt && !marks.checkedAt && buttons.some((t) => /^Issue \\d+ passes…$/.test(t))) marks.checkedAt = epoch();
    const heading = document.getElementById('bulk-results-title');
    if (marks.issueAt && !marks.issuedAt && heading && /^\\d+ passes issued$/.test(heading.textContent)) marks.issuedAt = epoch();
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

interface BulkMarks {
  checkAt?: number;
  checkedAt?: number;
  issueAt?: number;
  issuedAt?: number;
}

const BULK_USERS = 100;

/** 100 eligible users: checked, then issued, on the bulk page; wall time and Graph requests of each phase. */
async function measureBulk(tenant: Tenant, browser: Awaited<ReturnType<typeof launchExtensionBrowser>>) {
  const users = tenant.control.seedUsers({ count: BULK_USERS, prefix: 'bench' });
  const page = await browser.context.newPage();
  await page.addInitScript(BULK_PROBE);
  await page.goto(browser.extensionUrl('bulk.html'));
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.getByLabel('Users, one per line, or CSV with a header').fill(users.map((u) => u.userPrincipalName).join('\n'));
  tenant.control.clearLog();
  await page.getByRole('button', { name: 'Check the list' }).click();
  const issueAll = page.getByRole('button', { name: `Issue ${BULK_USERS} passes…` });
  await issueAll.waitFor({ timeout: 60_000 });
  const checkRequests = graphRequests(tenant).length;
  await issueAll.click();
  tenant.control.clearLog();
  await page
    .getByRole('button', { name: new RegExp(`^Issue ${BULK_USERS}`) })
    .last()
    .click();
  await page.getByRole('heading', { name: `${BULK_USERS} passes issued` }).waitFor({ timeout: 60_000 });
  const issueRequests = graphRequests(tenant).length;
  const marks = await page.evaluate(() => (window as unknown as { __bulk: BulkMarks }).__bulk);
  // Passes are on this page: leave without the browser's "leave site?" question.
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await page.close({ runBeforeUnload: false });
  const check = (marks.checkedAt ?? Number.NaN) - (marks.checkAt ?? Number.NaN);
  const issue = (marks.issuedAt ?? Number.NaN) - (marks.issueAt ?? Number.NaN);
  return { check, issue, checkRequests, issueRequests };
}

interface PanelMarks {
  clickAt?: number;
  passAt?: number;
  readyAt?: number;
}
const panelMarks = (page: Page) =>
  panel(page)
    .locator('body')
    .evaluate(() => (window as unknown as { __bench: PanelMarks }).__bench);

// Not Adele: she was loaded at sign-in, seconds before, and her view would be shared rather than loaded.
const NAVIGATION_USERS = [TARGETS.pradeep, TARGETS.lynne, TARGETS.isla, TARGETS.miriam, TARGETS.henrietta];

/** A fresh user each run (a shared view of a user seen seconds ago would be measured, not the first view). */
async function measureNavigation(
  tenant: Tenant,
  page: Page,
  browserForColdStart?: () => Promise<void>,
  {
    users = NAVIGATION_USERS,
    runs = RUNS,
    pauseMs = 2_100,
  }: { users?: readonly SeedPerson[]; runs?: number; pauseMs?: number } = {},
) {
  const times: number[] = [];
  const requestCounts: number[] = [];
  for (let run = 0; run < runs; run++) {
    const user = users[run % users.length] ?? TARGETS.adele;
    // The tab's allowance of new loads (a churn limit) is not what is measured: let it refill between runs.
    await page.waitForTimeout(pauseMs);
    if (browserForColdStart) await browserForColdStart();
    tenant.control.clearLog();
    const navigatedAt = await page.evaluate((url) => {
      const at = performance.timeOrigin + performance.now();
      history.pushState(null, '', url);
      return at;
    }, portalUserUrl(user.id));
    await panel(page).getByText(user.userPrincipalName).first().waitFor();
    await expectMark(page, 'readyAt');
    times.push(((await panelMarks(page)).readyAt ?? Number.NaN) - navigatedAt);
    requestCounts.push(graphRequests(tenant).length);
  }
  return { times, requestCounts };
}

async function expectMark(page: Page, mark: keyof PanelMarks) {
  const deadline = Date.now() + 10_000;
  while ((await panelMarks(page))?.[mark] === undefined) {
    if (Date.now() > deadline) throw new Error(`The panel never reached ${mark}.`);
    await page.waitForTimeout(20);
  }
}

async function measureIssue(tenant: Tenant, page: Page) {
  const times: number[] = [];
  const requestCounts: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto('about:blank'); // a fresh portal page: a same-URL goto would keep the previous panel
    await page.goto(portalUserUrl(TARGETS.henrietta.id));
    const frame = panel(page);
    await frame.getByText(TARGETS.henrietta.userPrincipalName).first().waitFor();
    const issue = frame.getByRole('button', { name: /Issue TAP/ });
    await issue.waitFor();
    if (run > 0) {
      await issue.click();
      await frame.getByRole('button', { name: 'Replace' }).waitFor();
    }
    tenant.control.clearLog();
    await (run > 0 ? frame.getByRole('button', { name: 'Replace' }) : issue).click();
    await frame.getByRole('button', { name: 'Copy pass' }).waitFor();
    const marks = await panelMarks(page);
    times.push((marks.passAt ?? Number.NaN) - (marks.clickAt ?? Number.NaN));
    requestCounts.push(graphRequests(tenant).length);
  }
  return { times, requestCounts };
}

async function measurePopup(tenant: Tenant, page: Page, url: string) {
  const times: number[] = [];
  const requestsBeforePaint: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    tenant.control.clearLog();
    await page.goto(url);
    await page.getByTestId('policy-state').waitFor();
    const visible = await page.evaluate(
      () => (window as unknown as { __policyVisible: { at: number; epoch: number } }).__policyVisible,
    );
    times.push(visible.at);
    requestsBeforePaint.push(graphRequests(tenant).filter((entry) => Date.parse(entry.time) < visible.epoch).length);
    // Let the popup's background refresh land before the next run clears the log.
    await page.getByText('Checking for changes…').waitFor({ state: 'detached' });
  }
  return { times, requestsBeforePaint };
}

function report(name: string, times: number[], budgetMs: number, extra: string) {
  const value = median(times);
  const ratio = (value / LATENCY_MS).toFixed(2);
  console.log(
    `  ${name.padEnd(34)} median ${value.toFixed(0).padStart(5)} ms = ${ratio} x L  (budget ${budgetMs.toFixed(0)} ms)  ${verdict(name, value <= budgetMs)}  runs: ${times.map((t) => t.toFixed(0)).join(', ')}  ${extra}`,
  );
}

async function main() {
  reportSizes();
  const tenant = await startTenant({ port: 0 });
  const browser = await launchExtensionBrowser({ args: tenant.chromiumArgs });
  try {
    await configureExtension(browser, { clientId: APP.clientId, tenantId: APP.tenantDomain });
    const page = await browser.context.newPage();
    await page.addInitScript(PANEL_PROBE);
    await page.goto(portalUserUrl(TARGETS.adele.id));
    await completeSignIn(browser, () => panel(page).getByRole('button', { name: 'Sign in' }).click(), ADMINS.megan.displayName);
    await panel(page).getByText(TARGETS.adele.userPrincipalName).first().waitFor();

    tenant.control.setLatency(LATENCY_MS);
    console.log(`Latency budgets (L = ${LATENCY_MS} ms per response, warm token, policy cached, ${RUNS} runs):`);
    const navigation = await measureNavigation(tenant, page);
    report(
      'navigation -> full panel view',
      navigation.times,
      1.2 * LATENCY_MS,
      `Graph requests: ${navigation.requestCounts.join(', ')}`,
    );
    if (navigation.requestCounts.some((count) => count !== 1)) failures.push('first view is not one Graph round trip');
    const issue = await measureIssue(tenant, page);
    report('click Issue TAP -> pass visible', issue.times, 1.1 * LATENCY_MS, `Graph requests: ${issue.requestCounts.join(', ')}`);
    if (issue.requestCounts.some((count) => count !== 1)) failures.push('issuing is not one Graph request');
    // The worker stopped (as Chrome does after 30 s idle), then a user page: the worker starts, rehydrates MSAL's cache
    // from storage.session and loads the view, with no sign-in.
    const cold = await measureNavigation(tenant, page, () => stopServiceWorkers(page));
    report(
      'cold worker: navigation -> full view',
      cold.times,
      LATENCY_MS + 400,
      `Graph requests: ${cold.requestCounts.join(', ')}`,
    );

    // Users in MANY_GROUPS groups (Joni; Grady, whose role comes after his groups): one page each at $top=999. Then with the
    // tenant serving 100 objects a page (standing for a user in more than 999), Joni's last group and Grady's role are on
    // page 2. Two users taking turns, so neither is seen again within the worker's 10 s reuse of a finished view.
    const manyGroups = { users: [TARGETS.joni, MANY_GROUPS_ADMIN], runs: 4, pauseMs: 5_500 };
    const many = await measureNavigation(tenant, page, undefined, manyGroups);
    report(
      `${MANY_GROUPS + 1} memberships -> full view`,
      many.times,
      1.2 * LATENCY_MS,
      `Graph requests: ${many.requestCounts.join(', ')}`,
    );
    if (many.requestCounts.some((count) => count !== 1)) failures.push('a user in many groups is not one Graph round trip');
    tenant.control.setDirectoryPageSize(100);
    const paged = await measureNavigation(tenant, page, undefined, manyGroups);
    tenant.control.setDirectoryPageSize(null);
    report(
      'paged memberships -> full view',
      paged.times,
      2 * 1.2 * LATENCY_MS,
      `Graph requests: ${paged.requestCounts.join(', ')}`,
    );
    if (paged.requestCounts.some((count) => count > 2)) failures.push('paged memberships take more than one more round trip');

    if (process.env.BENCH_CLOSE_PORTAL) await page.close();
    const popup = await browser.context.newPage();
    // A string, not a function: tsx's keepNames would wrap a function in a helper the page doesn't have.
    await popup.addInitScript(`
      const observer = new MutationObserver(() => {
        if (!document.querySelector('[data-testid="policy-state"]')) return;
        window.__policyVisible = { at: performance.now(), epoch: performance.timeOrigin + performance.now() };
        observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true });
    `);
    const popupRuns = await measurePopup(tenant, popup, browser.extensionUrl('popup.html'));
    report(
      'popup (warm cache) -> policy',
      popupRuns.times,
      100,
      `Graph requests before paint: ${popupRuns.requestsBeforePaint.join(', ')}`,
    );
    if (popupRuns.requestsBeforePaint.some((count) => count !== 0)) failures.push('popup asked Graph before painting the policy');
    // Last: a list's 100 issues (and their history lines) would otherwise still be settling under the figures above.
    const bulk = await measureBulk(tenant, browser);
    const roundTrips = (ms: number) => (ms / LATENCY_MS).toFixed(1);
    console.log(
      `  ${`check ${BULK_USERS} users (bulk page)`.padEnd(34)} ${bulk.check.toFixed(0).padStart(5)} ms = ${roundTrips(bulk.check)} round trips  (budget 6 = ${6 * LATENCY_MS} ms)  ${verdict('bulk check', bulk.check <= 6 * LATENCY_MS)}  Graph requests: ${bulk.checkRequests}`,
    );
    console.log(
      `  ${`issue ${BULK_USERS} passes (bulk page)`.padEnd(34)} ${bulk.issue.toFixed(0).padStart(5)} ms = ${roundTrips(bulk.issue)} round trips  (budget 8 = ${8 * LATENCY_MS} ms)  ${verdict('bulk issue', bulk.issue <= 8 * LATENCY_MS)}  Graph requests: ${bulk.issueRequests}`,
    );
    console.log(
      `  ${'bulk check + issue'.padEnd(34)} ${(bulk.check + bulk.issue).toFixed(0).padStart(5)} ms  (budget 2500 ms at L = 200)  ${verdict('bulk total', bulk.check + bulk.issue <= 2500 * (LATENCY_MS / 200))}`,
    );
  } finally {
    await browser.close();
    await tenant.close();
  }
  if (failures.length) {
    console.log(`Over budget: ${failures.join('; ')}`);
    process.exit(1);
  }
  console.log('All budgets met.');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
