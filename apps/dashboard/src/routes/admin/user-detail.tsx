import { Text } from '@mantine/core';
import { Page } from '@/components/ui/page';

export function UserDetailPage() {
  return (
    <Page title="User">
      <Text c="dimmed">This screen is being built.</Text>
    </Page>
  );
}
