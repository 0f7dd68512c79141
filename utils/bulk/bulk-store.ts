import { batch, computed, signal } from '@preact/signals';
import { i18n } from '#i18n';
import type { TapPolicy } from '../graph/types';
import type { ErrorInfo, SessionInfo } from '../messages';
import { errorInfoOf } from '../send-request';
import { createAnnouncer } from '../ui/announcer';
import type { Send } from '../ui/panel-store';
import {
  applyCheck,
  applyResults,
  type BulkRow,
  checkCounts,
  issueCounts,
  issuedRows,
  markNotSent,
  rowsFromList,
  sendCounts,
  startSending,
} from './bulk-rows';
import { runCheck } from './check-run';
import { runIssue } from './issue-run';
import { type ParsedList, parseList } from './parse-list';
import { cancelTooLate, cancelUnavailable, checkSummary, issueEnded } from './words';

/** edit → checking → checked → confirm → issuing → done (→ confirm again for the rows left). */
export type BulkStage = 'edit' | 'checking' | 'checked' | 'confirm' | 'issuing' | 'done';

/** A list file is text: a thousand users take well under 100 KB. */
export const MAX_FILE_BYTES = 1_000_000;

export interface Tenant {
  id: string;
  name: string;
}

function tenantOf(session: SessionInfo | null): Tenant | null {
  if (!session?.signedIn || !session.tenantId) return null;
  return { id: session.tenantId, name: session.actingTenant ?? session.tenantDomain ?? session.tenantId };
}

/**
 * Everything the bulk page shows, as signals. Issued passes live here, in this page's memory, and nowhere else: never
 * in storage, a URL or a log; they go when the page closes.
 */
