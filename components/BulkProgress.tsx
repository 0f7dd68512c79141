import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

export interface BulkProgressProps {
  /** Names the section and its bar: "Checking the list". */
  title: string;
  value: number;
  max: number;
  /** "Checked 40 of 100": read on demand, not announced at every chunk. */
  text: string;
  /** The control that started it is gone (a confirmation): the keyboard starts on this heading. */
  focusOnShow?: boolean;
  children?: ComponentChildren;
}

export function BulkProgress({ title, value, max, text, focusOnShow = false, children }: BulkProgressProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Once, when it appears: later renders (each chunk's counts) leave the keyboard where the admin put it.
  useLayoutEffect(() => {
    if (focusOnShow) headingRef.current?.focus();
  }, []);
  return (
    <section class="card bulk-progress" aria-labelledby="bulk-progress-title" data-testid="bulk-progress">
      <h2 id="bulk-progress-title" class="bulk-heading" tabIndex={-1} ref={headingRef}>
        {title}
      </h2>
      <progress
        value={value}
        max={Math.max(max, 1)}
        aria-labelledby="bulk-progress-title"
        aria-describedby="bulk-progress-text"
      />
      <p id="bulk-progress-text">{text}</p>
      {children}
    </section>
  );
}
