import { render } from 'preact';
import { browser } from 'wxt/browser';
import { RegistrationGuide } from '@/components/RegistrationGuide';
import { SettingsForm } from '@/components/SettingsForm';
import { settingsItem } from '@/utils/storage';
import '@/components/theme.css';
import './options.css';

const app = document.getElementById('app');
if (app) {
  render(
    <main class="options">
      <h1>Entra TAP options</h1>
      <p class="muted">Connect the extension to the app registration it signs in with.</p>
      <SettingsForm load={() => settingsItem.getValue()} save={(settings) => settingsItem.setValue(settings)} />
      <RegistrationGuide redirectUri={browser.identity.getRedirectURL()} />
    </main>,
    app,
  );
}
