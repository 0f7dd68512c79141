import { useState } from 'preact/hooks';
import type { ErrorInfo, SetupCheckLine, SetupReport } from '@/utils/messages';
import { RequestError } from '@/utils/send-request';
import { ErrorNotice } from './ErrorNotice';
import './setup.css';

export interface SetupCheckProps {
  /** Asks the background (checkSetup): it signs in if needed; no token ever comes back. */
  run: () => Promise<SetupReport>;
}

export const STATUS_WORDS: Record<SetupCheckLine['status'], string> = {
  ok: 'OK',
  problem: 'Problem',
  warning: 'Note',
  unknown: 'Can’t tell',
};

type State =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; report: SetupReport; run: number }
  | { kind: 'failed'; error: ErrorInfo };

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function summary(report: SetupReport): string {
  const of = (status: string) => report.lines.filter((l) => l.status === status).length;
  const who = report.username ? ` as ${report.username}` : '';
  const parts = [
    of('problem') > 0 ? count(of('problem'), 'problem', 'problems') : 'no problems',
    of('warning') > 0 ? count(of('warning'), 'note', 'notes') : '',
    of('unknown') > 0 ? `${of('unknown')} not checked` : '',
  ].filter(Boolean);
  return `Checked${who}: ${parts.join(', ')}.`;
}

/** On the options page itself, "open the options" is no advice: the fields are right above. */
function onThisPage(error: ErrorInfo): ErrorInfo {
  if (error.kind !== 'notConfigured') return error;
  return {
    ...error,
    message: 'Enter and save the Application (client) ID and Directory (tenant) ID above, then check again.',
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
        e instanceof RequestError ? e.info : { kind: 'unknown', message: 'The check couldn’t run. Try again.' };
      setState({ kind: 'failed', error });
    }
  };

  return (
    <section class="guide" aria-labelledby="setup-check-title">
      <h2 id="setup-check-title">Check setup</h2>
      <p>
        Signs in (a Microsoft window opens if needed) and checks the redirect URI, each permission’s consent, your role, the
        Temporary Access Pass policy and the directory.
      </p>
      <div class="actions">
        <button type="button" class="btn btn-primary" onClick={() => void check()} aria-disabled={running || undefined}>
          Check setup
        </button>
        <span role="status" class="save-status">
          {running ? 'Checking…' : state.kind === 'done' ? summary(state.report) : ''}
        </span>
      </div>
      {state.kind === 'failed' && <ErrorNotice error={onThisPage(state.error)} />}
      {state.kind === 'done' && (
        <ul class="setup-lines" aria-label="Setup check results" data-run={state.run}>
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
                {line.fix && <p class="setup-fix">Fix: {line.fix}</p>}
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
