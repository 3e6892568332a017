import {
  ActionIcon,
  Anchor,
  Box,
  Code,
  Group,
  LoadingOverlay,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { Fragment, useState } from 'react';
import { formatDateTime } from '@/lib/format';
import { summarizeChange } from '../diff';
import type { AuditEntry } from '../queries';
import type { AuditSearch } from '../schema';
import { ChangeDiff } from './change-diff';

const PAGE_SIZES = ['10', '25', '50', '100'];
const COLUMNS = 5;

function Target({ entry }: { entry: AuditEntry }) {
  if (!entry.target_id) return <Text size="sm">{entry.target_type}</Text>;
  return (
    <Stack gap={0}>
      <Text size="sm">{entry.target_type}</Text>
      {entry.target_type === 'user' ? (
        <Anchor
          size="xs"
          ff="monospace"
          renderRoot={(props) => (
            <Link {...props} to="/admin/users/$userId" params={{ userId: entry.target_id! }} />
          )}
        >
          {entry.target_id}
        </Anchor>
      ) : (
        <Text size="xs" ff="monospace" c="dimmed" style={{ wordBreak: 'break-all' }}>
          {entry.target_id}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The audit entries of one page, newest first; each row opens to show its before and after.
 * (The shared DataTable has no expandable rows, so this table draws its own, with the same paging.)
 */
export function AuditTable({
  entries,
  loading,
  page,
  pageSize,
  total,
  onFilter,
  onPageChange,
  onPageSizeChange,
  empty = 'No administrative change matches these filters.',
}: {
  entries: AuditEntry[];
  loading: boolean;
  page: number;
  pageSize: number;
  total: number;
  onFilter: (changes: Partial<AuditSearch>) => void;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  /** What an empty page says. */
  empty?: string;
}) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <Box pos="relative">
      <LoadingOverlay
        visible={loading}
        overlayProps={{ blur: 1 }}
        loaderProps={{ 'aria-label': 'Loading' }}
      />
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="xs" highlightOnHover aria-busy={loading ? true : undefined}>
          <Table.Caption className="sr-only">Audit log entries, newest first</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={44}>
                <span className="sr-only">Details</span>
              </Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>Actor</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Target</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => {
              const id = String(entry.id);
              const expanded = open.has(id);
              const detailsId = `audit-entry-${id}`;
              return (
                <Fragment key={id}>
                  <Table.Tr bg={expanded ? 'var(--mantine-color-gray-0)' : undefined}>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        onClick={() => toggle(id)}
                        aria-expanded={expanded}
                        aria-controls={expanded ? detailsId : undefined}
                        aria-label={`${expanded ? 'Hide' : 'Show'} the changes of ${entry.action} at ${formatDateTime(entry.occurred_at)}`}
                      >
                        {expanded ? (
                          <IconChevronDown size={16} aria-hidden />
                        ) : (
                          <IconChevronRight size={16} aria-hidden />
                        )}
                      </ActionIcon>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatDateTime(entry.occurred_at)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {entry.actor_id ? (
                        <Stack gap={0}>
                          <Anchor
                            component="button"
                            type="button"
                            size="sm"
                            ta="left"
                            onClick={() => onFilter({ actor_id: entry.actor_id ?? undefined })}
                            title="Show only this actor's changes"
                          >
                            {entry.actor_email}
                          </Anchor>
                          <Text size="xs" ff="monospace" c="dimmed">
                            {entry.actor_id}
                          </Text>
                        </Stack>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {entry.actor_email}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={0}>
                        <Code>{entry.action}</Code>
                        <Text size="xs" c="dimmed">
                          {summarizeChange(entry.before, entry.after)}
                        </Text>
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Target entry={entry} />
                    </Table.Td>
                  </Table.Tr>
                  {expanded && (
                    <Table.Tr id={detailsId}>
                      <Table.Td colSpan={COLUMNS} bg="var(--mantine-color-gray-0)">
                        <ChangeDiff entry={entry} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
            {!loading && entries.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={COLUMNS}>
                  <Text c="dimmed" ta="center" py="md">
                    {empty}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" mt="sm" wrap="wrap">
        <Text size="sm" c="dimmed">
          {total.toLocaleString()} in all · page {page} of {pages.toLocaleString()}
        </Text>
        <Group gap="sm">
          <Select
            aria-label="Rows per page"
            data={PAGE_SIZES}
            value={String(pageSize)}
            onChange={(value) => value && onPageSizeChange(Number(value))}
            w={90}
            size="xs"
            allowDeselect={false}
          />
          <Pagination
            total={pages}
            value={page}
            onChange={onPageChange}
            size="sm"
            getControlProps={(control) => ({
              'aria-label':
                control === 'previous' ? 'Previous page' : control === 'next' ? 'Next page' : control,
            })}
          />
        </Group>
      </Group>
    </Box>
  );
}
