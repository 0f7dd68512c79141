/** The panel's keyboard shortcut (the manifest's toggle-panel command), written the same in the manifest and the words. */
export const PANEL_SHORTCUT = 'Alt+Shift+P';
