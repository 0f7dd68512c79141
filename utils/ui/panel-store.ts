import { batch, signal } from '@preact/signals';
import { i18n } from '#i18n';
import { sha256Hex } from '@/utils/clipboard-ops';
import type { AuthMethodSummary, IssuedTap, TapMethod } from '@/utils/graph/types';
import type { ErrorInfo, IssueOptions, PanelState, RequestMap, RequestType } from '@/utils/messages';
import { errorInfoOf } from '@/utils/send-request';
import { createAnnouncer } from './announcer';

export type PanelPhase = 'loading' | 'notConfigured' | 'signedOut' | 'error' | 'loaded';
export type PanelBusy = null | 'issue' | 'revoke' | 'signIn' | 'refresh';
export type Send = <T extends RequestType>(type: T, req: RequestMap[T]['req']) => Promise<RequestMap[T]['res']>;

/** Failures a repeat can fix (consent: once an admin grants it); the others need a change first (policy, role, input). */
const RETRYABLE = new Set<ErrorInfo['kind']>(['throttled', 'offline', 'serverError', 'unknown', 'consentRequired']);
const canRetry = (error: ErrorInfo): boolean => RETRYABLE.has(error.kind);

/**
 * After a failed issue, only failures that provably created nothing may be repeated with one click: the background
 * refuses before sending (offline, throttled, consent) or reconciles a 5xx first. An "unknown" failure (the
 * background stopped mid-request) may hide a created pass, so the panel re-reads the user instead.
 */
const ISSUE_RETRYABLE = new Set<ErrorInfo['kind']>(['throttled', 'offline', 'serverError', 'consentRequired']);

