import { Badge, Code, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { diffChange, formatValue, type ChangeKind } from '../diff';
import type { AuditEntry } from '../queries';

const KIND_COLORS: Record<ChangeKind, string> = {
  changed: 'yellow',
  added: 'green',
  removed: 'red',
  unchanged: 'gray',
};

const json = (value: unknown) =>
  value === null || value === undefined ? 'null' : JSON.stringify(value, null, 2);

/** An entry's before and after: a field-by-field table of what changed, then both summaries side by side. */
export function ChangeDiff({ entry }: { entry: AuditEntry }) {
  const rows = diffChange(entry.before, entry.after);
  return (
    <Stack gap="sm" py="xs">
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={420}>
          <Table withTableBorder verticalSpacing={4} fz="sm">
            <Table.Caption className="sr-only">Fields changed by {entry.action}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Field</Table.Th>
                <Table.Th>Before</Table.Th>
                <Table.Th>After</Table.Th>
                <Table.Th>
                  <span className="sr-only">Change</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.path} c={row.kind === 'unchanged' ? 'dimmed' : undefined}>
                  <Table.Td>
                    <Code>{row.path}</Code>
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>
                    {formatValue(row.before, row.inBefore)}
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>
                    {formatValue(row.after, row.inAfter)}
                  </Table.Td>
                  <Table.Td>
                    <Badge size="xs" variant="light" color={KIND_COLORS[row.kind]}>
                      {row.kind}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap={4}>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed">
            Before
          </Text>
          <Code
            block
            role="group"
            tabIndex={0}
            aria-label="Before (JSON)"
            style={{ maxHeight: 320, overflow: 'auto' }}
          >
            {json(entry.before)}
          </Code>
        </Stack>
        <Stack gap={4}>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed">
            After
          </Text>
          <Code
            block
            role="group"
            tabIndex={0}
            aria-label="After (JSON)"
            style={{ maxHeight: 320, overflow: 'auto' }}
          >
            {json(entry.after)}
          </Code>
        </Stack>
      </SimpleGrid>
      {entry.request_id && (
        <Text size="xs" c="dimmed">
          Request id: {entry.request_id}
        </Text>
      )}
    </Stack>
  );
}
