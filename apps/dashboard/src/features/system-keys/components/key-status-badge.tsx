import { Badge, type MantineColor } from '@mantine/core';
import type { ProviderKeyStatus } from '../queries';

const COLORS: Record<ProviderKeyStatus, MantineColor> = {
  active: 'green',
  retiring: 'yellow',
  invalid: 'red',
  retired: 'gray',
  revoked: 'dark',
};

export function KeyStatusBadge({ status }: { status: ProviderKeyStatus }) {
  return (
    <Badge color={COLORS[status] ?? 'gray'} variant="light">
      {status}
    </Badge>
  );
}
