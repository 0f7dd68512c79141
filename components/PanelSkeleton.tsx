import { i18n } from '#i18n';
export function PanelSkeleton() {
  return (
    <div class="skeleton" aria-busy="true">
      <span class="visually-hidden" role="status">
        {i18n.t('panel.skeleton.loading')}
      </span>
      <div class="skeleton-line skeleton-title" />
      <div class="skeleton-line" />
      <div class="skeleton-block" />
      <div class="skeleton-line skeleton-short" />
    </div>
  );
}
