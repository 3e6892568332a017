import { Text } from '@mantine/core';
import { Page } from '@/components/ui/page';

export function MyModelsPage() {
  return (
    <Page title="Models">
      <Text c="dimmed">This screen is being built.</Text>
    </Page>
  );
}
