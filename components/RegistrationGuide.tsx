import { i18n } from '#i18n';
import { fillParts } from '@/utils/i18n/parts';
import { OPTIONAL_PERMISSIONS, REQUIRED_PERMISSIONS } from '@/utils/ui/permissions';
import { CopyButton } from './CopyButton';

export interface RegistrationGuideProps {
  redirectUri: string;
}

/** The admin center's own words, set in bold where the sentence names them. */
const bold = (text: string) => <strong>{text}</strong>;

/** How to register the single-page application the extension signs in with. */
export function RegistrationGuide({ redirectUri }: RegistrationGuideProps) {
  const permission = (p: { scope: string; why: string }) => (
    <li key={p.scope}>
      {fillParts(i18n.t('pass.guide.permission', { scope: '{scope}', why: p.why }), { scope: <code>{p.scope}</code> })}
    </li>
  );
  return (
    <>
      <section class="guide" aria-labelledby="redirect-title">
        <h2 id="redirect-title">{i18n.t('pass.guide.redirectTitle')}</h2>
        <p>{i18n.t('pass.guide.redirectText')}</p>
        <div class="field-inline">
          <code class="redirect-uri" data-testid="redirect-uri">
            {redirectUri}
          </code>
          <CopyButton
            getText={() => redirectUri}
            label={i18n.t('pass.display.copy')}
            ariaLabel={i18n.t('pass.guide.copyRedirect')}
          />
        </div>
        <p class="hint">{i18n.t('pass.guide.redirectHint')}</p>
      </section>
      <section class="guide" aria-labelledby="permissions-title">
        <h2 id="permissions-title">{i18n.t('pass.guide.permissionsTitle')}</h2>
        <p>{i18n.t('pass.guide.permissionsText')}</p>
        <ul class="permissions">{REQUIRED_PERMISSIONS.map(permission)}</ul>
        <p>{i18n.t('pass.guide.optional')}</p>
        <ul class="permissions">{OPTIONAL_PERMISSIONS.map(permission)}</ul>
      </section>
      <section class="guide" aria-labelledby="howto-title">
        <h2 id="howto-title">{i18n.t('pass.guide.howtoTitle')}</h2>
        <ol>
          <li>
            {fillParts(i18n.t('pass.guide.step1', { path: '{path}', newRegistration: '{newRegistration}' }), {
              path: bold(i18n.t('pass.guide.appRegistrationsPath')),
              newRegistration: bold(i18n.t('pass.guide.newRegistration')),
            })}
          </li>
          <li>{i18n.t('pass.guide.step2')}</li>
          <li>
            {fillParts(i18n.t('pass.guide.step3', { redirectUri: '{redirectUri}', spa: '{spa}' }), {
              redirectUri: bold(i18n.t('pass.guide.redirectTitle')),
              spa: bold(i18n.t('pass.guide.spa')),
            })}
          </li>
          <li>
            {fillParts(i18n.t('pass.guide.step4', { clientId: '{clientId}', tenantId: '{tenantId}' }), {
              clientId: bold(i18n.t('pass.guide.clientId')),
              tenantId: bold(i18n.t('pass.guide.tenantId')),
            })}
          </li>
          <li>
            {fillParts(i18n.t('pass.guide.step5', { apiPermissions: '{apiPermissions}', grantConsent: '{grantConsent}' }), {
              apiPermissions: bold(i18n.t('pass.guide.apiPermissions')),
              grantConsent: bold(i18n.t('pass.guide.grantConsent')),
            })}
          </li>
        </ol>
        <p class="hint">{i18n.t('pass.guide.roleHint')}</p>
      </section>
    </>
  );
}
