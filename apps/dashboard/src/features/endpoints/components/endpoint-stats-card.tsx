import { Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { ErrorAlert } from '@/components/ui/error-alert';
import { formatInt, formatMs, formatUsd } from '@/lib/format';
import { useEndpointStats } from '../queries';
import { statsRangeProblem } from '../schema';
import type { Endpoint, EndpointStats } from '../types';

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="lg" fw={600}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Card>
  );
}

function StatsGrid({ stats }: { stats: EndpointStats }) {
  // No requests, no latency (the api answers zeros).
  const latency = (ms: number) => (stats.requests > 0 ? formatMs(ms) : '—');
  const { p50, p95, p99 } = stats.latency_ms;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
      <Stat label="Requests" value={formatInt(stats.requests)} />
      <Stat
        label="Tokens"
        value={formatInt(stats.total_tokens)}
        detail={`${formatInt(stats.prompt_tokens)} prompt · ${formatInt(stats.completion_tokens)} completion`}
      />
      <Stat label="Latency p50" value={latency(p50)} detail={`p95 ${latency(p95)} · p99 ${latency(p99)}`} />
      <Stat label="Token cost" value={formatUsd(stats.token_cost_usd)} />
      <Stat label="Running time" value={`${formatInt(stats.running_minutes)} min`} />
      <Stat label="Running cost" value={formatUsd(stats.running_cost_usd)} />
      <Stat label="Total cost" value={formatUsd(stats.total_cost_usd)} detail="Tokens and running time" />
    </SimpleGrid>
  );
}

/** One endpoint's requests, tokens, latency percentiles and cost over a date range (UTC, inclusive). */
export function EndpointStatsCard({
  endpoint,
  from,
  to,
  onRangeChange,
}: {
  endpoint: Endpoint;
  from: string;
  to: string;
  onRangeChange: (range: { from?: string; to?: string }) => void;
}) {
  const problem = statsRangeProblem(from, to);
  const stats = useEndpointStats(endpoint.id, from, to, !problem);
  const label = endpoint.display_name || endpoint.name;
  return (
    <Card withBorder p="lg" component="section" aria-labelledby="endpoint-stats-title">
      <Stack>
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Stack gap={2}>
            <Title order={3} size="h4" id="endpoint-stats-title">
              {`Usage of ${label}`}
            </Title>
            <Text size="sm" c="dimmed">
              Requests served by this endpoint, and what it cost: tokens at the model&apos;s price plus its
              running time at the hardware&apos;s hourly price.
            </Text>
          </Stack>
          <Group align="flex-start" gap="sm" role="group" aria-label="Date range">
            <TextInput
              type="date"
              label="From"
              value={from}
              max={to}
              onChange={(event) =>
                event.currentTarget.value && onRangeChange({ from: event.currentTarget.value })
              }
              error={problem}
              w={170}
            />
            <TextInput
              type="date"
              label="To"
              value={to}
              min={from}
              onChange={(event) =>
                event.currentTarget.value && onRangeChange({ to: event.currentTarget.value })
              }
              w={170}
            />
          </Group>
        </Group>
        {!problem &&
          (stats.isError ? (
            <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />
          ) : stats.data ? (
            <div aria-busy={stats.isFetching || undefined}>
              <StatsGrid stats={stats.data} />
            </div>
          ) : (
            <Text size="sm" c="dimmed" role="status">
              Loading the stats…
            </Text>
          ))}
      </Stack>
    </Card>
  );
}
