/** The only two messages the panel posts to the portal page that hosts its frame. They never carry anything else. */
export type FrameMessage = { type: 'entra-tap:close' } | { type: 'entra-tap:resize'; height: number };

function parentOrigin(): string {
  return window.location.ancestorOrigins?.[0] ?? '*';
}

export function postToHost(message: FrameMessage): void {
  if (window.parent === window) return;
  window.parent.postMessage(message, parentOrigin());
}

/** Reports the content's height to the host whenever it changes; returns a stop function. */
export function reportHeight(element: HTMLElement): () => void {
  let last = -1;
  const send = () => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    postToHost({ type: 'entra-tap:resize', height });
  };
  const observer = new ResizeObserver(send);
  observer.observe(element);
  send();
  return () => observer.disconnect();
}
