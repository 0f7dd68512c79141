import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import type { BulkRow } from '@/utils/bulk/bulk-rows';
import type { BulkStore } from '@/utils/bulk/bulk-store';
import type { CopyWatch } from '@/utils/bulk/copy-watch';
import type { IssuedRow } from '@/utils/bulk/results-csv';
import { cancelHint, cancelUnavailable, checkProgress, issueProgress } from '@/utils/bulk/words';
import { AccountBar } from './AccountBar';
import { BulkCheckTable } from './BulkCheckTable';
import { BulkIssueAction } from './BulkIssueAction';
import { BulkListInput } from './BulkListInput';
import { BulkNotIssued } from './BulkNotIssued';
import { BulkProblems } from './BulkProblems';
import { BulkProgress } from './BulkProgress';
import { BulkResults } from './BulkResults';
import { ErrorNotice } from './ErrorNotice';
import { HandoverSheets } from './HandoverSheets';
import { NotConfigured } from './NotConfigured';

export interface BulkAppProps {
  store: BulkStore;
  onOpenOptions: () => void;
  /** The browser's print dialog (window.print); the print CSS shows the handover sheets only. */
  onPrint: () => void;
  /** Clears copied passes from the clipboard later (utils/bulk/copy-watch.ts). */
  copyWatch: CopyWatch;
  /** Saves the results CSV the admin asked for (utils/bulk/download.ts). */
  onDownload: (rows: readonly IssuedRow[]) => void;
}

const notIssued = (row: BulkRow) =>
  row.outcome?.status === 'failed' || row.outcome?.status === 'unknown' || row.outcome?.status === 'notSent';

function listErrorOf(store: BulkStore): string | null {
  const list = store.list.value;
  if (!list) return null;
  if (list.error) return list.error;
  if (list.rows.length > 0) return null;
  return list.problems.length > 0 ? i18n.t('bulk.app.listNoValid') : i18n.t('bulk.app.listEmpty');
}

/** Moves the keyboard to `target` each time `count` goes up (not on the first render). */
function useFocusOnCount(count: number, target: () => HTMLElement | null) {
  const seen = useRef(count);
  useLayoutEffect(() => {
    if (seen.current === count) return;
    seen.current = count;
    target()?.focus();
  });
}

