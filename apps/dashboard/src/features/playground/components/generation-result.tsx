import { Card, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { isApiError } from '@/api/errors';
import { AnswerError } from './answer-error';

/**
 * Where an image or speech answer appears: the refusal in words, progress while it is made, then
 * the answer. Announced to screen readers as it changes.
 */
export function GenerationResult({
  pending,
  error,
  pendingText,
  minHeight,
  children,
}: {
  pending: boolean;
  /** The failure to show here (null when a form field shows it instead). */
  error: unknown;
  pendingText: string;
  minHeight: number;
  children: ReactNode;
}) {
  return (
    <Card withBorder mih={minHeight} aria-live="polite" aria-busy={pending}>
      {isApiError(error) && <AnswerError failure={error} />}
      {pending && (
        <Text c="dimmed" size="sm">
          {pendingText}
        </Text>
      )}
      {!pending && children}
    </Card>
  );
}
