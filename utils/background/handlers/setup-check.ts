/**
 * "Check setup" on the options page: one line per thing a working setup needs, each with what was found and a fix.
 *
 *  1. The authorization endpoint accepts the client id and this browser's redirect URI (auth/authorize-probe.ts): an
 *     AADSTS50011 page is reported without opening a sign-in window that would only show it.
 *  2. A sign-in through the authorization endpoint now, never from the cache (viaAuthorize), for User.Read: the code is
 *     redeemed from this browser, so success means the URI is under Single-page application (a Web URI fails here with
 *     AADSTS9002326), and the broker has already checked the account's directory (WrongTenantError).
 *  3. A token for every sign-in permission, silently and from the refresh token (a cached one may predate a withdrawn
 *     consent): its scopes say which are consented. Entra's token response lists every consented scope of the
 *     resource; when one is missing the request fails with consent_required and the User.Read token's scopes name what
 *     is there.
 *  4. Roles from the token's wids (tenant-wide active roles), else /me/transitiveMemberOf; eligible roles in PIM only
 *     when the token carries a scope that reads them.
 *  5. The TAP policy, read with Policy.Read.AuthenticationMethod alone: readable, and on.
 * Tokens stay here: the report is sentences.
 */
import type { TokenResult } from '../../auth/broker';
import { NotConfiguredError, WrongTenantError } from '../../auth/errors';
import { hasPermission, PERMISSION_FOR, SIGN_IN_PERMISSIONS, SIGN_IN_SCOPES } from '../../auth/scopes';
import { tenantWideRoleIds } from '../../auth/token-claims';
import { cloudOf, graphScope } from '../../clouds';
import { POLICY_DISABLED_SENTENCE } from '../../graph/eligibility';
import { consentMissingSentence, signInSentence, toErrorInfo } from '../../graph/error-info';
import type { AadstsRule } from '../../graph/error-rules';
import { AADSTS_RULES } from '../../graph/error-rules';
import { POLICY_URL, toTapPolicy } from '../../graph/policy';
import { ISSUE_FOR_ANYONE, ISSUE_FOR_MEMBERS, MEMBER_USER_ROLE, ROLE, ROLE_NAMES } from '../../graph/roles';
import type { TapPolicy } from '../../graph/types';
import { directoryRolesUrl, toMemberships } from '../../graph/users';
import { mayEnablePolicy } from '../../managed-config';
import type { ErrorInfo, SetupCheckLine, SetupReport } from '../../messages';
import type { EntraSettings } from '../../storage';
import { policyBladeUrl } from '../../ui/links';
import { adminConsentUrl, pimMyRolesUrl, withHelpLink } from '../help-links';
import type { BackgroundServices } from '../services';
import { forgetAdmin } from './session';

export const SETUP_TITLES = {
  redirectUri: 'Redirect URI registered as a single-page application',
  permission: (permission: string) => `${permission} consented`,
  roles: 'A role that can issue passes',
  policyReadable: 'Temporary Access Pass policy readable',
  policyOn: 'Temporary Access Pass policy on',
  tenant: 'Signed in to the configured directory',
} as const;

/** Scopes that let Graph list one's own eligible roles (graph-docs unifiedroleeligibilityscheduleinstance-filterbycurrentuser.md). */
const ELIGIBILITY_SCOPES = [
  'RoleEligibilitySchedule.Read.Directory',
  'RoleManagement.Read.Directory',
  'RoleManagement.Read.All',
  'RoleEligibilitySchedule.ReadWrite.Directory',
  'RoleManagement.ReadWrite.Directory',
];
export const MY_ELIGIBLE_ROLES_URL =
  "/roleManagement/directory/roleEligibilityScheduleInstances/filterByCurrentUser(on='principal')";

const ADMINS_WHO_CAN_CONSENT =
  'a Global Administrator, Privileged Role Administrator, Cloud Application Administrator or Application Administrator';

type Key = SetupCheckLine['key'];

/** The two answers of the authorize page that mean the registration itself refuses this browser. */
type Refusal = { kind: 'refused'; code: string };

/** The report's lines in their fixed order, each "not checked" until a step fills it in. */
function skeleton(): SetupCheckLine[] {
  const line = (key: Key, title: string, permission?: string): SetupCheckLine => ({
    key,
    ...(permission && { permission }),
    status: 'unknown',
    title,
    detail: '',
  });
  return [
    line('redirectUri', SETUP_TITLES.redirectUri),
    ...SIGN_IN_PERMISSIONS.map((p) => line('permission', SETUP_TITLES.permission(p), p)),
    line('roles', SETUP_TITLES.roles),
    line('policyReadable', SETUP_TITLES.policyReadable),
    line('policyOn', SETUP_TITLES.policyOn),
    line('tenant', SETUP_TITLES.tenant),
  ];
}

