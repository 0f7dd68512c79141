import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { fillParts } from '@/utils/i18n/parts';
import type { IssueDefaults } from '@/utils/managed-config';
import type { PanelClaim, PanelState } from '@/utils/messages';
import { type ActivationGuard, ALWAYS } from '@/utils/ui/activation-guard';
import { focusIfFocused, focusSoon } from '@/utils/ui/focus-within';
import { prepareDateTimeFormat } from '@/utils/ui/format-pass';
import { checkIssueForm, EMPTY_ISSUE_FORM, type IssueFormValue, isCustomised } from '@/utils/ui/issue-options';
import { createPanelStore, type Send } from '@/utils/ui/panel-store';
import { useNow } from '@/utils/ui/use-now';
import { CurrentPass } from './CurrentPass';
import { EligibilityNotice } from './EligibilityNotice';
import { ErrorNotice } from './ErrorNotice';
import { GateContext, GatedButton } from './GatedButton';
import { GateNotice, NOT_ARMED_SENTENCE, TOO_SOON_SENTENCE } from './GateNotice';
import { IssueBar } from './IssueBar';
import { IssueOptionsForm } from './IssueOptionsForm';
import { MethodsList } from './MethodsList';
import { NewPass } from './NewPass';
import { NotConfigured } from './NotConfigured';
import { BringBackHint, PanelHeaderButtons } from './PanelHeaderButtons';
import { PanelSkeleton } from './PanelSkeleton';
import { PolicyNote } from './PolicyNote';
import { SignInPrompt } from './SignInPrompt';
import { UserHeader } from './UserHeader';

export interface TapPanelProps {
  /** Whom the background bound this panel to, and how it was opened. */
  claim: Extract<PanelClaim, { kind: 'user' }>;
  /** Requests to the background, with the panel's ticket. */
  send: Send;
  /** Visible and unobscured long enough: Issue, Replace, Revoke and Copy act only then. */
  armed: boolean;
  /** Portal frames: whether a click or key press is the admin's own (a pointer that rested, a focus that stayed). */
  guard?: ActivationGuard;
  /** The first view, when already asked for (a portal frame asks as soon as it has its ticket). */
  firstView?: Promise<PanelState>;
  onOpenOptions: () => void;
  /** × : a portal panel hides for this user; a window closes. */
  onClose: () => void;
  /** Portal panels: fold into the small tab, for every user, until brought back. */
  onCollapse?: () => void;
  /** A portal frame in a browser that can't prove it is seen: nothing acts here, a window does (visibility-gate.ts). */
  windowOnly?: boolean;
}

const NO_DEFAULTS: IssueDefaults = {};

