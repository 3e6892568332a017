import { describe, expect, it } from 'vitest';
import { batchFieldFor, newBatchSchema } from './schema';
import {
  batchesAllowed,
  batchProgress,
  finishedAt,
  isCancellable,
  pollWhileRunning,
  POLL_MS,
  type Batch,
  type BatchStatus,
} from './status';

const batch = (status: BatchStatus, extra: Partial<Batch> = {}): Batch =>
  ({
    id: `batch_${status}`,
    status,
    request_counts: { total: 3, completed: 0, failed: 0 },
    completed_at: null,
    failed_at: null,
    expired_at: null,
    cancelled_at: null,
    ...extra,
  }) as Batch;

describe('batch states', () => {
  it.each<[BatchStatus[], number | false]>([
    [[], false],
    [['completed', 'failed', 'expired', 'cancelled'], false],
    [['completed', 'validating'], POLL_MS],
    [['in_progress'], POLL_MS],
    [['finalizing'], POLL_MS],
    [['cancelling'], POLL_MS],
  ])('polls %j: %s', (statuses, interval) => {
    expect(pollWhileRunning(statuses.map((status) => batch(status)))).toBe(interval);
  });

  it('does not poll before the first answer', () => {
    expect(pollWhileRunning(undefined)).toBe(false);
  });

  it('lets only a validating or running batch be cancelled', () => {
    expect(
      (['validating', 'in_progress', 'finalizing', 'cancelling', 'completed'] as const).filter(isCancellable),
    ).toEqual(['validating', 'in_progress']);
  });

  it('says the request counts as a bar and in words', () => {
    expect(batchProgress({ total: 3, completed: 2, failed: 1 })).toEqual({
      completedPercent: (2 / 3) * 100,
      failedPercent: (1 / 3) * 100,
      label: '2 of 3 completed, 1 failed',
    });
    expect(batchProgress({ total: 0, completed: 0, failed: 0 })).toEqual({
      completedPercent: 0,
      failedPercent: 0,
      label: '0 of 0 completed',
    });
    expect(batchProgress({ total: 50_000, completed: 12_345, failed: 0 }).label).toBe(
      '12,345 of 50,000 completed',
    );
  });

  it('finds when a batch finished, in whichever final state', () => {
    expect(finishedAt(batch('in_progress'))).toBeNull();
    expect(finishedAt(batch('completed', { completed_at: 1_700_000_000 }))).toEqual(
      new Date(1_700_000_000_000),
    );
    expect(finishedAt(batch('cancelled', { cancelled_at: 1_700_000_060 }))).toEqual(
      new Date(1_700_000_060_000),
    );
  });

  it('knows which tiers run batches', () => {
    expect(batchesAllowed('free')).toBe(false);
    expect(batchesAllowed('premium')).toBe(true);
    expect(batchesAllowed('enterprise')).toBe(true);
  });
});

describe('the new-batch form', () => {
  const issues = (file: File | null) =>
    newBatchSchema.safeParse({ file }).error?.issues.map((i) => i.message);

  it('wants one non-empty JSONL file', () => {
    expect(issues(new File(['{}\n'], 'batch.jsonl'))).toBeUndefined();
    expect(issues(null)).toEqual(['Choose a JSONL file']);
    expect(issues(new File(['a,b'], 'batch.csv'))).toEqual(['The file must be JSONL (.jsonl)']);
    expect(issues(new File([], 'batch.jsonl'))).toEqual(['The file is empty']);
  });

  it("puts the api's line errors on the file field, and nothing else", () => {
    expect(batchFieldFor('line 3: body.model')).toBe('file');
    expect(batchFieldFor('file')).toBe('file');
    expect(batchFieldFor('purpose')).toBe('file');
    expect(batchFieldFor('text_generation')).toBeUndefined();
  });
});
