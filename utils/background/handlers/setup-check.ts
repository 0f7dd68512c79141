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
import { i18n } from '#i18n';
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
import { conjunctionList } from '../../i18n/lists';
import { mayEnablePolicy } from '../../managed-config';
import type { ErrorInfo, SetupCheckLine, SetupReport } from '../../messages';
import type { EntraSettings } from '../../storage';
import { policyBladeUrl } from '../../ui/links';
import { adminConsentUrl, pimMyRolesLabel, pimMyRolesUrl, withHelpLink } from '../help-links';
import { twoSentences, withErrorCode } from '../sentence-join';
import type { BackgroundServices } from '../services';
import { forgetAdmin } from './session';

export const SETUP_TITLES = {
  redirectUri: i18n.t('background.setup.titles.redirectUri'),
  permission: (permission: string) => i18n.t('background.setup.titles.permission', { permission }),
  roles: i18n.t('background.setup.titles.roles'),
  policyReadable: i18n.t('background.setup.titles.policyReadable'),
  policyOn: i18n.t('background.setup.titles.policyOn'),
  tenant: i18n.t('background.setup.titles.tenant'),
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
  /** Every line not reached says why (a whole "Not checked: …" sentence). */
  done(notChecked: string): SetupReport {
    for (const line of this.lines) if (!line.detail) line.detail = notChecked;
    return { lines: this.lines, username: this.username };
  }
}

const ruleOfCode = (code: string | undefined): AadstsRule | null => {
  const number = Number(/AADSTS(\d+)/.exec(code ?? '')?.[1]);
  return AADSTS_RULES[number] ?? null;
};

const roleNames = (ids: string[]) => ids.map((id) => ROLE_NAMES[id] ?? i18n.t('background.setup.roles.unknownRole', { id }));
const list = conjunctionList;

/** The redirect URI line when the sign-in completed in this browser. */
const registeredDetail = (uri: string) => i18n.t('background.setup.redirectUri.registered', { uri });

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
    return report.done(i18n.t('background.setup.notChecked.probe'));
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
  report.set('redirectUri', { status: 'ok', detail: registeredDetail(redirectUri) });
  const accountTenant = (first.account.tenantId ?? '').toLowerCase();
  report.set('tenant', {
    status: 'ok',
    detail:
      settings.tenantId.toLowerCase() === accountTenant
        ? i18n.t('background.setup.tenant.same', { user: first.account.username, tenant: accountTenant })
        : i18n.t('background.setup.tenant.configured', {
            user: first.account.username,
            tenant: accountTenant,
            configured: settings.tenantId,
          }),
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
        report.set(
          'permission',
          { status: 'unknown', detail: i18n.t('background.setup.permission.unknown', { message: info.message }) },
          permission,
        );
      }
    }
  }
  for (const permission of SIGN_IN_PERMISSIONS) {
    if (report.lines.find((l) => l.permission === permission)?.detail) continue;
    if (hasPermission(granted, permission)) {
      report.set('permission', { status: 'ok', detail: i18n.t('background.setup.permission.consented') }, permission);
    } else {
      report.set(
        'permission',
        {
          status: 'problem',
          detail: consentMissingSentence(permission),
          fix: i18n.t('background.setup.permission.consentFix', { permission }),
          link: { href: adminConsentUrl(settings), label: i18n.t('background.links.adminConsent'), showUrl: true },
        },
        permission,
      );
    }
  }

  // 4. Roles.
  await checkRoles(report, services, first, settings);

  // 5. The policy, with the one permission that reads it.
  await checkPolicy(report, services, settings);
  return report.done(i18n.t('background.setup.notChecked.earlierStep'));
}

function reportProbe(report: Report, probe: Refusal, redirectUri: string) {
  const rule = ruleOfCode(probe.code);
  if (rule === 'redirectUriMissing') {
    report.set('redirectUri', {
      status: 'problem',
      detail: withErrorCode(signInSentence('redirectUriMissing'), probe.code),
      fix: i18n.t('background.setup.redirectUri.addFix', { uri: redirectUri }),
    });
    return;
  }
  report.set('redirectUri', {
    status: 'problem',
    detail: withErrorCode(signInSentence('unknownAppOrTenant'), probe.code),
    fix: i18n.t('background.setup.redirectUri.idsFix'),
  });
}

