import { i18n } from '#i18n';
import { externalKind } from '@/utils/graph/eligibility';
import type { TargetUser } from '@/utils/graph/types';
import type { TenantView } from '@/utils/messages';

export interface UserHeaderProps {
  user: TargetUser;
  /** The directory the panel read this user from and acts in. */
  tenant?: TenantView;
}

function userTypeLabel(user: TargetUser): string {
  const external = externalKind(user);
  if (external) return external === 'guest' ? i18n.t('panel.user.externalGuest') : i18n.t('panel.user.externalMember');
  return user.userType === 'Guest' ? i18n.t('panel.user.internalGuest') : i18n.t('panel.user.member');
}

export function UserHeader({ user, tenant }: UserHeaderProps) {
  return (
    <div class="user-header">
      <h1 class="user-name">{user.displayName}</h1>
      <p class="user-upn">{user.userPrincipalName}</p>
      {tenant && (
        <p class="user-tenant" data-tenant-id={tenant.id}>
          {tenant.cloud
            ? i18n.t('panel.user.inCloud', { tenant: tenant.name, cloud: tenant.cloud.label })
            : i18n.t('panel.user.in', { tenant: tenant.name })}
        </p>
      )}
      {tenant?.cloud?.note && <p class="hint">{tenant.cloud.note}</p>}
      <p class="badges">
        <span class="badge">{userTypeLabel(user)}</span>
        {user.accountEnabled === false ? (
          <span class="badge badge-warn">{i18n.t('panel.user.disabled')}</span>
        ) : (
          <span class="badge">{i18n.t('panel.user.enabled')}</span>
        )}
      </p>
    </div>
  );
}
