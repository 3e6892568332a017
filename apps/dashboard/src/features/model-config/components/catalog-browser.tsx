import { Badge, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { DataTable } from '@/components/ui/data-table';
import { formatInt, formatUsd } from '@/lib/format';
import { catalogPage, type CatalogQuery, type CatalogSort } from '../catalog';
import { type CatalogModel } from '../schema';
import { MODALITIES, MODALITY_LABELS, type Modality } from '@/lib/domain';

const column = createColumnHelper<CatalogModel>();
const price = (value: number | undefined) => (value === undefined ? '—' : formatUsd(value));

const columns = [
  column.accessor('id', {
    id: 'id',
    header: 'Model',
    cell: ({ row: { original: m } }) => (
      <Stack gap={0}>
        <Text size="sm" fw={600}>
          {m.name}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {m.id}
        </Text>
        {m.organization && (
          <Text size="xs" c="dimmed">
            by {m.organization}
          </Text>
        )}
      </Stack>
    ),
  }),
  column.accessor('modalities', {
    header: 'Modalities',
    enableSorting: false,
    cell: (c) => (
      <Group gap={4}>
        {c.getValue().map((modality) => (
          <Badge key={modality} variant="light" size="sm">
            {MODALITY_LABELS[modality as Modality] ?? modality}
          </Badge>
        ))}
      </Group>
    ),
  }),
  column.accessor('context_length', {
    id: 'context_length',
    header: 'Context length',
    cell: (c) => (c.getValue() ? `${formatInt(c.getValue())} tokens` : '—'),
  }),
  column.accessor((m) => m.pricing.input_per_million, {
    id: 'input',
    header: 'Input per 1M tokens',
    cell: (c) => price(c.getValue()),
  }),
  column.accessor((m) => m.pricing.output_per_million, {
    id: 'output',
    header: 'Output per 1M tokens',
    cell: (c) => price(c.getValue()),
  }),
];

/** The catalog, filtered, sorted and paged on the client (it is bounded); filters live in the URL. */
export function CatalogBrowser({
  models,
  query,
  onQueryChange,
}: {
  models: CatalogModel[];
  query: CatalogQuery;
  onQueryChange: (change: Partial<CatalogQuery>) => void;
}) {
  const [search, setSearch] = useState(query.search ?? '');
  const pushSearch = useDebouncedCallback(
    (value: string) => onQueryChange({ search: value || undefined, page: 1 }),
    300,
  );
  const page = useMemo(() => catalogPage(models, query), [models, query]);

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        The whole catalog, every tier&apos;s models ({formatInt(models.length)}). Prices are the
        provider&apos;s, in USD.
      </Text>
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Modality"
          placeholder="All modalities"
          clearable
          data={MODALITIES.map((m) => ({ value: m, label: MODALITY_LABELS[m] }))}
          value={query.modality ?? null}
          onChange={(value) => onQueryChange({ modality: value ?? undefined, page: 1 })}
          w={220}
        />
        <TextInput
          label="Search"
          placeholder="Model id or name"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            pushSearch(event.currentTarget.value);
          }}
          style={{ flex: 1, minWidth: 220 }}
        />
      </Group>
      <DataTable
        caption="Model catalog"
        columns={columns}
        data={page.rows}
        getRowId={(row) => row.id}
        empty="No model matches these filters"
        sorting={{
          sortBy: query.sort,
          sortDir: query.dir,
          onSortChange: (sortBy, sortDir) =>
            onQueryChange({ sort: sortBy as CatalogSort, dir: sortDir, page: 1 }),
        }}
        paging={{
          page: page.page,
          pageSize: query.pageSize,
          total: page.total,
          onPageChange: (next) => onQueryChange({ page: next }),
          onPageSizeChange: (pageSize) => onQueryChange({ pageSize, page: 1 }),
        }}
      />
    </Stack>
  );
}
