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
        <p class="muted">Select a user principal name (like AdeleV@contoso.com) or a user object ID, then try again.</p>
      </div>
      <button type="button" class="btn" onClick={onClose}>
        Close
      </button>
    </main>
  );
}
