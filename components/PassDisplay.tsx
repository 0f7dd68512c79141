import type { Ref } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { IssuedTap } from '@/utils/graph/types';
import { LANGUAGES, type LanguageCode, languageOf } from '@/utils/i18n/languages';
import { fillParts } from '@/utils/i18n/parts';
import { formatCountdown, formatDateTime, passEnd } from '@/utils/ui/format-pass';
import { ADMIN_LANGUAGE, buildInstructions, type InstructionsLanguage } from '@/utils/ui/instructions';
import { adminLanguage, instructionsLanguage, type LoadMessages, sharedMessagesLoader } from '@/utils/ui/instructions-language';
import { unusableSentence } from '@/utils/ui/pass-status';
import { spellOut } from '@/utils/ui/spell-out';
import { useNow } from '@/utils/ui/use-now';
import { CopyButton } from './CopyButton';
import { PassGroups } from './PassGroups';

export interface PassDisplayProps {
  tap: IssuedTap;
  userPrincipalName: string;
  /** Names the card for screen readers: "Temporary Access Pass for Adele Vance". */
  displayName: string;
  /** Focus lands on the card when the pass arrives. */
  cardRef?: Ref<HTMLElement>;
  /** A copy failed (the browser refused the clipboard). */
  onCopyFailed?: () => void;
  /** Something holding the pass reached the clipboard (a Copy button, or a manual copy of the value). */
  onCopied?: (text: string) => void;
  onDone: () => void;
  /** Reads another language's catalogue for the instructions (default: the extension's _locales files). */
  loadMessages?: LoadMessages;
}

interface InstructionsCopyProps {
  tap: IssuedTap;
  userPrincipalName: string;
  onCopied?: (text: string) => void;
  onCopyFailed?: () => void;
  loadMessages: LoadMessages;
}

/**
 * Copy instructions, and beside it the language they are written in: the admin's by default, or any shipped language
 * the user reads (its catalogue is read when chosen, so a copy right after finds it). A language that can't be read is
 * said, and the admin's is copied.
 */
function InstructionsCopy({ tap, userPrincipalName, onCopied, onCopyFailed, loadMessages }: InstructionsCopyProps) {
  const admin = adminLanguage();
  const [code, setCode] = useState<LanguageCode>(admin.code);
  const [unavailable, setUnavailable] = useState<LanguageCode | null>(null);
  // The chosen language: its catalogue once read (copied at once), or the read still under way (a copy waits for it).
  const chosen = useRef<{ code: LanguageCode; ready: InstructionsLanguage | null; pending: Promise<InstructionsLanguage> }>({
    code: admin.code,
    ready: ADMIN_LANGUAGE,
    pending: Promise.resolve(ADMIN_LANGUAGE),
  });

  const choose = (next: LanguageCode) => {
    setCode(next);
    setUnavailable(null);
    const entry = {
      code: next,
      ready: null as InstructionsLanguage | null,
      pending: instructionsLanguage(next, loadMessages).catch(() => {
        if (chosen.current === entry) setUnavailable(next);
        return ADMIN_LANGUAGE;
      }),
    };
    chosen.current = entry;
    void entry.pending.then((language) => {
      entry.ready = language;
    });
  };

  const text = () => {
    const { ready, pending } = chosen.current;
    return ready
      ? buildInstructions(tap, userPrincipalName, ready)
      : pending.then((language) => buildInstructions(tap, userPrincipalName, language));
  };

  return (
    <span class="instructions-copy">
      <CopyButton
        getText={text}
        label={i18n.t('pass.display.copyInstructions')}
        class="btn"
        onCopied={onCopied}
        onFailed={onCopyFailed}
        gated
      />
      <select
        class="instructions-language"
        aria-label={i18n.t('pass.display.instructionsLanguage')}
        aria-describedby={unavailable ? 'instructions-language-note' : undefined}
        value={code}
        onChange={(event) => choose(event.currentTarget.value as LanguageCode)}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.tag}>
            {language.name}
          </option>
        ))}
      </select>
      <span id="instructions-language-note" class="hint" aria-live="polite" data-testid="instructions-language-note">
        {unavailable
          ? // Each language's name in its own lang: a German voice would otherwise skip or spell out 日本語.
            fillParts(i18n.t('pass.display.languageUnavailable', { language: '{language}', fallback: '{fallback}' }), {
              language: <span lang={languageOf(unavailable).tag}>{languageOf(unavailable).name}</span>,
              fallback: <span lang={admin.tag}>{admin.name}</span>,
            })
          : ''}
      </span>
    </span>
  );
}

