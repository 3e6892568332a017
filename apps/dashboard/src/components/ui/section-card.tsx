import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A bordered section of a page: its title and description with an action beside them, then the
 * content (dialogs it opens can go last: they render in a portal).
 */
export function SectionCard({
  title,
  description,
  action,
  children,
}: {
  title: string;
  description: ReactNode;
  action: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card withBorder p="lg">
      <Stack>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Title order={3} size="h4">
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          </Stack>
          {action}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}
