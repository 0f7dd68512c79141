import { externalKind } from '@/utils/graph/eligibility';
import type { TargetUser } from '@/utils/graph/types';

export interface UserHeaderProps {
  user: TargetUser;
}

function userTypeLabel(user: TargetUser): string {
  const external = externalKind(user);
  if (external) return external === 'guest' ? 'External guest' : 'External member';
  return user.userType === 'Guest' ? 'Internal guest' : 'Member';
}

export function UserHeader({ user }: UserHeaderProps) {
  return (
    <div class="user-header">
      <h1 class="user-name">{user.displayName}</h1>
      <p class="user-upn">{user.userPrincipalName}</p>
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
