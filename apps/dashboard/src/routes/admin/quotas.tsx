import { Text } from '@mantine/core';
import { z } from 'zod';
import { Page } from '@/components/ui/page';

export const quotasSearchSchema = z.object({ page: z.coerce.number().int().min(1).catch(1).optional() });

export function QuotasAdminPage() {
  return (
    <Page title="Quotas">
      <Text c="dimmed">This screen is being built.</Text>
    </Page>
  );
}
