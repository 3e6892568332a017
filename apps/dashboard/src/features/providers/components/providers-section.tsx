import { Button, Code, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconPlus } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { errorMessage } from '@/api/errors';
import { notify } from '@/components/ui/notify';
import { QueryTable } from '@/components/ui/query-table';
import { SectionCard } from '@/components/ui/section-card';
import { formatDateTime } from '@/lib/format';
import { useDeleteProvider, type Provider } from '../queries';
import { AddProviderModal } from './add-provider-modal';
import type { UseQueryResult } from '@tanstack/react-query';

const column = createColumnHelper<Provider>();

function DeleteProviderButton({ provider }: { provider: Provider }) {
  const remove = useDeleteProvider();
  const confirm = () =>
    modals.openConfirmModal({
      closeButtonProps: { 'aria-label': 'Close' },
      title: `Delete ${provider.display_name}?`,
      children: (
        <Text size="sm">
          Fallbacks that name <Code>{provider.id}</Code> stop using it, and its system key stops serving.
          Model routes that still name it will show a warning on the Models page.
        </Text>
      ),
      labels: { confirm: 'Delete', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(provider.id, {
          onSuccess: () => notify({ color: 'green', message: `${provider.display_name} was deleted.` }),
          onError: (error) =>
            notify({
              color: 'red',
              message: (
                <>
                  <strong>The provider was not deleted.</strong> {errorMessage(error)}
                </>
              ),
            }),
        }),
    });
  return (
    <Button
      size="compact-sm"
      variant="subtle"
      color="red"
      loading={remove.isPending}
      onClick={confirm}
      aria-label={`Delete ${provider.display_name}`}
    >
      Delete
    </Button>
  );
}

const columns = [
  column.accessor('id', { header: 'Id', cell: (info) => <Code>{info.getValue()}</Code> }),
  column.accessor('display_name', { header: 'Name' }),
  column.accessor('base_url', {
    header: 'Base URL',
    cell: (info) => (
      <Text size="sm" style={{ wordBreak: 'break-all' }}>
        {info.getValue()}
      </Text>
    ),
  }),
  column.accessor('created_at', { header: 'Added', cell: (info) => formatDateTime(info.getValue()) }),
  column.display({
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    cell: (info) => <DeleteProviderButton provider={info.row.original} />,
  }),
];

/** Providers for DIFFERENT_PROVIDER fallbacks: OpenAI-compatible APIs an admin added. */
export function ProvidersSection({ providers }: { providers: UseQueryResult<{ data: Provider[] }> }) {
  const [adding, { open, close }] = useDisclosure(false);
  return (
    <SectionCard
      title="Fallback providers"
      description={
        <>
          OpenAI-compatible providers for <Code>DIFFERENT_PROVIDER</Code> fallbacks: name them in a
          route&apos;s fallbacks on the Models page.
        </>
      }
      action={
        <Button leftSection={<IconPlus size={16} aria-hidden />} variant="light" onClick={open}>
          Add provider
        </Button>
      }
    >
      <QueryTable
        query={providers}
        caption="Fallback providers"
        columns={columns}
        empty="No fallback providers yet."
      />
      <AddProviderModal opened={adding} onClose={close} />
    </SectionCard>
  );
}
