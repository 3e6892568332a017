import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, NotFoundError, type Tier } from '@tiergate/common';
import { ModelSelector } from '@tiergate/model-selector';
import { TogetherBatchClient } from '@tiergate/provider';
import { QuotaExceededError, QuotaService } from '@tiergate/quota';
import { BatchCredentials } from './batch-credentials';
import { newBatchId, newFileId } from './batch-ids';
import { BATCH_ENDPOINT, togetherInput, validateBatchInput, type BatchInput } from './batch-input.validation';
import { BatchRepository } from './batch.repository';
import { BATCH_SETTINGS, type BatchSettings } from './batch.settings';
import { BatchesNotAllowedError, BatchNotCancellableError, FileInUseError } from './batch.errors';
import type { BatchFileEntity, BatchFilePurpose } from './entities/batch-file.entity';
import { BatchJobEntity } from './entities/batch-job.entity';

export interface BatchCaller {
  id: string;
  tier: Tier;
}

export interface NewBatch {
  inputFileId: string;
  endpoint: string;
  completionWindow: string;
  metadata?: Record<string, string>;
}

const COMPLETION_WINDOW_MS: Record<string, number> = { '24h': 24 * 3600_000 };

/**
 * Batch jobs for a user: upload a JSONL of chat requests (checked line by line), submit it to
 * Together with the user's own key or a system key, read, list and cancel. BatchFollower takes
 * it from there. Another user's files and batches are "not found".
 */
@Injectable()
export class BatchService {
  constructor(
    private readonly repository: BatchRepository,
    private readonly client: TogetherBatchClient,
    private readonly credentials: BatchCredentials,
    private readonly selector: ModelSelector,
    private readonly quota: QuotaService,
    @Inject(BATCH_SETTINGS) private readonly settings: BatchSettings,
  ) {}

  get limits(): Readonly<BatchSettings> {
    return this.settings;
  }

  assertAllowed(caller: BatchCaller): void {
    if (!this.settings.tiers[caller.tier]) throw new BatchesNotAllowedError(caller.tier);
  }

  /** Stores an input file after checking every line (400 naming the first bad line and field). */
  async uploadFile(
    caller: BatchCaller,
    file: { filename: string; content: Buffer },
  ): Promise<BatchFileEntity> {
    this.assertAllowed(caller);
    const input = this.validate(caller, file.content);
    return this.repository.insertFile({
      id: newFileId(),
      userId: caller.id,
      purpose: 'batch',
      filename: file.filename.slice(0, 255) || 'batch.jsonl',
      lineCount: input.requests.length,
      content: file.content,
    });
  }

  async file(caller: BatchCaller, id: string): Promise<BatchFileEntity> {
    const file = await this.repository.fileOf(caller.id, id);
    if (!file) throw new NotFoundError(`File ${id}`, 'file_id');
    return file;
  }

