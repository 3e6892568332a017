import { Alert, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatInt } from '@/lib/format';
import type { UsageQueue } from '../queries';

const COUNTS: Array<{ key: 'waiting' | 'active' | 'delayed' | 'failed'; label: string }> = [
  { key: 'waiting', label: 'Waiting' },
  { key: 'active', label: 'Active' },
  { key: 'delayed', label: 'Delayed' },
  { key: 'failed', label: 'Failed' },
];

/** The usage queue's depth: batches of usage events waiting for the worker. */
export function UsageQueueCard({ queue }: { queue: UsageQueue }) {
  return (
    <Card withBorder p="lg">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Usage queue
        </Title>
        {queue.mode === 'in_process' ? (
          <Text size="sm" c="dimmed">
            Embedded mode: usage events are written in process, so there is no queue.
          </Text>
        ) : !queue.available ? (
          <Alert color="red" role="alert" p="xs">
            Redis did not answer: the queue&apos;s depth is unknown.
          </Alert>
        ) : (
          <Text size="sm" c="dimmed">
            Batches of usage events for the worker.
          </Text>
        )}
        <SimpleGrid cols={2} spacing="xs">
          {COUNTS.map(({ key, label }) => (
            <Group key={key} gap={6} wrap="nowrap">
              <Text size="sm" c="dimmed">
                {label}
              </Text>
              <Text size="sm" fw={700} c={key === 'failed' && queue.failed > 0 ? 'red.8' : undefined}>
                {formatInt(queue[key])}
              </Text>
            </Group>
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
