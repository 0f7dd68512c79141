import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PanelClaim, PanelState } from '@/utils/messages';
import { type ActivationGuard, ALWAYS } from '@/utils/ui/activation-guard';
import { checkIssueForm, EMPTY_ISSUE_FORM, type IssueFormValue, isCustomised } from '@/utils/ui/issue-options';
import { createPanelStore, type Send } from '@/utils/ui/panel-store';
import { useNow } from '@/utils/ui/use-now';
import { CurrentPass } from './CurrentPass';
import { EligibilityNotice } from './EligibilityNotice';
import { ErrorNotice } from './ErrorNotice';
import { GateContext } from './GatedButton';
import { GateNotice, NOT_ARMED_SENTENCE } from './GateNotice';
import { IssueBar } from './IssueBar';
import { IssueOptionsForm } from './IssueOptionsForm';
import { MethodsList } from './MethodsList';
import { NotConfigured } from './NotConfigured';
import { PanelSkeleton } from './PanelSkeleton';
import { PassDisplay } from './PassDisplay';
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
  onClose: () => void;
}

export function TapPanel({ claim, send, armed, guard = ALWAYS, firstView, onOpenOptions, onClose }: TapPanelProps) {
  const { context, link } = claim;
  const store = useMemo(() => createPanelStore(send, firstView), [send, firstView]);
  const [form, setForm] = useState<IssueFormValue>(EMPTY_ISSUE_FORM);
  const [optionsOpen, setOptionsOpen] = useState(false);
  const issueButton = useRef<HTMLButtonElement>(null);
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
    issueButton.current?.focus();
  }, [phase, focusIssue]);

  const state = store.state.value;
  useEffect(() => {
    // Windows all share one URL: the title tells them apart (in the taskbar, and to a screen reader switching windows).
    if (context === 'window' && state) document.title = `${state.user.displayName} – Temporary Access Pass`;
  }, [context, state]);
  const busy = store.busy.value;
  const actionError = store.actionError.value;
  const check = checkIssueForm(form, state?.policy.policy ?? null, now);
  const gate = useMemo(
    () => ({
      armed,
      guard,
      refused: (why: 'notArmed' | 'tooSoon') =>
        store.announce(why === 'notArmed' ? NOT_ARMED_SENTENCE : 'That click came too fast to count. Try it again.'),
    }),
    [armed, guard, store],
  );

  return (
    <GateContext.Provider value={gate}>
      <main class={`panel panel-${context}`}>
        <button
          type="button"
          class="close"
          aria-label="Close panel"
          onClick={() => {
            store.forgetPass();
            onClose();
          }}
        >
          ×
        </button>
        {phase === 'loading' && <PanelSkeleton />}
        {phase === 'notConfigured' && <NotConfigured onOpenOptions={onOpenOptions} />}
        {phase === 'signedOut' && <SignInPrompt onSignIn={() => void store.signIn()} busy={busy === 'signIn'} />}
        {phase === 'error' && store.loadError.value && (
          <ErrorNotice error={store.loadError.value} onRetry={() => void store.load()} />
        )}
        {phase === 'loaded' && state && (
          <>
            <UserHeader user={state.user} />
            {context === 'portal' && (
              <GateNotice armed={armed} onOpenWindow={() => void send('openInWindow', {}).catch(() => undefined)} />
            )}
            {link && (
              <p class="link-origin" data-testid="link-origin" role="note">
                Opened from a link to <span class="mono">{link}</span>. Check that it is the user you meant.
              </p>
            )}
            <EligibilityNotice eligibility={state.eligibility} id="eligibility" />
            {store.issued.value && (
              <PassDisplay
                tap={store.issued.value}
                userPrincipalName={state.user.userPrincipalName}
                onCopied={(text) => void store.copied(text)}
                onDone={() => store.forgetPass()}
              />
            )}
            {state.passUnreadable ? (
              <p class="muted">{state.passUnreadable.message}</p>
            ) : (
              <CurrentPass pass={state.currentPass} onRevoke={(id) => void store.revoke(id)} busy={busy !== null} />
            )}
            <IssueBar
              hasPass={state.currentPass !== null || state.passUnreadable !== null}
              disabled={!state.eligibility.canIssue || !check.ok}
              busy={busy === 'issue'}
              describedBy={state.eligibility.canIssue ? undefined : 'eligibility'}
              optionsOpen={optionsOpen}
              customised={isCustomised(form)}
              onToggleOptions={() => setOptionsOpen(!optionsOpen)}
              onIssue={() => check.ok && void store.issue(check.options)}
              buttonRef={issueButton}
            />
            {!check.ok && !optionsOpen && <p class="field-error">{check.message}</p>}
            <div id="issue-options" hidden={!optionsOpen}>
              {optionsOpen && <IssueOptionsForm policy={state.policy.policy} value={form} onChange={setForm} check={check} />}
            </div>
          </>
        )}
        {actionError && (
          <ErrorNotice
            error={actionError}
            onRetry={store.retryable.value ? () => void store.retry() : undefined}
            onDismiss={() => store.clearActionError()}
          />
        )}
        {phase === 'loaded' && state && (
          <>
            <MethodsList methods={state.methods} unreadable={state.methodsUnreadable?.message} />
            <PolicyNote view={state.policy} />
          </>
        )}
        <p class="visually-hidden" aria-live="polite">
          {store.announcement.value}
        </p>
      </main>
    </GateContext.Provider>
  );
}
