import { Text } from '@mantine/core';
import { Page } from '@/components/ui/page';

export function AdminKeysPage() {
  return (
    <Page title="API Keys">
      <Text c="dimmed">This screen is being built.</Text>
    </Page>
  );
}