/** The bulk page: a list, checked first, issued after one confirmation, the passes shown once. */
export function BulkApp({ store, copyWatch, onOpenOptions, onPrint, onDownload }: BulkAppProps) {
  useEffect(() => store.init(), [store]);
  const session = store.session.value;
  const stage = store.stage.value;
  const rows = store.rows.value;
  const issued = store.issued.value;
  const list = store.list.value;
  const unissued = rows.filter(notIssued);
  const tried = rows.some((row) => row.outcome !== undefined);
  const checkRef = useRef<HTMLHeadingElement>(null);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const notIssuedRef = useRef<HTMLHeadingElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  // The control the keyboard was on (Check, the confirmation, Cancel) is gone or done: it goes to what the end shows.
  // A check ended by an error goes to the error (before the table), or to Sign in when it signed out.
  useFocusOnCount(store.checksDone.value, () => {
    if (!store.error.value) return checkRef.current;
    const signIn = store.session.value?.signedIn === false && mainRef.current?.querySelector<HTMLElement>('.account-bar button');
    return signIn || errorRef.current || checkRef.current;
  });
  useFocusOnCount(store.runsDone.value, () => resultsRef.current ?? notIssuedRef.current);

  // Closing the page loses the passes for good (and those being issued, unseen): the browser asks first.
  const showingPasses = issued.length > 0;
  const holdingPasses = showingPasses || stage === 'issuing';
  useEffect(() => {
    if (!holdingPasses) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [holdingPasses]);

  const tenant = store.tenant.value?.name ?? '';
  const confirming = stage === 'confirm';
  const action = (label: string) => (
    <BulkIssueAction
      label={label}
      counts={store.toSend.value}
      tenant={tenant}
      skipped={store.counts.value.skip}
      confirming={confirming}
      busy={store.confirmBusy.value}
      onAsk={store.askToIssue}
      onConfirm={() => void store.issue()}
      onCancel={store.cancelConfirm}
    />
  );
  const toSend = store.toSend.value.total;
  const checkedStage = stage === 'checked' || (confirming && !tried);

  return (
    <div class={showingPasses ? 'bulk-root has-sheets' : 'bulk-root'}>
      <main class="bulk screen-only" ref={mainRef}>
        <h1 class="bulk-title">{i18n.t('bulk.app.title')}</h1>
        <p class="muted">{i18n.t('bulk.app.intro')}</p>
        {session && !session.configured ? (
          <NotConfigured onOpenOptions={onOpenOptions} />
        ) : (
          <>
            {session ? (
              <AccountBar
                session={session}
                busy={store.signingIn.value}
                onSignIn={() => void store.signIn()}
                onSignOut={() => void store.signOut()}
              />
            ) : (
              <div class="account-bar" aria-busy="true" />
            )}
            <BulkListInput
              text={store.text.value}
              onText={store.setText}
              onFile={async (file) => {
                const loaded = await store.loadFile(file);
                if (loaded) store.announce(i18n.t('bulk.app.fileRead', { file: file.name }));
                return loaded;
              }}
              onCheck={() => void store.check()}
              checking={stage === 'checking'}
              locked={tried || stage === 'issuing'}
              listError={listErrorOf(store)}
              listAttempt={store.listAttempts.value}
              fileError={store.fileError.value}
              fileAttempt={store.fileAttempts.value}
            />
            {list && <BulkProblems problems={list.problems} ignoredColumns={list.ignoredColumns} />}
            {stage === 'checking' && (
              <BulkProgress
                title={i18n.t('bulk.app.checkingTitle')}
                value={store.checked.value}
                max={rows.length}
                text={checkProgress(store.checked.value, rows.length)}
              />
            )}
            {store.error.value && (
              <div ref={errorRef} tabIndex={-1} data-testid="bulk-error">
                <ErrorNotice
                  error={store.error.value}
                  onRetry={stage === 'checked' && !tried ? () => void store.check() : undefined}
                  onDismiss={store.dismissError}
                />
              </div>
            )}
            {rows.length > 0 && stage !== 'edit' && stage !== 'checking' && (
              <BulkCheckTable
                rows={rows}
                counts={store.counts.value}
                unused={list?.problems.length ?? 0}
                policy={store.policy.value}
                issuedAny={tried}
                headingRef={checkRef}
              />
            )}
            {checkedStage &&
              (toSend > 0 ? action(i18n.t('bulk.app.issue', toSend)) : <p class="hint">{i18n.t('bulk.app.nothingToIssue')}</p>)}
            {stage === 'issuing' && (
              <BulkProgress
                title={i18n.t('bulk.app.issuingTitle')}
                value={store.runTotal.value - store.progress.value.remaining}
                max={store.runTotal.value}
                text={issueProgress(store.progress.value)}
                focusOnShow
              >
                <p class="hint" id="bulk-cancel-hint" data-testid="bulk-cancel-hint">
                  {cancelHint(store.runTotal.value, store.runSent.value)}
                </p>
                <div class="actions">
                  <button
                    type="button"
                    class="btn"
                    aria-disabled={
                      store.cancelling.value || cancelUnavailable(store.runTotal.value, store.runSent.value) !== null || undefined
                    }
                    aria-describedby="bulk-cancel-hint"
                    onClick={store.cancel}
                  >
                    {store.cancelling.value ? i18n.t('bulk.app.stopping') : i18n.t('bulk.app.cancel')}
                  </button>
                </div>
              </BulkProgress>
            )}
            {issued.length > 0 && (
              <BulkResults
                rows={issued}
                onPrint={onPrint}
                onDownload={() => {
                  onDownload(issued);
                  // The browser saves it (or asks where): only the start is known here.
                  store.announce(i18n.t('bulk.app.downloadStarted'));
                }}
                onCopied={(row, text) =>
                  void copyWatch.copied(text).then((when) =>
                    store.announce(
                      when
                        ? i18n.t('background.join.sentences', {
                            first: i18n.t('bulk.app.copied', { user: row.user.displayName }),
                            second: when,
                          })
                        : i18n.t('bulk.app.copied', { user: row.user.displayName }),
                    ),
                  )
                }
                onCopyFailed={(row) => store.announce(i18n.t('bulk.app.copyFailed', { user: row.user.displayName }))}
                headingRef={resultsRef}
              />
            )}
            {unissued.length > 0 && stage !== 'issuing' && (
              <BulkNotIssued
                rows={unissued}
                cancelled={unissued.some((row) => row.outcome?.status === 'notSent') && !store.error.value}
                headingRef={notIssuedRef}
              >
                {tried && toSend > 0 && action(i18n.t('bulk.app.issueLeft', toSend))}
              </BulkNotIssued>
            )}
          </>
        )}
        <p class="visually-hidden" role="status" data-testid="bulk-status">
          {store.announcement.value}
        </p>
      </main>
      {showingPasses && <HandoverSheets rows={issued} />}
    </div>
  );
}
