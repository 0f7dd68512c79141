/// <reference types="chrome" />
/**
 * axe-core in every panel, popup and options state the suite reaches, in the portal's light, dark and high-contrast
 * themes: any WCAG 2.2 A/AA violation fails. The states are reached the way an admin reaches them.
 */
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMINS, GROUPS, TARGETS } from '../tenant/seed';
import type { Tenant } from '../tenant/server';
import { type AxeFinding, axeFindings } from './harness/axe';
import type { ExtensionBrowser } from './harness/extension-browser';
import { openPanelWindowFor } from './harness/panel-window';
import { currentPanelFrame, PANEL_HOST, panel, portalUserUrl } from './harness/session';
import { issueButton, resetTenant, switchAdmin, useSignedInSuite } from './harness/tap-panel';

const MIN_STATES = 44;

describe('accessibility: axe-core finds no WCAG 2.2 A/AA violation in any state', () => {
  let tenant: Tenant;
  let browser: ExtensionBrowser;
  const checked: string[] = [];

  useSignedInSuite(ADMINS.megan.displayName, (started) => {
    ({ tenant, browser } = started);
  });

  async function expectClean(target: Frame | Page, state: string) {
    checked.push(state);
    const findings: AxeFinding[] = await axeFindings(target, state);
    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  }

  /** A user's page, once the panel shows `text` (default: the Issue button). */
  async function userPage(userId: string, text?: RegExp | string) {
    const page = await browser.context.newPage();
    await page.goto(portalUserUrl(userId));
    const frame = panel(page);
    if (text) await frame.getByText(text).first().waitFor();
    else await issueButton(frame).waitFor();
    return { page, frame, live: () => currentPanelFrame(page) };
  }

  /** The panel's main states in one portal theme. */
  async function panelStates(theme: 'light' | 'dark' | 'highContrastDark' | 'highContrastLight') {
    await resetTenant(tenant, browser);
    tenant.control.setPortalTheme(theme);
    const eligible = await userPage(TARGETS.adele.id);
    await expectClean(await eligible.live(), `${theme}: eligible user`);
    if (theme === 'light') {
      // The check itself can fail: a nameless button and grey-on-grey text planted in the frame are found.
      const frame = await eligible.live();
      await frame.evaluate(() => {
        const planted = document.createElement('div');
        planted.id = 'planted';
        planted.innerHTML = '<button></button><p style="color:#bbb;background:#ccc">faint</p>';
        document.querySelector('main')?.append(planted);
      });
      const ids = (await axeFindings(frame, 'planted')).map((finding) => finding.id);
      expect(ids).toEqual(expect.arrayContaining(['button-name', 'color-contrast']));
      await frame.evaluate(() => document.getElementById('planted')?.remove());
    }
    await eligible.frame.getByRole('button', { name: 'Options' }).click();
    await expectClean(await eligible.live(), `${theme}: options open`);
    const lifetime = eligible.frame.getByLabel('Lifetime', { exact: true });
    await lifetime.fill('12');
    await lifetime.press('Tab');
    await eligible.frame
      .getByText(/outside the allowed range/)
      .first()
      .waitFor();
    await expectClean(await eligible.live(), `${theme}: options with a problem`);
    await lifetime.fill('');
    await issueButton(eligible.frame).click();
    await eligible.frame.getByTestId('pass-value').waitFor();
    await expectClean(await eligible.live(), `${theme}: new pass shown`);
    await eligible.frame.getByRole('button', { name: 'Spell out' }).click();
    await eligible.frame.getByTestId('pass-spelled').waitFor();
    await expectClean(await eligible.live(), `${theme}: pass spelled out`);
    await eligible.frame.getByRole('button', { name: 'Done' }).click();
    await eligible.frame.getByRole('button', { name: 'Revoke' }).click();
    await eligible.frame.getByRole('button', { name: 'Cancel' }).waitFor();
    await expectClean(await eligible.live(), `${theme}: revoke confirmation`);
    await eligible.frame.getByRole('button', { name: 'Cancel' }).click();
    await issueButton(eligible.frame).click();
    await eligible.frame.getByRole('button', { name: 'Replace' }).waitFor();
    await expectClean(await eligible.live(), `${theme}: replace confirmation`);
    await eligible.page.close();

    const excluded = await userPage(TARGETS.diego.id, GROUPS.tapExcluded.displayName);
    await expectClean(await excluded.live(), `${theme}: excluded by a group`);
    await excluded.page.close();

    tenant.control.injectFault({ method: 'POST', path: 'temporaryAccessPassMethods', status: 429, retryAfter: '30', times: 1 });
    const throttled = await userPage(TARGETS.isla.id);
    await issueButton(throttled.frame).click();
    await throttled.frame.getByRole('alert').waitFor();
    await expectClean(await throttled.live(), `${theme}: throttled error with its wait`);
    await throttled.frame.locator('summary').click();
    await expectClean(await throttled.live(), `${theme}: error details open`);
    await throttled.page.close();
  }

  it('the panel in the light portal theme', () => panelStates('light'));
  it('the panel in the dark portal theme', () => panelStates('dark'));
  it('the panel in the high-contrast portal themes', async () => {
    await panelStates('highContrastDark');
    await resetTenant(tenant, browser);
    tenant.control.setPortalTheme('highContrastLight');
    const eligible = await userPage(TARGETS.adele.id);
    await expectClean(await eligible.live(), 'highContrastLight: eligible user');
    await eligible.page.close();
    tenant.control.setPortalTheme('light');
  });

  /**
   * How the panel frame looks: its theme, the computed colours of a primary (Issue) and a secondary (Revoke) button, and
   * what the media queries the page emulates say inside the frame (an extension frame runs in its own process).
   */
  async function panelLook(page: Page) {
    // No hover colour: the pointer rests on the panel's empty left margin (the frame keeps its last pointer position
    // when the pointer leaves it), then leaves.
    const host = await page.locator(PANEL_HOST).boundingBox();
    if (host) await page.mouse.move(host.x + 4, host.y + 4);
    await page.mouse.move(1, 1);
    const frame = await currentPanelFrame(page);
    // Armed (seen long enough): an aria-disabled button has inert colours, GrayText under forced colours.
    await frame.locator('.btn-primary:not([aria-disabled])').waitFor();
    return frame.evaluate(() => {
      const read = (element: Element | null) => {
        if (!element) throw new Error('element missing in the panel');
        const style = getComputedStyle(element);
        return {
          background: style.backgroundColor,
          color: style.color,
          border: style.borderTopColor,
          width: style.borderTopWidth,
        };
      };
      // A system colour as this frame resolves it.
      const system = (name: string) => {
        const probe = document.createElement('span');
        probe.style.cssText = `forced-color-adjust: none; background-color: ${name}`;
        document.body.append(probe);
        const value = getComputedStyle(probe).backgroundColor;
        probe.remove();
        return value;
      };
      const media = (query: string) => matchMedia(query).matches;
      return {
        theme: document.documentElement.dataset.theme,
        page: read(document.body),
        primary: read(document.querySelector('.btn-primary')),
        secondary: read(document.querySelector('[data-action="revoke"]')),
        muted: read(document.querySelector('.user-upn')).color,
        system: { highlight: system('Highlight'), buttonFace: system('ButtonFace') },
        osDark: media('(prefers-color-scheme: dark)'),
        forced: media('(forced-colors: active)'),
        moreContrast: media('(prefers-contrast: more)'),
      };
    });
  }

  /** Lynne's page (she has a pass: Issue is the primary button, Revoke a secondary one) in the given portal theme. */
  async function themedPage(theme: 'light' | 'dark' | 'highContrastDark' | 'highContrastLight', os: 'light' | 'dark') {
    tenant.control.setPortalTheme(theme);
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: os });
    await page.goto(portalUserUrl(TARGETS.lynne.id));
    await panel(page).getByRole('button', { name: 'Revoke' }).waitFor();
    return page;
  }

  // Signed in as Megan: before the popup and options test, which ends signed out.
  it('the portal’s theme reaches the panel frame: Fluent colours, high contrast, forced colours, more contrast', async () => {
    await resetTenant(tenant, browser);
    const FLUENT_LIGHT_BRAND = 'rgb(15, 108, 189)'; // #0f6cbd
    const FLUENT_DARK_BRAND = 'rgb(17, 94, 163)'; // #115ea3
    const WHITE = 'rgb(255, 255, 255)';

    // The Entra shell dark, the OS light: only the portal's theme can make the panel dark.
    const dark = await themedPage('dark', 'light');
    expect(await dark.evaluate(() => document.body.classList.contains('fxs-theme-dark'))).toBe(true);
    const darkLook = await panelLook(dark);
    expect(darkLook.osDark).toBe(false);
    expect(darkLook.theme).toBe('dark');
    expect(darkLook.primary).toMatchObject({ background: FLUENT_DARK_BRAND, color: WHITE });
    expect(darkLook.page.background).toBe('rgb(41, 41, 41)'); // Fluent's dark neutral #292929
    expect(darkLook.page.color).toBe(WHITE);

    // The shell switches to light while the panel is open: the frame follows.
    await dark.evaluate(() => {
      document.body.className = 'fxs-theme-light fxs-mode-light';
    });
    await expect.poll(async () => (await panelLook(dark)).theme).toBe('light');
    expect((await panelLook(dark)).primary).toMatchObject({ background: FLUENT_LIGHT_BRAND, color: WHITE });
    await dark.close();

    // The shell light, the OS dark: the panel is light, not dark-coloured as the OS alone would make it.
    const light = await themedPage('light', 'dark');
    const lightLook = await panelLook(light);
    expect(lightLook.osDark).toBe(true);
    expect(lightLook.theme).toBe('light');
    expect(lightLook.primary).toMatchObject({ background: FLUENT_LIGHT_BRAND, color: WHITE });
    expect(lightLook.primary.background).not.toBe(FLUENT_DARK_BRAND);
    expect(lightLook.page.background).toBe(WHITE);

    // The OS asks for more contrast: thicker button borders, and no muted grey text.
    expect(lightLook.moreContrast).toBe(false);
    expect(lightLook.secondary.width).toBe('1px');
    expect(lightLook.muted).not.toBe(lightLook.page.color);
    await light.emulateMedia({ colorScheme: 'dark', contrast: 'more' });
    const more = await panelLook(light);
    expect(more.moreContrast).toBe(true);
    expect(more.secondary.width).toBe('2px');
    expect(more.primary.width).toBe('2px');
    expect(more.muted).toBe(more.page.color);
    expect(more.secondary.border).toBe(more.page.color);

    // Forced colours (Windows High Contrast): system colours only, and primary still told apart from secondary.
    await light.emulateMedia({ colorScheme: 'dark', contrast: null, forcedColors: 'active' });
    const forced = await panelLook(light);
    expect(forced.forced).toBe(true);
    expect(forced.system.highlight).not.toBe(forced.system.buttonFace);
    expect(forced.primary).toMatchObject({ background: forced.system.highlight, border: forced.system.highlight });
    expect(forced.secondary.background).toBe(forced.system.buttonFace);
    expect(forced.primary.background).not.toBe(forced.secondary.background);
    expect(forced.primary.color).not.toBe(forced.secondary.color);
    expect(forced.primary.border).not.toBe(forced.secondary.border);
    await light.close();

    // The portal's own high-contrast themes.
    const black = await themedPage('highContrastDark', 'light');
    const blackLook = await panelLook(black);
    expect(blackLook.theme).toBe('highContrastDark');
    expect(blackLook.page).toMatchObject({ background: 'rgb(0, 0, 0)', color: WHITE });
    expect(blackLook.primary).toMatchObject({ background: 'rgb(0, 255, 255)', color: 'rgb(0, 0, 0)' });
    await black.close();
    const white = await themedPage('highContrastLight', 'dark');
    const whiteLook = await panelLook(white);
    expect(whiteLook.theme).toBe('highContrastLight');
    expect(whiteLook.page).toMatchObject({ background: WHITE, color: 'rgb(0, 0, 0)' });
    expect(whiteLook.primary).toMatchObject({ background: 'rgb(96, 0, 96)', color: WHITE });
    await white.close();
    tenant.control.setPortalTheme('light');
  });

  it('every verdict before a click, and the states around the view', async () => {
    await resetTenant(tenant, browser);
    for (const [user, ready, state] of [
      [TARGETS.chris.id, 'external guest', 'external guest'],
      [TARGETS.nestor.id, /account is disabled/, 'disabled account'],
      [ADMINS.megan.id, /yourself|your own/, 'yourself'],
      [TARGETS.lynne.id, 'Current pass', 'user with a current pass'],
      [TARGETS.pradeep.id, 'Registered methods (4)', 'user with four methods'],
      ['99999999-0000-4000-8000-000000000999', /This user isn’t in /, 'user not found'],
    ] as const) {
      const page = await userPage(user, ready as RegExp | string);
      await expectClean(await page.live(), state);
      await page.page.close();
    }
    await resetTenant(tenant, browser);
    tenant.control.setPolicy({ state: 'disabled' });
    const off = await userPage(TARGETS.adele.id, /policy is turned off/);
    await expectClean(await off.live(), 'policy turned off');
    await off.page.close();
    await resetTenant(tenant, browser);
    tenant.control.setPolicy({ includeTargets: [{ targetType: 'group', id: GROUPS.pilot.id }] });
    const outside = await userPage(TARGETS.pradeep.id, GROUPS.pilot.displayName);
    await expectClean(await outside.live(), 'not included in the policy');
    await outside.page.close();
    await resetTenant(tenant, browser);

    tenant.control.injectFault({ path: '$batch', drop: 'before' });
    const unreachable = await userPage(TARGETS.isla.id, /can't be reached/);
    await expectClean(await unreachable.live(), 'load error');
    await unreachable.page.close();
    tenant.control.clearFaults();

    const filtered = await userPage(TARGETS.adele.id);
    await filtered.page.evaluate(() => {
      document.documentElement.style.filter = 'contrast(1.3)';
    });
    await filtered.frame.getByTestId('gate-notice').waitFor();
    await expectClean(await filtered.live(), 'panel that cannot arm (gate notice)');
    await filtered.page.close();

    tenant.control.servePortalPage('/framed', `<!doctype html><iframe src="${browser.extensionUrl('panel.html')}"></iframe>`);
    const framed = await browser.context.newPage();
    await framed.goto('https://entra.microsoft.com/framed');
    const stray = await currentPanelFrame(framed);
    await stray.getByTestId('unbound').waitFor({ timeout: 10_000 });
    await expectClean(stray, 'a panel nobody bound (one sentence)');
    await framed.close();
  });

  it('panel windows: issue, link, notice', async () => {
    await resetTenant(tenant, browser);
    const issueWindow = await openPanelWindowFor(browser, TARGETS.adele.userPrincipalName, 'issue');
    await issueWindow.getByRole('button', { name: 'Issue TAP' }).waitFor();
    await expectClean(issueWindow, 'window in issue mode');
    await issueWindow.close();

    const opened = browser.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/panel.html') });
    const worker = await browser.serviceWorker();
    await worker.evaluate((linkUrl) => {
      const onClicked = chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void };
      onClicked.dispatch({ menuItemId: 'check-tap-link', linkUrl, editable: false });
    }, `mailto:${TARGETS.miriam.userPrincipalName}`);
    const linkWindow = await opened;
    await linkWindow.getByTestId('link-origin').waitFor();
    await expectClean(linkWindow, 'window opened from a link');
    await linkWindow.close();

    const noticeOpened = browser.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/panel.html') });
    await worker.evaluate(() => {
      const onClicked = chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void };
      onClicked.dispatch({ menuItemId: 'issue-tap', selectionText: 'call me tomorrow', editable: false });
    });
    const notice = await noticeOpened;
    await notice.getByRole('alert').waitFor();
    await expectClean(notice, 'notice window');
    await notice.close();
  });

  it('the popup and the options page', async () => {
    await resetTenant(tenant, browser);
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.getByTestId('policy-state').waitFor();
    await expectClean(popup, 'popup: signed in, policy enabled');
    await popup.getByLabel('User principal name or object ID').fill('not a user');
    await popup.getByRole('button', { name: 'Open' }).click();
    await popup.getByText(/Enter a user principal name/).waitFor();
    await expectClean(popup, 'popup: lookup refused');
    await popup.close();

    await resetTenant(tenant, browser);
    tenant.control.setPolicy({ state: 'disabled' });
    const disabled = await browser.context.newPage();
    await disabled.goto(browser.extensionUrl('popup.html'));
    await disabled.getByRole('button', { name: 'Turn on Temporary Access Pass' }).waitFor();
    await expectClean(disabled, 'popup: policy disabled');
    await disabled.getByRole('button', { name: 'Turn on Temporary Access Pass' }).click();
    await disabled.getByRole('button', { name: 'Cancel' }).waitFor();
    await expectClean(disabled, 'popup: turning on, confirmation');
    await disabled.close();

    await resetTenant(tenant, browser);
    tenant.control.setPolicy({ includeTargets: [{ targetType: 'group', id: GROUPS.pilot.id }] });
    const scoped = await browser.context.newPage();
    await scoped.goto(browser.extensionUrl('popup.html'));
    await scoped.getByText(GROUPS.pilot.displayName).first().waitFor();
    await expectClean(scoped, 'popup: policy scoped to a group');
    await scoped.close();
    await resetTenant(tenant, browser);

    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.getByLabel('Application (client) ID').waitFor();
    await expectClean(options, 'options: configured');
    await options.getByLabel('Application (client) ID').fill('not a guid');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByText(/is a GUID/).waitFor();
    await expectClean(options, 'options: a field with a problem');
    await options.getByLabel(/Clear a copied pass/).fill('99999');
    await options.getByRole('button', { name: 'Save clipboard setting' }).click();
    await options.getByText(/whole number of seconds/).waitFor();
    await expectClean(options, 'options: clipboard setting with a problem');
    await options.close();

    // Alex (Authentication Administrator) can't read the policy: its sentence in the popup and the panel.
    await switchAdmin(browser, ADMINS.alex.displayName);
    const unreadable = await browser.context.newPage();
    await unreadable.goto(browser.extensionUrl('popup.html'));
    await unreadable
      .getByText(/can.t read the Temporary Access Pass policy/)
      .first()
      .waitFor();
    await expectClean(unreadable, 'popup: policy unreadable for this role');
    await unreadable.getByRole('button', { name: 'Sign out' }).click();
    await unreadable.getByRole('button', { name: 'Sign in' }).waitFor();
    await expectClean(unreadable, 'popup: signed out');
    await unreadable.close();
    const signedOut = await userPage(TARGETS.adele.id, 'Sign in');
    await expectClean(await signedOut.live(), 'panel: signed out');
    await signedOut.page.close();
  });

  it(`covered at least ${MIN_STATES} states`, () => {
    console.info(`[axe] ${checked.length} states: ${checked.join('; ')}`);
    expect(checked.length).toBeGreaterThanOrEqual(MIN_STATES);
  });
});
