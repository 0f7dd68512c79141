import { batch, signal } from '@preact/signals';
import type { ErrorInfo, PolicyView, SessionInfo } from '@/utils/messages';
import { errorInfoOf, sendRequest } from '@/utils/send-request';
import type { EntraSettings } from '../storage';
import type { OfferedProfile } from './offered-profiles';
import type { Send } from './panel-store';

export type PopupBusy = null | 'signIn' | 'signOut' | 'enable' | 'lookup';

/** Where the popup reads the profiles it offers and saves an app registration the way the options page does. */
export interface ProfileSource {
  load(): Promise<OfferedProfile[]>;
  saveSettings(settings: EntraSettings): Promise<void>;
}

const NO_PROFILES: ProfileSource = {
  load: async () => [],
  saveSettings: async () => {
    throw new Error('No profile source');
  },
};

/** How long the popup waits for the background to take up a saved app registration (it signs out then). */
const SETTINGS_TAKEN_UP_MS = 3_000;

/** The popup's state. The cached policy paints first; Graph is only asked afterwards. */
export function createPopupStore(
  send: Send = sendRequest,
  readCachedPolicy: () => Promise<PolicyView | null> = async () => null,
  profileSource: ProfileSource = NO_PROFILES,
) {
  const session = signal<SessionInfo | null>(null);
  const profiles = signal<OfferedProfile[]>([]);
  const policy = signal<PolicyView | null>(null);
  const policyError = signal<ErrorInfo | null>(null);
  const refreshing = signal(false);
  const busy = signal<PopupBusy>(null);
  const actionError = signal<ErrorInfo | null>(null);

  function showPolicy(view: PolicyView): void {
    if (!policy.value || view.fetchedAt >= policy.value.fetchedAt) policy.value = view;
  }

  async function refreshPolicy(): Promise<void> {
    refreshing.value = true;
    try {
      const view = await send('getPolicy', { refresh: true });
      batch(() => {
        showPolicy(view);
        policyError.value = null;
      });
    } catch (error) {
      policyError.value = errorInfoOf(error);
    } finally {
      refreshing.value = false;
    }
  }

  async function loadProfiles(): Promise<void> {
    profiles.value = await profileSource.load().catch(() => []);
  }

  async function init(): Promise<void> {
    void loadProfiles();
    void readCachedPolicy()
      .then((cached) => cached && showPolicy(cached))
      .catch(() => undefined);
    const sessionReply = send('getSession', {}).then(
      (s) => {
        session.value = s;
        return s;
      },
      (error: unknown) => {
        actionError.value = errorInfoOf(error);
        return null;
      },
    );
    const cachedReply = send('getPolicy', {}).then(showPolicy, () => undefined);
    const [current] = await Promise.all([sessionReply, cachedReply]);
    if (current?.signedIn) await refreshPolicy();
  }

  async function run<T>(kind: Exclude<PopupBusy, null>, action: () => Promise<T>): Promise<T | undefined> {
    if (busy.value) return undefined;
    batch(() => {
      busy.value = kind;
      actionError.value = null;
    });
    try {
      return await action();
    } catch (error) {
      const info = errorInfoOf(error);
      if (info.kind !== 'cancelled') actionError.value = info;
      return undefined;
    } finally {
      busy.value = null;
    }
  }

  async function signIn(): Promise<void> {
    const next = await run('signIn', () => send('signIn', {}));
    if (!next) return;
    session.value = next;
    await refreshPolicy();
  }

  /** Signs in to another directory with the same account (the configured one, to switch back) and reads its policy. */
  async function switchTenant(tenant: string): Promise<void> {
    const next = await run('signIn', () => send('switchTenant', { tenant }));
    if (!next) return;
    batch(() => {
      session.value = next;
      policy.value = null;
    });
    await refreshPolicy();
  }

  /**
   * A profile with its own app registration becomes the configured one (clientId and tenant, saved as the options page
   * saves them), which signs the admin out: the popup asks first (ProfileSwitcher). Resolves once the background has
   * taken it up, or after SETTINGS_TAKEN_UP_MS with what it says then.
   */
  async function useRegistration(profile: OfferedProfile): Promise<void> {
    const clientId = profile.clientId;
    if (!clientId) return;
    const next = await run('signOut', async () => {
      await profileSource.saveSettings({ clientId, tenantId: profile.tenant });
      const deadline = Date.now() + SETTINGS_TAKEN_UP_MS;
      for (;;) {
        const current = await send('getSession', {});
        if ((current.configuredTenant === profile.tenant && !current.signedIn) || Date.now() > deadline) return current;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    if (!next) return;
    batch(() => {
      session.value = next;
      policy.value = null;
      policyError.value = null;
    });
    await loadProfiles();
  }

  async function signOut(): Promise<void> {
    const next = await run('signOut', () => send('signOut', {}));
    if (!next) return;
    batch(() => {
      session.value = next;
      policy.value = null;
      policyError.value = null;
    });
  }

  async function enablePolicy(): Promise<void> {
    const view = await run('enable', () => send('enablePolicy', {}));
    if (view) policy.value = view;
  }

  /** Opens the panel window for a principal; resolves true when it opened. */
  async function lookup(userRef: string): Promise<boolean> {
    const opened = await run('lookup', () => send('openPanelWindow', { userRef, mode: 'status' }));
    return opened !== undefined;
  }

  return {
    session,
    profiles,
    policy,
    policyError,
    refreshing,
    busy,
    actionError,
    init,
    refreshPolicy,
    signIn,
    signOut,
    switchTenant,
    useRegistration,
    enablePolicy,
    lookup,
  };
}

export type PopupStore = ReturnType<typeof createPopupStore>;
