import { Button, Grid, Group, SimpleGrid, Skeleton, Text, TextInput } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { z } from 'zod';
import { myUsageSearchSchema } from '@/routes/search-schemas';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Page } from '@/components/ui/page';
import { BillingCard } from '@/features/my-usage/components/billing-card';
import { DailyUsageCard } from '@/features/my-usage/components/daily-usage-card';
import { UsageGroupTable } from '@/features/my-usage/components/usage-group-table';
import { useMyBilling, useMyUsage } from '@/features/my-usage/queries';
import { groupUsage, lastDays, prepareDailyUsage } from '@/lib/charts/my-usage';
import { FEATURE_LABELS, type Feature } from '@/lib/domain';

const route = getRouteApi('/signed-in/app/usage');
const PRESETS = [7, 30, 90];
/** A year at most: the answer has a row per day, feature and model. */
const MAX_DAYS = 366;

/** Usage & Billing: my usage by day, feature and model, and this month's credits and charge. */
export function MyUsagePage() {
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/app/usage' });
  const defaults = lastDays(30);
  const from = search.from ?? defaults.from;
  const to = search.to ?? defaults.to;
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  const rangeError =
    from > to
      ? 'Must be on or before the end date'
      : days > MAX_DAYS
        ? `At most ${MAX_DAYS} days at a time`
        : undefined;
  const usage = useMyUsage(from, to, !rangeError);
  const billing = useMyBilling();
  const rows = usage.data?.data ?? [];
  const setSearch = (change: Partial<z.infer<typeof myUsageSearchSchema>>) =>
    void navigate({ search: (prev) => ({ ...prev, ...change }), replace: true });

  return (
    <Page title="Usage & Billing" description="Your requests, tokens and cost, and this month's credits.">
      <Group align="flex-end" wrap="wrap" gap="sm" role="group" aria-label="Date range">
        <TextInput
          type="date"
          label="From"
          value={from}
          max={to}
          onChange={(event) => event.currentTarget.value && setSearch({ from: event.currentTarget.value })}
          error={rangeError}
          w={{ base: '47%', xs: 170 }}
        />
        <TextInput
          type="date"
          label="To"
          value={to}
          min={from}
          onChange={(event) => event.currentTarget.value && setSearch({ to: event.currentTarget.value })}
          w={{ base: '47%', xs: 170 }}
        />
        <Group gap={4}>
          {PRESETS.map((days) => {
            const range = lastDays(days);
            const active = range.from === from && range.to === to;
            return (
              <Button
                key={days}
                size="sm"
                variant={active ? 'filled' : 'default'}
                aria-pressed={active}
                onClick={() => setSearch(days === 30 ? { from: undefined, to: undefined } : range)}
              >
                Last {days} days
              </Button>
            );
          })}
        </Group>
      </Group>
      {usage.isError && <ErrorAlert error={usage.error} onRetry={() => void usage.refetch()} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {rangeError ? (
            <Text c="dimmed" size="sm">
              Choose a date range above: {rangeError.toLowerCase()}.
            </Text>
          ) : usage.isPending ? (
            <Skeleton height={340} radius="md" />
          ) : (
            <DailyUsageCard
              points={prepareDailyUsage(rows, from, to)}
              metric={search.metric ?? 'requests'}
              view={search.view ?? 'chart'}
              onMetricChange={(metric) => setSearch({ metric })}
              onViewChange={(view) => setSearch({ view })}
            />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          {billing.isError && <ErrorAlert error={billing.error} onRetry={() => void billing.refetch()} />}
          {billing.isPending ? (
            <Skeleton height={340} radius="md" />
          ) : (
            billing.data && <BillingCard billing={billing.data} />
          )}
        </Grid.Col>
      </Grid>
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
        <UsageGroupTable
          title="By feature"
          header="Feature"
          groups={groupUsage(rows, 'feature')}
          label={(key) => FEATURE_LABELS[key as Feature] ?? key}
          loading={usage.isFetching}
        />
        <UsageGroupTable
          title="By model"
          header="Model"
          groups={groupUsage(rows, 'model')}
          loading={usage.isFetching}
        />
      </SimpleGrid>
    </Page>
  );
}
