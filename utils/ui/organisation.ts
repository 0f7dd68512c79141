import { type ReadonlySignal, signal } from '@preact/signals';
import { i18n } from '#i18n';
import { EMPTY_READING, type ManagedLayer, type ManagedReading, managedLayer } from '@/utils/managed-config';

/** The organisation's managed configuration as a signal for a page: read once, then kept current as the policy changes. */
export function organisationSignal(layer: ManagedLayer = managedLayer): ReadonlySignal<ManagedReading> {
  const reading = signal<ManagedReading>(EMPTY_READING);
  void layer.get().then((value) => {
    reading.value = value;
  });
  layer.onChange((value) => {
    reading.value = value;
  });
  return reading;
}

/** Why a setting can't be changed on the options page: said beside each one the organisation's policy sets. */
export const MANAGED_REASON = i18n.t('options.managed.reason');

/** The heading beside a locked setting. */
export const SET_BY_ORGANISATION = i18n.t('options.managed.setBy');
