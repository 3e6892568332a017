import { Badge } from '@mantine/core';
import type { AdminUser } from '../queries';

const TIER_COLORS = { free: 'gray', premium: 'blue', enterprise: 'violet' } as const;

export function TierBadge({ tier }: { tier: AdminUser['tier'] }) {
  return (
    <Badge variant="light" color={TIER_COLORS[tier] ?? 'gray'}>
      {tier}
    </Badge>
  );
}

export function RoleBadge({ role }: { role: AdminUser['role'] }) {
  return (
    <Badge variant={role === 'admin' ? 'filled' : 'outline'} color={role === 'admin' ? 'grape' : 'gray'}>
      {role}
    </Badge>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  return (
    <Badge variant="dot" color={active ? 'green' : 'red'}>
      {active ? 'active' : 'deactivated'}
    </Badge>
  );
}
