import { Text } from '@mantine/core';
import { Page } from '@/components/ui/page';

export function FlagsPage() {
  return (
    <Page title="Feature Flags">
      <Text c="dimmed">This screen is being built.</Text>
    </Page>
  );
}
