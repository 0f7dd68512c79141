import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Cloud } from '@/utils/clouds';
import {
  accessRequest,
  allHosts,
  browserHostAccess,
  type HostAccessApi,
  type HostGroups,
  missingHosts,
  watchHostAccess,
} from '@/utils/ui/host-access';
import {
  CANNOT_ASK_SENTENCE,
  grantedSentence,
  missingSentences,
  NO_ANSWER_SENTENCE,
  REFUSED_SENTENCE,
  stillMissingSentence,
} from '@/utils/ui/host-access-words';

export interface HostAccessNoticeProps {
  /** The browser's permissions; tests pass their own. */
  api?: HostAccessApi;
  /** Popup and panel window: no pointer to the browser's settings. */
  compact?: boolean;
  /**
   * Popup and panel window: the button opens the options page, which asks. A prompt from a popup can close the popup
   * (Chromium) or never show (a Firefox popup-type window), leaving the admin with a busy button and no answer.
   */
  onAskElsewhere?: () => void;
  /** The configured cloud: a national one's admin centers and services are checked too. */
  cloud?: Cloud;
}

const NOTHING_MISSING: HostGroups = { portal: [], services: [] };

interface Outcome {
  kind: 'granted' | 'refused' | 'failed';
  sentence: string;
}

/**
 * Says which sites the browser doesn't let the extension reach and what that costs, with a button that asks for them.
 * Nothing at all while every site is allowed.
 */
export function HostAccessNotice({ api: given, compact = false, onAskElsewhere, cloud }: HostAccessNoticeProps) {
  const api = useMemo(() => given ?? browserHostAccess(), [given]);
  const [missing, setMissing] = useState<HostGroups | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const checks = useRef(0);
  const button = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  /** Only the latest check counts: two in flight (a click and the event it causes) may answer out of order. */
  const check = async (): Promise<HostGroups> => {
    const mine = ++checks.current;
    // A browser that can't say is taken as allowing: no notice rather than a wrong one.
    const now = await missingHosts(api, cloud).catch(() => NOTHING_MISSING);
    if (mine !== checks.current) return now;
    // The button goes once nothing is missing: the keyboard moves to the notice's heading first, not to <body>.
    if (allHosts(now).length === 0 && document.activeElement === button.current) heading.current?.focus();
    setMissing(now);
    return now;
  };

  useEffect(() => {
    void check();
    return watchHostAccess(api, () => {
      void check().then((now) => {
        // Changed elsewhere (about:addons, the extensions menu): an earlier outcome no longer describes it.
        const none = allHosts(now).length === 0;
        setOutcome((last) => (last?.kind === 'granted' && none ? last : null));
      });
    });
  }, [api, cloud]);

  // A request left unanswered (no prompt showed, or it went away unanswered): when the admin is back on this page,
  // look again, and if nothing changed, say so instead of leaving a busy button.
  useEffect(() => {
    if (!busy) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const back = () => {
      if (document.visibilityState !== 'visible') return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        void check().then(() => {
          setBusy(false);
          setOutcome({ kind: 'failed', sentence: NO_ANSWER_SENTENCE });
        });
      }, 1_000);
    };
    window.addEventListener('focus', back);
    document.addEventListener('visibilitychange', back);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('focus', back);
      document.removeEventListener('visibilitychange', back);
    };
  }, [busy]);

  if (!missing) return null;
  const origins = allHosts(missing);
  // Kept while the browser is asking: its answer must land in the same live region, next to the same heading.
  if (origins.length === 0 && !outcome && !busy) return null;

  const ask = () => {
    if (busy) return;
    if (onAskElsewhere) {
      onAskElsewhere();
      return;
    }
    // Called at once, inside the click: browsers only show their prompt during the user's gesture.
    let answer: Promise<boolean>;
    try {
      answer = api.request(accessRequest(origins, cloud));
    } catch (error) {
      answer = Promise.reject(error);
    }
    setBusy(true);
    // A new question: the last answer goes, so the next one is new text and is announced even when it is the same.
    setOutcome(null);
    answer
      .then(
        async (granted) => {
          const now = allHosts(await check());
          if (!granted) setOutcome({ kind: 'refused', sentence: REFUSED_SENTENCE });
          else if (now.length === 0) setOutcome({ kind: 'granted', sentence: grantedSentence(origins) });
          else setOutcome({ kind: 'refused', sentence: stillMissingSentence(now) });
        },
        () => setOutcome({ kind: 'failed', sentence: CANNOT_ASK_SENTENCE }),
      )
      .finally(() => setBusy(false));
  };

  return (
    <section class={`notice host-access${origins.length > 0 ? ' notice-warn' : ''}`} aria-labelledby="host-access-title">
      <h2 id="host-access-title" class="section-title" tabIndex={-1} ref={heading}>
        {i18n.t('panel.hostAccess.title')}
      </h2>
      <div id="host-access-why">
        {missingSentences(missing).map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
      </div>
      {origins.length > 0 && !compact && <p class="hint">{i18n.t('panel.hostAccess.settingsHint')}</p>}
      {origins.length > 0 && (
        <div class="notice-actions">
          <button
            type="button"
            class="btn btn-primary"
            ref={button}
            onClick={ask}
            aria-disabled={busy ? 'true' : undefined}
            aria-describedby="host-access-why"
            data-testid="allow-host-access"
          >
            {onAskElsewhere ? i18n.t('panel.hostAccess.allowInOptions') : i18n.t('panel.hostAccess.allow')}
          </button>
        </div>
      )}
      {/* Always there while the notice is (out of the layout while empty), so the answer is announced once, when it arrives. */}
      <p aria-live="polite" class={outcome ? undefined : 'visually-hidden'} data-testid="host-access-result">
        {outcome?.sentence}
      </p>
    </section>
  );
}
