import { Badge, Button, Code, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import type { z } from 'zod';
import { errorMessage } from '@/api/errors';
import { QueryTable } from '@/components/ui/query-table';
import { ErrorAlert } from '@/components/ui/error-alert';
import { applyApiError } from '@/lib/forms';
import { formatDateTime } from '@/lib/format';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from '../queries';
import { newApiKeySchema, type ApiKey, type CreatedApiKey } from '../schema';
import { NewKeySecretModal } from './new-key-secret-modal';

function CreateKeyModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (key: CreatedApiKey) => void;
}) {
  const create = useCreateApiKey();
  const form = useForm<z.infer<typeof newApiKeySchema>>({
    initialValues: { name: '' },
    validate: zod4Resolver(newApiKeySchema),
  });
  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Create an API key" centered>
      <form
        noValidate
        onSubmit={form.onSubmit(({ name }) =>
          create.mutate(name.trim(), {
            onSuccess: (created) => {
              close();
              onCreated(created);
            },
            onError: (error) => applyApiError(form, error),
          }),
        )}
      >
        <Stack gap="sm">
          <TextInput
            label="Name"
            description="To recognise the key later, e.g. where it is used"
            placeholder="my laptop"
            required
            data-autofocus
            {...form.getInputProps('name')}
            data-path="name"
          />
          {create.isError && !Object.keys(form.errors).length && <ErrorAlert error={create.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create key
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const column = createColumnHelper<ApiKey>();

/** Personal API keys: create (the secret shown once), list, revoke. */
export function ApiKeysSection() {
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [opened, { open, close }] = useDisclosure(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  const confirmRevoke = (key: ApiKey) =>
    modals.openConfirmModal({
      title: `Revoke “${key.name}”?`,
      children: (
        <Text size="sm">
          Programs using the key {key.prefix}… stop working at once. This cannot be undone.
        </Text>
      ),
      labels: { confirm: 'Revoke key', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        revoke.mutate(key.id, {
          onSuccess: () => notifications.show({ color: 'green', message: `Revoked “${key.name}”.` }),
          onError: (error) =>
            notifications.show({
              color: 'red',
              title: 'Could not revoke the key',
              message: errorMessage(error),
            }),
        }),
    });

  const columns = [
    column.accessor('name', { header: 'Name' }),
    column.accessor('prefix', { header: 'Key', cell: (info) => <Code>{info.getValue()}…</Code> }),
    column.accessor('created_at', { header: 'Created', cell: (info) => formatDateTime(info.getValue()) }),
    column.accessor('last_used_at', {
      header: 'Last used',
      cell: (info) => (info.getValue() ? formatDateTime(info.getValue()) : 'Never'),
    }),
    column.display({
      id: 'status',
      header: 'Status',
      cell: ({ row }) =>
        row.original.revoked_at ? (
          <Text size="sm" c="dimmed">
            Revoked {formatDateTime(row.original.revoked_at)}
          </Text>
        ) : (
          <Badge color="green" variant="light" style={{ minWidth: 'max-content' }}>
            Active
          </Badge>
        ),
    }),
    column.display({
      id: 'actions',
      header: 'Actions',
      cell: ({ row }) =>
        !row.original.revoked_at && (
          <Button
            size="compact-sm"
            variant="light"
            color="red"
            onClick={() => confirmRevoke(row.original)}
            loading={revoke.isPending && revoke.variables === row.original.id}
            aria-label={`Revoke ${row.original.name}`}
          >
            Revoke
          </Button>
        ),
    }),
  ];

  return (
    <Stack gap="sm" component="section" aria-labelledby="api-keys-title">
      <Group justify="space-between" wrap="wrap">
        <Stack gap={2}>
          <Title order={3} size="h4" id="api-keys-title">
            Personal API keys
          </Title>
          <Text size="sm" c="dimmed">
            For SDKs and scripts: send one as <Code>Authorization: Bearer &lt;key&gt;</Code>. They act as you.
          </Text>
        </Stack>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
          Create API key
        </Button>
      </Group>
      <QueryTable query={keys} caption="Personal API keys" columns={columns} empty="No API key yet." />
      <CreateKeyModal opened={opened} onClose={close} onCreated={setCreated} />
      <NewKeySecretModal created={created} onClose={() => setCreated(null)} />
    </Stack>
  );
}
