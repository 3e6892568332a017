import { Box, Group, LoadingOverlay, Pagination, Select, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';

export interface ServerPaging {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
}

export interface ServerSorting {
  sortBy?: string;
  sortDir?: 'asc' | 'desc';
  onSortChange: (sortBy: string, sortDir: 'asc' | 'desc') => void;
}

const PAGE_SIZES = ['10', '25', '50', '100'];

/**
 * A table over one page of server data (TanStack Table, manual paging and sorting): the server
 * pages and sorts, the URL holds page and sort, and the previous page stays visible while the
 * next loads. `caption` names the table for screen readers.
 */
export function DataTable<T>({
  caption,
  columns,
  data,
  loading,
  paging,
  sorting,
  getRowId,
  empty = 'Nothing to show',
}: {
  caption: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of different value types
  columns: ColumnDef<T, any>[];
  data: T[];
  loading?: boolean;
  paging?: ServerPaging;
  sorting?: ServerSorting;
  getRowId?: (row: T) => string;
  empty?: string;
}) {
  const sortingState: SortingState = sorting?.sortBy
    ? [{ id: sorting.sortBy, desc: sorting.sortDir === 'desc' }]
    : [];
  const table = useReactTable({
    data,
    columns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    enableSorting: Boolean(sorting),
    state: { sorting: sortingState },
  });
  const pages = paging ? Math.max(1, Math.ceil(paging.total / paging.pageSize)) : 1;

  return (
    <Box pos="relative">
      <LoadingOverlay
        visible={Boolean(loading)}
        overlayProps={{ blur: 1 }}
        loaderProps={{ 'aria-label': 'Loading' }}
      />
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover verticalSpacing="xs" aria-busy={loading ? true : undefined}>
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }} className="sr-only">
            {caption}
          </Table.Caption>
          <Table.Thead>
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id}>
                {group.headers.map((header) => {
                  const canSort = sorting && header.column.getCanSort();
                  const sorted = header.column.getIsSorted();
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <Table.Th
                      key={header.id}
                      aria-sort={sorted ? (sorted === 'desc' ? 'descending' : 'ascending') : undefined}
                    >
                      {canSort ? (
                        <UnstyledButton
                          onClick={() =>
                            sorting.onSortChange(header.column.id, sorted === 'asc' ? 'desc' : 'asc')
                          }
                        >
                          <Group gap={4} wrap="nowrap">
                            <Text fw={700} size="sm">
                              {label}
                            </Text>
                            {sorted === 'asc' ? (
                              <IconArrowUp size={14} aria-hidden />
                            ) : sorted === 'desc' ? (
                              <IconArrowDown size={14} aria-hidden />
                            ) : (
                              <IconArrowsSort size={14} aria-hidden opacity={0.4} />
                            )}
                          </Group>
                        </UnstyledButton>
                      ) : (
                        label
                      )}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {table.getRowModel().rows.map((row) => (
              <Table.Tr key={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <Table.Td key={cell.id}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
            {!loading && data.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Text c="dimmed" ta="center" py="md">
                    {empty}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {paging && (
        <Group justify="space-between" mt="sm" wrap="wrap">
          <Text size="sm" c="dimmed">
            {paging.total.toLocaleString()} in all · page {paging.page} of {pages.toLocaleString()}
          </Text>
          <Group gap="sm">
            {paging.onPageSizeChange && (
              <Select
                aria-label="Rows per page"
                data={PAGE_SIZES}
                value={String(paging.pageSize)}
                onChange={(value) => value && paging.onPageSizeChange?.(Number(value))}
                w={90}
                size="xs"
                allowDeselect={false}
              />
            )}
            <Pagination
              total={pages}
              value={paging.page}
              onChange={paging.onPageChange}
              size="sm"
              getControlProps={(control) => ({
                'aria-label':
                  control === 'previous' ? 'Previous page' : control === 'next' ? 'Next page' : control,
              })}
            />
          </Group>
        </Group>
      )}
    </Box>
  );
}
