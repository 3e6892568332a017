import { BarChart } from '@mantine/charts';
import { Box, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { IconChartBar, IconTable } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { summarizeSeries, type PreparedSeries } from '@/lib/charts/usage-series';

export const SERIES_COLORS = [
  'blue.6',
  'teal.6',
  'orange.6',
  'grape.6',
  'red.6',
  'cyan.7',
  'lime.7',
  'pink.6',
  'indigo.4',
  'yellow.7',
];
const OTHER_COLOR = 'gray.5';

/** "2026-11-30" → "30 Nov" for the axis (UTC days). */
const shortDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });

/**
 * A daily stacked bar chart of one metric, with a text summary beneath it and a "Show as table"
 * toggle that replaces the drawing with the same numbers in a table.
 */
export function UsageChart({
  title,
  prepared,
  metricName,
  format,
  loading,
}: {
  title: string;
  prepared: PreparedSeries;
  /** Plural, lower case: "requests", "tokens", "USD of cost". */
  metricName: string;
  format: (value: number) => string;
  loading?: boolean;
}) {
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const summaryId = useId();
  const summary = summarizeSeries(prepared, metricName, format);
  const series = prepared.series.map((s, i) => ({
    name: s.name,
    label: s.label,
    color: s.key === 'other' ? OTHER_COLOR : SERIES_COLORS[i % SERIES_COLORS.length],
  }));

  return (
    <Card
      withBorder
      component="figure"
      m={0}
      aria-labelledby={titleId}
      aria-describedby={summaryId}
      aria-busy={loading || undefined}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} size="h5" id={titleId}>
          {title}
        </Title>
        <Button
          size="compact-xs"
          variant="default"
          style={{ flexShrink: 0 }}
          leftSection={asTable ? <IconChartBar size={14} aria-hidden /> : <IconTable size={14} aria-hidden />}
          aria-pressed={asTable}
          onClick={() => setAsTable((value) => !value)}
        >
          {asTable ? 'Show as chart' : 'Show as table'}
        </Button>
      </Group>
      {asTable ? (
        <Table.ScrollContainer minWidth={Math.max(360, 120 + prepared.series.length * 130)} mah={320}>
          <Table striped stickyHeader withTableBorder verticalSpacing={4} fz="xs">
            <Table.Caption className="sr-only">{title}, per day</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Day</Table.Th>
                {prepared.series.map((s) => (
                  <Table.Th key={s.name} scope="col" style={{ wordBreak: 'break-all' }}>
                    {s.label}
                  </Table.Th>
                ))}
                {prepared.series.length > 1 && <Table.Th scope="col">Total</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...prepared.rows].reverse().map((row) => (
                <Table.Tr key={row.day}>
                  <Table.Th scope="row">{row.day}</Table.Th>
                  {prepared.series.map((s) => (
                    <Table.Td key={s.name}>{format(row[s.name] as number)}</Table.Td>
                  ))}
                  {prepared.series.length > 1 && <Table.Td fw={600}>{format(row.total)}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Box aria-hidden>
          <BarChart
            h={240}
            data={prepared.rows}
            dataKey="day"
            type="stacked"
            series={series}
            valueFormatter={format}
            xAxisProps={{ tickFormatter: shortDay, minTickGap: 16 }}
            yAxisProps={{ width: 64 }}
            withLegend={prepared.series.length > 1}
            legendProps={{ verticalAlign: 'bottom', wrapperStyle: { fontSize: 11, paddingTop: 8 } }}
            tooltipAnimationDuration={0}
            withBarValueLabel={false}
            accessibilityLayer={false}
          />
        </Box>
      )}
      <Text component="figcaption" size="sm" c="dimmed" mt="xs" id={summaryId}>
        {summary}
      </Text>
    </Card>
  );
}
