/**
 * Keeps Firefox's event page from being suspended while it has work on a timer, and only then.
 *
 * Firefox suspends an idle event page after extensions.background.idle.timeout (30 s by default), open ports or not,
 * and its timers die with it. What counts as activity is in Firefox's source: ExtensionParent.sys.mjs emits
 * "background-script-reset-idle" (reason "parentApiCall") for every extension API call the background context makes
 * to the parent process, and ext-backgroundPage.js restarts the idle timer on that event. So a cheap parent-process
 * call (runtime.getPlatformInfo) more often than every 30 s keeps the page, and its timers, alive.
 */

/** Comfortably inside Firefox's 30 s default, so one late tick doesn't let the page go. */
export const KEEP_ALIVE_INTERVAL_MS = 20_000;

export interface KeepAlive {
  /** true while there is work to stay awake for; false lets the page go idle again. */
  setActive(active: boolean): void;
}

export function createKeepAlive(ping: () => Promise<unknown>, intervalMs = KEEP_ALIVE_INTERVAL_MS): KeepAlive {
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    setActive(active) {
      if (active && timer === undefined) {
        timer = setInterval(() => void ping().catch(() => undefined), intervalMs);
      } else if (!active && timer !== undefined) {
        clearInterval(timer);
        timer = undefined;
      }
    },
  };
}
