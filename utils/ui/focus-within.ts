/**
 * Moves focus only while this document already has it. A portal frame must never pull the keyboard away from the
 * portal: if the admin went on typing there while an action finished, their next keystroke would land on our buttons.
 */
export function focusIfFocused(element: HTMLElement | null | undefined): void {
  if (element && document.hasFocus()) element.focus();
}

/** Moves focus to the element once it exists (after the render that creates it), only while this document has it. */
export function focusSoon(get: () => HTMLElement | null | undefined): void {
  requestAnimationFrame(() => focusIfFocused(get()));
}
