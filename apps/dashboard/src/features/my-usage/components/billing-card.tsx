import { Card, Group, List, RingProgress, Stack, Text, Title } from '@mantine/core';
import { monthName, summarizeBilling, type Billing } from '../billing';

/** This month's credits (a ring and the same in words), own-key usage, and the charge with its reduction. */
export function BillingCard({ billing }: { billing: Billing }) {
  const summary = summarizeBilling(billing);
  return (
    <Card withBorder component="section" aria-labelledby="billing-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="billing-title">
          Billing for {monthName(billing.month)}
        </Title>
        <Group gap="lg" align="center" wrap="wrap">
          <RingProgress
            size={120}
            thickness={12}
            roundCaps={summary.usedPercent > 0}
            sections={[{ value: summary.usedPercent, color: summary.color }]}
            label={
              <Text ta="center" size="sm" fw={700}>
                {Math.round(summary.usedPercent)}%
                <Text component="span" display="block" size="xs" c="dimmed" fw={400}>
                  used
                </Text>
              </Text>
            }
            aria-hidden
          />
          <Stack gap={4} style={{ flex: 1, minWidth: 220 }}>
            <Text size="sm" fw={600}>
              Monthly credits ({billing.tier} tier)
            </Text>
            <Text size="sm" data-testid="billing-credits">
              {summary.credits}
            </Text>
            <Text size="xs" c="dimmed">
              Requests on the platform's keys consume credits at cost.
            </Text>
          </Stack>
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Your own key
          </Text>
          <Text size="sm">{summary.ownKey}</Text>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Charge
          </Text>
          <List size="sm" spacing={2} data-testid="billing-charge">
            {summary.charge.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </Stack>
      </Stack>
    </Card>
  );
}
