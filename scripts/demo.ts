/**
 * npm run demo: the production build against the simulated tenant.
 * With a display: a visible browser on a user page until Ctrl-C. Without one: a headless walk-through
 * (configure, sign in, the panel on a user page, a pass issued, the popup) that writes screenshots to demo-output/.
 * It writes nothing tracked: only with --update-docs (npm run demo -- --update-docs) does the dark-theme screenshot
 * replace docs/panel-dark.png, the one the README shows.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchExtensionBrowser } from '../tests/e2e/harness/extension-browser';
import { completeSignIn, PANEL_HOST, panel, portalUserUrl } from '../tests/e2e/harness/session';
import { ADMINS, APP, TARGETS } from '../tests/tenant/seed';
import { startTenant } from '../tests/tenant/server';

const OUTPUT_DIR = resolve(import.meta.dirname, '../demo-output');
const headless = !process.env.DISPLAY || process.env.DEMO_HEADLESS === '1';
const DOCS_DARK = resolve(import.meta.dirname, '../docs/panel-dark.png');
const updateDocs = process.argv.slice(2).includes('--update-docs');

async function main() {
  const tenant = await startTenant({ port: Number(process.env.PORT ?? 0) });
  const browser = await launchExtensionBrowser({ args: tenant.chromiumArgs, headless });
  const shutdown = async () => {
    await browser.close().catch(() => undefined);
    await tenant.close();
  };
  console.log(`Simulated tenant at ${tenant.origin} (${APP.tenantDomain}); extension ${browser.extensionId}`);
  if (updateDocs && !headless)
    console.log('--update-docs needs the headless walk-through (DEMO_HEADLESS=1): docs/ is left as it is.');

  const options = await browser.context.newPage();
  await options.setViewportSize({ width: 900, height: 900 });
  await options.goto(browser.extensionUrl('options.html'));
  await options.getByLabel('Application (client) ID').fill(APP.clientId);
  await options.getByLabel('Directory (tenant) ID').fill(APP.tenantDomain);
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await options.getByText('Saved').waitFor();
  const shots: string[] = [];
  const shoot = async (page: import('playwright-core').Page, name: string) => {
    if (!headless) return;
    const path = resolve(OUTPUT_DIR, name);
    // The pointer off the panel: the last click leaves it on a button, which would be drawn in its hover colour. The
    // panel frame (another process) keeps its last pointer position when the pointer leaves it, and re-hovers whatever a
    // re-layout brings there: it is left on the panel's empty left margin first, then moved off.
    if ((await page.locator(PANEL_HOST).count()) > 0) {
      const host = await page.locator(PANEL_HOST).boundingBox();
      if (host) await page.mouse.move(host.x + 4, host.y + 4);
    }
    await page.mouse.move(0, 0);
    await page.waitForTimeout(400); // let the panel frame settle to its new height (and any hover fade out)
    await page.screenshot({ path });
    shots.push(path);
  };
  mkdirSync(OUTPUT_DIR, { recursive: true });
  await shoot(options, '1-options.png');
  await options.close();

  const portal = await browser.context.newPage();
  await portal.goto(portalUserUrl(TARGETS.adele.id));
  const frame = panel(portal);
  await frame.getByRole('button', { name: 'Sign in' }).waitFor();
  await shoot(portal, '2-signed-out.png');
  await completeSignIn(browser, () => frame.getByRole('button', { name: 'Sign in' }).click(), ADMINS.megan.displayName);
  await frame.getByText(TARGETS.adele.userPrincipalName).first().waitFor();
  await shoot(portal, '3-panel-user.png');

  if (!headless) {
    console.log(
      `Signed in as ${ADMINS.megan.userPrincipalName}. The browser stays open on ${TARGETS.adele.displayName}'s page; Ctrl-C to stop.`,
    );
    process.on('SIGINT', () => void shutdown().then(() => process.exit(0)));
    return;
  }

  await frame.getByRole('button', { name: /Issue TAP/ }).click();
  await frame.getByRole('button', { name: 'Copy pass' }).waitFor();
  await shoot(portal, '4-pass-issued.png');

  await portal.goto(portalUserUrl(TARGETS.diego.id));
  await frame.getByText(TARGETS.diego.displayName).first().waitFor();
  await frame
    .getByRole('alert')
    .or(frame.getByText(/excluded/i))
    .first()
    .waitFor();
  await shoot(portal, '5-not-eligible.png');

  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 380, height: 560 });
  await popup.goto(browser.extensionUrl('popup.html'));
  await popup.getByText(ADMINS.megan.userPrincipalName).waitFor();
  await popup
    .getByText(/Enabled/)
    .first()
    .waitFor();
  await shoot(popup, '6-popup.png');
  await popup.close();

  // The same panel for every admin: the portal's dark theme, 400 % zoom, forced colours, and folded to its tab.
  tenant.control.setPortalTheme('dark');
  await portal.goto('about:blank');
  await portal.goto(portalUserUrl(TARGETS.lynne.id));
  await frame.getByRole('button', { name: /Issue TAP/ }).click();
  await frame.getByRole('button', { name: 'Replace' }).click();
  await frame.getByRole('button', { name: 'Spell out' }).click();
  await frame.getByTestId('pass-spelled').waitFor();
  await shoot(portal, '7-dark-theme.png');
  if (headless && updateDocs) copyFileSync(resolve(OUTPUT_DIR, '7-dark-theme.png'), DOCS_DARK);
  tenant.control.setPortalTheme('light');

  await portal.emulateMedia({ forcedColors: 'active' });
  await portal.goto('about:blank');
  await portal.goto(portalUserUrl(TARGETS.adele.id));
  await frame.getByRole('button', { name: /Issue TAP/ }).waitFor();
  await shoot(portal, '9-forced-colors.png');
  await portal.emulateMedia({ forcedColors: 'none' });

  await frame.getByRole('button', { name: 'Collapse panel' }).click();
  await portal.locator('entra-tap-tab').waitFor();
  await shoot(portal, '10-collapsed-tab.png');
  const tab = await portal.locator('entra-tap-tab').boundingBox();
  if (tab) await portal.mouse.click(tab.x + tab.width / 2, tab.y + tab.height / 2); // leave it expanded
  await frame.getByRole('button', { name: /Issue TAP/ }).waitFor();

  // 400 %: a 1280 × 800 window shows 320 × 200 CSS pixels.
  const zoomed = await browser.context.newPage();
  await zoomed.setViewportSize({ width: 320, height: 200 });
  await zoomed.goto(portalUserUrl(TARGETS.adele.id));
  await panel(zoomed)
    .getByRole('button', { name: /Issue TAP/ })
    .waitFor();
  await shoot(zoomed, '8-zoom-400.png');
  await zoomed.close();

  await shutdown();
  console.log('Screenshots:');
  for (const path of shots) console.log(`  ${path}`);
  if (updateDocs) console.log(`Updated ${DOCS_DARK} from 7-dark-theme.png.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
