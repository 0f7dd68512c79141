import { afterAll, beforeAll } from 'vitest';
import { startTenant, type Tenant } from '../../tenant/server';
import { type ExtensionBrowser, launchExtensionBrowser } from './extension-browser';

export interface StartedSuite {
  tenant: Tenant;
  browser: ExtensionBrowser;
}

/**
 * The hooks every browser spec file needs: one simulated tenant and one Chromium with the production build,
 * started before the file's tests (then `setup`, e.g. a sign-in) and closed after them.
 */
export function useExtensionSuite(assign: (started: StartedSuite) => void, setup?: (started: StartedSuite) => Promise<void>) {
  let started: Partial<StartedSuite> = {};
  beforeAll(async () => {
    const tenant = await startTenant({ port: 0 });
    started = { tenant };
    const browser = await launchExtensionBrowser({ args: tenant.chromiumArgs });
    started = { tenant, browser };
    assign({ tenant, browser });
    await setup?.({ tenant, browser });
  });
  afterAll(async () => {
    await started.browser?.close();
    await started.tenant?.close();
  });
}
