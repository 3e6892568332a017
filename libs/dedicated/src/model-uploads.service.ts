import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditService, type AuditActor } from '@tiergate/audit';
import { NotFoundError } from '@tiergate/common';
import { TogetherEndpointsClient } from '@tiergate/provider';
import { DedicatedCredentials } from './dedicated-credentials';
import { DedicatedRepository } from './dedicated.repository';
import { DEDICATED_SETTINGS, type DedicatedSettings } from './dedicated.settings';
import { InvalidFieldError } from './dedicated.errors';
import { ModelUploadEntity, type ModelType } from './entities/model-upload.entity';

export interface NewUpload {
  modelName: string;
  modelSource: string;
  modelType: ModelType;
  baseModel?: string;
  loraModel?: string;
  description?: string;
}

/**
 * Uploads a model or an adapter to Together (`POST /v1/models`) and keeps its job; the follower
 * takes the job to Complete (the model is then in the catalog) or Failed. Audited.
 */
@Injectable()
export class ModelUploadsService {
  constructor(
    private readonly repository: DedicatedRepository,
    private readonly client: TogetherEndpointsClient,
    private readonly credentials: DedicatedCredentials,
    private readonly audit: AuditService,
    @Inject(DEDICATED_SETTINGS) private readonly settings: DedicatedSettings,
  ) {}

  async create(actor: AuditActor, input: NewUpload): Promise<ModelUploadEntity> {
    if (input.modelType === 'adapter' && !input.baseModel)
      throw new InvalidFieldError('base_model', 'base_model is required to upload an adapter');
    const job = await this.client.uploadModel(await this.credentials.apiKey(), input);
    const now = new Date();
    const upload: ModelUploadEntity = {
      id: randomUUID(),
      jobId: job.jobId,
      provider: this.credentials.providerId,
      modelName: job.modelName,
      upstreamModelId: job.modelId,
      modelType: input.modelType,
      baseModel: input.baseModel ?? null,
      loraModel: input.loraModel ?? null,
      modelSource: input.modelSource,
      description: input.description ?? null,
      status: 'Queued',
      error: null,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
      nextPollAt: new Date(now.getTime() + this.settings.minPollDelayMs),
      polls: 0,
    };
    await this.repository.insertUpload(upload);
    await this.audit.record(actor, {
      action: 'model_upload.create',
      targetType: 'model_upload',
      targetId: upload.id,
      after: {
        model_name: upload.modelName,
        model_type: upload.modelType,
        base_model: upload.baseModel,
        job_id: upload.jobId,
      },
    });
    return upload;
  }

  list(): Promise<ModelUploadEntity[]> {
    return this.repository.listUploads();
  }

  async get(id: string): Promise<ModelUploadEntity> {
    const upload = await this.repository.upload(id);
    if (!upload) throw new NotFoundError(`Model upload ${id}`, 'id');
    return upload;
  }
}
