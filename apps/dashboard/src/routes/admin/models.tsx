import { Alert, Card, Loader, SegmentedControl, Stack, Tabs, Title } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo } from 'react';
import { z } from 'zod';
import { modelsSearchSchema } from '@/routes/search-schemas';
import { ErrorAlert, QueryView } from '@/components/ui/error-alert';
import { Page } from '@/components/ui/page';
import type { CatalogQuery } from '@/features/model-config/catalog';
import { AllowListForm } from '@/features/model-config/components/allow-list-form';
import { CatalogBrowser } from '@/features/model-config/components/catalog-browser';
import { ConfigWarnings } from '@/features/model-config/components/config-warnings';
import { ModelSettingsForm } from '@/features/model-config/components/model-settings-form';
import type { PickerContext } from '@/features/model-config/components/model-ref-input';
import { RouteEditor } from '@/features/model-config/components/route-editor';
import { RouteOverview } from '@/features/model-config/components/route-overview';
import { useCatalog, useModelConfig, useProviders } from '@/features/model-config/queries';
import { configuredModels, modelsFor } from '@/features/model-config/schema';
import { TIERS, TIER_LABELS } from '@/lib/domain';

type Search = z.input<typeof modelsSearchSchema>;

const route = getRouteApi('/signed-in/admin/models');

export function ModelsAdminPage() {
  const raw = route.useSearch();
  const search = {
    ...raw,
    tab: raw.tab ?? 'routes',
    tier: raw.tier ?? 'free',
    page: raw.page ?? 1,
    page_size: raw.page_size ?? 25,
  };
  const navigate = useNavigate({ from: '/admin/models' });
  const setSearch = (change: Partial<Search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...change }) });
  const config = useModelConfig();
  const catalog = useCatalog();
  const providers = useProviders();

  const catalogModels = useMemo(() => catalog.data?.models ?? [], [catalog.data]);
  const loaded = config.data;
  const context = useMemo<PickerContext | undefined>(() => {
    if (!search.modality || !loaded) return undefined;
    const models = new Set([
      ...modelsFor(catalogModels, search.modality),
      ...configuredModels(loaded, search.modality),
    ]);
    return {
      models: [...models].sort(),
      known: new Set([...catalogModels.map((model) => model.id), ...configuredModels(loaded)]),
      providers: providers.data?.data ?? [],
    };
  }, [catalogModels, loaded, providers.data, search.modality]);
  // Suggestions for allow-lists and settings: the catalog and every model the configuration names.
  const catalogIds = useMemo(
    () =>
      [
        ...new Set([...catalogModels.map((model) => model.id), ...(loaded ? configuredModels(loaded) : [])]),
      ].sort(),
    [catalogModels, loaded],
  );

  // Edit opens the editor below the overview: bring it into view.
  useEffect(() => {
    if (search.modality) document.getElementById('route-editor')?.scrollIntoView({ block: 'nearest' });
  }, [search.modality, search.tier]);

  const catalogQuery: CatalogQuery = {
    modality: search.c_modality,
    search: search.q,
    sort: search.sort,
    dir: search.dir,
    page: search.page,
    pageSize: search.page_size,
  };

  return (
    <Page
      title="Models"
      description="Each tier's route per modality (primary, ordered fallbacks, per-purpose overrides), its allow-list, model settings, and the catalog."
    >
      {config.data && <ConfigWarnings warnings={config.data.warnings} />}
      {catalog.isError && (
        <ErrorAlert
          title="The catalog could not be read: model suggestions are unavailable"
          error={catalog.error}
          onRetry={() => void catalog.refetch()}
        />
      )}
      <Tabs
        value={search.tab}
        onChange={(tab) => tab && setSearch({ tab: tab as NonNullable<Search['tab']> })}
      >
        <Tabs.List>
          <Tabs.Tab value="routes">Routes</Tabs.Tab>
          <Tabs.Tab value="settings">Model settings</Tabs.Tab>
          <Tabs.Tab value="catalog">Catalog</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="routes" pt="md">
          <QueryView query={config}>
            {(document) => (
              <Stack gap="md">
                <SegmentedControl
                  aria-label="Tier"
                  value={search.tier}
                  onChange={(tier) => setSearch({ tier: tier })}
                  data={TIERS.map((tier) => ({ value: tier, label: `${TIER_LABELS[tier]} tier` }))}
                  style={{ alignSelf: 'flex-start' }}
                />
                <Card withBorder>
                  <Stack gap="xs">
                    <Title order={3} size="h4">
                      {TIER_LABELS[search.tier]} tier routes
                    </Title>
                    <RouteOverview
                      routes={document.tiers[search.tier].routes}
                      selected={search.modality}
                      onEdit={(modality) => setSearch({ modality })}
                    />
                  </Stack>
                </Card>
                {search.modality &&
                  (context ? (
                    <RouteEditor
                      key={`${search.tier}-${search.modality}`}
                      tier={search.tier}
                      modality={search.modality}
                      route={document.tiers[search.tier].routes[search.modality]}
                      context={context}
                    />
                  ) : (
                    <Loader aria-label="Loading" size="sm" />
                  ))}
                {!search.modality && (
                  <Alert variant="light" color="blue">
                    Choose Edit on a modality to change its route.
                  </Alert>
                )}
                <AllowListForm
                  key={search.tier}
                  tier={search.tier}
                  allowed={document.tiers[search.tier].allowed_models ?? []}
                  catalogIds={catalogIds}
                />
              </Stack>
            )}
          </QueryView>
        </Tabs.Panel>

        <Tabs.Panel value="settings" pt="md">
          <QueryView query={config}>
            {(document) => <ModelSettingsForm models={document.models} catalogIds={catalogIds} />}
          </QueryView>
        </Tabs.Panel>

        <Tabs.Panel value="catalog" pt="md">
          <QueryView query={catalog}>
            {(data) => (
              <CatalogBrowser
                models={data.models}
                query={catalogQuery}
                onQueryChange={(change) =>
                  setSearch({
                    ...('modality' in change && { c_modality: change.modality }),
                    ...('search' in change && { q: change.search }),
                    ...('sort' in change && { sort: change.sort, dir: change.dir }),
                    ...(change.page !== undefined && { page: change.page }),
                    ...(change.pageSize !== undefined && { page_size: change.pageSize }),
                  })
                }
              />
            )}
          </QueryView>
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
