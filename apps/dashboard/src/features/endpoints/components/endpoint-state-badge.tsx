import { Badge, Loader } from '@mantine/core';
import { isTransitional, STATE_COLORS, STATE_LABELS } from '../state';
import type { EndpointState } from '../types';

/** An endpoint's state in words and color; a small spinner while it changes by itself. */
export function EndpointStateBadge({ state }: { state: EndpointState }) {
  return (
    <Badge
      color={STATE_COLORS[state] ?? 'gray'}
      variant="light"
      w="max-content"
      leftSection={
        isTransitional(state) ? <Loader size={10} color={STATE_COLORS[state]} aria-hidden /> : undefined
      }
    >
      {STATE_LABELS[state] ?? state}
    </Badge>
  );
}
