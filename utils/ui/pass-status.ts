import type { TapMethod } from '@/utils/graph/types';
import { formatDateTime, passEnd } from './format';

export type PassTone = 'ok' | 'pending' | 'off';

export interface PassStatus {
  label: string;
  tone: PassTone;
}

/** The current pass's state in plain words, from Graph's methodUsabilityReason (checked against the clock). */
export function describePassStatus(pass: TapMethod, now: number): PassStatus {
  const start = new Date(pass.startDateTime).getTime();
  const end = passEnd(pass.startDateTime, pass.lifetimeInMinutes);
  switch (pass.methodUsabilityReason) {
    case 'OneTimeUsed':
      return { label: 'Used', tone: 'off' };
    case 'DisabledByPolicy':
      return { label: 'Blocked by policy', tone: 'off' };
    case 'Expired':
      return { label: 'Expired', tone: 'off' };
    case 'NotYetValid':
      if (now < start) return { label: `Not yet valid — starts ${formatDateTime(start)}`, tone: 'pending' };
      break;
  }
  if (now >= end) return { label: 'Expired', tone: 'off' };
  // A start a moment ahead of this page's clock is not "not yet valid" when Graph already says the pass is usable.
  return pass.isUsable || pass.methodUsabilityReason === 'EnabledByPolicy' || pass.methodUsabilityReason === 'NotYetValid'
    ? { label: 'Active', tone: 'ok' }
    : { label: 'Not usable', tone: 'off' };
}
