import { Anchor, Button, Code, FileInput, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFileUpload } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { ErrorAlert } from '@/components/ui/error-alert';
import { notify } from '@/components/ui/notify';
import { applyApiError } from '@/lib/forms';
import { useCreateBatch } from '../queries';
import { batchFieldFor, newBatchSchema, type NewBatchValues } from '../schema';

const EXAMPLE_LINE = JSON.stringify({
  custom_id: 'req-1',
  method: 'POST',
  url: '/v1/chat/completions',
  body: { model: '<a chat model your tier may use>', messages: [{ role: 'user', content: 'Hello' }] },
});

/**
 * Upload a JSONL of chat requests and run it as a batch: the api checks every line first and
 * names the first bad one (shown on the file field).
 */
export function NewBatchForm({ onCreated }: { onCreated?: () => void }) {
  const form = useForm<NewBatchValues>({
    initialValues: { file: null },
    validate: zod4Resolver(newBatchSchema),
  });
  const create = useCreateBatch();
  const submit = ({ file }: NewBatchValues) => {
    if (!file) return;
    create.mutate(file, {
      onSuccess: (batch) => {
        notify({
          color: 'green',
          message: (
            <>
              <strong>Batch submitted.</strong>{' '}
              {`${batch.request_counts.total.toLocaleString('en-US')} requests to ${batch.model}; this page follows its progress.`}
            </>
          ),
        });
        form.reset();
        onCreated?.();
      },
      onError: (error) => applyApiError(form, error, batchFieldFor),
    });
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label="New batch">
      <Stack>
        <Text size="sm" c="dimmed">
          One chat request per line, all for the same model, each with a unique <Code>custom_id</Code>; at
          most 50,000 lines and 50 MB. For example:
        </Text>
        <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {EXAMPLE_LINE}
        </Code>
        <Group align="flex-start" wrap="wrap">
          <FileInput
            label="Input file (JSONL)"
            placeholder="Choose a .jsonl file"
            accept=".jsonl,.json,application/jsonl,application/x-ndjson"
            clearable
            required
            leftSection={<IconFileUpload size={16} aria-hidden />}
            miw={280}
            style={{ flex: 1 }}
            {...form.getInputProps('file')}
            aria-invalid={Boolean(form.errors.file) || undefined}
            clearButtonProps={{ 'aria-label': 'Clear the file' }}
            // The placeholder is text in a button here, not an input's placeholder: it must read at 4.5:1.
            styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
            data-path="file"
          />
        </Group>
        {create.isPending && (
          <Text size="sm" role="status">
            Uploading and checking every line…
          </Text>
        )}
        {create.isError && !Object.keys(form.errors).length && (
          <ErrorAlert error={create.error} title="The batch was not created" />
        )}
        <Group justify="space-between" wrap="wrap">
          <Text size="xs" c="dimmed">
            Batches cost half the serverless price and finish within 24 hours.{' '}
            <Anchor href="/docs" size="xs" target="_blank" rel="noreferrer" underline="always">
              API reference
            </Anchor>
          </Text>
          <Button type="submit" loading={create.isPending}>
            Upload and run batch
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
