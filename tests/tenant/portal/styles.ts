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
