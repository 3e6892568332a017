import { Alert, Anchor, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';

export interface AnswerFailure {
  status: number;
  code: string;
  message: string;
  requestId?: string;
}

/** A title for a refused or failed answer, from its status and code (never from the message). */
export function failureTitle({ status, code }: AnswerFailure): string {
  if (code === 'quota_exceeded') return 'Quota reached';
  if (status === 429) return 'Too many requests';
  if (code === 'model_not_allowed') return 'Model not available on your tier';
  if (code === 'free_tier_disabled') return 'The free tier is switched off';
  if (code === 'user_key_rejected') return 'Your own key was rejected';
  if (status === 403) return 'Not allowed';
  if (code === 'integration_disabled') return 'The AI service is switched off';
  if (code === 'stream_incomplete') return 'The answer is incomplete';
  if (status === 0 || status >= 500) return 'The answer failed';
  return 'The request was refused';
}

/** Why an answer did not come, in words, inside the conversation (announced: role="alert"). */
export function AnswerError({ failure }: { failure: AnswerFailure }) {
  return (
    <Alert
      color={failure.status === 429 || failure.status === 403 ? 'orange' : 'red'}
      icon={<IconAlertTriangle aria-hidden />}
      title={failureTitle(failure)}
      role="alert"
      variant="light"
    >
      <Text size="sm">{failure.message}</Text>
      {failure.code === 'quota_exceeded' && (
        <Text size="sm" mt={4}>
          See your limits or ask for more on the{' '}
          <Anchor component={Link} to="/app/quota" size="sm">
            Quota page
          </Anchor>
          .
        </Text>
      )}
      {failure.requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          Request id: {failure.requestId}
        </Text>
      )}
    </Alert>
  );
}
