import { type ComponentChildren, render } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { HostAccessNotice } from '@/components/HostAccessNotice';
import { HistorySection } from '@/components/history/HistorySection';
import { KeepHistoryToggle } from '@/components/history/KeepHistoryToggle';
import { RetentionForm } from '@/components/history/RetentionForm';
import { OrganisationSettings } from '@/components/OrganisationSettings';
import { PreferencesForm } from '@/components/PreferencesForm';
import { RegistrationGuide } from '@/components/RegistrationGuide';
import { SettingsForm } from '@/components/SettingsForm';
import { SetupCheck } from '@/components/SetupCheck';
import { SetupScript } from '@/components/SetupScript';
import { TenantProfilesForm } from '@/components/TenantProfilesForm';
import { cloudAccess } from '@/utils/clouds';
import type { HistorySettings } from '@/utils/history/types';
import { applyDocumentLanguage } from '@/utils/i18n/document-language';
import { sendRequest } from '@/utils/send-request';
import { historySettingsItem, preferencesItem, settingsItem, tenantProfilesItem } from '@/utils/storage';
import { validProfiles } from '@/utils/tenant-profiles';
import { configuredCloudSignal } from '@/utils/ui/configured-cloud';
import { rescueFocus } from '@/utils/ui/focus-rescue';
import { createHistoryStore } from '@/utils/ui/history-store';
import { organisationSignal } from '@/utils/ui/organisation';
import '@/components/theme.css';
import './options.css';

applyDocumentLanguage();
document.title = i18n.t('options.title');
// A notice that goes away with focus in it (access granted elsewhere) hands the keyboard to the page's heading.
rescueFocus(['h1', 'main button']);
const app = document.getElementById('app');
// The organisation's browser policy (storage.managed): its values are shown locked and win over what is saved here.
const organisation = organisationSignal();
const cloud = configuredCloudSignal(organisation);
const chromium = browser.identity.getRedirectURL().includes('.chromiumapp.org');
const history = createHistoryStore(sendRequest);
void history.load();
// Asked again whenever the background wrote it (an issue in another tab, a prune, a clear): the background answers.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && ('history' in changes || 'historySettings' in changes)) void history.load();
});
const loadHistorySettings = () => historySettingsItem.getValue();
// The history's settings are saved here, like every other option; the background applies them with the organisation's.
const saveHistorySettings = async (patch: Partial<HistorySettings>) =>
  historySettingsItem.setValue({ ...(await historySettingsItem.getValue()), ...patch });

/** Where a sentence's {link} placeholder stands: the sentence is split there and the link goes in between. */
const LINK = '\u0000';

/** A translated sentence with one link in it (the words around a link stay in the translator's order). */
function WithLink({ text, link }: { text: string; link: ComponentChildren }) {
  const [before = '', after = ''] = text.split(LINK);
  return (
    <>
      {before}
      {link}
      {after}
    </>
  );
}

/** Site access for the configured cloud too (its admin centers are asked for only once it is chosen). */
function SiteAccess() {
  return <HostAccessNotice cloud={cloud.value} />;
}
if (app) {
  render(
    <main class="options">
      <h1>{i18n.t('options.title')}</h1>
      <p class="muted">
        <WithLink
          text={i18n.t('options.intro', { link: LINK })}
          link={<a href="#howto-title">{i18n.t('options.introLink')}</a>}
        />
      </p>
      <p>
        <WithLink
          text={i18n.t('options.bulk', { link: LINK })}
          link={
            <a href={browser.runtime.getURL('/bulk.html')} target="_blank" rel="noopener">
              {i18n.t('options.bulkLink')}
            </a>
          }
        />
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
      <HistorySection
        store={history}
        settings={
          <>
            <KeepHistoryToggle
              load={loadHistorySettings}
              save={saveHistorySettings}
              managed={organisation}
              kept={() => history.entries.value.length}
              clear={() => history.clear({ quiet: true })}
              announce={history.announce}
            />
            <RetentionForm
              load={loadHistorySettings}
              save={saveHistorySettings}
              managed={organisation}
              announce={history.announce}
            />
          </>
        }
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
