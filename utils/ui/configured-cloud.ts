import { computed, type ReadonlySignal, signal } from '@preact/signals';
import { type Cloud, type CloudName, cloudOf } from '../clouds';
import type { ManagedReading } from '../managed-config';
import { settingsItem } from '../storage';

/** The cloud the extension works in, for a page: the organisation's over the saved one, kept current as either changes. */
export function configuredCloudSignal(organisation: ReadonlySignal<ManagedReading>): ReadonlySignal<Cloud> {
  const saved = signal<CloudName | undefined>(undefined);
  void settingsItem.getValue().then((settings) => {
    saved.value = settings?.cloud;
  });
  settingsItem.watch((settings) => {
    saved.value = settings?.cloud;
  });
  return computed(() => cloudOf({ cloud: organisation.value.values.cloud ?? saved.value }));
}
