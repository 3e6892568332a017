import { Text } from '@mantine/core';
import { Page } from '@/components/ui/page';

export function PlaygroundPage() {
  return (
    <Page title="Playground">
      <Text c="dimmed">This screen is being built.</Text>
    </Page>
  );
}
