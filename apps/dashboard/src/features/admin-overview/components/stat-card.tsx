import { Card, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** Figures longer than this many characters are set to fit the card's width. */
const LONG_FIGURE = 7;

/** A figure with its name and an optional detail line ("1.2% of requests"). */
export function StatCard({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <Card withBorder padding="md" style={{ containerType: 'inline-size' }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      {/*
        A long figure (a cost to eight decimals in a narrow card) is set smaller, to fit the card's
        width, and wraps rather than being cut off where even that is too wide.
      */}
      <Text
        fz={typeof value === 'string' && value.length > LONG_FIGURE ? 'min(26px, 14cqi)' : 26}
        fw={700}
        lh={1.3}
        style={{ overflowWrap: 'anywhere' }}
      >
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
