/**
 * Where the panel belongs on the portal page, and whether it is really seen there. Its box has a fixed size: a box that
 * grew with its content would tell the page whether a user has a pass.
 */
export const TOP = 56;
export const RIGHT = 16;
export const WIDTH = 360;
export const MAX_HEIGHT = 560;
export const BOTTOM_GAP = 72;

export const important = (css: string) => css.replaceAll(';', '!important;');

/** `all: initial` first: no property the page's CSS could set on our element is left to it (inline !important wins). */
export const HOST_CSS = important(
  `all:initial;display:block;position:fixed;top:${TOP}px;right:${RIGHT}px;width:min(${WIDTH}px,calc(100vw - ${2 * RIGHT}px));` +
    `height:min(${MAX_HEIGHT}px,calc(100vh - ${BOTTOM_GAP}px));border-radius:8px;overflow:hidden;` +
    'box-shadow:0 6px 24px #0004;z-index:2147483000;',
);

export const FRAME_CSS = important('all:initial;display:block;width:100%;height:100%;border:0;');

/**
 * The host exactly where and as large as it belongs: a page that moves, zooms, scales or shrinks the panel (to slip a
 * button under the admin's cursor) changes this box, and the panel stops acting until it has been still again.
 */
export function inPlace(host: HTMLElement): boolean {
  if (host.parentNode !== document.documentElement || document.visibilityState !== 'visible') return false;
  const rect = host.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  const near = (a: number, b: number) => Math.abs(a - b) <= 1;
  return (
    near(rect.top, TOP) &&
    near(rect.right, width - RIGHT) &&
    near(rect.width, Math.min(WIDTH, innerWidth - 2 * RIGHT)) &&
    near(rect.height, Math.min(MAX_HEIGHT, innerHeight - BOTTOM_GAP))
  );
}

/** In place, not faded, filtered or covered (IntersectionObserver v2 checks the same in Chromium, and more). */
export function looksVisible(host: HTMLElement): boolean {
  if (!inPlace(host)) return false;
  const rect = host.getBoundingClientRect();
  for (let element: Element | null = host; element; element = element.parentElement) {
    const style = getComputedStyle(element);
    if (style.opacity !== '1' || style.visibility !== 'visible' || style.filter !== 'none') return false;
    if (style.clipPath !== 'none' || (style.mask && style.mask !== 'none')) return false;
  }
  const inset = 6;
  const points: [number, number][] = [
    [rect.left + rect.width / 2, rect.top + rect.height / 2],
    [rect.left + inset, rect.top + inset],
    [rect.right - inset, rect.top + inset],
    [rect.left + inset, rect.bottom - inset],
    [rect.right - inset, rect.bottom - inset],
  ];
  return points.every(([x, y]) => document.elementFromPoint(x, y) === host);
}
