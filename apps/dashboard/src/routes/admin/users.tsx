import { Text } from '@mantine/core';
import { z } from 'zod';
import { Page } from '@/components/ui/page';

export const usersSearchSchema = z.object({ page: z.coerce.number().int().min(1).catch(1).optional() });

export function UsersPage() {
  return (
    <Page title="Users">
      <Text c="dimmed">This screen is being built.</Text>
    </Page>
  );
}
