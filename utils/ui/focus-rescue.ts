/**
 * Keeps the keyboard in the page when the control it was on is replaced (Sign in becoming the loaded view, Try again
 * becoming a skeleton, Sign out becoming Sign in): focus would fall to <body> and the next Tab would start over or leave
 * the panel. It moves to the first of `targets` that exists (made focusable), only while this document has focus.
 */
export function rescueFocus(targets: readonly string[]): () => void {
  let lastFocused: Element | null = null;
  const onFocusIn = (event: FocusEvent) => {
    lastFocused = event.target as Element | null;
  };
  const rescue = () => {
    // Only when the focused control itself went away: a click on plain text (a selection) is left alone.
    if (!lastFocused || lastFocused.isConnected || !document.hasFocus()) return;
    if (document.activeElement && document.activeElement !== document.body) return;
    for (const selector of targets) {
      const target = document.querySelector<HTMLElement>(selector);
      if (!target) continue;
      if (target.tabIndex < 0 && !target.matches('a[href], button, input, select, textarea')) target.tabIndex = -1;
      target.focus();
      return;
    }
  };
  // After the frame and then a task: Preact runs effects in a task queued from the frame (hooks' afterPaint), and the
  // effect that moves focus on purpose (a confirmation's Cancel, Issue after Cancel) must come first, or the keyboard
  // would stop on the user's name on its way there and a screen reader would say both.
  const observer = new MutationObserver(() => requestAnimationFrame(() => setTimeout(rescue, 0)));
  document.addEventListener('focusin', onFocusIn);
  observer.observe(document.body, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    document.removeEventListener('focusin', onFocusIn);
  };
}
