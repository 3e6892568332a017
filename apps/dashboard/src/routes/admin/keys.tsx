import { Stack } from '@mantine/core';
import { Page } from '@/components/ui/page';
import { ProvidersSection } from '@/features/providers/components/providers-section';
import { useProviders } from '@/features/providers/queries';
import { SystemKeysSection } from '@/features/system-keys/components/system-keys-section';

const PRIMARY_PROVIDER = 'together_ai';

export function AdminKeysPage() {
  const providers = useProviders();
  const providerIds = [PRIMARY_PROVIDER, ...(providers.data?.data.map((provider) => provider.id) ?? [])];
  return (
    <Page
      title="API Keys"
      description="System keys for Together AI and the fallback providers. A secret is never shown beyond its last four characters."
    >
      <Stack gap="lg">
        <SystemKeysSection providerIds={providerIds} />
        <ProvidersSection providers={providers} />
      </Stack>
    </Page>
  );
}
