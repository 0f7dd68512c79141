import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PreferencesForm } from '@/components/PreferencesForm';
import { RegistrationGuide } from '@/components/RegistrationGuide';
import { SettingsForm } from '@/components/SettingsForm';
import { SetupCheck } from '@/components/SetupCheck';
import { SetupScript } from '@/components/SetupScript';
import { sendRequest } from '@/utils/send-request';
import { preferencesItem, settingsItem } from '@/utils/storage';
import '@/components/theme.css';
import './options.css';

const app = document.getElementById('app');
if (app) {
  render(
    <main class="options">
      <h1>Entra TAP options</h1>
      <p class="muted">Connect the extension to the app registration it signs in with.</p>
      <SettingsForm load={() => settingsItem.getValue()} save={(settings) => settingsItem.setValue(settings)} />
      <PreferencesForm load={() => preferencesItem.getValue()} save={(preferences) => preferencesItem.setValue(preferences)} />
      <RegistrationGuide redirectUri={browser.identity.getRedirectURL()} />
      <SetupScript
        redirectUri={browser.identity.getRedirectURL()}
        loadTenant={async () => (await settingsItem.getValue())?.tenantId ?? null}
        watchTenant={(onChange) => settingsItem.watch((settings) => onChange(settings?.tenantId ?? null))}
      />
      <SetupCheck run={() => sendRequest('checkSetup', {})} />
    </main>,
    app,
  );
}
