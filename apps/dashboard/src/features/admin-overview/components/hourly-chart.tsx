import { BarChart } from '@mantine/charts';
import { Card, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { prepareHourlyActivity, type HourlyActivity } from '@/lib/charts/overview-hourly';
import { formatInt } from '@/lib/format';

/** Requests per UTC hour over the last 24 hours, as bars or as a table, with a summary in words. */
export function HourlyChart({ hourly }: { hourly: HourlyActivity[] }) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const chart = prepareHourlyActivity(hourly);
  return (
    <Card withBorder p="lg">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h4" id="hourly-activity-title">
            Requests per hour (UTC)
          </Title>
          <SegmentedControl<'chart' | 'table'>
            size="xs"
            value={view}
            onChange={setView}
            data={[
              { value: 'chart', label: 'Chart' },
              { value: 'table', label: 'Table' },
            ]}
            aria-label="Show requests per hour as"
          />
        </Group>
        <Text size="sm" c="dimmed" id="hourly-activity-summary">
          {chart.summary}
        </Text>
        {view === 'chart' ? (
          <div role="img" aria-labelledby="hourly-activity-title" aria-describedby="hourly-activity-summary">
            <BarChart
              h={220}
              data={chart.rows}
              dataKey="label"
              type="stacked"
              withLegend
              valueFormatter={(value) => formatInt(value)}
              series={[
                { name: 'ok', label: 'Answered', color: 'blue.6' },
                { name: 'errors', label: 'Errors', color: 'red.6' },
              ]}
              xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 16 }}
              yAxisProps={{ allowDecimals: false }}
            />
          </div>
        ) : (
          <Table.ScrollContainer minWidth={480} mah={320}>
            <Table striped stickyHeader>
              <Table.Caption className="sr-only">Requests per hour over the last 24 hours</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Hour (UTC)</Table.Th>
                  <Table.Th ta="right">Requests</Table.Th>
                  <Table.Th ta="right">Errors</Table.Th>
                  <Table.Th ta="right">Fallbacks</Table.Th>
                  <Table.Th ta="right">Cache hits</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {chart.rows.map((row) => (
                  <Table.Tr key={row.hour}>
                    <Table.Td>{row.label}</Table.Td>
                    <Table.Td ta="right">{formatInt(row.requests)}</Table.Td>
                    <Table.Td ta="right">{formatInt(row.errors)}</Table.Td>
                    <Table.Td ta="right">{formatInt(row.fallbacks)}</Table.Td>
                    <Table.Td ta="right">{formatInt(row.cache_hits)}</Table.Td>
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
