/// <reference types="chrome" />
/**
 * Onboarding day (issue 14): a 30-row CSV with 3 invalid rows, 2 excluded users and 1 guest is checked, then issued
 * through an injected 429 and a dropped connection: exactly 24 passes (one POST acted on per row), printed one sheet a
 * page, downloaded as CSV, and afterwards no pass in storage, the console or the history, which holds 24 entries.
 */
import { readFile } from 'node:fs/promises';
import type { Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../utils/bulk/csv';
import { ADMINS, GROUPS, type SeedPerson, TARGETS } from '../tenant/seed';
import type { Tenant } from '../tenant/server';
import { captureConsole } from './harness/console-capture';
import type { ExtensionBrowser } from './harness/extension-browser';
import { resetTenant, TAP_PATH, tapPosts, useSignedInSuite } from './harness/tap-panel';

const INVALID_LINES = ['not a user', 'two@@at.example', 'spaces in@contoso.onmicrosoft.com'];

function cohortCsv(cohort: SeedPerson[], excluded: SeedPerson[]): string {
  const rows = [
    ...cohort.slice(0, 10).map((user) => `${user.userPrincipalName},480,no`),
    INVALID_LINES[0],
    ...excluded.slice(0, 1).map((user) => user.userPrincipalName),
    ...cohort.slice(10, 17).map((user) => `${user.id},,yes`),
    INVALID_LINES[1],
    TARGETS.chris.userPrincipalName,
    ...cohort.slice(17).map((user) => user.userPrincipalName),
    ...excluded.slice(1).map((user) => user.userPrincipalName),
    INVALID_LINES[2],
  ];
  return ['upn,lifetime,one-time', ...rows].join('\r\n');
}

/** Pages in a PDF Chromium wrote: its page objects (not the /Pages tree). */
const pdfPageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

/** The pass values Graph returned inside $batch answers (each item's 201 body), read off the wire by the test. */
function watchBatchedPasses(browser: ExtensionBrowser): { values: string[]; stop: () => void } {
  const values: string[] = [];
  const onResponse = async (response: Response) => {
    if (response.request().method() !== 'POST' || !response.url().endsWith('/$batch')) return;
    const body = (await response.json().catch(() => null)) as {
      responses?: { status: number; body?: { temporaryAccessPass?: string } }[];
    } | null;
    for (const item of body?.responses ?? []) {
      if (item.status === 201 && item.body?.temporaryAccessPass) values.push(item.body.temporaryAccessPass);
    }
  };
  browser.context.on('response', onResponse);
  return { values, stop: () => browser.context.off('response', onResponse) };
}

/** Per user, the pass value of the last 201 Graph returned inside a $batch answer (what the directory holds). */
function watchLatestPassPerUser(browser: ExtensionBrowser): { byUser: Map<string, string>; stop: () => void } {
  const byUser = new Map<string, string>();
  const onResponse = async (response: Response) => {
    if (response.request().method() !== 'POST' || !response.url().endsWith('/$batch')) return;
    const sentBody = JSON.parse(response.request().postData() ?? '{}') as { requests?: { id: string; url: string }[] };
    const urlOf = new Map((sentBody.requests ?? []).map((r) => [r.id, r.url]));
    const body = (await response.json().catch(() => null)) as {
      responses?: { id: string; status: number; body?: { temporaryAccessPass?: string } }[];
    } | null;
    for (const item of body?.responses ?? []) {
      const userId = urlOf.get(item.id)?.match(/\/users\/([^/]+)\//)?.[1];
      if (item.status === 201 && userId && item.body?.temporaryAccessPass) byUser.set(userId, item.body.temporaryAccessPass);
    }
  };
  browser.context.on('response', onResponse);
  return { byUser, stop: () => browser.context.off('response', onResponse) };
}

/** The $batch bodies the extension itself sent (a resend by Chromium's network stack is not one). */
function watchBatchPosts(browser: ExtensionBrowser): { bodies: string[]; stop: () => void } {
  const bodies: string[] = [];
  const onRequest = (request: import('playwright-core').Request) => {
    if (request.method() === 'POST' && request.url().endsWith('/$batch')) bodies.push(request.postData() ?? '');
  };
  browser.context.on('request', onRequest);
  return { bodies, stop: () => browser.context.off('request', onRequest) };
}

async function everywhereTheBackgroundKeeps(browser: ExtensionBrowser) {
  const worker = await browser.serviceWorker();
  return worker.evaluate(async () => ({
    local: await chrome.storage.local.get(null),
    session: await chrome.storage.session.get(null),
    sync: await chrome.storage.sync.get(null),
  }));
}

describe('bulk page: a whole onboarding list, checked first, each pass once', () => {
  let tenant: Tenant;
  let browser: ExtensionBrowser;

  // Megan (Global Administrator) reads the policy, so the check knows who is excluded before anything is sent.
  useSignedInSuite(ADMINS.megan.displayName, (started) => {
    ({ tenant, browser } = started);
  });

  it('30 rows → 24 passes through a 429 and a dropped connection; printed, downloaded, and kept nowhere', async () => {
    await resetTenant(tenant, browser);
    const cohort = tenant.control.seedUsers({ count: 24, prefix: 'hire' });
    const [extraExcluded] = tenant.control.seedUsers({ count: 1, prefix: 'excl', groupIds: [GROUPS.tapExcluded.id] });
    const excluded = [TARGETS.diego, extraExcluded as SeedPerson];
    const captured = captureConsole(browser.context, await browser.serviceWorker());
    const wire = watchBatchedPasses(browser);

    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('bulk.html'));
    await page.getByRole('heading', { name: 'Issue Temporary Access Passes for a list' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByLabel('Users, one per line, or CSV with a header').fill(cohortCsv(cohort, excluded));

    // Check: nothing is issued, the invalid lines are listed and never sent.
    tenant.control.clearLog();
    await page.getByRole('button', { name: 'Check the list' }).click();
    const issueAll = page.getByRole('button', { name: 'Issue 24 passes…' });
    await issueAll.waitFor({ timeout: 20_000 });
    expect(tapPosts(tenant)).toEqual([]);
    const pageText = await page.locator('main').textContent();
    for (const line of INVALID_LINES) expect(pageText).toContain(line);
    const checkTable = await page.locator('table').first().textContent();
    expect(checkTable).toMatch(/Diego Siciliani[\s\S]*Skipped/);
    expect(checkTable).toMatch(/Chris Green[\s\S]*Skipped/);
    const logged = JSON.stringify(tenant.control.requestLog());
    for (const line of INVALID_LINES) expect(logged).not.toContain(encodeURIComponent(line.split('@')[0] ?? line));

    // Issue, through Graph's throttling of two POSTs and a connection that drops before Graph acts on the $batch that
    // carries the first user's POST. Chromium resends a request once by itself when a reused connection closes before
    // any answer (panel-errors.e2e), so the drop hits twice: the extension itself sees it either way.
    tenant.control.clearLog();
    const sent = watchBatchPosts(browser);
    tenant.control.injectFault({
      host: 'graph',
      method: 'POST',
      path: TAP_PATH,
      inBatch: true,
      status: 429,
      retryAfter: '1',
      times: 2,
    });
    tenant.control.injectFault({
      host: 'graph',
      method: 'POST',
      path: '$batch',
      bodyIncludes: `"method":"POST","url":"/users/${cohort[0]?.id}/`,
      drop: 'before',
      times: 2,
    });
    await issueAll.click();
    const confirm = page.getByRole('button', { name: /^Issue 24/ }).last();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: 5_000 }).toBe('Cancel');
    await confirm.click();
    const done = page.getByRole('heading', { name: '24 passes issued' });
    const left = page.getByRole('button', { name: /^Issue for the \d+ users? left…$/ });
    await done.or(left).first().waitFor({ timeout: 60_000 });
    if (await left.isVisible()) {
      // The drop hit the extension's own resend too (both on fresh connections): a second loss is reported, never sent
      // a third time by itself; the admin issues those rows again, explicitly.
      await left.click();
      await page
        .getByRole('button', { name: /^Issue/ })
        .last()
        .click();
      await done.waitFor({ timeout: 60_000 });
    }
    wire.stop();
    sent.stop();
    expect(tenant.control.requestLog().filter((entry) => entry.dropped === 'before')).toHaveLength(2);
    // However often Chromium resent it, the first user's POST was acted on once (the 201s are counted below).
    expect(sent.bodies.some((body) => body.includes(`/users/${cohort[0]?.id}/`))).toBe(true);

    const acted = tapPosts(tenant).filter((call) => call.status === 201);
    expect(acted).toHaveLength(24);
    const postedTo = acted.map((call) => call.path.toLowerCase());
    for (const user of cohort) expect(postedTo.filter((path) => path.includes(user.id))).toHaveLength(1);
    expect(tapPosts(tenant).filter((call) => call.status === 429)).toHaveLength(2);
    expect(tenant.control.requestLog().some((entry) => entry.dropped === 'before')).toBe(true);
    for (const user of excluded) expect(tenant.control.state.passes[user.id]).toBeUndefined();
    expect(tenant.control.state.passes[TARGETS.chris.id]).toBeUndefined();
    expect(wire.values).toHaveLength(24);
    const passes = new Set(wire.values);
    expect(passes.size).toBe(24);

    // The table shows each pass Graph returned, once.
    const results = await page.getByTestId('bulk-results-table').textContent();
    for (const pass of passes) expect(results).toContain(pass);

    // Handover sheets: the print view is one page per user, each with that user's pass.
    await page.emulateMedia({ media: 'print' });
    const sheets = page.locator('.sheet');
    expect(await sheets.count()).toBe(24);
    const sheetPasses = await sheets.evaluateAll((all) =>
      all.map((sheet) => (sheet.querySelector('.sheet-pass .visually-hidden')?.textContent ?? '').trim()),
    );
    expect(new Set(sheetPasses)).toEqual(passes);
    expect(await page.locator('main').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdfPageCount(pdf)).toBe(24);
    await page.emulateMedia({ media: 'screen' });

    // Download CSV: an explicit click, the 24 passes exactly.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csvText = await readFile((await download.path()) as string, 'utf8');
    const table = readCsv(csvText);
    if (!table.ok) throw new Error(`the downloaded CSV doesn't read: ${table.why}`);
    const [header, ...records] = table.records.filter((record) => record.raw !== '');
    const passColumn = header?.cells.indexOf('temporary access pass') ?? -1;
    expect(passColumn).toBeGreaterThanOrEqual(0);
    expect(records).toHaveLength(24);
    expect(new Set(records.map((record) => record.cells[passColumn]))).toEqual(passes);

    // Closing the page asks first while passes are shown.
    const dialog = new Promise<string>((resolve) => page.once('dialog', (d) => void d.dismiss().then(() => resolve(d.type()))));
    await page.close({ runBeforeUnload: true });
    expect(await dialog).toBe('beforeunload');

    // Nothing of any pass is kept: storage, the console (proved live first), the history.
    await (await browser.serviceWorker()).evaluate(() => console.log('bulk spec: console capture is live'));
    await expect.poll(() => captured.messages.some((line) => line.includes('console capture is live'))).toBe(true);
    const kept = JSON.stringify(await everywhereTheBackgroundKeeps(browser));
    const consoleText = captured.messages.join('\n');
    for (const pass of passes) {
      expect(kept.includes(pass), 'a pass in extension storage').toBe(false);
      expect(consoleText.includes(pass), 'a pass in the console').toBe(false);
    }
    const { history } = (await everywhereTheBackgroundKeeps(browser)).local as { history?: { source: string; action: string }[] };
    const bulkEntries = (history ?? []).filter((entry) => entry.source === 'bulk');
    expect(bulkEntries).toHaveLength(24);
    expect(bulkEntries.every((entry) => entry.action === 'issue')).toBe(true);

    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html#history'));
    const rows = options.locator('section.history tbody tr');
    await expect.poll(() => rows.count(), { timeout: 5_000 }).toBe(24);
    const historyText = (await options.locator('body').textContent()) ?? '';
    for (const pass of passes) expect(historyText.includes(pass)).toBe(false);
    await options.close();
  });
  it('a connection lost after Graph acted: each user ends with one pass, and the value shown is the one Graph holds', async () => {
    await resetTenant(tenant, browser);
    const cohort = tenant.control.seedUsers({ count: 3, prefix: 'late' });
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('bulk.html'));
    await page
      .getByLabel('Users, one per line, or CSV with a header')
      .fill(cohort.map((user) => user.userPrincipalName).join('\n'));
    await page.getByRole('button', { name: 'Check the list' }).click();
    await page.getByRole('button', { name: 'Issue 3 passes…' }).click();
    tenant.control.clearLog();
    const sent = watchBatchPosts(browser);
    const latest = watchLatestPassPerUser(browser);
    tenant.control.injectFault({
      host: 'graph',
      method: 'POST',
      path: '$batch',
      bodyIncludes: '"method":"POST"',
      drop: 'after',
      times: 1,
    });
    await page
      .getByRole('button', { name: /^Issue 3/ })
      .last()
      .click();
    const done = page.getByRole('heading', { name: '3 passes issued' });
    const left = page.getByRole('button', { name: 'Issue for the 3 users left…' });
    await done.or(left).first().waitFor({ timeout: 30_000 });
    // The extension itself sent the POSTs once, whatever followed (Chromium may resend on a reused connection by itself,
    // and that resend's answer is then the pass Graph holds).
    expect(sent.bodies.filter((body) => body.includes('"method":"POST"'))).toHaveLength(1);
    if (await left.isVisible()) {
      // The extension saw the loss: the rows say a pass was created but its value can't be shown; none is shown.
      expect(await page.getByTestId('bulk-results').count()).toBe(0);
      expect(await page.getByTestId('bulk-not-issued').textContent()).toMatch(/connection dropped before its value arrived/);
      for (const user of cohort) expect(tenant.control.state.passes[user.id]).toBeDefined();
      // Issuing again is the admin's explicit choice: a new pass replaces each lost one.
      await left.click();
      await page
        .getByRole('button', { name: /^(Issue|Replace)/ })
        .last()
        .click();
      await done.waitFor({ timeout: 30_000 });
    }
    sent.stop();
    latest.stop();
    // Either way: one pass per user in the directory, and the one value shown per row is that pass's (the last 201).
    const shown = await page
      .getByTestId('bulk-results-table')
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => ({
          upn: row.querySelector('.bulk-upn')?.textContent ?? '',
          pass: row.querySelector('.bulk-pass .visually-hidden')?.textContent ?? '',
        })),
      );
    expect(shown).toHaveLength(3);
    for (const user of cohort) {
      const row = shown.filter((r) => r.upn === user.userPrincipalName);
      expect(row).toHaveLength(1);
      expect(row[0]?.pass).toBe(latest.byUser.get(user.id));
      expect(tenant.control.state.passes[user.id]).toBeDefined();
    }
    await page.close();
  });
});