function withoutValue(tap: IssuedTap): TapMethod {
  const { temporaryAccessPass: _value, ...method } = tap;
  return method;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const TAP_TYPE = '#microsoft.graph.temporaryAccessPassAuthenticationMethod';

/** The plain "signed out" sentence (error-info.ts): anything else is a reason worth showing beside Sign in. */
// The background's plain "signed out" sentence (utils/graph/error-info.ts): it is not repeated beside Sign in.
const SIGNED_OUT_MESSAGE = i18n.t('auth.signIn.signedOut');

/** The registered methods as Graph lists them now: the new pass in place of any earlier one. */
function withPass(methods: AuthMethodSummary[], tap: TapMethod): AuthMethodSummary[] {
  const others = methods.filter((method) => method.odataType !== TAP_TYPE);
  return [...others, { id: tap.id, odataType: TAP_TYPE, label: i18n.t('pass.store.methodLabel'), detail: null }];
}

/**
 * Everything the panel shows, as signals. The issued pass lives here, in memory only, until Done or unload.
 * `send` carries the panel's ticket: the background answers for the user it bound this panel to, and no other.
 */
export function createPanelStore(send: Send, firstView?: Promise<PanelState>) {
  let pendingFirstView = firstView;
  const phase = signal<PanelPhase>('loading');
  const state = signal<PanelState | null>(null);
  const loadError = signal<ErrorInfo | null>(null);
  const actionError = signal<ErrorInfo | null>(null);
  /** Why the admin must sign in, when there is more to say than "signed out" (MFA now required, sign-in frequency). */
  const signInReason = signal<string | null>(null);
  /** What the failed action was, so dismissing its error returns focus to the control that started it. */
  const failedAction = signal<'issue' | 'action' | null>(null);
  const issued = signal<IssuedTap | null>(null);
  const busy = signal<PanelBusy>(null);
  /** The panel's polite live region: each sentence said once, then cleared (utils/ui/announcer.ts). */
  const announcer = createAnnouncer();
  const retryable = signal(false);
  let inFlightAttempt: string | null = null;
  let lastAction: (() => Promise<void>) | null = null;
  /** SHA-256 of the last text copied from this panel that held the pass (never the text itself). */
  let copiedDigest: Promise<string> | null = null;
  const announce = announcer.announce;

  function fail(error: unknown, where: 'load' | 'action' | 'issue'): void {
    const info = errorInfoOf(error);
    batch(() => {
      retryable.value = where === 'issue' ? ISSUE_RETRYABLE.has(info.kind) : canRetry(info);
      // Errors shown in a notice are announced by its alert; only a change of the whole view is said here.
      if (info.kind === 'notConfigured' || info.kind === 'signedOut') {
        phase.value = info.kind;
        signInReason.value = info.kind === 'signedOut' && info.message !== SIGNED_OUT_MESSAGE ? info.message : null;
        announce(info.message);
      } else if (where === 'load' && !state.value) {
        loadError.value = info;
        phase.value = 'error';
        announce('');
      } else {
        actionError.value = info;
        failedAction.value = where === 'load' ? null : where;
        announce('');
      }
    });
  }

  async function load(quiet = false): Promise<void> {
    if (!quiet) {
      phase.value = 'loading';
      loadError.value = null;
    }
    try {
      // The first view joins the one the background started at navigation; a quiet reload (after an action) reads anew.
      const request = !quiet && pendingFirstView ? pendingFirstView : send('getPanelState', quiet ? { fresh: true } : {});
      pendingFirstView = undefined;
      const next = await request;
      batch(() => {
        state.value = next;
        phase.value = 'loaded';
      });
    } catch (error) {
      fail(error, 'load');
    }
  }

  async function issue(options: IssueOptions): Promise<void> {
    const user = state.value?.user;
    if (!user || busy.value || inFlightAttempt) return;
    lastAction = () => issue(options);
    inFlightAttempt = crypto.randomUUID();
    batch(() => {
      busy.value = 'issue';
      actionError.value = null;
      announce(i18n.t('pass.store.issuing'));
    });
    try {
      const tap = await send('issueTap', { userId: user.id, attemptId: inFlightAttempt, options });
      batch(() => {
        issued.value = tap;
        // No announcement: focus moves to the new pass, whose label says it ("Temporary Access Pass for …").
        announce('');
      });
      // The pass on screen first (its slot alone re-renders), then the current-pass card, the methods list and the
      // buttons: one render of the whole panel had stood between Graph's answer and the pass (measured, issue 8).
      await nextTask();
      const current = state.value;
      if (current) {
        const pass = withoutValue(tap);
        state.value = { ...current, currentPass: pass, methods: withPass(current.methods, pass) };
      }
    } catch (error) {
      fail(error, 'issue');
      const kind = errorInfoOf(error).kind;
      if (kind === 'ambiguous' || kind === 'unknown') await load(true); // show what is true now
    } finally {
      inFlightAttempt = null;
      busy.value = null;
    }
  }

  async function revoke(methodId: string): Promise<void> {
    const user = state.value?.user;
    if (!user || busy.value) return;
    lastAction = () => revoke(methodId);
    batch(() => {
      busy.value = 'revoke';
      actionError.value = null;
      announce(i18n.t('pass.store.revoking'));
    });
    try {
      const result = await send('revokeTap', { userId: user.id, methodId });
      if (issued.value?.id === methodId) issued.value = null;
      announce(result.alreadyGone ? (result.message ?? i18n.t('pass.store.alreadyGone')) : i18n.t('pass.store.revoked'));
      await load(true);
      // Graph said it is gone (204 or 404); a read-back that still lists it is a replica behind (replication lag).
      const after = state.value;
      if (after?.currentPass?.id === methodId) {
        state.value = {
          ...after,
          currentPass: null,
          methods: after.methods.filter((method) => !(method.odataType === TAP_TYPE && method.id === methodId)),
        };
      }
    } catch (error) {
      fail(error, 'action');
    } finally {
      busy.value = null;
    }
  }

  /** signIn: the configured tenant; switchTenant: the one the portal shows (bound to this frame by the background). */
  async function signIn(kind: 'signIn' | 'switchTenant' = 'signIn'): Promise<void> {
    if (busy.value) return;
    busy.value = 'signIn';
    actionError.value = null;
    try {
      await send(kind, {});
      busy.value = null;
      announce('');
      await load();
    } catch (error) {
      const info = errorInfoOf(error);
      batch(() => {
        if (info.kind !== 'cancelled') actionError.value = info;
        else announce(info.message); // no notice for a cancel: say it here
      });
    } finally {
      busy.value = null;
    }
  }

  /** Text holding the pass was copied: the background clears it from the clipboard later if it is still there. */
  async function copied(text: string): Promise<void> {
    const digest = sha256Hex(text);
    copiedDigest = digest; // set at once: a Done right after Copy must still find it
    const watch = await send('clearClipboard', { digest: await digest, when: 'later' }).catch(() => null);
    announce(watch?.scheduled ? i18n.t('pass.store.copiedCleared', watch.afterSeconds) : i18n.t('pass.store.copied'));
  }

  /** Forgets the pass for good (it cannot be shown again) and clears it from the clipboard if it is still there. */
  function forgetPass(): void {
    issued.value = null;
    const digest = copiedDigest;
    copiedDigest = null;
    if (digest) void digest.then((value) => send('clearClipboard', { digest: value, when: 'now' })).catch(() => undefined);
  }

  function clearActionError(): void {
    actionError.value = null;
  }

  /** Repeats the last issue or revoke (a new attempt id: the failed one never reached Graph or was refused). */
  async function retry(): Promise<void> {
    actionError.value = null;
    await lastAction?.();
  }

  return {
    phase,
    state,
    loadError,
    actionError,
    signInReason,
    failedAction,
    issued,
    /** Whether the last failure may be repeated as it was. */
    retryable,
    busy,
    announcement: announcer.text,
    load,
    issue,
    revoke,
    signIn,
    switchTenant: () => signIn('switchTenant'),
    copied,
    announce,
    forgetPass,
    clearActionError,
    retry,
  };
}

export type PanelStore = ReturnType<typeof createPanelStore>;
