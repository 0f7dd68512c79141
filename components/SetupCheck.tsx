import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ErrorInfo, SetupCheckLine, SetupReport } from '@/utils/messages';
import { RequestError } from '@/utils/send-request';
import { ErrorNotice } from './ErrorNotice';
import './setup.css';

export interface SetupCheckProps {
  /** Asks the background (checkSetup): it signs in if needed; no token ever comes back. */
  run: () => Promise<SetupReport>;
}

export const STATUS_WORDS: Record<SetupCheckLine['status'], string> = {
  ok: i18n.t('options.setupCheck.status.ok'),
  problem: i18n.t('options.setupCheck.status.problem'),
  warning: i18n.t('options.setupCheck.status.warning'),
  unknown: i18n.t('options.setupCheck.status.unknown'),
};

type State =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; report: SetupReport; run: number }
  | { kind: 'failed'; error: ErrorInfo };

/** "Checked as adele@contoso.com: 1 problem, 2 notes, 1 not checked.": one sentence for each set of parts it names. */
function summary(report: SetupReport): string {
  const of = (status: string) => report.lines.filter((l) => l.status === status).length;
  const [notes, unchecked] = [of('warning'), of('unknown')];
  const parts = {
    problems: i18n.t('options.setupCheck.counts.problems', of('problem')),
    notes: i18n.t('options.setupCheck.counts.notes', notes),
    unchecked: i18n.t('options.setupCheck.counts.unchecked', unchecked),
  };
  const user = report.username;
  if (user) {
    if (notes > 0 && unchecked > 0) return i18n.t('options.setupCheck.summary.asUserNotesUnchecked', { user, ...parts });
    if (notes > 0) return i18n.t('options.setupCheck.summary.asUserNotes', { user, ...parts });
    if (unchecked > 0) return i18n.t('options.setupCheck.summary.asUserUnchecked', { user, ...parts });
    return i18n.t('options.setupCheck.summary.asUser', { user, ...parts });
  }
  if (notes > 0 && unchecked > 0) return i18n.t('options.setupCheck.summary.notesUnchecked', parts);
  if (notes > 0) return i18n.t('options.setupCheck.summary.notes', parts);
  if (unchecked > 0) return i18n.t('options.setupCheck.summary.unchecked', parts);
  return i18n.t('options.setupCheck.summary.plain', parts);
}

/** On the options page itself, "open the options" is no advice: the fields are right above. */
function onThisPage(error: ErrorInfo): ErrorInfo {
  if (error.kind !== 'notConfigured') return error;
  return {
    ...error,
    message: i18n.t('options.setupCheck.notConfigured'),
  };
}

/** "Check setup": one line each for the redirect URI, every permission, the admin's role, the policy and the directory. */
export function SetupCheck({ run }: SetupCheckProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [runs, setRuns] = useState(0);
  const running = state.kind === 'running';

  const check = async () => {
    if (running) return;
    setState({ kind: 'running' });
    const number = runs + 1;
    setRuns(number);
    try {
      setState({ kind: 'done', report: await run(), run: number });
    } catch (e) {
      const error: ErrorInfo =
        e instanceof RequestError ? e.info : { kind: 'unknown', message: i18n.t('options.setupCheck.failed') };
      setState({ kind: 'failed', error });
    }
  };

  return (
    <section class="guide" aria-labelledby="setup-check-title">
      <h2 id="setup-check-title">{i18n.t('options.setupCheck.title')}</h2>
      <p>{i18n.t('options.setupCheck.intro')}</p>
      <div class="actions">
        <button type="button" class="btn btn-primary" onClick={() => void check()} aria-disabled={running || undefined}>
          {i18n.t('options.setupCheck.button')}
        </button>
        <span role="status" class="save-status">
          {running ? i18n.t('options.setupCheck.checking') : state.kind === 'done' ? summary(state.report) : ''}
        </span>
      </div>
      {state.kind === 'failed' && <ErrorNotice error={onThisPage(state.error)} />}
      {state.kind === 'done' && (
        <ul class="setup-lines" aria-label={i18n.t('options.setupCheck.results')} data-run={state.run}>
          {state.report.lines.map((line) => (
            <li
              key={`${line.key}-${line.permission ?? ''}`}
              class={`setup-line setup-${line.status}`}
              data-testid={`setup-line-${line.key}${line.permission ? `-${line.permission}` : ''}`}
              data-status={line.status}
            >
              <span class="setup-status">{STATUS_WORDS[line.status]}</span>
              <div>
                <p>
                  <strong>{line.title}</strong>
                </p>
                <p class="setup-detail">{line.detail}</p>
                {line.fix && <p class="setup-fix">{i18n.t('options.setupCheck.fix', { fix: line.fix })}</p>}
                {line.link && (
                  <p>
                    <a href={line.link.href} target="_blank" rel="noopener noreferrer">
                      {line.link.label}
                    </a>
                    {line.link.showUrl && <code class="notice-url"> {line.link.href}</code>}
                  </p>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
