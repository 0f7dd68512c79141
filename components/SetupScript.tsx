import { useEffect, useState } from 'preact/hooks';
import { type CloudName, cloudOf } from '@/utils/clouds';
import { azureCliScript } from '@/utils/setup/azure-cli';
import { DEFAULT_DISPLAY_NAME, displayNameProblem, parseRedirectUris } from '@/utils/setup/input';
import { setupPlan } from '@/utils/setup/plan';
import { powershellScript } from '@/utils/setup/powershell';
import { CopyButton } from './CopyButton';
import './setup.css';

export interface SetupScriptProps {
  /** This browser's redirect URI (identity.getRedirectURL()). */
  redirectUri: string;
  /**
   * The saved settings (settingsItem): their directory, for Connect-MgGraph -TenantId / az login --tenant, and their
   * cloud, for Connect-MgGraph -Environment / az cloud set and the Graph host; null when not saved yet (worldwide).
   */
  loadSettings?: () => Promise<SetupSettings | null>;
  /** Calls back when the saved settings change; returns the unsubscribe. */
  watchSettings?: (onChange: (settings: SetupSettings | null) => void) => () => void;
}

/** What the scripts take from the saved settings. */
export interface SetupSettings {
  tenantId?: string | null;
  cloud?: CloudName;
}

/**
 * The app registration in one paste: Microsoft Graph PowerShell or Azure CLI, generated from the same permission list
 * the extension signs in with (utils/setup/plan.ts), with this browser's redirect URI and, if wanted, other stores'.
 */
export function SetupScript({ redirectUri, loadSettings, watchSettings }: SetupScriptProps) {
  const [displayName, setDisplayName] = useState(DEFAULT_DISPLAY_NAME);
  const [withOthers, setWithOthers] = useState(false);
  const [othersText, setOthersText] = useState('');
  const [saved, setSaved] = useState<SetupSettings | null>(null);

  useEffect(() => {
    void loadSettings?.().then(setSaved);
    return watchSettings?.(setSaved);
  }, [loadSettings, watchSettings]);

  const cloud = cloudOf(saved);
  const nameProblem = displayNameProblem(displayName);
  const others = withOthers ? parseRedirectUris(othersText) : { uris: [], problems: [] };
  const input = {
    displayName,
    redirectUris: [redirectUri, ...others.uris],
    tenant: saved?.tenantId ?? null,
    cloud: saved?.cloud,
  };
  const scripts = nameProblem
    ? null
    : { powershell: powershellScript(setupPlan(input, 'powershell')), azureCli: azureCliScript(setupPlan(input, 'azureCli')) };

  return (
    <section class="guide" aria-labelledby="setup-script-title">
      <h2 id="setup-script-title">Set up in one paste</h2>
      <p>
        Instead of the steps above, paste one of these scripts. It creates the single-page application registration with this
        browser’s redirect URI and the delegated permissions listed above, grants admin consent for the organization, and prints
        the Application (client) ID and Directory (tenant) ID to enter above, with the JSON for a managed configuration. Run it as
        a Global Administrator, Privileged Role Administrator, Cloud Application Administrator or Application Administrator.
      </p>
      {cloud.name !== 'global' && (
        <p class="hint" data-testid="setup-script-cloud">
          For the {cloud.label} cloud, as saved above: the scripts sign in at {cloud.loginHost} and call {cloud.graphHost}.
        </p>
      )}
      <div class="field">
        <label for="setup-name">App registration name</label>
        <input
          id="setup-name"
          type="text"
          value={displayName}
          aria-invalid={nameProblem !== null}
          aria-describedby={nameProblem ? 'setup-name-problem' : undefined}
          onInput={(e) => setDisplayName(e.currentTarget.value)}
        />
        {nameProblem && (
          <span id="setup-name-problem" class="field-error">
            {nameProblem}
          </span>
        )}
      </div>
      <div class="field-check">
        <input
          id="setup-other-uris"
          type="checkbox"
          checked={withOthers}
          onChange={(e) => setWithOthers(e.currentTarget.checked)}
        />
        <label for="setup-other-uris">Also register other browsers’ redirect URIs</label>
      </div>
      {withOthers && (
        <div class="field">
          <label for="setup-uris">Other redirect URIs, one per line</label>
          <textarea
            id="setup-uris"
            class="setup-uris"
            rows={3}
            value={othersText}
            aria-invalid={others.problems.length > 0}
            aria-describedby={['setup-uris-hint', ...others.problems.map((_, index) => `setup-uris-problem-${index}`)].join(' ')}
            onInput={(e) => setOthersText(e.currentTarget.value)}
          />
          <span id="setup-uris-hint" class="hint">
            Each browser’s options page shows its own: https://&lt;extension id&gt;.chromiumapp.org/ for Chrome and Edge,
            https://&lt;id&gt;.extensions.allizom.org/ for Firefox.
          </span>
          {others.problems.map((problem, index) => (
            <span key={`${index}-${problem}`} id={`setup-uris-problem-${index}`} class="field-error">
              {problem} It is left out of the scripts.
            </span>
          ))}
        </div>
      )}
      {scripts && (
        <>
          <details class="setup-variant">
            <summary>Microsoft Graph PowerShell</summary>
            <pre class="setup-script" data-testid="setup-script-powershell">
              <code>{scripts.powershell}</code>
            </pre>
            <div class="actions">
              <CopyButton getText={() => scripts.powershell} label="Copy" ariaLabel="Copy the PowerShell script" />
            </div>
          </details>
          <details class="setup-variant">
            <summary>Azure CLI (bash)</summary>
            <pre class="setup-script" data-testid="setup-script-azure-cli">
              <code>{scripts.azureCli}</code>
            </pre>
            <div class="actions">
              <CopyButton getText={() => scripts.azureCli} label="Copy" ariaLabel="Copy the Azure CLI script" />
            </div>
          </details>
        </>
      )}
    </section>
  );
}
