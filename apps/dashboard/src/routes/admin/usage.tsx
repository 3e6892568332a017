import { Card, Group, SegmentedControl, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { z } from 'zod';
import { usageSearchSchema } from '@/routes/search-schemas';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Page } from '@/components/ui/page';
import { useCatalog } from '@/features/model-config/queries';
import { ExportData } from '@/features/usage-analytics/components/export-data';
import { UsageChart } from '@/features/usage-analytics/components/usage-chart';
import { UsageFiltersBar } from '@/features/usage-analytics/components/usage-filters';
import { UsageGroupsTable } from '@/features/usage-analytics/components/usage-groups-table';
import { UsageStats } from '@/features/usage-analytics/components/usage-stats';
import { useUsageReport, useUsageSeries } from '@/features/usage-analytics/queries';
import {
  FILTER_KEYS,
  rangeProblem,
  resolveRange,
  type UsageFilters,
} from '@/features/usage-analytics/schema';
import { prepareSeries, type SeriesMetric } from '@/lib/charts/usage-series';
import { formatCost } from '@/features/usage-analytics/format';
import { formatInt } from '@/lib/format';

type Search = z.output<typeof usageSearchSchema>;

const route = getRouteApi('/signed-in/admin/usage');

const CHARTS: Array<{
  metric: SeriesMetric;
  title: string;
  name: string;
  format: (value: number) => string;
}> = [
  { metric: 'requests', title: 'Requests per day', name: 'requests', format: formatInt },
  { metric: 'tokens', title: 'Tokens per day (prompt and completion)', name: 'tokens', format: formatInt },
  { metric: 'cost_usd', title: 'Cost per day (USD)', name: 'of cost', format: formatCost },
];

export function UsageAdminPage() {
  const raw = route.useSearch();
  const search = { ...raw, split: raw.split ?? 'model', group_by: raw.group_by ?? 'model' };
  const navigate = useNavigate({ from: '/admin/usage' });
  const setSearch = (change: Partial<Search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...change }), replace: true });

  const filters = useMemo(
    () => Object.fromEntries(FILTER_KEYS.map((key) => [key, raw[key]])) as UsageFilters,
    [raw],
  );
  const range = resolveRange(filters);
  const problem = rangeProblem(range);
  const report = useUsageReport(filters, search.group_by, !problem);
  const series = useUsageSeries(filters, search.split, !problem);
  const catalog = useCatalog();
  const models = useMemo(() => (catalog.data?.models ?? []).map((model) => model.id), [catalog.data]);

  const charts = useMemo(
    () =>
      series.data &&
      CHARTS.map((chart) => ({
        ...chart,
        prepared: prepareSeries(series.data.series, series.data.keys, chart.metric, {
          split: search.split,
          range,
        }),
      })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- range is derived from the filters
    [series.data, search.split, range.from, range.to],
  );

  return (
    <Page
      title="Usage"
      description="Requests, tokens and cost over time, with latency and error, fallback and cache rates. Days are UTC."
      actions={<ExportData filters={filters} disabled={Boolean(problem)} />}
    >
      <UsageFiltersBar filters={filters} models={models} onChange={(change) => setSearch(change)} />

      {report.isError && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      {report.data ? (
        <UsageStats report={report.data} />
      ) : (
        !report.isError && !problem && <Skeleton h={92} aria-label="Loading totals" />
      )}

      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h4">
            Over time, split by
          </Title>
          <SegmentedControl
            aria-label="Split the charts by"
            value={search.split}
            onChange={(split) => setSearch({ split: split })}
            data={[
              { value: 'model', label: 'Model' },
              { value: 'tier', label: 'Tier' },
              { value: 'feature', label: 'Feature' },
              { value: 'none', label: 'Total' },
            ]}
          />
        </Group>
        {series.isError && <ErrorAlert error={series.error} onRetry={() => void series.refetch()} />}
        {charts ? (
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            {charts.map((chart, index) => (
              <div key={chart.metric} style={index === 0 ? { gridColumn: '1 / -1' } : undefined}>
                <UsageChart
                  title={chart.title}
                  prepared={chart.prepared}
                  metricName={chart.name}
                  format={chart.format}
                  loading={series.isFetching}
                />
              </div>
            ))}
          </SimpleGrid>
        ) : (
          !series.isError && !problem && <Skeleton h={300} aria-label="Loading charts" />
        )}
        {series.data && series.data.keys.includes('other') && (
          <Text size="xs" c="dimmed">
            “Other” sums the keys past the eight with the most requests.
          </Text>
        )}
      </Stack>

      <Card withBorder>
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Title order={3} size="h4">
              Report
            </Title>
            <SegmentedControl
              aria-label="Group the report by"
              value={search.group_by}
              onChange={(group_by) => setSearch({ group_by: group_by })}
              data={[
                { value: 'model', label: 'Model' },
                { value: 'day', label: 'Day' },
                { value: 'tier', label: 'Tier' },
                { value: 'feature', label: 'Feature' },
              ]}
            />
          </Group>
          {report.data && (
            <UsageGroupsTable
              key={search.group_by}
              groups={report.data.data}
              groupBy={report.data.group_by}
              loading={report.isFetching}
            />
          )}
        </Stack>
      </Card>
    </Page>
  );
}
