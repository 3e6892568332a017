import { Button, Code, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { errorMessage } from '@/api/errors';
import { notify } from '@/components/ui/notify';
import { useDeleteEndpoint, useUpdateEndpoint } from '../queries';
import { nextState } from '../state';
import type { Endpoint } from '../types';

const failed = (what: string) => (error: unknown) =>
  notify({
    color: 'red',
    message: (
      <>
        <strong>{what}</strong> {errorMessage(error)}
      </>
    ),
  });

/** Start or stop, edit, show its stats, delete (confirmed). */
export function EndpointActions({
  endpoint,
  onEdit,
  onStats,
  statsShown,
}: {
  endpoint: Endpoint;
  onEdit: (endpoint: Endpoint) => void;
  onStats: (endpoint: Endpoint) => void;
  statsShown: boolean;
}) {
  const update = useUpdateEndpoint();
  const remove = useDeleteEndpoint();
  const target = nextState(endpoint.state);
  const label = endpoint.display_name || endpoint.name;
  const toggle = () =>
    target &&
    update.mutate(
      { id: endpoint.id, state: target },
      {
        onSuccess: () =>
          notify({
            color: 'green',
            message: `${label} is ${target === 'STARTED' ? 'starting' : 'stopping'}.`,
          }),
        onError: failed(`${label} was not ${target === 'STARTED' ? 'started' : 'stopped'}.`),
      },
    );
  const confirmDelete = () =>
    modals.openConfirmModal({
      closeButtonProps: { 'aria-label': 'Close' },
      title: 'Delete this endpoint?',
      children: (
        <Text size="sm">
          <strong>{label}</strong> (<Code>{endpoint.name}</Code>) is shut down and removed from the provider.
          Tier routes that name it fall back to their next model. Its usage stays in the ledger.
        </Text>
      ),
      labels: { confirm: 'Delete', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(endpoint.id, {
          onSuccess: () => notify({ color: 'green', message: `${label} was deleted.` }),
          onError: failed('The endpoint was not deleted.'),
        }),
    });

  return (
    <Group gap="xs" wrap="nowrap">
      {target && (
        <Button
          size="compact-sm"
          variant="light"
          color={target === 'STOPPED' ? 'yellow' : 'green'}
          loading={update.isPending && update.variables?.state !== undefined}
          onClick={toggle}
          aria-label={`${target === 'STARTED' ? 'Start' : 'Stop'} ${label}`}
        >
          {target === 'STARTED' ? 'Start' : 'Stop'}
        </Button>
      )}
      <Button
        size="compact-sm"
        variant="default"
        onClick={() => onEdit(endpoint)}
        aria-label={`Edit ${label}`}
      >
        Edit
      </Button>
      <Button
        size="compact-sm"
        variant={statsShown ? 'filled' : 'default'}
        onClick={() => onStats(endpoint)}
        aria-label={`Stats of ${label}`}
        aria-pressed={statsShown}
      >
        Stats
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        loading={remove.isPending}
        onClick={confirmDelete}
        aria-label={`Delete ${label}`}
      >
        Delete
      </Button>
    </Group>
  );
}
