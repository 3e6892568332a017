import { Divider } from '@mantine/core';
import { Page } from '@/components/ui/page';
import { ApiKeysSection } from '@/features/my-keys/components/api-keys-section';
import { ProviderKeysSection } from '@/features/my-keys/components/provider-keys-section';

/** API Keys: personal keys for SDKs and scripts, and the user's own provider key. */
export function MyKeysPage() {
  return (
    <Page
      title="API Keys"
      description="Keys to call Tiergate from your programs, and your own Together AI key."
    >
      <ApiKeysSection />
      <Divider />
      <ProviderKeysSection />
    </Page>
  );
}
