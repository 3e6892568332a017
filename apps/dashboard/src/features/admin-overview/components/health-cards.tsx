import { Badge, Card, Group, SimpleGrid, Stack, Text, type MantineColor } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconCpu } from '@tabler/icons-react';
import { formatMs } from '@/lib/format';
import type { Overview, ServiceHealth } from '../queries';

const LOOK: Record<ServiceHealth['status'], { color: MantineColor; label: string; icon: typeof IconCpu }> = {
  up: { color: 'green', label: 'Up', icon: IconCircleCheck },
  down: { color: 'red', label: 'Down', icon: IconCircleX },
  in_process: { color: 'blue', label: 'In process', icon: IconCpu },
};

const SERVICES: Array<{ key: keyof Overview['health']; name: string; inProcess: string }> = [
  { key: 'database', name: 'Database', inProcess: 'Embedded PostgreSQL in the api process.' },
  { key: 'redis', name: 'Redis', inProcess: 'Embedded mode: an in-process stand-in, nothing to reach.' },
  { key: 'upstream', name: 'Upstream', inProcess: 'The primary provider.' },
];

function HealthCard({ name, health, inProcess }: { name: string; health: ServiceHealth; inProcess: string }) {
  const look = LOOK[health.status] ?? { color: 'gray', label: health.status, icon: IconCpu };
  const Icon = look.icon;
  return (
    <Card withBorder padding="md">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>{name}</Text>
          <Badge color={look.color} variant="light" leftSection={<Icon size={14} aria-hidden />}>
            {look.label}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {health.latency_ms === null ? 'No check ran' : `Answered in ${formatMs(health.latency_ms)}`}
        </Text>
        {health.status === 'down' && health.message && (
          <Text size="sm" c="red.8">
            {health.message}
          </Text>
        )}
        {health.status === 'in_process' && (
          <Text size="xs" c="dimmed">
            {inProcess}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** Database, Redis and the upstream: up, down (with why) or in process, and how long the check took. */
export function HealthCards({ health }: { health: Overview['health'] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      {SERVICES.map((service) => (
        <HealthCard
          key={service.key}
          name={service.name}
          health={health[service.key]}
          inProcess={service.inProcess}
        />
      ))}
    </SimpleGrid>
  );
}
