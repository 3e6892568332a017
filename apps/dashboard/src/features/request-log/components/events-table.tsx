import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/ui/data-table';
import { formatCost } from '@/features/usage-analytics/format';
import { formatInt, formatMs } from '@/lib/format';
import { EventIndicators, EventModels, EventStatus, type UsageEvent } from './event-cells';
import { FEATURE_LABELS, TIER_LABELS } from '@/lib/domain';

const time = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
const column = createColumnHelper<UsageEvent>();

const columns = [
  column.accessor('occurred_at', {
    header: 'Time (UTC)',
    cell: ({ row: { original: e } }) => (
      <Text size="xs" style={{ whiteSpace: 'nowrap' }} title={e.request_id}>
        {time.format(new Date(e.occurred_at))}
      </Text>
    ),
  }),
  column.accessor('user_email', {
    header: 'User',
    cell: ({ row: { original: e } }) => (
      <Stack gap={0}>
        <Anchor
          size="xs"
          renderRoot={(props) => <Link {...props} to="/admin/users/$userId" params={{ userId: e.user_id }} />}
          style={{ wordBreak: 'break-all' }}
        >
          {e.user_email ?? `${e.user_id.slice(0, 8)}… (deleted)`}
        </Anchor>
        <Text size="xs" c="dimmed">
          {TIER_LABELS[e.tier]} · {FEATURE_LABELS[e.feature]}
        </Text>
      </Stack>
    ),
  }),
  column.display({
    id: 'model',
    header: 'Model requested → served',
    cell: ({ row }) => <EventModels event={row.original} />,
  }),
  column.display({
    id: 'indicators',
    header: 'Indicators',
    cell: ({ row }) => <EventIndicators event={row.original} />,
  }),
  column.accessor('status', { header: 'Status', cell: ({ row }) => <EventStatus event={row.original} /> }),
  column.accessor('latency_ms', {
    header: 'Latency',
    cell: ({ row: { original: e } }) => (
      <Stack gap={0}>
        <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
          {formatMs(e.latency_ms)}
        </Text>
        {e.ttft_ms !== null && (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            first token {formatMs(e.ttft_ms)}
          </Text>
        )}
      </Stack>
    ),
  }),
  column.accessor('total_tokens', {
    header: 'Tokens',
    cell: ({ row: { original: e } }) => (
      <Stack gap={0}>
        <Text size="xs">{formatInt(e.total_tokens)}</Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatInt(e.prompt_tokens)} in · {formatInt(e.completion_tokens)} out
        </Text>
        {(e.images > 0 || e.audio_seconds > 0 || e.characters > 0) && (
          <Text size="xs" c="dimmed">
            {[
              e.images > 0 && `${formatInt(e.images)} image${e.images === 1 ? '' : 's'}`,
              e.audio_seconds > 0 && `${e.audio_seconds.toFixed(1)} s audio`,
              e.characters > 0 && `${formatInt(e.characters)} characters`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        )}
      </Stack>
    ),
  }),
  column.accessor('cost_usd', { header: 'Cost', cell: (c) => formatCost(c.getValue()) }),
];

/** One page of the Request Log (the page's keyset navigation is beside it). */
export function EventsTable({ events, loading }: { events: UsageEvent[]; loading: boolean }) {
  return (
    <DataTable
      caption="Requests, newest first"
      columns={columns}
      data={events}
      loading={loading}
      getRowId={(row) => row.request_id}
      empty="No requests in this range with these filters"
    />
  );
}
