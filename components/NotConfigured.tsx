export interface NotConfiguredProps {
  onOpenOptions: () => void;
}

export function NotConfigured({ onOpenOptions }: NotConfiguredProps) {
  return (
    <div class="prompt">
      <p>
        The extension is not set up yet. Open the options and enter your app registration’s Application (client) ID and Directory
        (tenant) ID.
      </p>
      <button type="button" class="btn btn-primary" onClick={onOpenOptions}>
        Open options
      </button>
    </div>
  );
}
