import { Badge, Group, Stack, Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import type { components } from '@/api/schema';
import { MODALITY_LABELS, type Modality } from '@/lib/domain';
import { formatInt, formatUsd } from '@/lib/format';

type CatalogModel = components['schemas']['CatalogModelDto'];

/** A token price; the catalog has none (0) for models priced per image, character or minute. */
const price = (value: number) => (value > 0 ? formatUsd(value) : '—');

const column = createColumnHelper<CatalogModel>();
export const modelColumns = [
  column.accessor('name', {
    header: 'Model',
    cell: ({ row }) => (
      <Stack gap={0}>
        <Text size="sm" fw={500}>
          {row.original.name || row.original.id}
        </Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {row.original.id}
        </Text>
      </Stack>
    ),
  }),
  column.accessor('modalities', {
    header: 'Modalities',
    cell: (info) => (
      <Group gap={4}>
        {info.getValue().map((modality) => (
          <Badge key={modality} variant="light" color="gray" size="sm" style={{ minWidth: 'max-content' }}>
            {MODALITY_LABELS[modality as Modality] ?? modality}
          </Badge>
        ))}
      </Group>
    ),
  }),
  column.accessor('context_length', {
    header: 'Context length',
    cell: (info) => (info.getValue() ? `${formatInt(info.getValue())} tokens` : '—'),
  }),
  column.accessor((row) => row.pricing.input_per_million, {
    id: 'input',
    header: 'Input / 1M tokens',
    cell: (info) => price(info.getValue()),
  }),
  column.accessor((row) => row.pricing.output_per_million, {
    id: 'output',
    header: 'Output / 1M tokens',
    cell: (info) => price(info.getValue()),
  }),
  column.display({
    id: 'source',
    header: 'Source',
    cell: ({ row }) => {
      const indicator = row.original.indicator;
      if (!indicator) return <Text size="sm">—</Text>;
      return (
        <Group gap={4}>
          <Badge variant="light" color="blue" size="sm">
            {indicator.display_name}
          </Badge>
          {indicator.is_free_tier && (
            <Badge variant="light" color="teal" size="sm">
              Free Tier
            </Badge>
          )}
          {!indicator.is_fallback && (
            <Badge variant="light" color="indigo" size="sm">
              Primary
            </Badge>
          )}
        </Group>
      );
    },
  }),
];
