import type { IssuedTap, TapMethod, TapPolicy } from '@/utils/graph/types';
import type { PanelState, PolicyView, SessionInfo } from '@/utils/messages';

export const POLICY: TapPolicy = {
  state: 'enabled',
  defaultLifetimeInMinutes: 60,
  minimumLifetimeInMinutes: 60,
  maximumLifetimeInMinutes: 480,
  defaultLength: 8,
  isUsableOnce: false,
  includeTargets: [{ targetType: 'group', id: 'all_users' }],
  excludeTargets: [{ targetType: 'group', id: '33333333-0000-4000-8000-000000000001' }],
};

export function policyView(patch: Partial<PolicyView> = {}): PolicyView {
  return {
    policy: POLICY,
    groups: [{ id: '33333333-0000-4000-8000-000000000001', displayName: 'TAP Excluded' }],
    unreadable: null,
    fetchedAt: Date.now(),
    fromCache: false,
    ...patch,
  };
}

export function existingPass(patch: Partial<TapMethod> = {}): TapMethod {
  return {
    id: 'tap-existing',
    createdDateTime: new Date(Date.now() - 600_000).toISOString(),
    startDateTime: new Date(Date.now() - 600_000).toISOString(),
    lifetimeInMinutes: 60,
    isUsableOnce: false,
    isUsable: true,
    methodUsabilityReason: 'EnabledByPolicy',
    ...patch,
  };
}

export function issuedTap(patch: Partial<IssuedTap> = {}): IssuedTap {
  const now = new Date().toISOString();
  return {
    id: 'tap-new',
    createdDateTime: now,
    startDateTime: now,
    lifetimeInMinutes: 60,
    isUsableOnce: false,
    isUsable: true,
    methodUsabilityReason: 'EnabledByPolicy',
    temporaryAccessPass: 'Ab3dEf7hKm9p',
    ...patch,
  };
}

export function panelState(patch: Partial<PanelState> = {}): PanelState {
  return {
    user: {
      id: '22222222-0000-4000-8000-000000000001',
      displayName: 'Adele Vance',
      userPrincipalName: 'AdeleV@contoso.onmicrosoft.com',
      accountEnabled: true,
      userType: 'Member',
      creationType: null,
      externalUserState: null,
      mail: null,
    },
    currentPass: null,
    methods: [{ id: 'm1', odataType: '#microsoft.graph.passwordAuthenticationMethod', label: 'Password', detail: null }],
    policy: policyView(),
    eligibility: { canIssue: true, reasons: [], warnings: [] },
    adminRoles: ['Authentication Administrator'],
    passUnreadable: null,
    methodsUnreadable: null,
    ...patch,
  };
}

/** A signed-in session in Contoso (Megan Bowen, its Global Administrator, unless patched). */
export function signedInSession(patch: Partial<SessionInfo> = {}): SessionInfo {
  return {
    configured: true,
    signedIn: true,
    username: 'MeganB@contoso.onmicrosoft.com',
    displayName: 'Megan Bowen',
    tenantId: '6b1a4ee4-3c35-4e8a-9a3d-0d1e5b2f7a10',
    tenantDomain: 'contoso.onmicrosoft.com',
    configuredTenant: 'contoso.onmicrosoft.com',
    ...patch,
  };
}
