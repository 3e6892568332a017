import { BarChart } from '@mantine/charts';
import { Card, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import {
  formatMetric,
  summarizeDailyUsage,
  type DailyUsagePoint,
  type UsageMetric,
} from '@/lib/charts/my-usage';

export type UsageView = 'chart' | 'table';

const METRICS: { value: UsageMetric; label: string }[] = [
  { value: 'requests', label: 'Requests' },
  { value: 'tokens', label: 'Tokens' },
  { value: 'cost', label: 'Cost' },
];
const COLORS: Record<UsageMetric, string> = { requests: 'blue.6', tokens: 'teal.6', cost: 'grape.6' };

/** Usage per day: a bar chart of one metric, or a table of every day; a sentence says the same in words. */
export function DailyUsageCard({
  points,
  metric,
  view,
  onMetricChange,
  onViewChange,
}: {
  points: DailyUsagePoint[];
  metric: UsageMetric;
  view: UsageView;
  onMetricChange: (metric: UsageMetric) => void;
  onViewChange: (view: UsageView) => void;
}) {
  const label = METRICS.find((item) => item.value === metric)!.label;
  return (
    <Card withBorder component="section" aria-labelledby="usage-by-day-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h4" id="usage-by-day-title">
            By day
          </Title>
          <Group gap="xs" wrap="wrap">
            <SegmentedControl
              size="xs"
              aria-label="Metric"
              data={METRICS}
              value={metric}
              onChange={(value) => onMetricChange(value)}
              disabled={view === 'table'}
            />
            <SegmentedControl
              size="xs"
              aria-label="Show as"
              data={[
                { value: 'chart', label: 'Chart' },
                { value: 'table', label: 'Table' },
              ]}
              value={view}
              onChange={(value) => onViewChange(value)}
            />
          </Group>
        </Group>
        <Text size="sm" c="dimmed" data-testid="usage-summary">
          {summarizeDailyUsage(points, metric)}
        </Text>
        {view === 'chart' ? (
          <BarChart
            h={260}
            data={points}
            dataKey="label"
            series={[{ name: metric, label, color: COLORS[metric] }]}
            valueFormatter={(value) => formatMetric(metric, value)}
            yAxisProps={{ allowDecimals: metric === 'cost' }}
            tickLine="y"
            gridAxis="y"
          />
        ) : (
          <Table.ScrollContainer minWidth={480} mah={360}>
            <Table striped stickyHeader>
              <Table.Caption className="sr-only">Usage by day</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Day (UTC)</Table.Th>
                  <Table.Th ta="right">Requests</Table.Th>
                  <Table.Th ta="right">Errors</Table.Th>
                  <Table.Th ta="right">Tokens</Table.Th>
                  <Table.Th ta="right">Cost</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...points].reverse().map((point) => (
                  <Table.Tr key={point.day}>
                    <Table.Td>{point.day}</Table.Td>
                    <Table.Td ta="right">{formatMetric('requests', point.requests)}</Table.Td>
                    <Table.Td ta="right">{formatMetric('requests', point.errors)}</Table.Td>
                    <Table.Td ta="right">{formatMetric('tokens', point.tokens)}</Table.Td>
                    <Table.Td ta="right">{formatMetric('cost', point.cost)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