  /** A page of the caller's files (of one purpose, if given); one more than `limit` is read to tell `has_more`. */
  async listFiles(
    caller: BatchCaller,
    page: { limit: number; order: 'asc' | 'desc'; after?: string; purpose?: BatchFilePurpose },
  ): Promise<{ data: BatchFileEntity[]; hasMore: boolean }> {
    const rows = await this.repository.filePage(caller.id, { ...page, limit: page.limit + 1 });
    return { data: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
  }

  /** Deletes one of the caller's files, unless a running batch still needs it (409). */
  async deleteFile(caller: BatchCaller, id: string): Promise<void> {
    const file = await this.file(caller, id);
    const batch = await this.repository.activeJobUsing(file.id);
    if (batch) throw new FileInUseError(file.id, batch);
    if (!(await this.repository.deleteFile(caller.id, file.id)))
      throw new NotFoundError(`File ${id}`, 'file_id');
  }

  async fileContent(caller: BatchCaller, id: string): Promise<{ file: BatchFileEntity; content: Buffer }> {
    const file = await this.file(caller, id);
    const content = await this.repository.contentOf(file.id);
    if (!content) throw new NotFoundError(`File ${id}`, 'file_id');
    return { file, content };
  }

  /**
   * Checks the input again (the tier or its models may have changed since the upload), refuses
   * a caller whose daily tokens are already spent, uploads the file to Together and creates the job.
   */
  async create(caller: BatchCaller, request: NewBatch): Promise<BatchJobEntity> {
    this.assertAllowed(caller);
    if (request.endpoint !== BATCH_ENDPOINT)
      throw new DomainError(ErrorCode.ValidationFailed, `endpoint must be ${BATCH_ENDPOINT}`, {
        param: 'endpoint',
      });
    const window = COMPLETION_WINDOW_MS[request.completionWindow];
    if (!window)
      throw new DomainError(ErrorCode.ValidationFailed, 'completion_window must be 24h', {
        param: 'completion_window',
      });
    const file = await this.repository.fileOf(caller.id, request.inputFileId);
    if (!file || file.purpose !== 'batch')
      throw new NotFoundError(`Input file ${request.inputFileId}`, 'input_file_id');
    const input = this.validate(caller, (await this.repository.contentOf(file.id))!);
    const ownKey = await this.credentials.usesOwnKey(caller);
    if (!ownKey) await this.assertTokensLeft(caller);
    const credential = await this.credentials.forSubmission(caller);
    const upstreamFile = await this.client.uploadFile(credential.apiKey, {
      filename: file.filename,
      content: togetherInput(input),
    });
    const upstream = await this.client.createBatch(credential.apiKey, {
      inputFileId: upstreamFile.id,
      endpoint: BATCH_ENDPOINT,
      completionWindow: request.completionWindow,
    });
    const now = new Date();
    const job = Object.assign(new BatchJobEntity(), {
      id: newBatchId(),
      userId: caller.id,
      tier: caller.tier,
      inputFileId: file.id,
      endpoint: BATCH_ENDPOINT,
      completionWindow: request.completionWindow,
      model: input.model,
      provider: this.credentials.provider.id,
      upstreamFileId: upstreamFile.id,
      upstreamBatchId: upstream.id,
      upstreamKeyId: credential.keyId,
      keySource: credential.source,
      status: upstream.status === 'IN_PROGRESS' ? 'in_progress' : 'validating',
      upstreamStatus: upstream.status,
      progress: upstream.progress,
      total: input.requests.length,
      completed: 0,
      failed: 0,
      outputFileId: null,
      errorFileId: null,
      errorCode: null,
      errorMessage: null,
      metadata: request.metadata ?? null,
      createdAt: now,
      inProgressAt: null,
      finalizingAt: null,
      completedAt: null,
      failedAt: null,
      expiredAt: null,
      cancellingAt: null,
      cancelledAt: null,
      expiresAt: new Date(now.getTime() + window),
      nextPollAt: new Date(now.getTime() + this.settings.minPollDelayMs),
      polls: 0,
      usageRecordedAt: null,
    } satisfies BatchJobEntity);
    await this.repository.insertJob(job);
    return job;
  }

  /** The inline form (requirements document 003): the requests become an input file, then a batch. */
  async submitInline(
    caller: BatchCaller,
    input: { content: Buffer; completionWindow: string },
  ): Promise<BatchJobEntity> {
    const file = await this.uploadFile(caller, { filename: 'inline-requests.jsonl', content: input.content });
    return this.create(caller, {
      inputFileId: file.id,
      endpoint: BATCH_ENDPOINT,
      completionWindow: input.completionWindow,
    });
  }

  async get(caller: BatchCaller, id: string): Promise<BatchJobEntity> {
    const job = await this.repository.jobOf(caller.id, id);
    if (!job) throw new NotFoundError(`Batch ${id}`, 'batch_id');
    return job;
  }

  /** A page of the caller's batches, newest first; one more than `limit` is read to tell `has_more`. */
  async list(
    caller: BatchCaller,
    limit: number,
    after?: string,
  ): Promise<{ data: BatchJobEntity[]; hasMore: boolean }> {
    const rows = await this.repository.page(caller.id, limit + 1, after);
    return { data: rows.slice(0, limit), hasMore: rows.length > limit };
  }

  /** Asks for the job to stop: `cancelling` until Together confirms, then `cancelled` (by the follower). */
  async cancel(caller: BatchCaller, id: string): Promise<BatchJobEntity> {
    const job = await this.get(caller, id);
    if (job.status === 'cancelling' || job.status === 'cancelled') return job;
    if (job.status !== 'validating' && job.status !== 'in_progress')
      throw new BatchNotCancellableError(job.id, job.status);
    const credential = await this.credentials.forJob(job);
    const upstream = await this.client.cancelBatch(credential.apiKey, job.upstreamBatchId!);
    const changes: Partial<BatchJobEntity> = {
      status: 'cancelling',
      upstreamStatus: upstream.status,
      cancellingAt: new Date(),
      nextPollAt: new Date(), // the follower confirms (and records any finished lines) next
    };
    await this.repository.updateJob(job.id, changes);
    return Object.assign(job, changes);
  }

  private validate(caller: BatchCaller, content: Buffer): BatchInput {
    const allowed = this.selector.allowedModels(caller.tier);
    return validateBatchInput(content, this.settings, (model) => allowed.has(model));
  }

  private async assertTokensLeft(caller: BatchCaller): Promise<void> {
    const text = (await this.quota.status(caller)).features.text_generation;
    if (text.tokens_limit != null && (text.tokens_used ?? 0) >= text.tokens_limit) {
      const tomorrow = new Date();
      tomorrow.setUTCHours(24, 0, 0, 0);
      throw new QuotaExceededError(
        `The ${caller.tier} tier's daily token quota (${text.tokens_limit}) is spent; batches can be submitted again after ${tomorrow.toISOString()}`,
        'text_generation',
        'tokens_per_day',
        text.tokens_limit,
        tomorrow,
        Math.ceil((tomorrow.getTime() - Date.now()) / 1000),
      );
    }
  }
}
