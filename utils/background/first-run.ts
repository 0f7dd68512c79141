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
 * Chromium hands an extension its policy once the extension's schema is registered, which can be just after the
 * install event: an install that looks unconfigured first waits for that (`policySettled`, bounded), then asks again.
 */
export function openSetupOnFirstInstall(
  runtime: FirstRunApi,
  isConfigured: () => Promise<boolean>,
  policySettled: () => Promise<void> = async () => {},
): void {
  runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    void (async () => {
      if (await isConfigured()) return;
      await policySettled();
      if (!(await isConfigured())) await runtime.openOptionsPage();
    })().catch(() => undefined);
  });
}
