import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { type CloudName, cloudOf } from '@/utils/clouds';
import { azureCliScript } from '@/utils/setup/azure-cli';
import { displayNameProblem, parseRedirectUris } from '@/utils/setup/input';
import { DEFAULT_DISPLAY_NAME, setupPlan } from '@/utils/setup/plan';
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
      <h2 id="setup-script-title">{i18n.t('options.setupScript.title')}</h2>
      <p>{i18n.t('options.setupScript.intro')}</p>
      {cloud.name !== 'global' && (
        <p class="hint" data-testid="setup-script-cloud">
          {i18n.t('options.setupScript.cloud', { cloud: cloud.label, loginHost: cloud.loginHost, graphHost: cloud.graphHost })}
        </p>
      )}
      <div class="field">
        <label for="setup-name">{i18n.t('options.setupScript.nameLabel')}</label>
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
        <label for="setup-other-uris">{i18n.t('options.setupScript.otherUris')}</label>
      </div>
      {withOthers && (
        <div class="field">
          <label for="setup-uris">{i18n.t('options.setupScript.urisLabel')}</label>
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
            {i18n.t('options.setupScript.urisHint')}
          </span>
          {others.problems.map((problem, index) => (
            <span key={`${index}-${problem}`} id={`setup-uris-problem-${index}`} class="field-error">
              {problem} {i18n.t('options.setupScript.leftOut')}
            </span>
          ))}
        </div>
      )}
      {scripts && (
        <>
          <details class="setup-variant">
            <summary>{i18n.t('options.setupScript.powershell')}</summary>
            <pre class="setup-script" data-testid="setup-script-powershell">
              <code>{scripts.powershell}</code>
            </pre>
            <div class="actions">
              <CopyButton
                getText={() => scripts.powershell}
                label={i18n.t('options.setupScript.copy')}
                ariaLabel={i18n.t('options.setupScript.copyPowershell')}
              />
            </div>
          </details>
          <details class="setup-variant">
            <summary>{i18n.t('options.setupScript.azureCli')}</summary>
            <pre class="setup-script" data-testid="setup-script-azure-cli">
              <code>{scripts.azureCli}</code>
            </pre>
            <div class="actions">
              <CopyButton
                getText={() => scripts.azureCli}
                label={i18n.t('options.setupScript.copy')}
                ariaLabel={i18n.t('options.setupScript.copyAzureCli')}
              />
            </div>
          </details>
        </>
      )}
    </section>
  );
}
