/// <reference types="chrome" />

import { describe, expect, it } from 'vitest';
import { ADMINS, LYNNE_PASS_ID, TARGETS } from '../tenant/seed';
import type { Tenant } from '../tenant/server';
import type { ExtensionBrowser } from './harness/extension-browser';
import { openPanelWindowFor } from './harness/panel-window';
import { panel } from './harness/session';
import {
  displayedPass,
  issueButton,
  openUser,
  tapCalls,
  tapPosts,
  useSignedInSuite,
  watchIssuedValues,
} from './harness/tap-panel';

const pad = (n: number) => String(n).padStart(2, '0');
/** A datetime-local value in the browser's (= this machine's) time zone. */
const localInputValue = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

describe('panel: issue, options, replace, revoke, one POST per click', () => {
  let tenant: Tenant;
  let browser: ExtensionBrowser;

  // Megan (Global Administrator) reads the policy, so the form knows its bounds.
  useSignedInSuite(
    ADMINS.megan.displayName,
    (started) => {
      ({ tenant, browser } = started);
    },
    { freshEachTest: true },
  );

  it('issues with the policy defaults in one click: shown once, grouped in monospace, exactly the value Graph returned', async () => {
    const page = await openUser(browser, TARGETS.adele.id);
    const frame = panel(page);
    tenant.control.clearLog();
    const wire = watchIssuedValues(browser);
    await issueButton(frame).click();
    await frame.getByTestId('pass-value').waitFor();
    wire.stop();

    const shown = await displayedPass(frame);
    const groups = await frame.getByTestId('pass-value').locator('.pass-group').allTextContents();
    expect(groups).toEqual([shown.slice(0, 4), shown.slice(4, 8)]);
    expect(shown).toHaveLength(tenant.control.state.policy.defaultLength);
    expect(wire.values).toEqual([shown]);
    const font = await frame.getByTestId('pass-value').evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).toMatch(/monospace/);
    await frame.getByRole('heading', { name: 'New Temporary Access Pass' }).waitFor();
    expect(await frame.getByTestId('pass-countdown').textContent()).toMatch(/^expires in (59 min|1 h)$/);
    await frame.getByRole('button', { name: 'Copy pass' }).waitFor();
    await frame.getByRole('button', { name: 'Copy instructions' }).waitFor();

    // The tenant never keeps the value (Graph returns it once); it keeps the pass, with the policy's default lifetime.
    const stored = tenant.control.state.passes[TARGETS.adele.id];
    expect(stored?.lifetimeInMinutes).toBe(tenant.control.state.policy.defaultLifetimeInMinutes);
    expect(stored?.isUsableOnce).toBe(false);
    const posts = tapPosts(tenant);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ status: 201, inBatch: false });
    expect(posts[0]?.path).toContain(TARGETS.adele.id);
    // The current-pass card follows without another read.
    await frame.getByRole('heading', { name: 'Current pass' }).waitFor();
    await page.close();
  });

  it('issues with options: start tomorrow 09:00 local, 2 hours, one-time → the tenant holds exactly that', async () => {
    const page = await openUser(browser, TARGETS.adele.id);
    const frame = panel(page);
    const start = new Date();
    start.setDate(start.getDate() + 1);
    start.setHours(9, 0, 0, 0);
    await frame.getByRole('button', { name: 'Options' }).click();
    await frame.getByLabel('Start date and time').fill(localInputValue(start));
    await frame.getByLabel('Lifetime', { exact: true }).fill('2');
    await frame.getByLabel('One-time use').check();
    expect(await frame.getByRole('button', { name: 'Options (changed)' }).getAttribute('aria-expanded')).toBe('true');
    tenant.control.clearLog();
    await issueButton(frame).click();
    await frame.getByTestId('pass-value').waitFor();

    const stored = tenant.control.state.passes[TARGETS.adele.id];
    expect(stored).toMatchObject({ startDateTime: start.toISOString(), lifetimeInMinutes: 120, isUsableOnce: true });
    expect(tapPosts(tenant)).toHaveLength(1);
    const shownPass = frame.locator('.pass-display');
    await shownPass.getByText('One-time').waitFor();
    expect(await frame.getByTestId('pass-countdown').textContent()).toMatch(/^starts in /);
    await page.close();
  });

  it('refuses a lifetime outside the policy bounds in the form: described when the field is left, Issue inert, no POST', async () => {
    const page = await openUser(browser, TARGETS.adele.id);
    const frame = panel(page);
    tenant.control.clearLog();
    await frame.getByRole('button', { name: 'Options' }).click();
    const lifetime = frame.getByLabel('Lifetime', { exact: true });

    await lifetime.fill('10');
    // Nothing is said while typing (no alert per keystroke); leaving the field describes the problem.
    expect(await frame.getByRole('alert').count()).toBe(0);
    await lifetime.press('Tab');
    const tenHours = frame.getByText(/10 hours is outside the allowed range\. The policy allows 1–8 hours\./).first();
    await tenHours.waitFor();
    expect(await lifetime.getAttribute('aria-invalid')).toBe('true');
    expect(await lifetime.getAttribute('aria-describedby')).toContain('tap-lifetime-problem');
    await expect.poll(() => issueButton(frame).isDisabled()).toBe(true); // aria-disabled

    await frame.getByLabel('Lifetime unit').selectOption('minutes');
    await lifetime.fill('30');
    await lifetime.press('Tab');
    await frame
      .getByText(/30 minutes is outside the allowed range\. The policy allows 1–8 hours\./)
      .first()
      .waitFor();
    await expect.poll(() => issueButton(frame).isDisabled()).toBe(true);
    // Issue pressed anyway (closed options): nothing is sent, the options open and the field gets the focus.
    await frame.getByRole('button', { name: /^Options/ }).click();
    await issueButton(frame).click({ force: true });
    await expect.poll(() => lifetime.evaluate((field) => field === document.activeElement)).toBe(true);

    expect(tapPosts(tenant)).toEqual([]);
    expect(tenant.control.state.passes[TARGETS.adele.id]).toBeUndefined();

    // Back inside the bounds, the button comes back.
    await lifetime.fill('480');
    await expect.poll(() => issueButton(frame).isEnabled()).toBe(true);
    await page.close();
  });

  it('replaces the current pass after a confirmation: a new pass id, the old one gone, one POST', async () => {
    const page = await openUser(browser, TARGETS.lynne.id);
    const frame = panel(page);
    tenant.control.clearLog();
    await frame.getByRole('button', { name: 'Issue TAP (replaces the current pass)' }).click();
    await frame.getByText('This replaces the current pass. Continue?').waitFor();
    expect(tapPosts(tenant)).toEqual([]); // nothing before the confirmation
    await frame.getByRole('button', { name: 'Replace' }).click();
    await frame.getByTestId('pass-value').waitFor();

    const stored = tenant.control.state.passes[TARGETS.lynne.id];
    expect(stored?.id).toBeDefined();
    expect(stored?.id).not.toBe(LYNNE_PASS_ID);
    const posts = tapPosts(tenant);
    expect(posts).toHaveLength(1);
    expect(tapCalls(tenant).filter((c) => c.method === 'DELETE')).toEqual([]); // Graph's POST replaces: no DELETE first
    await page.close();
  });

  it('cancelling the replace confirmation sends nothing', async () => {
    const page = await openUser(browser, TARGETS.lynne.id);
    const frame = panel(page);
    tenant.control.clearLog();
    await issueButton(frame).click();
    await frame.getByRole('button', { name: 'Cancel' }).click();
    await issueButton(frame).waitFor();
    expect(tapPosts(tenant)).toEqual([]);
    expect(tenant.control.state.passes[TARGETS.lynne.id]?.id).toBe(LYNNE_PASS_ID);
    await page.close();
  });

  it('revokes after a confirmation: DELETE in the log, the panel shows no current pass', async () => {
    const page = await openUser(browser, TARGETS.lynne.id);
    const frame = panel(page);
    tenant.control.clearLog();
    const card = frame.getByRole('region', { name: 'Current pass' });
    await card.getByRole('button', { name: 'Revoke' }).click();
    await frame.getByText('Revoke this pass? The user can no longer sign in with it.').waitFor();
    expect(tapCalls(tenant).filter((c) => c.method === 'DELETE')).toEqual([]);
    await frame.getByRole('group').getByRole('button', { name: 'Revoke' }).click();
    await frame.getByText('No Temporary Access Pass.').waitFor();

    const deletes = tapCalls(tenant).filter((c) => c.method === 'DELETE');
    expect(deletes).toHaveLength(1);
    expect(deletes[0]?.path).toContain(LYNNE_PASS_ID);
    expect(deletes[0]?.status).toBe(204);
    expect(tenant.control.state.passes[TARGETS.lynne.id]).toBeUndefined();
    await expect.poll(() => issueButton(frame).getAttribute('aria-label')).toBe('Issue TAP');
    await page.close();
  });

  it('a double click issues exactly one pass', async () => {
    tenant.control.setLatency(150); // keep the POST in flight while the second click lands
    const page = await openUser(browser, TARGETS.adele.id);
    const frame = panel(page);
    tenant.control.clearLog();
    await issueButton(frame).dblclick();
    await frame.getByTestId('pass-value').waitFor();
    expect(tapPosts(tenant)).toHaveLength(1);
    await page.close();
  });

  it('two rapid clicks (mouse, and DOM clicks in the same task) issue exactly one pass', async () => {
    tenant.control.setLatency(150);
    const page = await openUser(browser, TARGETS.adele.id);
    const frame = panel(page);
    tenant.control.clearLog();
    // Raw mouse clicks don't wait for anything: wait until the panel has been visible long enough to act.
    await expect.poll(() => issueButton(frame).isEnabled()).toBe(true);
    const box = await issueButton(frame).boundingBox();
    if (!box) throw new Error('no Issue TAP box');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.waitForTimeout(200); // a resting pointer: a click from one that only just arrived is ignored
    await Promise.all([page.mouse.click(x, y), page.mouse.click(x, y)]);
    await frame.getByTestId('pass-value').waitFor();
    expect(tapPosts(tenant)).toHaveLength(1);
    await page.close();

    const again = await openUser(browser, TARGETS.isla.id);
    tenant.control.clearLog();
    await expect.poll(() => issueButton(panel(again)).isEnabled()).toBe(true);
    // DOM clicks count as key presses (detail 0): the panel must have had the keyboard for a moment.
    await issueButton(panel(again)).focus();
    await again.waitForTimeout(600);
    await issueButton(panel(again)).evaluate((button: HTMLButtonElement) => {
      button.click();
      button.click();
    });
    await panel(again).getByTestId('pass-value').waitFor();
    expect(tapPosts(tenant)).toHaveLength(1);
    await again.close();
  });

  it('repeated issue messages join the one in flight, and a used attempt id is never sent again', async () => {
    tenant.control.setLatency(150);
    // A panel window: the background bound it when it opened it, so its page may send these messages itself.
    const page = await openPanelWindowFor(browser, TARGETS.adele.userPrincipalName, 'status');
    await issueButton(page).waitFor();
    tenant.control.clearLog();
    const replies = await page.evaluate(async (userId) => {
      const send = (attemptId: string) => chrome.runtime.sendMessage({ type: 'issueTap', userId, attemptId, options: {} });
      const [a, b] = await Promise.all([send('attempt-a'), send('attempt-b')]);
      const c = await send('attempt-a');
      const id = (r: { ok: boolean; data?: { id: string }; error?: { message: string } }) =>
        r.ok ? r.data?.id : r.error?.message;
      return [id(a), id(b), id(c)];
    }, TARGETS.adele.id);
    expect(replies[0]).toBe(tenant.control.state.passes[TARGETS.adele.id]?.id);
    expect(replies[1]).toBe(replies[0]);
    expect(replies[2]).toMatch(/already handled, so no second pass was issued/);
    expect(tapPosts(tenant)).toHaveLength(1);
    await page.close();
  });

  it('intent=issue (context menu window) focuses the Issue TAP button', async () => {
    const page = await openPanelWindowFor(browser, TARGETS.adele.userPrincipalName, 'issue');
    await page.getByText(TARGETS.adele.displayName).first().waitFor();
    await expect.poll(() => issueButton(page).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(tapPosts(tenant)).toEqual([]); // focus only: issuing still takes the admin's click
    await page.close();
  });
});
