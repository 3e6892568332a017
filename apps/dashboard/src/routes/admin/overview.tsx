import { Button, Grid, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { QueryView } from '@/components/ui/error-alert';
import { Page } from '@/components/ui/page';
import { BreakersCard } from '@/features/admin-overview/components/breakers-card';
import { HealthCards } from '@/features/admin-overview/components/health-cards';
import { HourlyChart } from '@/features/admin-overview/components/hourly-chart';
import { StatCard } from '@/features/admin-overview/components/stat-card';
import { UsageQueueCard } from '@/features/admin-overview/components/usage-queue-card';
import { useOverview, type Overview } from '@/features/admin-overview/queries';
import { formatDateTime, formatInt, formatPercent, formatUsd } from '@/lib/format';

const share = (part: number, whole: number) =>
  whole > 0 ? `${formatPercent(part / whole)} of requests` : '—';

function OverviewContent({ data }: { data: Overview }) {
  const last = data.last_24h;
  return (
    <Stack gap="lg">
      <section aria-labelledby="overview-health">
        <Title order={3} size="h4" mb="xs" id="overview-health">
          Health
        </Title>
        <HealthCards health={data.health} />
      </section>
      <section aria-labelledby="overview-24h">
        <Title order={3} size="h4" mb="xs" id="overview-24h">
          Last 24 hours
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
          <StatCard label="Requests" value={formatInt(last.requests)} />
          <StatCard
            label="Errors"
            value={formatInt(last.errors)}
            detail={share(last.errors, last.requests)}
          />
          <StatCard
            label="Fallbacks"
            value={formatInt(last.fallbacks)}
            detail={share(last.fallbacks, last.requests)}
          />
          <StatCard
            label="Cache hits"
            value={formatInt(last.cache_hits)}
            detail={share(last.cache_hits, last.requests)}
          />
          <StatCard label="Tokens" value={formatInt(last.tokens)} />
          <StatCard label="Cost" value={formatUsd(last.cost_usd)} />
        </SimpleGrid>
      </section>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <HourlyChart hourly={last.hourly} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <section aria-labelledby="overview-today">
              <Title order={3} size="h4" mb="xs" id="overview-today">
                Today (since 00:00 UTC)
              </Title>
              <SimpleGrid cols={2}>
                <StatCard label="Requests today" value={formatInt(data.today.requests)} />
                <StatCard label="Cost today" value={formatUsd(data.today.cost_usd)} />
              </SimpleGrid>
            </section>
            <UsageQueueCard queue={data.usage_queue} />
          </Stack>
        </Grid.Col>
      </Grid>
      <BreakersCard breakers={data.breakers} />
    </Stack>
  );
}

export function OverviewPage() {
  const overview = useOverview();
  return (
    <Page
      title="Overview"
      description={
        overview.data
          ? `As of ${formatDateTime(overview.data.generated_at)} · refreshes every 30 seconds`
          : 'The platform at a glance; refreshes every 30 seconds.'
      }
      actions={
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} aria-hidden />}
          loading={overview.isFetching}
          onClick={() => void overview.refetch()}
        >
          Refresh
        </Button>
      }
    >
      {overview.isError && overview.data && (
        <Text size="sm" c="red.8" role="alert">
          The last refresh failed ({overview.error.message}); the figures below are from{' '}
          {formatDateTime(overview.data.generated_at)}.
        </Text>
      )}
      {overview.data ? (
        <OverviewContent data={overview.data} />
      ) : (
        <QueryView query={overview}>{(data) => <OverviewContent data={data} />}</QueryView>
      )}
    </Page>
  );
}
