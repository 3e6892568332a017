import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { DataTable } from '@/components/ui/data-table';
import { formatInt, formatMs, formatPercent } from '@/lib/format';
import { formatCost } from '../format';
import { groupKey, type Grouping, type UsageGroup } from '../schema';

const column = createColumnHelper<UsageGroup>();
const GROUP_HEADERS: Record<Grouping, string> = {
  day: 'Day',
  model: 'Model',
  user: 'User',
  tier: 'Tier',
  feature: 'Feature',
};

/** The report's groups (a bounded list: days of the range, models, tiers or features), paged here. */
export function UsageGroupsTable({
  groups,
  groupBy,
  loading,
}: {
  groups: UsageGroup[];
  groupBy: Grouping;
  loading: boolean;
}) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const columns = useMemo(
    () => [
      column.display({
        id: 'group',
        header: GROUP_HEADERS[groupBy],
        cell: ({ row }) => groupKey(row.original, groupBy),
      }),
      column.accessor('requests', { header: 'Requests', cell: (c) => formatInt(c.getValue()) }),
      column.accessor('errors', {
        header: 'Errors',
        cell: ({ row: { original: g } }) => `${formatInt(g.errors)} (${formatPercent(g.error_rate)})`,
      }),
      column.accessor('prompt_tokens', { header: 'Prompt tokens', cell: (c) => formatInt(c.getValue()) }),
      column.accessor('completion_tokens', {
        header: 'Completion tokens',
        cell: (c) => formatInt(c.getValue()),
      }),
      column.accessor('cost_usd', { header: 'Cost', cell: (c) => formatCost(c.getValue()) }),
      column.display({
        id: 'latency',
        header: 'Latency p50 / p95 / p99',
        cell: ({ row: { original: g } }) =>
          `${formatMs(g.latency_ms.p50)} / ${formatMs(g.latency_ms.p95)} / ${formatMs(g.latency_ms.p99)}`,
      }),
      column.accessor('fallback_rate', { header: 'Fallbacks', cell: (c) => formatPercent(c.getValue()) }),
      column.accessor('cache_rate', { header: 'Cached', cell: (c) => formatPercent(c.getValue()) }),
    ],
    [groupBy],
  );
  // Newest day first; other groupings by requests.
  const sorted = useMemo(
    () =>
      [...groups].sort((a, b) =>
        groupBy === 'day' ? (b.day ?? '').localeCompare(a.day ?? '') : b.requests - a.requests,
      ),
    [groups, groupBy],
  );
  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const current = Math.min(page, pages);

  return (
    <DataTable
      caption={`Usage by ${GROUP_HEADERS[groupBy].toLowerCase()}`}
      columns={columns}
      data={sorted.slice((current - 1) * pageSize, current * pageSize)}
      loading={loading}
      getRowId={(row) => groupKey(row, groupBy)}
      empty="No usage in this range with these filters"
      paging={{
        page: current,
        pageSize,
        total: sorted.length,
        onPageChange: setPage,
        onPageSizeChange: (size) => {
          setPageSize(size);
          setPage(1);
        },
      }}
    />
  );
}
