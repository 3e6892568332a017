import { useMemo } from 'react';
import { QueryView } from '@/components/ui/error-alert';
import { Page } from '@/components/ui/page';
import { useCatalog } from '@/features/model-config/queries';
import { PricesForm } from '@/features/prices/components/prices-form';
import { usePriceTable } from '@/features/prices/queries';

export function PricesPage() {
  const table = usePriceTable();
  // Suggestions only: a model id the catalog does not list may still be typed.
  const catalog = useCatalog();
  const catalogIds = useMemo(() => (catalog.data?.models ?? []).map((model) => model.id), [catalog.data]);

  return (
    <Page
      title="Prices & Credits"
      description="The price table for what the catalog does not price, per-model overrides, and each tier's monthly credits. Changes are audited."
    >
      <QueryView query={table}>{(data) => <PricesForm table={data} catalogIds={catalogIds} />}</QueryView>
    </Page>
  );
}
