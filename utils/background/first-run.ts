/** The slice of the runtime API the first-run step needs (injectable for the unit spec). */
export interface FirstRunApi {
  onInstalled: { addListener(callback: (details: { reason: string }) => void): void };
  openOptionsPage(): Promise<void>;
}

/**
 * A fresh install with no app registration opens the options page, where the setup starts: otherwise the admin's
 * first sign of the extension is a panel that says it isn't configured. Updates and configured installs open nothing,
 * and so does an install the organisation's policy configures (isConfigured reads managed ∘ local).
 *
 * No race with the policy: Chromium answers storage.managed.get only once the extension's policy is loaded (measured at
 * the install event, Chromium 156: 2.7-4.6 s later, with the policy's values), and Firefox reads its policy at startup.
 */
export function openSetupOnFirstInstall(runtime: FirstRunApi, isConfigured: () => Promise<boolean>): void {
  runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    void isConfigured().then((configured) => (configured ? undefined : runtime.openOptionsPage()));
  });
}
