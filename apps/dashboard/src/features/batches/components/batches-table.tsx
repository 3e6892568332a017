import { Button, Code, Group, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/ui/data-table';
import { ErrorAlert } from '@/components/ui/error-alert';
import { formatDateTime } from '@/lib/format';
import type { components } from '@/api/schema';
import { finishedAt, fromUnix, type Batch } from '../status';
import { BatchActions } from './batch-actions';
import { BatchProgressBar } from './batch-progress';
import { BatchStatusBadge } from './batch-status-badge';

type BatchList = components['schemas']['BatchListDto'];
const column = createColumnHelper<Batch>();

const columns = [
  column.accessor('id', {
    header: 'Batch',
    cell: (info) => (
      <Stack gap={2}>
        <Code style={{ whiteSpace: 'nowrap' }}>{info.getValue()}</Code>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {info.row.original.model || 'Model unknown'}
        </Text>
      </Stack>
    ),
  }),
  column.accessor('status', {
    header: 'Status',
    cell: (info) => (
      <Stack gap={2} align="flex-start">
        <BatchStatusBadge status={info.getValue()} />
        {info.row.original.errors?.data.map((error) => (
          <Text key={error.code + error.message} size="xs" c="red.8" maw={260}>
            {error.message}
          </Text>
        ))}
      </Stack>
    ),
  }),
  column.display({
    id: 'progress',
    header: 'Requests',
    cell: (info) => <BatchProgressBar batch={info.row.original} />,
  }),
  column.accessor('created_at', {
    header: 'Created',
    cell: (info) => formatDateTime(fromUnix(info.getValue())),
  }),
  column.display({
    id: 'finished',
    header: 'Finished',
    cell: (info) => formatDateTime(finishedAt(info.row.original)),
  }),
  column.display({
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    cell: (info) => <BatchActions batch={info.row.original} />,
  }),
];

/**
 * My batches, one page at a time, newest first; Newer and Older follow the api's cursor (the last
 * id of a page opens the next).
 */
export function BatchesTable({
  query,
  hasNewer,
  onNewer,
  onOlder,
  empty = 'No batches yet: upload a JSONL file above to run your first one.',
}: {
  query: UseQueryResult<BatchList>;
  /** What an empty list says. */
  empty?: string;
  hasNewer: boolean;
  onNewer: () => void;
  onOlder: (after: string) => void;
}) {
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const page = query.data;
  return (
    <Stack gap="sm">
      <DataTable
        caption="Your batches, newest first"
        columns={columns}
        data={page?.data ?? []}
        loading={query.isPending || query.isPlaceholderData}
        getRowId={(row) => row.id}
        empty={empty}
      />
      {(hasNewer || page?.has_more) && (
        <Group justify="flex-end" gap="sm">
          <Button variant="default" size="xs" disabled={!hasNewer} onClick={onNewer}>
            Newer
          </Button>
          <Button
            variant="default"
            size="xs"
            disabled={!page?.has_more || !page.last_id}
            onClick={() => page?.last_id && onOlder(page.last_id)}
          >
            Older
          </Button>
        </Group>
      )}
    </Stack>
  );
}