class Report {
  readonly lines = skeleton();
  username: string | null = null;
  set(key: Key, patch: Pick<SetupCheckLine, 'status' | 'detail'> & Partial<SetupCheckLine>, permission?: string): void {
    const line = this.lines.find((l) => l.key === key && (permission === undefined || l.permission === permission));
    if (line) Object.assign(line, patch);
  }
  /** Every line not reached says why. */
  done(reason: string): SetupReport {
    for (const line of this.lines) if (!line.detail) line.detail = `Not checked: ${reason}`;
    return { lines: this.lines, username: this.username };
  }
}

const ruleOfCode = (code: string | undefined): AadstsRule | null => {
  const number = Number(/AADSTS(\d+)/.exec(code ?? '')?.[1]);
  return AADSTS_RULES[number] ?? null;
};

const roleNames = (ids: string[]) => ids.map((id) => ROLE_NAMES[id] ?? `a role with template id ${id}`);
const list = (names: string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

export async function checkSetup(_req: Record<never, never>, services: BackgroundServices): Promise<SetupReport> {
  const settings = await services.broker.settings();
  if (!settings?.clientId || !settings.tenantId) throw new NotConfiguredError();
  const report = new Report();
  const redirectUri = services.setup.redirectUri;

  // 1. Is the redirect URI registered at all (before a window could only show Entra's error page)?
  const probe = await services.setup.probeAuthorize(settings);
  services.log(`checkSetup: authorize probe ${probe.kind}${probe.kind === 'refused' ? ` ${probe.code}` : ''}`);
  // Only a page that names the problem stops here; an answer the probe can't read (no host access in Firefox, a network
  // hiccup) leaves it to the sign-in, which tells the same things.
  const refusal = probe.kind === 'refused' ? ruleOfCode(probe.code) : null;
  if (probe.kind === 'refused' && (refusal === 'redirectUriMissing' || refusal === 'unknownAppOrTenant')) {
    reportProbe(report, probe, redirectUri);
    return report.done('the sign-in can’t start until the line above is fixed.');
  }

  // 2. A sign-in through the authorization endpoint, now.
  const before = await services.broker.account();
  let first: TokenResult;
  try {
    first = await services.broker.getToken([graphScope('User.Read')], { interactive: true, viaAuthorize: true });
  } catch (e) {
    return reportSignInFailure(report, e, settings, redirectUri);
  }
  if (before?.homeAccountId !== first.account.homeAccountId) await forgetAdmin(services);
  report.username = first.account.username;
  report.set('redirectUri', {
    status: 'ok',
    detail: `${redirectUri} is registered under Single-page application: the sign-in completed in this browser.`,
  });
  const accountTenant = (first.account.tenantId ?? '').toLowerCase();
  report.set('tenant', {
    status: 'ok',
    detail: `${first.account.username} belongs to directory ${accountTenant}, the one the extension is set up for${
      settings.tenantId.toLowerCase() === accountTenant ? '' : ` (${settings.tenantId})`
    }.`,
  });

  // 3. Which permissions are consented.
  let granted: readonly string[] = first.scopes;
  let fullToken: TokenResult | null = null;
  try {
    fullToken = await services.broker.getToken(SIGN_IN_SCOPES, { interactive: false, fresh: true });
    granted = fullToken.scopes;
  } catch (e) {
    const info = toErrorInfo(e, { action: 'signIn' });
    if (info.kind !== 'consentRequired') {
      for (const permission of SIGN_IN_PERMISSIONS) {
        report.set('permission', { status: 'unknown', detail: `Couldn’t tell: ${info.message}` }, permission);
      }
    }
  }
  for (const permission of SIGN_IN_PERMISSIONS) {
    if (report.lines.find((l) => l.permission === permission)?.detail) continue;
    if (hasPermission(granted, permission)) {
      report.set('permission', { status: 'ok', detail: 'Consented: the sign-in’s token carries it.' }, permission);
    } else {
      report.set(
        'permission',
        {
          status: 'problem',
          detail: consentMissingSentence(permission),
          fix: `Open the admin-consent link as ${ADMINS_WHO_CAN_CONSENT}. If ${permission} isn’t listed under the registration’s API permissions, add it there first (or create the registration with the setup script above).`,
          link: { href: adminConsentUrl(settings), label: 'Admin-consent link', showUrl: true },
        },
        permission,
      );
    }
  }

  // 4. Roles.
  await checkRoles(report, services, first, settings);

  // 5. The policy, with the one permission that reads it.
  await checkPolicy(report, services, settings);
  return report.done('an earlier step failed.');
}

function reportProbe(report: Report, probe: Refusal, redirectUri: string) {
  const rule = ruleOfCode(probe.code);
  if (rule === 'redirectUriMissing') {
    report.set('redirectUri', {
      status: 'problem',
      detail: `${signInSentence('redirectUriMissing')} (${probe.code})`,
      fix: `Add ${redirectUri} under Single-page application in App registrations › Authentication, or create the registration with the setup script above.`,
    });
    return;
  }
  report.set('redirectUri', {
    status: 'problem',
    detail: `${signInSentence('unknownAppOrTenant')} (${probe.code})`,
    fix: 'Copy both ids from the app registration’s Overview page into the fields above and save, or create the registration with the setup script above.',
  });
}

function reportSignInFailure(report: Report, e: unknown, settings: EntraSettings, redirectUri: string): SetupReport {
  const info = toErrorInfo(e, { action: 'signIn' });
  if (e instanceof WrongTenantError) {
    report.set('redirectUri', {
      status: 'ok',
      detail: `${redirectUri} is registered under Single-page application: the sign-in completed in this browser.`,
    });
    report.set('tenant', {
      status: 'problem',
      detail: info.message,
      fix: `Sign in with an account of ${settings.tenantId}, or correct the Directory (tenant) ID above.`,
    });
    return report.done('the account belongs to another directory.');
  }
  const rule = ruleOfCode(info.code);
  if (rule === 'spaPlatformRequired') {
    report.set('redirectUri', {
      status: 'problem',
      detail: `${signInSentence('spaPlatformRequired')} (${info.code})`,
      fix: `Move ${redirectUri} from Web to Single-page application in App registrations › Authentication, or create the registration with the setup script above.`,
    });
    return report.done('the sign-in has to complete first.');
  }
  if (rule === 'redirectUriMissing' || rule === 'unknownAppOrTenant') {
    reportProbe(report, { kind: 'refused', code: info.code ?? '' }, redirectUri);
    return report.done('the sign-in can’t start until the line above is fixed.');
  }
  const linked = withHelpLink(info, settings, 'signIn');
  report.set('redirectUri', {
    status: 'unknown',
    detail: `The sign-in didn’t finish: ${info.message}`,
    fix: 'Check again once that is solved.',
    ...(linked.link && { link: linked.link }),
  });
  return report.done('the check needs a sign-in.');
}

async function checkRoles(
  report: Report,
  services: BackgroundServices,
  token: TokenResult,
  settings: EntraSettings,
): Promise<void> {
  let active = tenantWideRoleIds(token.accessToken)?.filter((id) => id !== MEMBER_USER_ROLE) ?? null;
  if (active === null) {
    try {
      const memberships = toMemberships(
        await services.graph.request('GET', directoryRolesUrl('me'), { scopes: [graphScope('User.Read')] }),
      );
      if (memberships.rolesOpaque) {
        report.set('roles', {
          status: 'unknown',
          detail: 'You hold directory roles, but the extension’s permissions don’t let Microsoft Graph name them.',
          fix: 'See your roles in the Entra admin center (your profile › Assigned roles).',
        });
        return;
      }
      active = memberships.roles.map((r) => r.roleTemplateId);
    } catch (e) {
      report.set('roles', { status: 'unknown', detail: `Couldn’t read your roles: ${toErrorInfo(e).message}` });
      return;
    }
  }
  const issuing = active.filter((id) => ISSUE_FOR_ANYONE.has(id) || ISSUE_FOR_MEMBERS.has(id));
  const held = active.length > 0 ? `Your active roles: ${list(roleNames(active))}.` : 'You hold no active directory role.';
  if (issuing.some((id) => ISSUE_FOR_ANYONE.has(id))) {
    report.set('roles', { status: 'ok', detail: `${held} You can issue passes for anyone but yourself.` });
    return;
  }
  if (issuing.length > 0) {
    report.set('roles', {
      status: 'ok',
      detail: `${held} You can issue passes for users without admin roles; for admins it takes Privileged Authentication Administrator or Global Administrator.`,
    });
    return;
  }
  const eligible = await eligibleRoles(services, token);
  const eligibleIssuing = (eligible ?? []).filter((id) => ISSUE_FOR_ANYONE.has(id) || ISSUE_FOR_MEMBERS.has(id));
  const pim =
    eligible === null
      ? 'Roles you’re eligible for in Privileged Identity Management can’t be read with the extension’s permissions: if you have one, activate it in My roles.'
      : eligibleIssuing.length > 0
        ? `You’re eligible for ${list(roleNames(eligibleIssuing))} in Privileged Identity Management: activate it in My roles, then check again.`
        : 'Privileged Identity Management lists no eligible role that can issue passes.';
  const none =
    active.length > 0
      ? `${held} None of them can issue a Temporary Access Pass.`
      : 'You hold no active directory role that can issue a Temporary Access Pass.';
  report.set('roles', {
    status: 'problem',
    detail: `${none} ${pim}`,
    fix: `Ask for ${ROLE_NAMES[ROLE.authenticationAdministrator]} (users without admin roles), or ${ROLE_NAMES[ROLE.privilegedAuthenticationAdministrator]} or ${ROLE_NAMES[ROLE.globalAdministrator]} (anyone). A role limited to an administrative unit isn’t listed here and covers only the unit’s members.`,
    link: { href: pimMyRolesUrl(cloudOf(settings)), label: 'Open My roles in Privileged Identity Management' },
  });
}

/** Eligible role template ids, or null when the token carries no scope that reads them (nothing is asked then). */
async function eligibleRoles(services: BackgroundServices, token: TokenResult): Promise<string[] | null> {
  if (!ELIGIBILITY_SCOPES.some((scope) => hasPermission(token.scopes, scope))) return null;
  try {
    const page = await services.graph.request<{ value?: { roleDefinitionId?: unknown }[] }>('GET', MY_ELIGIBLE_ROLES_URL, {
      scopes: [graphScope('User.Read')],
    });
    return (page.value ?? []).flatMap((item) =>
      typeof item.roleDefinitionId === 'string' ? [item.roleDefinitionId.toLowerCase()] : [],
    );
  } catch {
    return null;
  }
}

async function checkPolicy(report: Report, services: BackgroundServices, settings: EntraSettings): Promise<void> {
  let policy: TapPolicy;
  try {
    const raw = await services.graph.request<Record<string, unknown>>('GET', POLICY_URL, {
      scopes: [graphScope(PERMISSION_FOR.readPolicy)],
    });
    policy = toTapPolicy(raw);
  } catch (e) {
    const info: ErrorInfo = withHelpLink(
      toErrorInfo(e, {
        action: 'readPolicy',
        permission: PERMISSION_FOR.readPolicy,
        grantedScopes: services.graph.grantedScopes(),
      }),
      settings,
      'readPolicy',
    );
    report.set('policyReadable', {
      status: info.kind === 'forbidden' ? 'warning' : info.kind === 'consentRequired' ? 'problem' : 'unknown',
      detail: info.message,
      fix:
        info.kind === 'forbidden'
          ? 'Issuing still works: the panel then learns the policy from Microsoft Graph’s answer when you issue a pass.'
          : 'Check again once that is solved.',
      ...(info.link && { link: info.link }),
    });
    report.set('policyOn', { status: 'unknown', detail: 'Can’t tell: the policy couldn’t be read (see the line above).' });
    return;
  }
  report.set('policyReadable', { status: 'ok', detail: 'The extension can read the Temporary Access Pass policy.' });
  if (policy.state === 'enabled') {
    report.set('policyOn', { status: 'ok', detail: 'The Temporary Access Pass policy is turned on.' });
  } else {
    report.set('policyOn', {
      status: 'problem',
      detail: POLICY_DISABLED_SENTENCE,
      // The popup's Turn on only where the organisation hasn't turned that offer off (managed allowEnablePolicy).
      fix: (await services
        .organisation()
        .then(mayEnablePolicy)
        .catch(() => false))
        ? 'Turn it on in Authentication methods › Policies › Temporary Access Pass, or from the extension’s popup (an Authentication Policy Administrator or Global Administrator can).'
        : 'Turn it on in Authentication methods › Policies › Temporary Access Pass (an Authentication Policy Administrator or Global Administrator can).',
      link: {
        href: policyBladeUrl(settings.tenantId, cloudOf(settings).portalHost),
        label: 'Open Authentication methods › Policies',
      },
    });
  }
}
