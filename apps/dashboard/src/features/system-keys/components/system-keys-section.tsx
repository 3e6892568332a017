import { Button, Code, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconPlus } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { errorMessage } from '@/api/errors';
import { notify } from '@/components/ui/notify';
import { QueryTable } from '@/components/ui/query-table';
import { SectionCard } from '@/components/ui/section-card';
import { formatDateTime } from '@/lib/format';
import { useRevokeSystemKey, useSystemKeys, type ProviderKey } from '../queries';
import { AddKeyModal } from './add-key-modal';
import { KeyStatusBadge } from './key-status-badge';
import { RotateKeyModal } from './rotate-key-modal';

const column = createColumnHelper<ProviderKey>();
const ROTATABLE = new Set(['active', 'invalid']);

function KeyActions({ item, onRotate }: { item: ProviderKey; onRotate: (key: ProviderKey) => void }) {
  const revoke = useRevokeSystemKey();
  const confirmRevoke = () =>
    modals.openConfirmModal({
      closeButtonProps: { 'aria-label': 'Close' },
      title: 'Revoke this key?',
      children: (
        <Text size="sm">
          <strong>{item.label}</strong> (<Code>{item.key_hint}</Code>) stops serving at once, on every
          instance, and its encrypted secret is erased. This cannot be undone.
        </Text>
      ),
      labels: { confirm: 'Revoke', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        revoke.mutate(item.id, {
          onSuccess: () =>
            notify({ color: 'green', message: `${item.label} (${item.key_hint}) was revoked.` }),
          onError: (error) =>
            notify({
              color: 'red',
              message: (
                <>
                  <strong>The key was not revoked.</strong> {errorMessage(error)}
                </>
              ),
            }),
        }),
    });
  if (item.status === 'revoked') return null;
  return (
    <Group gap="xs" wrap="nowrap">
      {ROTATABLE.has(item.status) && (
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => onRotate(item)}
          aria-label={`Rotate ${item.label}`}
        >
          Rotate
        </Button>
      )}
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        loading={revoke.isPending}
        onClick={confirmRevoke}
        aria-label={`Revoke ${item.label}`}
      >
        Revoke
      </Button>
    </Group>
  );
}

/** System keys: every key with its state and last use; add, rotate and revoke. */
export function SystemKeysSection({ providerIds }: { providerIds: string[] }) {
  const keys = useSystemKeys();
  const [adding, { open: openAdd, close: closeAdd }] = useDisclosure(false);
  const [rotating, setRotating] = useState<ProviderKey | null>(null);

  const columns = useMemo(
    () => [
      column.accessor('label', {
        header: 'Label',
        cell: (info) => (
          <Text size="sm" fw={500}>
            {info.getValue()}
          </Text>
        ),
      }),
      column.accessor('provider', { header: 'Provider' }),
      column.accessor('key_hint', {
        header: 'Key',
        cell: (info) => <Code style={{ whiteSpace: 'nowrap' }}>{info.getValue()}</Code>,
      }),
      column.accessor('status', {
        header: 'Status',
        cell: (info) => (
          <Stack gap={2}>
            <KeyStatusBadge status={info.getValue()} />
            {info.row.original.status_reason && (
              <Text size="xs" c="dimmed" maw={260}>
                {info.row.original.status_reason}
              </Text>
            )}
          </Stack>
        ),
      }),
      column.accessor('last_used_at', {
        header: 'Last used',
        cell: (info) => (info.getValue() ? formatDateTime(info.getValue()) : 'Never'),
      }),
      column.accessor('retire_at', {
        header: 'Retires',
        // A rotated key serves until retire_at; a revoked one stopped at once.
        cell: (info) =>
          info.row.original.status === 'retiring' || info.row.original.status === 'retired'
            ? formatDateTime(info.getValue())
            : '—',
      }),
      column.display({
        id: 'actions',
        header: () => <span className="sr-only">Actions</span>,
        cell: (info) => <KeyActions item={info.row.original} onRotate={setRotating} />,
      }),
    ],
    [],
  );

  return (
    <SectionCard
      title="System keys"
      description="The platform's provider keys, used in turn for requests that do not bring the user's own key. A key the provider rejects is marked invalid at once."
      action={
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openAdd}>
          Add System API Key
        </Button>
      }
    >
      <QueryTable
        query={keys}
        caption="System provider keys"
        columns={columns}
        empty="No system keys: add one so that requests without a user's own key can be served."
      />
      <AddKeyModal opened={adding} onClose={closeAdd} providers={providerIds} />
      <RotateKeyModal target={rotating} onClose={() => setRotating(null)} />
    </SectionCard>
  );
}
