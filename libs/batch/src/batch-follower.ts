import { Inject, Injectable, Logger } from '@nestjs/common';
import { ProviderError, TogetherBatchClient, type UpstreamBatch } from '@tiergate/provider';
import { QuotaService } from '@tiergate/quota';
import { UsageWriter } from '@tiergate/usage';
import { BatchCredentials, BatchKeyGoneError } from './batch-credentials';
import { openAiResultFiles, readBatchResults, type BatchLineResult } from './batch-results';
import { BatchRepository } from './batch.repository';
import { BATCH_SETTINGS, pollDelayMs, type BatchSettings } from './batch.settings';
import { BatchUsage } from './batch-usage';
import { newFileId } from './batch-ids';
import type { BatchJobEntity, BatchStatus } from './entities/batch-job.entity';

const END_STATES: Record<string, BatchStatus> = {
  COMPLETED: 'completed',
  FAILED: 'failed',
  EXPIRED: 'expired',
  CANCELLED: 'cancelled',
};
const SWEEP_BATCH = 50;

const lineCount = (content: Buffer | null) =>
  content
    ? content
        .toString('utf8')
        .split('\n')
        .filter((l) => l.trim() !== '').length
    : 0;

/**
 * Follows active batches to their end. Each step is idempotent, so a follower that stops at any
 * point (a crash, a deploy) is simply run again: a job is claimed for a lease before it is
 * touched; its result files are stored once (guarded by the job's file ids); its lines go to the
 * ledger under unique request ids (`batch:<id>:<custom_id>`, one occurrence time per job), which
 * the ledger keeps once; `usage_recorded_at` then closes the job.
 */
@Injectable()
export class BatchFollower {
  private readonly logger = new Logger(BatchFollower.name);

  constructor(
    private readonly repository: BatchRepository,
    private readonly client: TogetherBatchClient,
    private readonly credentials: BatchCredentials,
    private readonly usage: BatchUsage,
    private readonly writer: UsageWriter,
    private readonly quota: QuotaService,
    @Inject(BATCH_SETTINGS) private readonly settings: BatchSettings,
  ) {}

  /** Follows every job whose poll is due; answers how many were followed. */
  async sweep(): Promise<number> {
    let followed = 0;
    for (const id of await this.repository.dueJobs(SWEEP_BATCH)) {
      const job = await this.repository.claim(id, this.settings.claimLeaseMs);
      if (!job) continue; // another follower has it
      followed += 1;
      try {
        await this.follow(job);
      } catch (error) {
        await this.onFailure(job, error);
      }
    }
    return followed;
  }

  private async follow(job: BatchJobEntity): Promise<void> {
    const credential = await this.credentials.forJob(job);
    let upstream: UpstreamBatch = await this.client.getBatch(credential.apiKey, job.upstreamBatchId!);
    if (job.status === 'cancelling' && !END_STATES[upstream.status])
      upstream = await this.client.cancelBatch(credential.apiKey, job.upstreamBatchId!).catch(() => upstream);
    if (!END_STATES[upstream.status]) {
      const status: BatchStatus =
        job.status === 'cancelling'
          ? 'cancelling'
          : upstream.status === 'IN_PROGRESS'
            ? 'in_progress'
            : 'validating';
      await this.repository.updateJob(job.id, {
        status,
        upstreamStatus: upstream.status,
        progress: upstream.progress,
        inProgressAt: status === 'in_progress' ? (job.inProgressAt ?? new Date()) : job.inProgressAt,
        nextPollAt: new Date(Date.now() + pollDelayMs(this.settings, job.polls)),
      });
      return;
    }
    await this.finish(job, upstream, credential.apiKey);
  }

