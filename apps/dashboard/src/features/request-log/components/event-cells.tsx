import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { components } from '@/api/schema';

export type UsageEvent = components['schemas']['UsageEventDto'];

/** The model-source indicators of one request: Fallback (with its strategy), Cached, and whose key served it. */
export function EventIndicators({ event }: { event: UsageEvent }) {
  return (
    <Group gap={4} wrap="wrap" miw={96}>
      {event.is_fallback && (
        <Tooltip label={event.fallback_strategy ?? 'Fallback'} disabled={!event.fallback_strategy}>
          <Badge color="orange" variant="light" size="sm" tt="none">
            Fallback
          </Badge>
        </Tooltip>
      )}
      {event.cached && (
        <Badge color="teal" variant="light" size="sm" tt="none">
          Cached
        </Badge>
      )}
      {event.key_source === 'user' ? (
        <Badge color="grape" variant="light" size="sm" tt="none">
          Your key
        </Badge>
      ) : (
        <Badge color="gray" variant="light" size="sm" tt="none">
          System key
        </Badge>
      )}
    </Group>
  );
}

/** The model the caller named, and the one that answered when it differs. */
export function EventModels({ event }: { event: UsageEvent }) {
  const requested = event.requested_model;
  const served = event.served_model;
  return (
    <Stack gap={0} maw={300}>
      {requested && served && requested !== served ? (
        <>
          <Text size="xs" ff="monospace" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {requested}
          </Text>
          <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
            <IconArrowRight size={12} aria-label="served by" style={{ verticalAlign: 'middle' }} /> {served}
          </Text>
        </>
      ) : (
        <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {served ?? requested ?? '—'}
        </Text>
      )}
      {event.provider && (
        <Text size="xs" c="dimmed">
          {event.provider}
        </Text>
      )}
    </Stack>
  );
}

export function EventStatus({ event }: { event: UsageEvent }) {
  const ok = event.status < 400;
  return (
    <Stack gap={0}>
      <Badge color={ok ? 'green' : 'red'} variant="light" size="sm" tt="none">
        {event.status}
      </Badge>
      {event.error_code && (
        <Text size="xs" c="red.8" style={{ wordBreak: 'break-all' }}>
          {event.error_code}
        </Text>
      )}
    </Stack>
  );
}
