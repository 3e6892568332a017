import { Button, Code, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDownload } from '@tabler/icons-react';
import { errorMessage } from '@/api/errors';
import { notify } from '@/components/ui/notify';
import { useCancelBatch, useDownloadBatchFile } from '../queries';
import { isCancellable, type Batch } from '../status';

const failed = (what: string) => (error: unknown) =>
  notify({
    color: 'red',
    message: (
      <>
        <strong>{what}</strong> {errorMessage(error)}
      </>
    ),
  });

/** A batch's row actions: cancel (confirmed) while it runs; its output and error files once there. */
export function BatchActions({ batch }: { batch: Batch }) {
  const cancel = useCancelBatch();
  const download = useDownloadBatchFile();
  const confirmCancel = () =>
    modals.openConfirmModal({
      closeButtonProps: { 'aria-label': 'Close' },
      title: 'Cancel this batch?',
      children: (
        <Text size="sm">
          <Code>{batch.id}</Code> stops as soon as the provider confirms. Lines already answered are kept and
          charged; the others are not run.
        </Text>
      ),
      labels: { confirm: 'Cancel batch', cancel: 'Keep running' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        cancel.mutate(batch.id, {
          onSuccess: () => notify({ color: 'green', message: `Batch ${batch.id} is being cancelled.` }),
          onError: failed('The batch was not cancelled.'),
        }),
    });
  const save = (id: string, suffix: string) =>
    download.mutate(
      { id, filename: `${batch.id}-${suffix}.jsonl` },
      { onError: failed('The download failed.') },
    );

  return (
    <Group gap="xs" wrap="nowrap">
      {batch.output_file_id && (
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconDownload size={14} aria-hidden />}
          loading={download.isPending && download.variables?.id === batch.output_file_id}
          onClick={() => save(batch.output_file_id!, 'output')}
          aria-label={`Download the output of ${batch.id}`}
        >
          Output
        </Button>
      )}
      {batch.error_file_id && (
        <Button
          size="compact-sm"
          variant="light"
          color="orange"
          leftSection={<IconDownload size={14} aria-hidden />}
          loading={download.isPending && download.variables?.id === batch.error_file_id}
          onClick={() => save(batch.error_file_id!, 'errors')}
          aria-label={`Download the errors of ${batch.id}`}
        >
          Errors
        </Button>
      )}
      {isCancellable(batch.status) && (
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          loading={cancel.isPending}
          onClick={confirmCancel}
          aria-label={`Cancel ${batch.id}`}
        >
          Cancel
        </Button>
      )}
    </Group>
  );
}
