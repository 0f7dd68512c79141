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
  if (external) return external === 'guest' ? 'External guest' : 'External member';
  return user.userType === 'Guest' ? 'Internal guest' : 'Member';
}

export function UserHeader({ user, tenant }: UserHeaderProps) {
  return (
    <div class="user-header">
      <h1 class="user-name">{user.displayName}</h1>
      <p class="user-upn">{user.userPrincipalName}</p>
      {tenant && (
        <p class="user-tenant" data-tenant-id={tenant.id}>
          In {tenant.name}
          {tenant.cloud && ` · ${tenant.cloud.label}`}
        </p>
      )}
      {tenant?.cloud?.note && <p class="hint">{tenant.cloud.note}</p>}
      <p class="badges">
        <span class="badge">{userTypeLabel(user)}</span>
        {user.accountEnabled === false ? (
          <span class="badge badge-warn">Account disabled</span>
        ) : (
          <span class="badge">Account enabled</span>
        )}
      </p>
    </div>
  );
}
