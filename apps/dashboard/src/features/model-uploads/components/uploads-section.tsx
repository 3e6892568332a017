import { Badge, Button, Code, Loader, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUpload } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { QueryTable } from '@/components/ui/query-table';
import { SectionCard } from '@/components/ui/section-card';
import { formatDateTime } from '@/lib/format';
import { useModelUploads } from '../queries';
import { isUploadRunning, UPLOAD_COLORS } from '../schema';
import type { ModelUpload } from '../types';
import { UploadModelModal } from './upload-model-modal';

const column = createColumnHelper<ModelUpload>();

const columns = [
  column.accessor('model_name', {
    header: 'Model',
    cell: (info) => (
      <Stack gap={2}>
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {info.getValue()}
        </Text>
        {info.row.original.job_id && (
          <Code style={{ overflowWrap: 'anywhere' }}>{info.row.original.job_id}</Code>
        )}
      </Stack>
    ),
  }),
  column.accessor('model_type', {
    header: 'Type',
    cell: (info) =>
      info.getValue() === 'adapter' ? (
        <Stack gap={2}>
          <Text size="sm">Adapter</Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {`on ${info.row.original.base_model ?? 'an unknown base'}`}
          </Text>
        </Stack>
      ) : (
        'Model'
      ),
  }),
  column.accessor('model_source', {
    header: 'Source',
    cell: (info) => (
      <Text size="sm" style={{ overflowWrap: 'anywhere' }} miw={180} maw={280}>
        {info.getValue()}
      </Text>
    ),
  }),
  column.accessor('status', {
    header: 'Status',
    cell: (info) => (
      <Stack gap={2} align="flex-start">
        <Badge
          color={UPLOAD_COLORS[info.getValue()] ?? 'gray'}
          variant="light"
          w="max-content"
          leftSection={
            isUploadRunning(info.getValue()) ? <Loader size={10} color="blue" aria-hidden /> : undefined
          }
        >
          {info.getValue()}
        </Badge>
        {info.row.original.error && (
          <Text size="xs" c="red.8" maw={240}>
            {info.row.original.error}
          </Text>
        )}
      </Stack>
    ),
  }),
  column.accessor('created_at', { header: 'Started', cell: (info) => formatDateTime(info.getValue()) }),
  column.accessor('updated_at', { header: 'Updated', cell: (info) => formatDateTime(info.getValue()) }),
];

/** Model and adapter uploads: every job with its status, followed while it runs; start a new one. */
export function UploadsSection() {
  const uploads = useModelUploads();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <SectionCard
      title="Model uploads"
      description="Fine-tuned models and LoRA adapters brought to the provider. A completed upload can be served by a dedicated endpoint."
      action={
        <Button leftSection={<IconUpload size={16} aria-hidden />} onClick={open}>
          Upload model
        </Button>
      }
    >
      <QueryTable
        query={uploads}
        caption="Model uploads"
        columns={columns}
        empty="No uploads yet: upload a fine-tuned model or an adapter to serve it."
      />
      <UploadModelModal opened={opened} onClose={close} />
    </SectionCard>
  );
}
