import { i18n } from '#i18n';
import type { PanelMode } from '../messages';
import { PORTAL_MATCHES } from '../portal-hosts';

export type MenuItemId = 'issue-tap' | 'check-tap' | 'check-tap-link';

export interface MenuItem {
  id: MenuItemId;
  title: string;
  contexts: ['selection'] | ['link'];
  targetUrlPatterns?: string[];
  mode: PanelMode;
  source: 'selection' | 'link';
}

/** mailto: links, and links into the admin center (only user-page links pass the click handler's check). */
export const LINK_TARGET_PATTERNS = ['mailto:*', ...PORTAL_MATCHES];

/**
 * Chrome puts the (shortened) selection where the title says %s. A link has only a status item: its text can claim one
 * user while its address names another, so its panel opens on the status view with the address shown, never on Issue.
 */
export const MENU_ITEMS: readonly MenuItem[] = [
  {
    id: 'issue-tap',
    title: i18n.t('menu.issue'),
    contexts: ['selection'],
    mode: 'issue',
    source: 'selection',
  },
  {
    id: 'check-tap',
    title: i18n.t('menu.check'),
    contexts: ['selection'],
    mode: 'status',
    source: 'selection',
  },
  {
    id: 'check-tap-link',
    title: i18n.t('menu.checkLink'),
    contexts: ['link'],
    targetUrlPatterns: LINK_TARGET_PATTERNS,
    mode: 'status',
    source: 'link',
  },
];
