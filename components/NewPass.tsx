import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import type { IssuedTap } from '@/utils/graph/types';
import type { PanelState } from '@/utils/messages';
import { focusSoon } from '@/utils/ui/focus-within';
import type { PanelStore } from '@/utils/ui/panel-store';
import { PassDisplay } from './PassDisplay';

/** Passes whose card has had the keyboard (the objects, held no longer than the store holds them). */
const focusedPasses = new WeakSet<IssuedTap>();

export interface NewPassProps {
  store: PanelStore;
  user: Pick<PanelState['user'], 'displayName' | 'userPrincipalName'>;
  onDone: () => void;
}

/**
 * The pass just issued, while the panel holds it. Its own component, so the pass arriving renders this alone, not the
 * whole panel (the store updates the rest a task later: panel-store.ts issue).
 */
export function NewPass({ store, user, onDone }: NewPassProps) {
  const tap = store.issued.value;
  const card = useRef<HTMLElement>(null);
  // A new pass takes focus (its card is a labelled group: "Temporary Access Pass for …"), so Copy is the next Tab. Once:
  // the card shown again (after a sign-in the panel re-renders the pass it still holds) leaves the keyboard alone.
  useEffect(() => {
    if (!tap || focusedPasses.has(tap)) return;
    focusedPasses.add(tap);
    focusSoon(() => card.current);
  }, [tap]);
  if (!tap) return null;
  return (
    <PassDisplay
      tap={tap}
      displayName={user.displayName}
      userPrincipalName={user.userPrincipalName}
      cardRef={card}
      onCopied={(text) => void store.copied(text)}
      onCopyFailed={() => store.announce(i18n.t('pass.panel.copyFailed'))}
      onDone={onDone}
    />
  );
}