function reportSignInFailure(report: Report, e: unknown, settings: EntraSettings, redirectUri: string): SetupReport {
  const info = toErrorInfo(e, { action: 'signIn' });
  if (e instanceof WrongTenantError) {
    report.set('redirectUri', { status: 'ok', detail: registeredDetail(redirectUri) });
    report.set('tenant', {
      status: 'problem',
      detail: info.message,
      fix: i18n.t('background.setup.tenant.otherFix', { tenant: settings.tenantId }),
    });
    return report.done(i18n.t('background.setup.notChecked.otherDirectory'));
  }
  const rule = ruleOfCode(info.code);
  if (rule === 'spaPlatformRequired') {
    report.set('redirectUri', {
      status: 'problem',
      detail: withErrorCode(signInSentence('spaPlatformRequired'), info.code ?? ''),
      fix: i18n.t('background.setup.redirectUri.moveFix', { uri: redirectUri }),
    });
    return report.done(i18n.t('background.setup.notChecked.signInFirst'));
  }
  if (rule === 'redirectUriMissing' || rule === 'unknownAppOrTenant') {
    reportProbe(report, { kind: 'refused', code: info.code ?? '' }, redirectUri);
    return report.done(i18n.t('background.setup.notChecked.probe'));
  }
  const linked = withHelpLink(info, settings, 'signIn');
  report.set('redirectUri', {
    status: 'unknown',
    detail: i18n.t('background.setup.redirectUri.signInFailed', { message: info.message }),
    fix: i18n.t('background.setup.redirectUri.checkAgain'),
    ...(linked.link && { link: linked.link }),
  });
  return report.done(i18n.t('background.setup.notChecked.needsSignIn'));
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
          detail: i18n.t('background.setup.roles.opaque'),
          fix: i18n.t('background.setup.roles.opaqueFix'),
        });
        return;
      }
      active = memberships.roles.map((r) => r.roleTemplateId);
    } catch (e) {
      report.set('roles', {
        status: 'unknown',
        detail: i18n.t('background.setup.roles.unreadable', { message: toErrorInfo(e).message }),
      });
      return;
    }
  }
  const issuing = active.filter((id) => ISSUE_FOR_ANYONE.has(id) || ISSUE_FOR_MEMBERS.has(id));
  // An issuing role is an active one: the two "ok" sentences always name the active roles.
  const roles = list(roleNames(active));
  if (issuing.some((id) => ISSUE_FOR_ANYONE.has(id))) {
    report.set('roles', { status: 'ok', detail: i18n.t('background.setup.roles.anyone', { roles }) });
    return;
  }
  if (issuing.length > 0) {
    report.set('roles', { status: 'ok', detail: i18n.t('background.setup.roles.members', { roles }) });
    return;
  }
  const eligible = await eligibleRoles(services, token);
  const eligibleIssuing = (eligible ?? []).filter((id) => ISSUE_FOR_ANYONE.has(id) || ISSUE_FOR_MEMBERS.has(id));
  const pim =
    eligible === null
      ? i18n.t('background.setup.roles.pimUnreadable')
      : eligibleIssuing.length > 0
        ? i18n.t('background.setup.roles.pimEligible', { roles: list(roleNames(eligibleIssuing)) })
        : i18n.t('background.setup.roles.pimNone');
  const none =
    active.length > 0 ? i18n.t('background.setup.roles.noneOfThem', { roles }) : i18n.t('background.setup.roles.noActive');
  report.set('roles', {
    status: 'problem',
    detail: twoSentences(none, pim),
    fix: i18n.t('background.setup.roles.fix', {
      authAdmin: ROLE_NAMES[ROLE.authenticationAdministrator] ?? '',
      privilegedAuthAdmin: ROLE_NAMES[ROLE.privilegedAuthenticationAdministrator] ?? '',
      globalAdmin: ROLE_NAMES[ROLE.globalAdministrator] ?? '',
    }),
    link: { href: pimMyRolesUrl(cloudOf(settings)), label: pimMyRolesLabel() },
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
          ? i18n.t('background.setup.policy.forbiddenFix')
          : i18n.t('background.setup.redirectUri.checkAgain'),
      ...(info.link && { link: info.link }),
    });
    report.set('policyOn', { status: 'unknown', detail: i18n.t('background.setup.policy.onUnknown') });
    return;
  }
  report.set('policyReadable', { status: 'ok', detail: i18n.t('background.setup.policy.readable') });
  if (policy.state === 'enabled') {
    report.set('policyOn', { status: 'ok', detail: i18n.t('background.setup.policy.isOn') });
  } else {
    report.set('policyOn', {
      status: 'problem',
      detail: POLICY_DISABLED_SENTENCE,
      // The popup's Turn on only where the organisation hasn't turned that offer off (managed allowEnablePolicy).
      fix: (await services
        .organisation()
        .then(mayEnablePolicy)
        .catch(() => false))
        ? i18n.t('background.setup.policy.turnOnFixPopup')
        : i18n.t('background.setup.policy.turnOnFix'),
      link: {
        href: policyBladeUrl(settings.tenantId, cloudOf(settings).portalHost),
        label: i18n.t('background.setup.policy.openBlade'),
      },
    });
  }
}
