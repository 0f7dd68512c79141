import type { ComponentChildren } from 'preact';

export interface ScrollTableProps {
  /** Names the region: "Check results", "Issued passes". */
  label: string;
  children: ComponentChildren;
}

/** A table wider than the window (400 % zoom, 320 CSS px) scrolls here, not the page; the keyboard reaches it to scroll. */
export function ScrollTable({ label, children }: ScrollTableProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable, or keyboard users can't scroll it
    <section class="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
