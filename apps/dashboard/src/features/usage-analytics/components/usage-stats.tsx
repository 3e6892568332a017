import { Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatInt, formatMs, formatPercent } from '@/lib/format';
import { formatCost } from '../format';
import type { UsageReport, UsageTotals } from '../schema';

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <Card withBorder padding="sm">
      <Stack gap={2}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          {label}
        </Text>
        <Text size="xl" fw={700} lh={1.2}>
          {value}
        </Text>
        {detail && (
          <Text size="xs" c="dimmed">
            {detail}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** The cost's breakdown when dedicated endpoints ran in the range (billed by the minute). */
function costDetail(report: Pick<UsageReport, 'totals' | 'dedicated_endpoints'>): string | undefined {
  const endpoints = report.dedicated_endpoints;
  if (!endpoints || endpoints.running_minutes === 0) return undefined;
  return `${formatCost(report.totals.cost_usd)} requests · ${formatCost(endpoints.cost_usd)} for ${formatInt(endpoints.running_minutes)} endpoint minutes`;
}

/**
 * The range's totals: volume, cost (requests plus dedicated endpoints' running time), latency
 * percentiles, and error, fallback and cache rates.
 */
export function UsageStats({
  report,
}: {
  report: Pick<UsageReport, 'totals' | 'dedicated_endpoints' | 'total_cost_usd'>;
}) {
  const totals: UsageTotals = report.totals;
  const { latency_ms: latency } = totals;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, xl: 7 }} spacing="sm" role="group" aria-label="Totals for the range">
      <Stat
        label="Requests"
        value={formatInt(totals.requests)}
        detail={`${formatInt(totals.errors)} failed`}
      />
      <Stat
        label="Tokens"
        value={formatInt(totals.total_tokens)}
        detail={`${formatInt(totals.prompt_tokens)} in · ${formatInt(totals.completion_tokens)} out`}
      />
      <Stat label="Cost" value={formatCost(report.total_cost_usd)} detail={costDetail(report)} />
      <Card withBorder padding="sm">
        <Stack gap={2}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            Latency
          </Text>
          <Group gap="sm" wrap="wrap">
            {(['p50', 'p95', 'p99'] as const).map((p) => (
              <Stack key={p} gap={0}>
                <Text size="md" fw={700} lh={1.2}>
                  {formatMs(latency[p])}
                </Text>
                <Text size="xs" c="dimmed">
                  {p}
                </Text>
              </Stack>
            ))}
          </Group>
          <Text size="xs" c="dimmed">
            mean {formatMs(latency.avg)}
          </Text>
        </Stack>
      </Card>
      <Stat label="Error rate" value={formatPercent(totals.error_rate)} detail="answered 400 or more" />
      <Stat
        label="Fallback rate"
        value={formatPercent(totals.fallback_rate)}
        detail="served by a fallback model"
      />
      <Stat label="Cache rate" value={formatPercent(totals.cache_rate)} detail="answered from the cache" />
    </SimpleGrid>
  );
}
