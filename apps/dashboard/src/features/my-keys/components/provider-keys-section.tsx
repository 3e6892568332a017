import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import type { z } from 'zod';
import { errorMessage } from '@/api/errors';
import { ErrorAlert } from '@/components/ui/error-alert';
import { applyApiError } from '@/lib/forms';
import { formatDateTime } from '@/lib/format';
import {
  useDeleteProviderKey,
  useMarkUserKeysOff,
  useProviderKeys,
  useUpdateProviderKey,
  useVerifyProviderKey,
} from '../queries';
import { providerName, renameSchema, type ProviderKey } from '../schema';
import { ProviderKeyForm } from './provider-key-form';

const STATUS_COLORS: Record<string, string> = { active: 'green', invalid: 'red', retiring: 'yellow' };

function RenameModal({ providerKey, onClose }: { providerKey: ProviderKey | null; onClose: () => void }) {
  const update = useUpdateProviderKey();
  const form = useForm<z.infer<typeof renameSchema>>({
    initialValues: { label: providerKey?.label ?? '' },
    validate: zod4Resolver(renameSchema),
  });
  const close = () => {
    form.reset();
    update.reset();
    onClose();
  };
  return (
    <Modal opened={Boolean(providerKey)} onClose={close} title="Rename your key" centered>
      <form
        noValidate
        onSubmit={form.onSubmit(({ label }) => {
          if (!providerKey) return;
          update.mutate(
            { id: providerKey.id, label: label.trim() },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', message: `Renamed to “${label.trim()}”.` });
                close();
              },
              onError: (error) => applyApiError(form, error),
            },
          );
        })}
      >
        <Stack gap="sm">
          <TextInput
            label="Label"
            required
            data-autofocus
            {...form.getInputProps('label')}
            data-path="label"
          />
          {update.isError && !Object.keys(form.errors).length && <ErrorAlert error={update.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ProviderKeyCard({ providerKey, onRename }: { providerKey: ProviderKey; onRename: () => void }) {
  const verify = useVerifyProviderKey();
  const update = useUpdateProviderKey();
  const remove = useDeleteProviderKey();
  const name = providerName(providerKey.provider);
  const fail = (title: string) => (error: unknown) =>
    notifications.show({ color: 'red', title, message: errorMessage(error) });

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: `Delete your ${name} key?`,
      children: (
        <Text size="sm">
          Your requests go back to the platform's key, and count against your quota and credits again.
        </Text>
      ),
      labels: { confirm: 'Delete key', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(providerKey.id, {
          onSuccess: () => notifications.show({ color: 'green', message: `Deleted your ${name} key.` }),
          onError: fail('Could not delete the key'),
        }),
    });

  return (
    <Card
      withBorder
      component="article"
      aria-label={`${name} key ${providerKey.label}`}
      data-testid="provider-key"
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={0}>
            <Text fw={600}>{providerKey.label}</Text>
            <Text size="sm" c="dimmed">
              {name} · ends in {providerKey.key_hint.replace(/^…/, '')}
            </Text>
          </Stack>
          <Badge color={STATUS_COLORS[providerKey.status] ?? 'gray'} variant="light">
            {providerKey.status}
          </Badge>
        </Group>
        {providerKey.status_reason && (
          <Text size="sm" c={providerKey.status === 'invalid' ? 'red' : 'dimmed'}>
            {providerKey.status_reason}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          Verified {providerKey.verified_at ? formatDateTime(providerKey.verified_at) : 'never'} · last used{' '}
          {providerKey.last_used_at ? formatDateTime(providerKey.last_used_at) : 'never'}
        </Text>
        <Switch
          label="Use the platform's key if the provider rejects mine"
          checked={providerKey.fallback_to_system}
          disabled={update.isPending}
          onChange={(event) => {
            const fallback = event.currentTarget.checked;
            update.mutate(
              { id: providerKey.id, fallback_to_system: fallback },
              {
                onSuccess: () =>
                  notifications.show({
                    color: 'green',
                    message: fallback
                      ? "If the provider rejects your key, the platform's key answers instead."
                      : 'Requests now fail if the provider rejects your key.',
                  }),
                onError: fail('Could not change the setting'),
              },
            );
          }}
        />
        <Group gap="xs" wrap="wrap">
          <Button
            size="compact-sm"
            variant="light"
            loading={verify.isPending}
            onClick={() =>
              verify.mutate(providerKey.id, {
                onSuccess: () =>
                  notifications.show({ color: 'green', message: `${name} accepted your key.` }),
                onError: fail('The key did not pass'),
              })
            }
            aria-label={`Verify ${providerKey.label} again`}
          >
            Verify again
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            onClick={onRename}
            aria-label={`Rename ${providerKey.label}`}
          >
            Rename
          </Button>
          <Button
            size="compact-sm"
            variant="light"
            color="red"
            loading={remove.isPending}
            onClick={confirmDelete}
            aria-label={`Delete ${providerKey.label}`}
          >
            Delete
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The user's own provider key ("Add API Key > Together AI"), when the server allows it. */
export function ProviderKeysSection() {
  const keys = useProviderKeys();
  // Off from the start when the list says so (and at once when an add is refused meanwhile).
  const markOff = useMarkUserKeysOff();
  const [renaming, setRenaming] = useState<ProviderKey | null>(null);
  const disabled = keys.data?.user_keys_allowed === false;
  const live = keys.data?.data ?? [];

  return (
    <Stack gap="sm" component="section" aria-labelledby="provider-keys-title">
      <Stack gap={2}>
        <Title order={3} size="h4" id="provider-keys-title">
          Your own provider key
        </Title>
        <Text size="sm" c="dimmed">
          With your own Together AI key, your requests are sent with it: they use none of your quota or
          credits (rate limits still apply), and any charge is 10% lower.
        </Text>
      </Stack>
      {keys.isError && <ErrorAlert error={keys.error} onRetry={() => void keys.refetch()} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder>
          <Stack gap="sm">
            <Title order={4} size="h5">
              {live.length ? 'Replace API Key' : 'Add API Key'}
            </Title>
            {keys.isPending ? (
              <Skeleton height={120} radius="md" />
            ) : disabled ? (
              <Alert color="blue" icon={<IconInfoCircle aria-hidden />} title="Not available on this server">
                Using your own provider key is switched off here (the allow_user_keys setting). Your requests
                use the platform's key and count against your quota and credits. Ask an administrator if you
                need it.
              </Alert>
            ) : (
              <ProviderKeyForm replacing={live.length > 0} onDisabled={markOff} />
            )}
          </Stack>
        </Card>
        <Stack gap="sm">
          {keys.isPending ? (
            <Skeleton height={160} radius="md" />
          ) : live.length ? (
            live.map((key) => (
              <ProviderKeyCard key={key.id} providerKey={key} onRename={() => setRenaming(key)} />
            ))
          ) : (
            <Text size="sm" c="dimmed">
              You have no provider key: your requests use the platform's key.
            </Text>
          )}
        </Stack>
      </SimpleGrid>
      <RenameModal key={renaming?.id ?? 'none'} providerKey={renaming} onClose={() => setRenaming(null)} />
    </Stack>
  );
}
