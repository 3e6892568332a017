import { Text } from '@mantine/core';
import { Page } from '@/components/ui/page';

export function PricesPage() {
  return (
    <Page title="Prices & Credits">
      <Text c="dimmed">This screen is being built.</Text>
    </Page>
  );
}
