import { OPTIONAL_PERMISSIONS, REQUIRED_PERMISSIONS } from '@/utils/ui/permissions';
import { CopyButton } from './CopyButton';

export interface RegistrationGuideProps {
  redirectUri: string;
}

/** How to register the single-page application the extension signs in with. */
export function RegistrationGuide({ redirectUri }: RegistrationGuideProps) {
  return (
    <>
      <section class="guide" aria-labelledby="redirect-title">
        <h2 id="redirect-title">Redirect URI</h2>
        <p>
          Register this redirect URI on the app registration, under the Single-page application platform (not Web: Entra refuses a
          browser extension's sign-in from a Web redirect URI):
        </p>
        <div class="field-inline">
          <code class="redirect-uri" data-testid="redirect-uri">
            {redirectUri}
          </code>
          <CopyButton getText={() => redirectUri} label="Copy" ariaLabel="Copy redirect URI" />
        </div>
        <p class="hint">
          It belongs to this browser: Chrome, Edge and Firefox each give the extension its own id, so each has its own redirect
          URI. Add the URI of every browser your admins use to the same registration, or register one app per browser.
        </p>
      </section>
      <section class="guide" aria-labelledby="permissions-title">
        <h2 id="permissions-title">Delegated permissions (Microsoft Graph)</h2>
        <p>
          Add these delegated permissions and grant admin consent for the tenant (a Global Administrator, Privileged Role
          Administrator, Cloud Application Administrator or Application Administrator can):
        </p>
        <ul class="permissions">
          {REQUIRED_PERMISSIONS.map((p) => (
            <li key={p.scope}>
              <code>{p.scope}</code> — {p.why}
            </li>
          ))}
        </ul>
        <p>Optional:</p>
        <ul class="permissions">
          {OPTIONAL_PERMISSIONS.map((p) => (
            <li key={p.scope}>
              <code>{p.scope}</code> — {p.why}
            </li>
          ))}
        </ul>
      </section>
      <section class="guide" aria-labelledby="howto-title">
        <h2 id="howto-title">Register a single-page application</h2>
        <ol>
          <li>
            In the Microsoft Entra admin center, open <strong>Identity › Applications › App registrations</strong> and select{' '}
            <strong>New registration</strong>.
          </li>
          <li>Name it (for example “Entra TAP extension”) and choose “Accounts in this organizational directory only”.</li>
          <li>
            Under <strong>Redirect URI</strong>, pick <strong>Single-page application (SPA)</strong> and paste the redirect URI
            above. Register.
          </li>
          <li>
            Copy the <strong>Application (client) ID</strong> and <strong>Directory (tenant) ID</strong> from the Overview page
            into the fields above and select Save.
          </li>
          <li>
            Under <strong>API permissions</strong>, add the delegated Microsoft Graph permissions listed above and select{' '}
            <strong>Grant admin consent</strong>.
          </li>
        </ol>
        <p class="hint">
          Issuing a pass also needs a directory role: Authentication Administrator (non-admin users), Privileged Authentication
          Administrator or Global Administrator (anyone).
        </p>
      </section>
    </>
  );
}
