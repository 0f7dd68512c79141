import { i18n } from '#i18n';
export interface PanelNoticeProps {
  sentence: string;
  onClose: () => void;
}

/** A panel window that only tells the admin something (e.g. a selection that is not a user); it calls nothing. */
export function PanelNotice({ sentence, onClose }: PanelNoticeProps) {
  return (
    <main class="panel panel-window">
      <div class="notice notice-warn" role="alert">
        <p class="notice-text">{sentence}</p>
        <p class="muted">{i18n.t('panel.notice.hint')}</p>
      </div>
      <button type="button" class="btn" onClick={onClose}>
        {i18n.t('panel.notice.close')}
      </button>
    </main>
  );
}
