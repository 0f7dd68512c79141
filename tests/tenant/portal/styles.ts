/** Global CSS as aggressive as a real admin center can get, so the extension has to isolate its panel. */
export const HOSTILE_CSS = `
* { font-family: 'Comic Sans MS', cursive !important; box-sizing: content-box !important; letter-spacing: 0.5px !important; }
html, body { margin: 0; background: #faf9f8; }
div { color: #c00 !important; background: #ffd !important; }
iframe { display: none !important; border: 8px solid red !important; width: 10px !important; height: 10px !important; }
button { text-transform: uppercase !important; font-size: 22px !important; padding: 12px !important; background: magenta !important; }
input, select, textarea { font-size: 30px !important; border: 3px dashed lime !important; }
span, p, li { font-size: 19px !important; line-height: 3 !important; }
a { color: #0078d4 !important; text-decoration: underline wavy !important; }
h1, h2, h3 { font-weight: 100 !important; transform: skewX(-8deg); }
section, aside, header, main, nav { z-index: 2147483000 !important; position: relative; }
:root { --colorNeutralBackground1: hotpink; --fontFamilyBase: 'Comic Sans MS'; }
[hidden] { display: block !important; }
`;

/**
 * The Microsoft 365 admin center's own hostility on top of HOSTILE_CSS: Fluent UI layers (its details flyout is a fixed
 * layer at z-index 1000000 over the right of the page, where the panel also sits: the panel covers its right edge), table and button resets with
 * !important, and its own fxs-like theme classes on <body>.
 */
export const M365_HOSTILE_CSS = `
.ms-Panel { position: fixed !important; top: 48px; right: 0; bottom: 0; width: min(880px, 70vw); z-index: 1000000 !important; background: #fff !important; box-shadow: -8px 0 24px rgba(0,0,0,.3); overflow: auto; padding: 16px 24px; }
.ms-Layer, [class*="ms-Layer"] { z-index: 1000000 !important; }
table, td, th { font-size: 21px !important; border: 2px dotted orange !important; }
[role="dialog"] iframe, body > * iframe { visibility: hidden !important; }
*:focus { outline: 4px solid yellow !important; }
`;

/** The Microsoft 365 admin center's shell layout (top bar, left nav, main area). */
export const M365_SHELL_CSS = `
#m365-header { height: 48px; background: #2b2b2b; color: #fff; display: flex; align-items: center; padding: 0 16px; gap: 16px; }
#m365-body { display: flex; min-height: calc(100vh - 48px); }
#m365-nav { width: 240px; background: #f0f0f0; padding: 8px 0; }
#m365-nav a { display: block; padding: 8px 16px; }
#m365-main { flex: 1; padding: 16px 24px; }
.ms-Pivot a { margin-right: 16px; }
`;

/** The shell's own layout (header bar, left nav, blade). */
export const SHELL_CSS = `
#portal-header { height: 40px; background: #0078d4; color: #fff; display: flex; align-items: center; padding: 0 16px; gap: 16px; }
#portal-header .brand { font-weight: 600; color: #fff; }
#portal-body { display: flex; min-height: calc(100vh - 40px); }
#portal-nav { width: 220px; background: #f3f2f1; padding: 8px 0; }
#portal-nav a { display: block; padding: 8px 16px; }
#portal-blade { flex: 1; padding: 16px 24px; }
.blade-tabs a { margin-right: 16px; }
.user-fields dt { font-weight: 600; }
body.fxs-mode-dark, body.fxs-mode-dark #portal-nav, body.fxs-mode-dark div, body.fxs-mode-dark main { background: #1b1a19 !important; color: #f3f2f1 !important; }
body.fxs-mode-dark #portal-header { background: #292827; }
body.fxs-high-contrast-black, body.fxs-high-contrast-black * { background: #000 !important; color: #fff !important; }
body.fxs-high-contrast-white, body.fxs-high-contrast-white * { background: #fff !important; color: #000 !important; }
`;
