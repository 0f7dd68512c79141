export function PanelSkeleton() {
  return (
    <div class="skeleton" aria-busy="true">
      <span class="visually-hidden" role="status">
        Loading…
      </span>
      <div class="skeleton-line skeleton-title" />
      <div class="skeleton-line" />
      <div class="skeleton-block" />
      <div class="skeleton-line skeleton-short" />
    </div>
  );
}