export function TapPanel({
  claim,
  send,
  armed,
  guard = ALWAYS,
  firstView,
  onOpenOptions,
  onClose,
  onCollapse,
  windowOnly = false,
}: TapPanelProps) {
  const { context, link } = claim;
  const store = useMemo(() => createPanelStore(send, firstView), [send, firstView]);
  const [form, setForm] = useState<IssueFormValue>(EMPTY_ISSUE_FORM);
  const [optionsOpen, setOptionsOpen] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const issueButton = useRef<HTMLButtonElement>(null);
  const optionsButton = useRef<HTMLButtonElement>(null);
  const focused = useRef(false);
  const now = useNow(30_000);

  useEffect(() => {
    void store.load();
    const forget = () => store.forgetPass();
    window.addEventListener('pagehide', forget);
    return () => {
      window.removeEventListener('pagehide', forget);
      forget();
    };
  }, [store]);

  const phase = store.phase.value;
  // Only a window the admin opened with "Issue" starts on the button; a portal frame never takes focus by itself.
  const focusIssue = context === 'window' && claim.mode === 'issue';
  useEffect(() => {
    if (phase !== 'loaded' || !focusIssue || focused.current) return;
    focused.current = true;
    focusIfFocused(issueButton.current);
  }, [phase, focusIssue]);

  const state = store.state.value;
  useEffect(() => {
    // Windows all share one URL: the title tells them apart (in the taskbar, and to a screen reader switching windows).
    if (context === 'window' && state) document.title = i18n.t('pass.panel.windowTitle', { user: state.user.displayName });
  }, [context, state]);

  const busy = store.busy.value;
  const actionError = store.actionError.value;
  // The organisation's defaults for untouched fields (managed configuration), as the background sent them with the view.
  const issueDefaults = state?.issueDefaults ?? NO_DEFAULTS;
  const check = checkIssueForm(form, state?.policy.policy ?? null, now, issueDefaults);
  const openWindow = () => void send('openInWindow', {}).catch(() => undefined);
  const gate = useMemo(
    () => ({
      armed,
      guard,
      refused: (why: 'notArmed' | 'tooSoon') => store.announce(why === 'notArmed' ? NOT_ARMED_SENTENCE : TOO_SOON_SENTENCE),
    }),
    [armed, guard, store],
  );

  const issue = () => {
    if (!check.ok) {
      // A problem in the options: open them and put focus on the field, whose description says it (once).
      setOptionsOpen(true);
      setSubmitted(true);
      focusSoon(() => document.getElementById(`tap-${check.field}`));
      return;
    }
    // Checked again at the click: an organisation's start offset counts from now, not from the last render.
    const atClick = checkIssueForm(form, state?.policy.policy ?? null, Date.now(), issueDefaults);
    void store.issue(atClick.ok ? atClick.options : check.options);
    // While Graph creates the pass, once the busy state is on screen: the date format the pass will be shown with.
    requestAnimationFrame(() => setTimeout(() => prepareDateTimeFormat(), 0));
  };
  const backToIssue = () => focusSoon(() => issueButton.current);
  // The button goes with the sentence: once the other directory's view is in, the keyboard is on Issue and it is said.
  const switchTenant = async () => {
    await store.switchTenant();
    const acting = store.phase.value === 'loaded' ? store.state.value?.tenant?.name : undefined;
    if (!acting) return;
    store.announce(i18n.t('pass.panel.actingIn', { tenant: acting }));
    backToIssue();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // Escape closes the innermost thing: a confirmation (ConfirmRow handles it), then the options, then a window.
    if (optionsOpen) {
      event.preventDefault();
      setOptionsOpen(false);
      focusSoon(() => optionsButton.current);
    } else if (context === 'window' && !store.issued.value) {
      // Never while a new pass is shown: one Escape would throw away a value Graph shows only once.
      event.preventDefault();
      onClose();
    }
  };

  const title = state ? i18n.t('pass.panel.labelFor', { user: state.user.displayName }) : i18n.t('pass.panel.label');
  return (
    <GateContext.Provider value={gate}>
      <main class={`panel panel-${context}`} aria-label={title} onKeyDown={onKeyDown}>
        <PanelHeaderButtons
          context={context}
          onCollapse={onCollapse}
          onClose={() => {
            store.forgetPass();
            onClose();
          }}
        />
        {phase === 'loading' && <PanelSkeleton />}
        {phase === 'notConfigured' && <NotConfigured onOpenOptions={onOpenOptions} />}
        {phase === 'signedOut' && (
          <SignInPrompt onSignIn={() => void store.signIn()} busy={busy === 'signIn'} reason={store.signInReason.value} />
        )}
        {phase === 'error' && store.loadError.value && (
          <ErrorNotice error={store.loadError.value} onRetry={() => void store.load()} />
        )}
        {phase === 'error' && store.loadError.value?.switchTo && (
          <p class="tenant-switch">
            {/* Gated like Issue: the switch moves every panel to that directory, so a covered frame's click does nothing. */}
            <GatedButton
              class="btn btn-primary"
              aria-disabled={busy === 'signIn' ? 'true' : undefined}
              onClick={() => void switchTenant()}
            >
              {i18n.t('pass.panel.signInTo', { tenant: store.loadError.value.switchTo })}
            </GatedButton>
          </p>
        )}
        {phase === 'loaded' && state && (
          <>
            <UserHeader user={state.user} tenant={state.tenant} />
            {context === 'portal' && <GateNotice armed={armed} windowOnly={windowOnly} onOpenWindow={openWindow} />}
            {link && (
              <p class="link-origin" data-testid="link-origin" role="note" id="link-origin">
                {fillParts(i18n.t('pass.panel.linkOrigin', { link: '{link}' }), { link: <span class="mono">{link}</span> })}
              </p>
            )}
            <EligibilityNotice eligibility={state.eligibility} id="eligibility" />
            <NewPass
              store={store}
              user={state.user}
              onDone={() => {
                store.forgetPass();
                backToIssue();
              }}
            />
            {state.passUnreadable ? (
              <p class="muted">{state.passUnreadable.message}</p>
            ) : (
              <CurrentPass
                pass={state.currentPass}
                policy={state.policy.policy}
                busy={busy !== null}
                onRevokeInWindow={windowOnly && context === 'portal' ? openWindow : undefined}
                onRevoke={async (id) => {
                  await store.revoke(id);
                  if (!store.state.value?.currentPass) backToIssue();
                }}
              />
            )}
            <IssueBar
              hasPass={state.currentPass !== null || state.passUnreadable !== null}
              disabled={!state.eligibility.canIssue}
              invalid={!check.ok}
              busy={busy === 'issue'}
              describedBy={
                [
                  state.eligibility.canIssue && (state.eligibility.warnings ?? []).length === 0 ? '' : 'eligibility',
                  link ? 'link-origin' : '',
                ]
                  .filter(Boolean)
                  .join(' ') || undefined
              }
              optionsOpen={optionsOpen}
              customised={isCustomised(form)}
              onToggleOptions={() => setOptionsOpen(!optionsOpen)}
              onIssue={issue}
              buttonRef={issueButton}
              optionsRef={optionsButton}
              onIssueInWindow={windowOnly && context === 'portal' ? openWindow : undefined}
            />
            <div id="issue-options" hidden={!optionsOpen}>
              {optionsOpen && (
                <IssueOptionsForm
                  policy={state.policy.policy}
                  value={form}
                  onChange={(next) => {
                    setForm(next);
                  }}
                  check={check}
                  submitted={submitted}
                  onProblem={(message) => store.announce(message)}
                  defaults={issueDefaults}
                />
              )}
            </div>
          </>
        )}
        {actionError && (
          <ErrorNotice
            error={actionError}
            onRetry={
              store.retryable.value
                ? () => {
                    backToIssue();
                    void store.retry();
                  }
                : undefined
            }
            onDismiss={() => {
              const revoking = store.failedAction.value === 'action';
              store.clearActionError();
              // A failed revoke goes back to its Revoke button (when the pass is still there), anything else to Issue.
              if (revoking) focusSoon(() => document.querySelector<HTMLElement>('[data-action="revoke"]') ?? issueButton.current);
              else backToIssue();
            }}
          />
        )}
        {phase === 'loaded' && state && (
          <>
            <MethodsList methods={state.methods} unreadable={state.methodsUnreadable?.message} />
            <PolicyNote view={state.policy} />
          </>
        )}
        {context === 'portal' && <BringBackHint />}
        {/* The signal itself, not its value: a sentence updates this text alone, never a render of the whole panel. */}
        <p class="visually-hidden" aria-live="polite">
          {store.announcement}
        </p>
      </main>
    </GateContext.Provider>
  );
}