/**
 * The new pass, shown once. Read visually in groups of four with digits, letters and symbols told apart; read by a
 * screen reader once, whole; spelled out on request for the phone; copied exactly.
 */
export function PassDisplay(props: PassDisplayProps) {
  const { tap, userPrincipalName, displayName, cardRef, onCopied, onCopyFailed, onDone } = props;
  const loadMessages = props.loadMessages ?? sharedMessagesLoader();
  const now = useNow(1000);
  const [spelled, setSpelled] = useState(false);
  const start = new Date(tap.startDateTime).getTime();
  const end = passEnd(tap.startDateTime, tap.lifetimeInMinutes);
  // Graph created it but says it can't be used to sign in (e.g. the user is outside the policy): no instructions to send.
  const unusable = tap.isUsable ? null : unusableSentence(tap);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset groups form controls; this card is read, not filled in
    <section
      class="card pass-display"
      role="group"
      aria-label={i18n.t('pass.panel.labelFor', { user: displayName })}
      tabIndex={-1}
      ref={cardRef}
      data-testid="pass-card"
    >
      <div class="row-between">
        <h2 class="section-title">{i18n.t('pass.display.title')}</h2>
        {unusable && <span class="status status-off">{i18n.t('pass.display.cantSignIn')}</span>}
        {tap.isUsableOnce && <span class="badge badge-info">{i18n.t('pass.badge.oneTime')}</span>}
      </div>
      {unusable ? (
        <>
          <p class="notice notice-warn" data-testid="pass-unusable">
            {unusable}
          </p>
          <p class="hint">{i18n.t('pass.display.hintUnusable')}</p>
        </>
      ) : (
        <p class="hint">{i18n.t('pass.display.hint')}</p>
      )}
      <p
        class="pass-value"
        data-testid="pass-value"
        onCopy={(event) => {
          // A manual copy of the value gives the pass exactly, not the grouping's spaces and line breaks.
          const selection = document.getSelection();
          if (!selection || selection.isCollapsed || !event.clipboardData) return;
          if (!event.currentTarget.contains(selection.anchorNode) || !event.currentTarget.contains(selection.focusNode)) return;
          event.clipboardData.setData('text/plain', tap.temporaryAccessPass);
          event.preventDefault();
          onCopied?.(tap.temporaryAccessPass);
        }}
      >
        <span class="visually-hidden">{tap.temporaryAccessPass}</span>
        <PassGroups value={tap.temporaryAccessPass} />
      </p>
      {spelled && (
        <p
          class="pass-spelled"
          data-testid="pass-spelled"
          onCopy={(event) => {
            // The reading is the pass in words: a manual copy of it is cleared from the clipboard like the value.
            const text = document.getSelection()?.toString() ?? '';
            if (!text || !event.clipboardData) return;
            event.clipboardData.setData('text/plain', text);
            event.preventDefault();
            onCopied?.(text);
          }}
        >
          {spellOut(tap.temporaryAccessPass)}
        </p>
      )}
      <dl class="facts">
        <dt>{i18n.t('pass.display.validFrom')}</dt>
        <dd>{formatDateTime(start)}</dd>
        <dt>{i18n.t('pass.display.expiresAt')}</dt>
        <dd>{formatDateTime(end)}</dd>
      </dl>
      <p class="countdown" data-testid="pass-countdown">
        {formatCountdown(start, end, now)}
      </p>
      <div class="actions">
        <CopyButton
          getText={() => tap.temporaryAccessPass}
          label={i18n.t('pass.display.copy')}
          ariaLabel={i18n.t('pass.display.copyPass')}
          class="btn btn-primary"
          onCopied={onCopied}
          onFailed={onCopyFailed}
          gated
        />
        {!unusable && (
          <InstructionsCopy
            tap={tap}
            userPrincipalName={userPrincipalName}
            onCopied={onCopied}
            onCopyFailed={onCopyFailed}
            loadMessages={loadMessages}
          />
        )}
        <button type="button" class="btn" aria-pressed={spelled} onClick={() => setSpelled(!spelled)}>
          {i18n.t('pass.display.spellOut')}
        </button>
        <button type="button" class="btn btn-subtle" onClick={onDone}>
          {i18n.t('pass.display.done')}
        </button>
      </div>
    </section>
  );
}
