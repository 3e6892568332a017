import { Progress, Stack, Text } from '@mantine/core';
import { batchProgress, type Batch } from '../status';

/** Completed (green) and failed (red) lines of a batch, as one bar with its words. */
export function BatchProgressBar({ batch }: { batch: Batch }) {
  const progress = batchProgress(batch.request_counts);
  return (
    <Stack gap={4} miw={160}>
      <Progress.Root size="md" aria-hidden>
        <Progress.Section value={progress.completedPercent} color="green" withAria={false} />
        <Progress.Section value={progress.failedPercent} color="red" withAria={false} />
      </Progress.Root>
      <Text size="xs" c="dimmed">
        {progress.label}
      </Text>
    </Stack>
  );
}