export function createBulkStore(send: Send, newRowId: () => string = () => crypto.randomUUID()) {
  const session = signal<SessionInfo | null>(null);
  const signingIn = signal(false);
  const text = signal('');
  /** The list as last checked (its problems stay listed until the text changes). */
  const list = signal<ParsedList | null>(null);
  const fileError = signal<string | null>(null);
  const rows = signal<BulkRow[]>([]);
  const stage = signal<BulkStage>('edit');
  const checked = signal(0);
  const policy = signal<TapPolicy | null>(null);
  /** The directory the list was checked in: the one it is issued in, or nowhere. */
  const tenant = signal<Tenant | null>(null);
  const error = signal<ErrorInfo | null>(null);
  const runTotal = signal(0);
  /** This run's rows sent so far: Cancel can't stop those. */
  const runSent = signal(0);
  const cancelling = signal(false);
  /** Cancel was pressed when every user was already sent. */
  let cancelTooLatePressed = false;
  /** Confirmed: the directory is being read again before anything is sent. */
  const confirmBusy = signal(false);
  /** Counts finished checks and runs: the page moves the keyboard to what each one's end shows. */
  const checksDone = signal(0);
  const runsDone = signal(0);
  /** Counts refused checks and refused files: the page mounts their alert afresh, so the same words are heard again. */
  const listAttempts = signal(0);
  const fileAttempts = signal(0);
  /** Where a cancelled confirmation returns to. */
  let beforeConfirm: BulkStage = 'checked';
  let checkedText: string | null = null;
  const { text: announcement, announce } = createAnnouncer();

  const counts = computed(() => checkCounts(rows.value));
  const progress = computed(() => issueCounts(rows.value));
  const toSend = computed(() => sendCounts(rows.value));
  const issued = computed(() => issuedRows(rows.value));

  async function refreshSession(): Promise<SessionInfo | null> {
    try {
      const current = await send('getSession', {});
      session.value = current;
      return current;
    } catch (e) {
      error.value = errorInfoOf(e);
      return null;
    }
  }

  async function signIn(): Promise<void> {
    if (signingIn.value) return;
    signingIn.value = true;
    try {
      session.value = await send('signIn', {});
      error.value = null;
    } catch (e) {
      error.value = errorInfoOf(e);
    } finally {
      signingIn.value = false;
    }
  }

  const issuedOrTried = () => rows.value.some((row) => row.outcome !== undefined);

  /** Signing out leaves the passes shown: they are this page's, not the session's. */
  async function signOut(): Promise<void> {
    if (signingIn.value) return;
    signingIn.value = true;
    try {
      session.value = await send('signOut', {});
    } catch (e) {
      error.value = errorInfoOf(e);
    } finally {
      signingIn.value = false;
    }
  }

  /** Editing the list after a check drops the check: the table would describe another list. Locked once issuing began. */
  function setText(value: string): void {
    if (stage.value === 'checking' || stage.value === 'issuing' || issuedOrTried()) return;
    batch(() => {
      text.value = value;
      fileError.value = null;
      if (checkedText !== null && value !== checkedText) {
        checkedText = null;
        list.value = null;
        rows.value = [];
        stage.value = 'edit';
        error.value = null;
      }
    });
  }

  async function loadFile(file: Blob): Promise<boolean> {
    const refuse = (why: string) => {
      batch(() => {
        fileError.value = why;
        fileAttempts.value++;
      });
      return false;
    };
    if (file.size > MAX_FILE_BYTES) {
      return refuse(i18n.t('bulk.store.fileTooLarge'));
    }
    const content = await file.text();
    if (content.includes('\u0000')) return refuse(i18n.t('bulk.store.fileNotText'));
    setText(content);
    return true;
  }

  async function check(): Promise<void> {
    if (stage.value === 'checking' || stage.value === 'issuing' || issuedOrTried()) return;
    const parsed = parseList(text.value);
    batch(() => {
      checkedText = text.value;
      list.value = parsed;
      rows.value = rowsFromList(parsed.rows);
      error.value = null;
      checked.value = 0;
    });
    if (parsed.error || parsed.rows.length === 0) {
      batch(() => {
        stage.value = 'edit';
        listAttempts.value++;
      });
      return;
    }
    stage.value = 'checking';
    announce(i18n.t('bulk.store.checking', parsed.rows.length));
    const before = tenantOf(await refreshSession());
    const outcome = await runCheck(
      parsed.rows.map((row) => row.ref),
      send,
      (answers) =>
        batch(() => {
          rows.value = applyCheck(rows.value, answers);
          checked.value += answers.length;
        }),
    );
    // Signed out at the start, the check may have signed in: the directory is then the one it ended in.
    const where = before ?? tenantOf(await refreshSession());
    // Ended by an error: the session is read again first, so the page knows whether to offer Sign in.
    if (outcome.error) await refreshSession();
    batch(() => {
      tenant.value = where;
      if (outcome.policy !== undefined) policy.value = outcome.policy;
      error.value = outcome.error;
      stage.value = 'checked';
      checksDone.value++;
    });
    // An error is said by its notice's alert; a finished check here, once.
    if (!outcome.error)
      announce(i18n.t('bulk.store.checkFinished', { summary: checkSummary(counts.value, parsed.problems.length) }));
  }

  function askToIssue(): void {
    if (toSend.value.total === 0 || (stage.value !== 'checked' && stage.value !== 'done')) return;
    beforeConfirm = stage.value;
    error.value = null;
    stage.value = 'confirm';
  }

  function cancelConfirm(): void {
    if (stage.value === 'confirm' && !confirmBusy.value) stage.value = beforeConfirm;
  }

  async function issue(): Promise<void> {
    if (stage.value !== 'confirm' || confirmBusy.value) return;
    confirmBusy.value = true;
    // The users were resolved in one directory: a switch since then (the popup) must not move the passes elsewhere.
    const now = tenantOf(await refreshSession());
    confirmBusy.value = false;
    const checkedIn = tenant.value;
    if (!now || !checkedIn || now.id !== checkedIn.id) {
      batch(() => {
        error.value = {
          kind: 'wrongTenant',
          message: !now
            ? i18n.t('bulk.store.signedOut')
            : checkedIn
              ? i18n.t('bulk.store.otherTenant', { now: now.name, checked: checkedIn.name })
              : i18n.t('bulk.store.otherTenantUnknown', { now: now.name }),
        };
        stage.value = beforeConfirm;
      });
      return;
    }
    cancelling.value = false;
    cancelTooLatePressed = false;
    runSent.value = 0;
    stage.value = 'issuing';
    const started = startSending(rows.value, newRowId);
    batch(() => {
      rows.value = started.rows;
      runTotal.value = started.send.length;
    });
    const outcome = await runIssue(started.send, send, {
      cancelled: () => cancelling.value,
      onSend: (chunk) => {
        runSent.value += chunk.length;
      },
      onResults: (results) => {
        rows.value = applyResults(rows.value, results);
      },
    });
    batch(() => {
      rows.value = markNotSent(rows.value, outcome.notSent);
      error.value = outcome.error;
      stage.value = 'done';
      runsDone.value++;
    });
    const ended = outcome.error ? 'failed' : cancelling.value && outcome.notSent.length > 0 ? 'cancelled' : 'done';
    // The keyboard moves to the results' heading ("24 passes issued"): said here only when there is more to it, and
    // without the count that heading already says.
    const headingSaysIssued = issued.value.length > 0;
    if ((cancelling.value || cancelTooLatePressed) && outcome.notSent.length === 0 && !outcome.error)
      announce(cancelTooLate(runTotal.value, progress.value, headingSaysIssued));
    else if (progress.value.failed > 0 || outcome.notSent.length > 0)
      announce(issueEnded(progress.value, outcome.notSent.length, ended, headingSaysIssued));
    if (outcome.error) void refreshSession();
  }

  /** Stops before the next chunk; those already sent finish and are shown. */
  function cancel(): void {
    if (stage.value !== 'issuing' || cancelling.value) return;
    const unavailable = cancelUnavailable(runTotal.value, runSent.value);
    if (unavailable) {
      // Nothing left to stop: said again on each press, and once more when the run ends.
      cancelTooLatePressed = true;
      announce(unavailable);
      return;
    }
    cancelling.value = true;
    announce(i18n.t('bulk.store.stopping'));
  }

  return {
    session,
    signingIn,
    text,
    list,
    fileError,
    rows,
    stage,
    checked,
    policy,
    tenant,
    error,
    runTotal,
    runSent,
    cancelling,
    confirmBusy,
    checksDone,
    runsDone,
    listAttempts,
    fileAttempts,
    announcement,
    counts,
    progress,
    toSend,
    issued,
    init: () => void refreshSession(),
    signIn,
    signOut,
    setText,
    loadFile,
    check,
    askToIssue,
    cancelConfirm,
    issue,
    cancel,
    announce,
    dismissError: () => {
      error.value = null;
    },
  };
}

export type BulkStore = ReturnType<typeof createBulkStore>;
