import { Text } from '@mantine/core';
import { z } from 'zod';
import { Page } from '@/components/ui/page';

export const myUsageSearchSchema = z.object({ page: z.coerce.number().int().min(1).catch(1).optional() });

export function MyUsagePage() {
  return (
    <Page title="Usage & Billing">
      <Text c="dimmed">This screen is being built.</Text>
    </Page>
  );
}
