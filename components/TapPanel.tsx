import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { checkIssueForm, EMPTY_ISSUE_FORM, type IssueFormValue, isCustomised } from '@/utils/ui/issue-options';
import { createPanelStore } from '@/utils/ui/panel-store';
import { useNow } from '@/utils/ui/use-now';
import { CurrentPass } from './CurrentPass';
import { EligibilityNotice } from './EligibilityNotice';
import { ErrorNotice } from './ErrorNotice';
import { IssueBar } from './IssueBar';
import { IssueOptionsForm } from './IssueOptionsForm';
import { MethodsList } from './MethodsList';
import { NotConfigured } from './NotConfigured';
import { PanelSkeleton } from './PanelSkeleton';
import { PassDisplay } from './PassDisplay';
import { PolicyNote } from './PolicyNote';
import { SignInPrompt } from './SignInPrompt';
import { UserHeader } from './UserHeader';

export type PanelContext = 'portal' | 'window';
export type PanelIntent = 'issue' | 'status';

export interface TapPanelProps {
  userRef: string;
  context: PanelContext;
  intent: PanelIntent;
  onOpenOptions: () => void;
  onClose: () => void;
}

export function TapPanel({ userRef, context, intent, onOpenOptions, onClose }: TapPanelProps) {
  const store = useMemo(() => createPanelStore(userRef), [userRef]);
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
  useEffect(() => {
    if (phase !== 'loaded' || intent !== 'issue' || focused.current) return;
    focused.current = true;
    issueButton.current?.focus();
  }, [phase, intent]);

  const state = store.state.value;
  const busy = store.busy.value;
  const actionError = store.actionError.value;
  const check = checkIssueForm(form, state?.policy.policy ?? null, now);

  return (
    <main class={`panel panel-${context}`}>
      <button type="button" class="close" aria-label="Close panel" onClick={onClose}>
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
          <EligibilityNotice eligibility={state.eligibility} id="eligibility" />
          {store.issued.value && (
            <PassDisplay
              tap={store.issued.value}
              userPrincipalName={state.user.userPrincipalName}
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
  );
}
