import { i18n } from '#i18n';
import { fillParts } from '@/utils/i18n/parts';

export interface BulkListInputProps {
  text: string;
  onText: (text: string) => void;
  /** A chosen file; resolves false when it was refused (fileError then says why). */
  onFile: (file: File) => Promise<boolean>;
  onCheck: () => void;
  checking: boolean;
  /** Passes were issued from this list: it stays as it is until the page closes. */
  locked: boolean;
  /** Why the list as a whole can't be checked (an unclosed quote, no user column, nothing valid). */
  listError: string | null;
  /** Goes up with each refused check: the alert is mounted again, so the same words are heard again. */
  listAttempt?: number;
  fileError: string | null;
  /** Goes up with each refused file, as listAttempt. */
  fileAttempt?: number;
}

/** The hint, its column names (what the list's header says, in any language) kept for the code elements. */
const HINT = i18n.t('bulk.list.hint', {
  upn: '{upn}',
  id: '{id}',
  start: '{start}',
  lifetime: '{lifetime}',
  oneTime: '{oneTime}',
});
const code = (name: string) => <code>{name}</code>;
const columnNames = () => ({
  upn: code('upn'),
  id: code('id'),
  start: code('start'),
  lifetime: code('lifetime'),
  oneTime: code('one-time'),
});

/** The list to check: pasted, or read from a chosen file into the same field so the admin sees what is checked. */
export function BulkListInput(props: BulkListInputProps) {
  const { text, onText, onFile, onCheck, checking, locked, listError, listAttempt = 0, fileError, fileAttempt = 0 } = props;
  const describedBy = ['bulk-list-hint', listError ? 'bulk-list-error' : ''].filter(Boolean).join(' ');
  return (
    <section class="bulk-section" aria-labelledby="bulk-list-title">
      <h2 id="bulk-list-title" class="bulk-heading">
        {i18n.t('bulk.list.heading')}
      </h2>
      <div class="field">
        <label for="bulk-list">{i18n.t('bulk.list.label')}</label>
        <p id="bulk-list-hint" class="hint">
          {fillParts(HINT, columnNames())}
        </p>
        <textarea
          id="bulk-list"
          class="bulk-textarea"
          rows={10}
          spellcheck={false}
          autocomplete="off"
          value={text}
          readOnly={locked}
          aria-describedby={describedBy}
          aria-invalid={listError ? 'true' : undefined}
          onInput={(event) => onText(event.currentTarget.value)}
        />
        {listError && (
          <p key={listAttempt} id="bulk-list-error" class="field-error" role="alert" data-testid="bulk-list-error">
            {listError}
          </p>
        )}
      </div>
      <div class="field">
        <label for="bulk-file">{i18n.t('bulk.list.fileLabel')}</label>
        <input
          id="bulk-file"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          disabled={locked}
          aria-describedby={fileError ? 'bulk-file-error' : undefined}
          aria-invalid={fileError ? 'true' : undefined}
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            // Emptied, so choosing the same file again after an edit reads it again.
            if (file) void onFile(file).finally(() => (input.value = ''));
          }}
        />
        {fileError && (
          <p key={fileAttempt} id="bulk-file-error" class="field-error" role="alert" data-testid="bulk-file-error">
            {fileError}
          </p>
        )}
      </div>
      {locked ? (
        <p class="hint">{i18n.t('bulk.list.locked')}</p>
      ) : (
        <div class="actions">
          {/* aria-disabled, not disabled, while busy: the keyboard stays on the button. */}
          <button
            type="button"
            class="btn btn-primary"
            aria-disabled={checking || undefined}
            aria-busy={checking || undefined}
            onClick={() => !checking && onCheck()}
          >
            {checking ? i18n.t('bulk.list.checking') : i18n.t('bulk.list.check')}
          </button>
        </div>
      )}
    </section>
  );
}
