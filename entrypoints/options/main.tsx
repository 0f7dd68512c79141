import { render } from 'preact';
import { browser } from 'wxt/browser';
import { HostAccessNotice } from '@/components/HostAccessNotice';
import { OrganisationSettings } from '@/components/OrganisationSettings';
import { PreferencesForm } from '@/components/PreferencesForm';
import { RegistrationGuide } from '@/components/RegistrationGuide';
import { SettingsForm } from '@/components/SettingsForm';
import { SetupCheck } from '@/components/SetupCheck';
import { SetupScript } from '@/components/SetupScript';
import { TenantProfilesForm } from '@/components/TenantProfilesForm';
import { cloudAccess } from '@/utils/clouds';
import { sendRequest } from '@/utils/send-request';
import { preferencesItem, settingsItem, tenantProfilesItem } from '@/utils/storage';
import { validProfiles } from '@/utils/tenant-profiles';
import { configuredCloudSignal } from '@/utils/ui/configured-cloud';
import { rescueFocus } from '@/utils/ui/focus-rescue';
import { organisationSignal } from '@/utils/ui/organisation';
import '@/components/theme.css';
import './options.css';

// A notice that goes away with focus in it (access granted elsewhere) hands the keyboard to the page's heading.
rescueFocus(['h1', 'main button']);
const app = document.getElementById('app');
// The organisation's browser policy (storage.managed): its values are shown locked and win over what is saved here.
const organisation = organisationSignal();
const cloud = configuredCloudSignal(organisation);
const chromium = browser.identity.getRedirectURL().includes('.chromiumapp.org');

/** Site access for the configured cloud too (its admin centers are asked for only once it is chosen). */
function SiteAccess() {
  return <HostAccessNotice cloud={cloud.value} />;
}
if (app) {
  render(
    <main class="options">
      <h1>Entra TAP options</h1>
      <p class="muted">
        Connect the extension to the app registration it signs in with. New here? Register the app first:{' '}
        <a href="#howto-title">the steps and this browser’s redirect URI</a> are below.
      </p>
      <p>
        Onboarding a group?{' '}
        <a href={browser.runtime.getURL('/bulk.html')} target="_blank" rel="noopener">
          Issue passes for a list of users
        </a>
      </p>
      <SiteAccess />
      <OrganisationSettings reading={organisation} browserFamily={chromium ? 'chromium' : 'firefox'} />
      <SettingsForm
        load={() => settingsItem.getValue()}
        save={(settings) => settingsItem.setValue(settings)}
        managed={organisation}
        requestCloudAccess={(chosen) =>
          browser.permissions.request(cloudAccess(chosen) as Parameters<typeof browser.permissions.request>[0])
        }
      />
      <TenantProfilesForm
        load={async () => validProfiles(await tenantProfilesItem.getValue())}
        save={(profiles) => tenantProfilesItem.setValue(profiles)}
        loadSettings={() => settingsItem.getValue()}
        watchSettings={(onChange) => settingsItem.watch(onChange)}
        managed={organisation}
      />
      <PreferencesForm
        load={() => preferencesItem.getValue()}
        save={(preferences) => preferencesItem.setValue(preferences)}
        managed={organisation}
      />
      <RegistrationGuide redirectUri={browser.identity.getRedirectURL()} />
      <SetupScript
        redirectUri={browser.identity.getRedirectURL()}
        loadSettings={() => settingsItem.getValue()}
        watchSettings={(onChange) => settingsItem.watch((settings) => onChange(settings))}
      />
      <SetupCheck run={() => sendRequest('checkSetup', {})} />
    </main>,
    app,
  );
}
