import { Text } from '@mantine/core';
import { Page } from '@/components/ui/page';

export function MyQuotaPage() {
  return (
    <Page title="Quota">
      <Text c="dimmed">This screen is being built.</Text>
    </Page>
  );
}
