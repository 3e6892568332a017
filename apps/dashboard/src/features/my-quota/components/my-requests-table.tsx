import { Badge, Stack, Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/ui/data-table';
import { ErrorAlert } from '@/components/ui/error-alert';
import { formatDateTime, formatLimit } from '@/lib/format';
import { useMyQuotaRequests } from '../queries';
import { LIMIT_LABELS, type QuotaRequest } from '../schema';
import { FEATURE_LABELS } from '@/lib/domain';

const STATUS_COLORS = { pending: 'yellow', approved: 'green', denied: 'red' } as const;
const column = createColumnHelper<QuotaRequest>();
const columns = [
  column.accessor('created_at', { header: 'Asked', cell: (info) => formatDateTime(info.getValue()) }),
  column.accessor('feature', {
    header: 'Feature',
    cell: (info) => FEATURE_LABELS[info.getValue()],
  }),
  column.accessor('limit', { header: 'Limit', cell: (info) => LIMIT_LABELS[info.getValue()] }),
  column.accessor('requested_limit', { header: 'Requested', cell: (info) => formatLimit(info.getValue()) }),
  column.accessor('reason', {
    header: 'Reason',
    cell: (info) => (
      <Text size="sm" lineClamp={2} maw={280}>
        {info.getValue()}
      </Text>
    ),
  }),
  column.accessor('status', {
    header: 'Status',
    cell: (info) => (
      <Badge color={STATUS_COLORS[info.getValue()]} variant="light" style={{ minWidth: 'max-content' }}>
        {info.getValue()}
      </Badge>
    ),
  }),
  column.display({
    id: 'decision',
    header: 'Decision',
    cell: ({ row }) =>
      row.original.decided_at ? (
        <Stack gap={0}>
          <Text size="sm">{formatDateTime(row.original.decided_at)}</Text>
          {row.original.decision_reason && (
            <Text size="xs" c="dimmed">
              {row.original.decision_reason}
            </Text>
          )}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          Waiting for an admin
        </Text>
      ),
  }),
];

/** My earlier quota requests and their status, one server page at a time. */
export function MyRequestsTable({
  page,
  pageSize,
  onPageChange,
}: {
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
}) {
  const requests = useMyQuotaRequests(page, pageSize);
  if (requests.isError) return <ErrorAlert error={requests.error} onRetry={() => void requests.refetch()} />;
  return (
    <DataTable
      caption="My quota requests"
      columns={columns}
      data={requests.data?.data ?? []}
      loading={requests.isFetching}
      getRowId={(row) => row.id}
      empty="You have not asked for more yet."
      paging={{ page, pageSize, total: requests.data?.total ?? 0, onPageChange }}
    />
  );
}
