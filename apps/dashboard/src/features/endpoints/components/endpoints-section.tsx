import { Anchor, Button, Code, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { QueryTable } from '@/components/ui/query-table';
import { SectionCard } from '@/components/ui/section-card';
import { formatUsd } from '@/lib/format';
import { useEndpoints } from '../queries';
import type { Endpoint } from '../types';
import { CreateEndpointModal } from './create-endpoint-modal';
import { EditEndpointModal } from './edit-endpoint-modal';
import { EndpointActions } from './endpoint-actions';
import { EndpointStateBadge } from './endpoint-state-badge';

const column = createColumnHelper<Endpoint>();

/** Dedicated endpoints: each with its state (followed while it changes), create, start/stop, edit, delete. */
export function EndpointsSection({
  statsFor,
  onStats,
}: {
  /** The endpoint whose stats are shown below, if any. */
  statsFor?: string;
  onStats: (endpoint: Endpoint) => void;
}) {
  const endpoints = useEndpoints();
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const [editing, setEditing] = useState<Endpoint | null>(null);

  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: 'Endpoint',
        cell: (info) => (
          <Stack gap={2} miw={220} maw={340}>
            <Text size="sm" fw={500}>
              {info.row.original.display_name || info.row.original.model}
            </Text>
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {`Model: ${info.row.original.model}`}
            </Text>
            <Code style={{ overflowWrap: 'anywhere' }} title="Its name in tier routes">
              {info.getValue()}
            </Code>
          </Stack>
        ),
      }),
      column.accessor('hardware', {
        header: 'Hardware',
        cell: (info) => (
          <Stack gap={2}>
            <Text size="sm">{info.getValue()}</Text>
            <Text size="xs" c="dimmed">
              {`${formatUsd(info.row.original.price_per_hour_usd)}/hour per replica`}
            </Text>
          </Stack>
        ),
      }),
      column.accessor('state', {
        header: 'State',
        cell: (info) => (
          <Stack gap={2} align="flex-start">
            <EndpointStateBadge state={info.getValue()} />
            {info.row.original.error && (
              <Text size="xs" c="red.8" maw={240}>
                {info.row.original.error}
              </Text>
            )}
          </Stack>
        ),
      }),
      column.display({
        id: 'replicas',
        header: 'Replicas',
        cell: (info) => (
          <Stack gap={2}>
            <Text size="sm">{`${info.row.original.min_replicas}–${info.row.original.max_replicas}`}</Text>
            <Text size="xs" c="dimmed">
              {info.row.original.auto_shutdown_minutes
                ? `Stops after ${info.row.original.auto_shutdown_minutes} min idle`
                : 'No auto-shutdown'}
            </Text>
          </Stack>
        ),
      }),
      column.display({
        id: 'actions',
        header: () => <span className="sr-only">Actions</span>,
        cell: (info) => (
          <EndpointActions
            endpoint={info.row.original}
            onEdit={setEditing}
            onStats={onStats}
            statsShown={info.row.original.id === statsFor}
          />
        ),
      }),
    ],
    [onStats, statsFor],
  );

  return (
    <SectionCard
      title="Dedicated endpoints"
      description={
        <>
          A model on its own hardware, billed by the hour while it runs. Once an endpoint is{' '}
          <strong>Started</strong>, its name (the code under each endpoint) can go in a tier&apos;s routes or
          allow-list on the{' '}
          <Anchor component={Link} to="/admin/models" size="sm" underline="always">
            Models page
          </Anchor>
          , to serve that tier from it.
        </>
      }
      action={
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openCreate}>
          Create endpoint
        </Button>
      }
    >
      <QueryTable
        query={endpoints}
        caption="Dedicated endpoints"
        columns={columns}
        empty="No dedicated endpoints yet: create one to serve a model on its own hardware."
      />
      <CreateEndpointModal opened={creating} onClose={closeCreate} />
      <EditEndpointModal
        target={editing && (endpoints.data?.data.find((item) => item.id === editing.id) ?? editing)}
        onClose={() => setEditing(null)}
      />
    </SectionCard>
  );
}
