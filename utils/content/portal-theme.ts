import type { PortalTheme } from '../frame-protocol';

/**
 * The theme the portal shell shows. The Azure portal and the Entra admin center put their theme on <body> as classes:
 * fxs-theme-{light,blue,dark} with fxs-mode-{light,dark} (Azure/portaldocs samples and the shell's theme switcher).
 * Their high-contrast themes aren't documented: a class naming high contrast is taken as one [inference], and failing
 * any class, the body's background decides light or dark.
 */
export function portalTheme(doc: Document = document): PortalTheme {
  const classes = `${doc.documentElement.className} ${doc.body?.className ?? ''}`;
  const dark = /\bfxs-(?:mode|theme)-dark\b/.test(classes) || (!/\bfxs-mode-light\b/.test(classes) && darkBackground(doc));
  if (/high-?contrast|\bfxs-(?:mode|theme)-hc\b/i.test(classes)) return dark ? 'highContrastDark' : 'highContrastLight';
  return dark ? 'dark' : 'light';
}

function darkBackground(doc: Document): boolean {
  const color = doc.body ? getComputedStyle(doc.body).backgroundColor : '';
  const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?/.exec(color);
  if (!rgb || rgb[4] === '0') return false;
  const [r, g, b] = [rgb[1], rgb[2], rgb[3]].map((v) => Number(v) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4;
}

/** Calls `onChange` with the theme whenever the shell switches it. */
export function watchPortalTheme(onChange: (theme: PortalTheme) => void): () => void {
  let last = portalTheme();
  const observer = new MutationObserver(() => {
    const next = portalTheme();
    if (next === last) return;
    last = next;
    onChange(next);
  });
  for (const element of [document.documentElement, document.body]) {
    if (element) observer.observe(element, { attributes: true, attributeFilter: ['class', 'style'] });
  }
  return () => observer.disconnect();
}
