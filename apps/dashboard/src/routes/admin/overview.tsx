import { Text } from '@mantine/core';
import { Page } from '@/components/ui/page';

export function OverviewPage() {
  return (
    <Page title="Overview">
      <Text c="dimmed">This screen is being built.</Text>
    </Page>
  );
}
