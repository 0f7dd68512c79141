import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { savedHistorySettings } from '@/utils/history/settings';
import type { HistorySettings } from '@/utils/history/types';
import { formatNumber } from '@/utils/i18n/display-locale';
import type { ManagedReading } from '@/utils/managed-config';
import { ManagedNote } from '../ManagedNote';
import { TurnOffChoice } from './TurnOffChoice';

export interface KeepHistoryToggleProps {
  load: () => Promise<Partial<HistorySettings> | null>;
  /** Merges into what the options page saved. */
  save: (patch: Partial<HistorySettings>) => Promise<void>;
  /** The organisation's managed configuration: a keepHistory it sets is shown read-only and wins. */
  managed?: ReadonlySignal<ManagedReading>;
  /** How many entries are kept now: turning off asks about them only when there are some. */
  kept: () => number;
  /** Clears without announcing (this control says it); how many went, or null when it failed. */
  clear: () => Promise<number | null>;
  announce: (sentence: string) => void;
}

/** "Keep a local history": takes effect at once; turning it off with entries kept asks what becomes of them. */
export function KeepHistoryToggle({ load, save, managed, kept, clear, announce }: KeepHistoryToggleProps) {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void load().then((raw) => setEnabled(savedHistorySettings(raw).enabled));
  }, [load]);

  const managedKeep = managed?.value.values.keepHistory;
  const checked = managedKeep ?? enabled ?? true;
  const backToBox = () => requestAnimationFrame(() => box.current?.focus());

  const apply = async (next: boolean, clearToo = false) => {
    setBusy(true);
    try {
      const count = kept();
      await save({ enabled: next });
      setEnabled(next);
      if (next) announce(i18n.t('history.keep.turnedOn'));
      else if (clearToo) {
        const cleared = await clear();
        announce(
          cleared === null
            ? i18n.t('history.keep.clearFailed')
            : i18n.t('history.keep.cleared', cleared, { count: formatNumber(cleared) }),
        );
      } else if (count > 0) announce(i18n.t('history.keep.kept', count, { count: formatNumber(count) }));
      else announce(i18n.t('history.keep.nothingKept'));
    } catch {
      announce(i18n.t('history.couldNotSave'));
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    setAsking(false);
    backToBox();
  };

  return (
    <div class="field history-keep">
      <div class="field-check">
        <input
          id="history-keep"
          type="checkbox"
          ref={box}
          checked={checked}
          aria-readonly={managedKeep !== undefined || undefined}
          aria-describedby={managedKeep !== undefined ? 'history-keep-hint history-keep-managed' : 'history-keep-hint'}
          onClick={(e) => {
            // The box shows what was saved, not the click: a turn-off may still be asked about, or refused.
            e.preventDefault();
            if (managedKeep !== undefined || busy || asking || enabled === null) return;
            if (!checked) void apply(true);
            else if (kept() > 0) setAsking(true);
            else void apply(false);
          }}
        />
        <label for="history-keep">{i18n.t('history.keep.label')}</label>
      </div>
      <span id="history-keep-hint" class="hint">
        {i18n.t('history.keep.hint')}
      </span>
      {managedKeep !== undefined && <ManagedNote id="history-keep-managed" />}
      {asking && (
        <TurnOffChoice
          kept={kept()}
          busy={busy}
          onCancel={close}
          onChoose={(clearToo) => void apply(false, clearToo).then(close)}
        />
      )}
    </div>
  );
}
