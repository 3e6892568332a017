import { Card, Stack, Title } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/ui/data-table';
import { formatMetric, type UsageGroup } from '@/lib/charts/my-usage';
import { formatPercent } from '@/lib/format';

const column = createColumnHelper<UsageGroup>();
const columnsFor = (header: string, label: (key: string) => string) => [
  column.accessor('key', { header, cell: (info) => label(info.getValue()) }),
  column.accessor('requests', {
    header: 'Requests',
    cell: (info) => formatMetric('requests', info.getValue()),
  }),
  column.accessor('errorRate', { header: 'Errors', cell: (info) => formatPercent(info.getValue()) }),
  column.accessor('tokens', { header: 'Tokens', cell: (info) => formatMetric('tokens', info.getValue()) }),
  column.accessor('cost', { header: 'Cost', cell: (info) => formatMetric('cost', info.getValue()) }),
];

/** Totals per feature or per model over the range. */
export function UsageGroupTable({
  title,
  header,
  groups,
  label = (key) => key,
  loading,
}: {
  title: string;
  header: string;
  groups: UsageGroup[];
  label?: (key: string) => string;
  loading?: boolean;
}) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {title}
        </Title>
        <DataTable
          caption={title}
          columns={columnsFor(header, label)}
          data={groups}
          loading={loading}
          getRowId={(row) => row.key}
          empty="No usage in this range."
        />
      </Stack>
    </Card>
  );
}
