import { Badge, Card, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { formatDateTime } from '@/lib/format';
import type { OpenBreaker } from '../queries';

/** Circuit breakers that are not closed (open: skipped; half open: the next call probes it). */
export function BreakersCard({ breakers }: { breakers: OpenBreaker[] }) {
  return (
    <Card withBorder p="lg">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            Circuit breakers
          </Title>
          <Badge color={breakers.length ? 'red' : 'green'} variant="light">
            {breakers.length ? `${breakers.length} not closed` : 'All closed'}
          </Badge>
        </Group>
        {breakers.length === 0 ? (
          <Group gap="xs" wrap="nowrap">
            <IconCircleCheck size={18} color="var(--mantine-color-green-7)" aria-hidden />
            <Text size="sm">Every provider and model is being served; no breaker is open.</Text>
          </Group>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table>
              <Table.Caption className="sr-only">Open circuit breakers</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Provider</Table.Th>
                  <Table.Th>Model</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th>Opened</Table.Th>
                  <Table.Th>Next probe</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {breakers.map((breaker) => (
                  <Table.Tr key={`${breaker.provider}/${breaker.model}`}>
                    <Table.Td>{breaker.provider}</Table.Td>
                    <Table.Td>
                      <Code>{breaker.model}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={breaker.state === 'open' ? 'red' : 'yellow'} variant="light">
                        {breaker.state === 'open' ? 'open' : 'half open'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatDateTime(breaker.opened_at)}</Table.Td>
                    <Table.Td>{formatDateTime(breaker.retry_at)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
