import { Button, Group, Select, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconChevronsLeft, IconRefresh } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { z } from 'zod';
import { requestLogSearchSchema } from '@/routes/search-schemas';
import { ErrorAlert, QueryView } from '@/components/ui/error-alert';
import { Page } from '@/components/ui/page';
import { useCatalog } from '@/features/model-config/queries';
import { EventsTable } from '@/features/request-log/components/events-table';
import { useUsageEvents } from '@/features/request-log/queries';
import { UsageFiltersBar } from '@/features/usage-analytics/components/usage-filters';
import {
  FILTER_KEYS,
  rangeProblem,
  resolveRange,
  type UsageFilters,
} from '@/features/usage-analytics/schema';

const LIMITS = [25, 50, 100];

type Search = z.infer<typeof requestLogSearchSchema>;

const route = getRouteApi('/signed-in/admin/requests');

export function RequestLogPage() {
  const raw = route.useSearch();
  const search = { ...raw, limit: raw.limit ?? 50 };
  const navigate = useNavigate({ from: '/admin/requests' });
  const setSearch = (change: Partial<Search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...change }) });

  const filters = useMemo(
    () => Object.fromEntries(FILTER_KEYS.map((key) => [key, raw[key]])) as UsageFilters,
    [raw],
  );
  const problem = rangeProblem(resolveRange(filters));
  const cursors = search.cursors ?? [];
  const cursor = cursors.at(-1);
  const events = useUsageEvents({ filters, cursor, limit: search.limit }, !problem);
  const catalog = useCatalog();
  const models = useMemo(() => (catalog.data?.models ?? []).map((model) => model.id), [catalog.data]);
  const pageNumber = cursors.length + 1;
  // While the next page loads, the previous page stays on screen but its figures are not this page's.
  const shown = events.isPlaceholderData ? undefined : events.data;
  const nextCursor = shown?.next_cursor ?? null;

  return (
    <Page
      title="Request Log"
      description="Every gateway request, newest first: who, which model was asked for and which answered, its indicators, status, latency, tokens and cost."
      actions={
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} aria-hidden />}
          loading={events.isFetching && !events.isPlaceholderData}
          onClick={() => void events.refetch()}
        >
          Refresh
        </Button>
      }
    >
      {/* Changing a filter starts again from the newest page. */}
      <UsageFiltersBar
        filters={filters}
        models={models}
        onChange={(change) => setSearch({ ...change, cursors: undefined })}
      />

      {events.isError && events.data && (
        <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />
      )}
      <QueryView query={events}>
        {(page) => <EventsTable events={page.data} loading={events.isFetching} />}
      </QueryView>

      <Group justify="space-between" wrap="wrap" role="navigation" aria-label="Request Log pages">
        <Text size="sm" c="dimmed" aria-live="polite">
          Page {pageNumber}
          {events.isPlaceholderData && ' · loading…'}
          {shown && ` · ${shown.data.length} request${shown.data.length === 1 ? '' : 's'}`}
          {shown && !shown.next_cursor && ' · the oldest in the range'}
        </Text>
        <Group gap="xs">
          <Select
            aria-label="Requests per page"
            data={LIMITS.map(String)}
            value={String(search.limit)}
            onChange={(value) => value && setSearch({ limit: Number(value), cursors: undefined })}
            allowDeselect={false}
            w={90}
            size="xs"
          />
          <Button
            size="xs"
            variant="default"
            leftSection={<IconChevronsLeft size={14} aria-hidden />}
            disabled={!cursors.length}
            onClick={() => setSearch({ cursors: undefined })}
          >
            Newest
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconChevronLeft size={14} aria-hidden />}
            disabled={!cursors.length}
            onClick={() => setSearch({ cursors: cursors.length > 1 ? cursors.slice(0, -1) : undefined })}
          >
            Newer
          </Button>
          <Button
            size="xs"
            variant="default"
            rightSection={<IconChevronRight size={14} aria-hidden />}
            disabled={!nextCursor}
            onClick={() => nextCursor && setSearch({ cursors: [...cursors, nextCursor] })}
          >
            Older
          </Button>
        </Group>
      </Group>
    </Page>
  );
}
