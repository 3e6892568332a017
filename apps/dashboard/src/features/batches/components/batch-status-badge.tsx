import { Badge, Loader } from '@mantine/core';
import { isFinal, STATUS_COLORS, STATUS_LABELS, type BatchStatus } from '../status';

/** A batch's state in words and color; a small spinner while it is still moving. */
export function BatchStatusBadge({ status }: { status: BatchStatus }) {
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="light"
      w="max-content"
      leftSection={
        isFinal(status) ? undefined : <Loader size={10} color={STATUS_COLORS[status]} aria-hidden />
      }
    >
      {STATUS_LABELS[status]}
    </Badge>
  );
}
