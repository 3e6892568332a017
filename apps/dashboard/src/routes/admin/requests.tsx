import { Text } from '@mantine/core';
import { z } from 'zod';
import { Page } from '@/components/ui/page';

export const requestLogSearchSchema = z.object({ page: z.coerce.number().int().min(1).catch(1).optional() });

export function RequestLogPage() {
  return (
    <Page title="Request Log">
      <Text c="dimmed">This screen is being built.</Text>
    </Page>
  );
}
