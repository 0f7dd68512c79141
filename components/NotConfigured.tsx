import { i18n } from '#i18n';
export interface NotConfiguredProps {
  onOpenOptions: () => void;
}

export function NotConfigured({ onOpenOptions }: NotConfiguredProps) {
  return (
    <div class="prompt">
      <p>{i18n.t('panel.notConfigured.text')}</p>
      <button type="button" class="btn btn-primary" onClick={onOpenOptions}>
        {i18n.t('panel.notConfigured.openOptions')}
      </button>
    </div>
  );
}
