import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { formatUsd } from '@/lib/format';
import { formatInt } from '@/lib/format';
import { indicatorBadges } from '../indicators';
import type { AnswerUsage, ModelSourceIndicator } from '../schema';

/**
 * The specification's model-source indicators under an answer ("Together AI", "Free Tier", "Fallback",
 * "Cached", "Your key"), the model that answered, and the tokens and cost. Nothing at all when
 * the answer carries no indicator (the `together_ai_ui_indicators` flag is off).
 */
export function AnswerSource({
  indicator,
  usage,
  extra,
}: {
  indicator: ModelSourceIndicator | null | undefined;
  usage?: AnswerUsage | null;
  extra?: string;
}) {
  const badges = indicatorBadges(indicator);
  if (!indicator || !badges.length) return null;
  const details = [
    `Model: ${indicator.served_model}`,
    usage ? `${formatInt(usage.total_tokens)} tokens` : undefined,
    usage?.cost_usd !== undefined ? `cost ${formatUsd(usage.cost_usd)}` : undefined,
    extra,
  ].filter(Boolean);
  return (
    <Group
      gap={6}
      wrap="wrap"
      data-testid="answer-source"
      aria-label="Where this answer came from"
      role="group"
    >
      {badges.map((badge) => (
        <Tooltip
          key={badge.kind}
          label={badge.description}
          multiline
          w={280}
          withArrow
          events={{ hover: true, focus: true, touch: true }}
        >
          <Badge
            color={badge.color}
            variant="light"
            tabIndex={0}
            data-indicator={badge.kind}
            style={{ cursor: 'help' }}
          >
            {badge.label}
            <span className="sr-only">: {badge.description}</span>
          </Badge>
        </Tooltip>
      ))}
      <Text size="xs" c="dimmed">
        {details.join(' · ')}
      </Text>
    </Group>
  );
}
