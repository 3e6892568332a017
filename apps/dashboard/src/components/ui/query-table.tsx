import type { UseQueryResult } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { DataTable } from '@/components/ui/data-table';
import { ErrorAlert } from '@/components/ui/error-alert';

/**
 * A whole (unpaged) list query as a table, rows keyed by id: the table while it loads and once it
 * has, or the query's error with a retry.
 */
export function QueryTable<T extends { id: string }>({
  query,
  caption,
  columns,
  empty,
}: {
  query: UseQueryResult<{ data: T[] }>;
  caption: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of different value types
  columns: ColumnDef<T, any>[];
  empty: string;
}) {
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <DataTable
      caption={caption}
      columns={columns}
      data={query.data?.data ?? []}
      loading={query.isPending}
      getRowId={(row) => row.id}
      empty={empty}
    />
  );
}
