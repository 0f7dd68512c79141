/**
 * What a panel's buttons ask before acting. Apart from createActivationGuard (activation-guard.ts) so the pages that
 * share GatedButton (popup, options, bulk) don't load the portal panel's guard with it.
 */
export interface ActivationGuard {
  /** Whether this click (a pointer's, or a key's: detail 0) is the admin acting on what they see. */
  allows(event: MouseEvent): boolean;
  stop(): void;
}

/** The background's own windows: nothing frames them, every activation is the admin's. */
export const ALWAYS: ActivationGuard = { allows: () => true, stop: () => {} };