  /** The job ended upstream: store its files, record its lines once, close it. */
  private async finish(job: BatchJobEntity, upstream: UpstreamBatch, apiKey: string): Promise<void> {
    const final = END_STATES[upstream.status];
    if (!job.finalizingAt) {
      // The lines' ledger time, fixed before anything is recorded.
      job.finalizingAt = new Date();
      await this.repository.updateJob(job.id, {
        status: final === 'completed' ? 'finalizing' : job.status,
        upstreamStatus: upstream.status,
        finalizingAt: job.finalizingAt,
      });
    }
    if (!job.outputFileId && !job.errorFileId && (upstream.outputFileId || upstream.errorFileId)) {
      const max = this.settings.maxResultFileBytes;
      const output = upstream.outputFileId
        ? await this.client.downloadFile(apiKey, upstream.outputFileId, max)
        : null;
      const errors = upstream.errorFileId
        ? await this.client.downloadFile(apiKey, upstream.errorFileId, max)
        : null;
      const files = openAiResultFiles(readBatchResults(output, errors));
      await this.repository.transaction(async (manager) => {
        const store = async (content: Buffer | null, purpose: 'batch_output' | 'batch_error') => {
          if (!content) return null;
          const file = await this.repository.insertFile(
            {
              id: newFileId(),
              userId: job.userId,
              purpose,
              filename: `${job.id}_${purpose === 'batch_output' ? 'output' : 'error'}.jsonl`,
              lineCount: lineCount(content),
              batchId: job.id,
              content,
            },
            manager,
          );
          return file.id;
        };
        job.outputFileId = await store(files.output, 'batch_output');
        job.errorFileId = await store(files.errors, 'batch_error');
        await this.repository.updateJob(
          job.id,
          { outputFileId: job.outputFileId, errorFileId: job.errorFileId },
          manager,
        );
      });
    }
    const results = readBatchResults(
      job.outputFileId ? await this.repository.contentOf(job.outputFileId) : null,
      job.errorFileId ? await this.repository.contentOf(job.errorFileId) : null,
    );
    if (!job.usageRecordedAt) {
      const events = await this.usage.events(job, results);
      // Rows already in the ledger (a run that stopped after writing) are skipped by their ids.
      if (events.length) await this.writer.write(events);
      await this.countAgainstQuota(job, results);
      job.usageRecordedAt = new Date();
    }
    const now = new Date();
    const completed = results.filter((r) => r.error === null).length;
    await this.repository.updateJob(job.id, {
      status: final,
      upstreamStatus: upstream.status,
      progress: final === 'completed' ? 100 : upstream.progress,
      completed,
      failed: final === 'completed' ? Math.max(job.total - completed, 0) : results.length - completed,
      usageRecordedAt: job.usageRecordedAt,
      errorMessage: upstream.error ?? job.errorMessage,
      errorCode: final === 'failed' ? 'batch_failed' : final === 'expired' ? 'batch_expired' : job.errorCode,
      completedAt: final === 'completed' ? (upstream.completedAt ?? now) : null,
      failedAt: final === 'failed' ? now : null,
      expiredAt: final === 'expired' ? now : null,
      cancelledAt: final === 'cancelled' ? now : null,
    });
  }

  /**
   * The tier's daily quota counts the job's served lines on the system key, as the ledger does
   * when counters are rebuilt; once per job, though this step may run again after a restart.
   */
  private async countAgainstQuota(job: BatchJobEntity, results: BatchLineResult[]): Promise<void> {
    if (job.keySource !== 'system') return;
    const served = results.filter((line) => line.error === null);
    const tokens = served.reduce((sum, line) => sum + line.promptTokens + line.completionTokens, 0);
    await this.quota.countRecorded(
      job.userId,
      'text_generation',
      { requests: served.length, tokens, audioMs: 0 },
      job.finalizingAt ?? new Date(),
      `batch:${job.id}`,
    );
  }

  private async onFailure(job: BatchJobEntity, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof BatchKeyGoneError) {
      await this.repository.updateJob(job.id, {
        status: 'failed',
        errorCode: 'key_unavailable',
        errorMessage: message,
        failedAt: new Date(),
      });
      return;
    }
    const retryable = !(error instanceof ProviderError) || error.retryable;
    this.logger.warn(
      `batch ${job.id}: following failed (${retryable ? 'will retry' : 'giving up'}): ${message}`,
    );
    if (!retryable && job.polls > 20) {
      await this.repository.updateJob(job.id, {
        status: 'failed',
        errorCode: 'upstream_error',
        errorMessage: message,
        failedAt: new Date(),
      });
      return;
    }
    await this.repository.updateJob(job.id, {
      nextPollAt: new Date(Date.now() + pollDelayMs(this.settings, job.polls)),
    });
  }
}
