import { Card, Progress, Stack, Text, Title } from '@mantine/core';
import type { FeatureMeters } from '../quota-meters';

/** One feature's bars for today: requests, and tokens or minutes where they apply. */
export function FeatureQuotaCard({ feature }: { feature: FeatureMeters }) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={`quota-${feature.feature}`}>
      <Stack gap="sm">
        <Title order={3} size="h5" id={`quota-${feature.feature}`}>
          {feature.title}
        </Title>
        {feature.meters.map((meter) => (
          <Stack gap={4} key={meter.metric} data-testid={`quota-${feature.feature}-${meter.metric}`}>
            <Text size="sm">{meter.label}</Text>
            {meter.percent === null ? (
              <Text size="xs" c="dimmed">
                No daily limit on {meter.metric}
              </Text>
            ) : (
              <Progress
                value={meter.percent}
                color={meter.color}
                size="md"
                aria-label={`${feature.title}: ${meter.label}`}
              />
            )}
          </Stack>
        ))}
        {feature.note && (
          <Text size="xs" c="dimmed">
            {feature.note}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
