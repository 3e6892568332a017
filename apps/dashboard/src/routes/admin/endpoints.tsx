import { Stack } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { Page } from '@/components/ui/page';
import { EndpointStatsCard } from '@/features/endpoints/components/endpoint-stats-card';
import { EndpointsSection } from '@/features/endpoints/components/endpoints-section';
import { useEndpoints } from '@/features/endpoints/queries';
import type { Endpoint } from '@/features/endpoints/types';
import { lastDays } from '@/lib/charts/my-usage';

const route = getRouteApi('/signed-in/admin/endpoints');

/** Dedicated endpoints: create, follow, start/stop, scale, delete, and each one's usage and cost. */
export function EndpointsPage() {
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/admin/endpoints' });
  const endpoints = useEndpoints();
  const defaults = lastDays(30);
  const shown = endpoints.data?.data.find((endpoint) => endpoint.id === search.stats);
  const onStats = useCallback(
    (endpoint: Endpoint) =>
      void navigate({
        search: (prev) => ({ ...prev, stats: prev.stats === endpoint.id ? undefined : endpoint.id }),
        replace: true,
      }),
    [navigate],
  );

  return (
    <Page
      title="Endpoints"
      description="Dedicated endpoints run a model on hardware of its own, for enterprise tiers. Their running time is billed by the hour."
    >
      <Stack gap="lg">
        <EndpointsSection statsFor={search.stats} onStats={onStats} />
        {shown && (
          <EndpointStatsCard
            endpoint={shown}
            from={search.from ?? defaults.from}
            to={search.to ?? defaults.to}
            onRangeChange={(range) =>
              void navigate({ search: (prev) => ({ ...prev, ...range }), replace: true })
            }
          />
        )}
      </Stack>
    </Page>
  );
}
