import { Card, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A figure with its name and an optional detail line ("1.2% of requests"). */
export function StatCard({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      {/* A long figure (a cost to eight decimals in a narrow card) wraps rather than being cut off. */}
      <Text fz={26} fw={700} lh={1.3} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Card>
  );
}
