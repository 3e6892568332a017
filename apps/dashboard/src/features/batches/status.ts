import type { MantineColor } from '@mantine/core';
import type { components } from '@/api/schema';
import type { Tier } from '@/lib/domain';

export type Batch = components['schemas']['BatchObjectDto'];
export type BatchStatus = Batch['status'];

/**
 * The tiers whose users may run batches: the api's default (`tiers` in libs/batch's settings).
 * Only the navigation uses it; the api's 403 `batches_not_allowed` is the authority.
 */
export const BATCH_TIERS: readonly Tier[] = ['premium', 'enterprise'];
export const batchesAllowed = (tier: Tier): boolean => BATCH_TIERS.includes(tier);

/** States a batch never leaves: polling stops once every listed batch is in one. */
export const FINAL_STATUSES: ReadonlySet<BatchStatus> = new Set([
  'completed',
  'failed',
  'expired',
  'cancelled',
]);
export const isFinal = (status: BatchStatus): boolean => FINAL_STATUSES.has(status);
/** A batch the api still lets its owner cancel. */
export const isCancellable = (status: BatchStatus): boolean =>
  status === 'validating' || status === 'in_progress';

export const STATUS_LABELS: Record<BatchStatus, string> = {
  validating: 'Validating',
  in_progress: 'In progress',
  finalizing: 'Finalizing',
  completed: 'Completed',
  failed: 'Failed',
  expired: 'Expired',
  cancelling: 'Cancelling',
  cancelled: 'Cancelled',
};

export const STATUS_COLORS: Record<BatchStatus, MantineColor> = {
  validating: 'blue',
  in_progress: 'blue',
  finalizing: 'cyan',
  completed: 'green',
  failed: 'red',
  expired: 'orange',
  cancelling: 'yellow',
  cancelled: 'gray',
};

/** How often the list is read again while a batch on it is still running. */
export const POLL_MS = 2_000;

/** The list's refetch interval: POLL_MS while any batch on it is not final, else none. */
export const pollWhileRunning = (batches: readonly Batch[] | undefined): number | false =>
  batches?.some((batch) => !isFinal(batch.status)) ? POLL_MS : false;

export interface BatchProgress {
  /** Share of the lines answered (completed), 0..100. */
  completedPercent: number;
  /** Share of the lines that failed, 0..100. */
  failedPercent: number;
  /** "2 of 3 completed, 1 failed". */
  label: string;
}

/** The request counts as a two-part bar and its words. */
export function batchProgress({ total, completed, failed }: Batch['request_counts']): BatchProgress {
  const percent = (count: number) => (total > 0 ? Math.min(100, (count / total) * 100) : 0);
  const failedText = failed > 0 ? `, ${failed.toLocaleString('en-US')} failed` : '';
  return {
    completedPercent: percent(completed),
    failedPercent: percent(failed),
    label: `${completed.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} completed${failedText}`,
  };
}

/** A batch's unix-seconds timestamp as a Date (null stays null). */
export const fromUnix = (seconds: number | null | undefined): Date | null =>
  seconds === null || seconds === undefined ? null : new Date(seconds * 1000);

/** When the batch reached its final state (completed, failed, expired or cancelled), if it did. */
export const finishedAt = (batch: Batch): Date | null =>
  fromUnix(batch.completed_at ?? batch.failed_at ?? batch.expired_at ?? batch.cancelled_at);
