import { randomUUID } from 'node:crypto';
import { findModel, type SimModel } from '../catalog';
import { invalidParams, sendError, type SimContext } from './sim-context';

/**
 * Together's model upload (`POST /v1/models`, reference §7) and its job (`GET /v1/jobs/:id`):
 * Queued → Running → Complete, or Failed for a source that cannot be fetched (any `fail://…`
 * source here). A completed upload's `model_name` is a model for /v1/chat/completions, behaving
 * like its base model (an adapter) or a generic chat model. Delays: `/_sim/uploads/config`.
 */

export type UploadStatus = 'Queued' | 'Running' | 'Complete' | 'Failed';

interface SimUpload {
  jobId: string;
  modelId: string;
  modelName: string;
  modelSource: string;
  modelType: 'model' | 'adapter';
  baseModel: string | null;
  description: string | null;
  createdAt: number;
}

export interface UploadTimings {
  queuedMs: number;
  runningMs: number;
}

const DEFAULT_TIMINGS: UploadTimings = { queuedMs: 300, runningMs: 700 };

function generic(id: string): SimModel {
  return {
    id,
    type: 'chat',
    display_name: id,
    organization: 'Uploaded',
    context_length: 32768,
    pricing: { input: 0, output: 0 },
  };
}

export function registerModelUploadRoutes(context: SimContext): void {
  const { app } = context;
  const uploads = new Map<string, SimUpload>();
  let timings = { ...DEFAULT_TIMINGS };

  const statusOf = (upload: SimUpload, now = Date.now()): UploadStatus => {
    const elapsed = now - upload.createdAt;
    if (elapsed < timings.queuedMs) return 'Queued';
    if (elapsed < timings.queuedMs + timings.runningMs) return 'Running';
    return upload.modelSource.startsWith('fail://') ? 'Failed' : 'Complete';
  };

  const view = (upload: SimUpload) => {
    const status = statusOf(upload);
    const at = (ms: number) => new Date(upload.createdAt + ms).toISOString();
    const updates = [{ status: 'Queued', message: 'Job queued', timestamp: at(0) }];
    if (status !== 'Queued')
      updates.push({
        status: 'Running',
        message: 'Downloading model weights',
        timestamp: at(timings.queuedMs),
      });
    if (status === 'Complete' || status === 'Failed')
      updates.push({
        status,
        message:
          status === 'Complete'
            ? 'Model uploaded and ready'
            : `Failed to download model weights from ${upload.modelSource}`,
        timestamp: at(timings.queuedMs + timings.runningMs),
      });
    return {
      type: 'model_upload',
      job_id: upload.jobId,
      status,
      status_updates: updates,
      args: {
        modelName: upload.modelName,
        modelSource: upload.modelSource,
        modelType: upload.modelType,
        baseModel: upload.baseModel,
        description: upload.description,
      },
      created_at: at(0),
      updated_at: updates.at(-1)!.timestamp,
    };
  };

  context.customModels.push((id) => {
    const upload = [...uploads.values()].find((u) => u.modelName === id && statusOf(u) === 'Complete');
    if (!upload) return undefined;
    const base = upload.baseModel ? findModel(upload.baseModel) : undefined;
    return base ? { ...base, id: upload.modelName, pricing: base.pricing } : generic(upload.modelName);
  });

  app.post('/v1/models', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
    const modelName = text(body.model_name);
    const modelSource = text(body.model_source);
    if (!modelName) return invalidParams(reply, 'model_name', 'model_name is required');
    if (!modelSource) return invalidParams(reply, 'model_source', 'model_source is required');
    const modelType = body.model_type ?? 'model';
    if (modelType !== 'model' && modelType !== 'adapter')
      return invalidParams(reply, 'model_type', 'model_type must be model or adapter');
    const baseModel = text(body.base_model);
    if (modelType === 'adapter' && !baseModel)
      return invalidParams(reply, 'base_model', 'base_model is required for an adapter');
    if (baseModel && !findModel(baseModel))
      return invalidParams(reply, 'base_model', `base_model ${baseModel} is not a known model`);
    if ([...uploads.values()].some((u) => u.modelName === modelName && statusOf(u) !== 'Failed'))
      return sendError(
        reply,
        409,
        `A model named ${modelName} already exists`,
        'invalid_request_error',
        'conflict',
      );
    const upload: SimUpload = {
      jobId: `job-${randomUUID()}`,
      modelId: `model-${randomUUID()}`,
      modelName,
      modelSource,
      modelType,
      baseModel,
      description: text(body.description),
      createdAt: Date.now(),
    };
    uploads.set(upload.jobId, upload);
    return {
      data: {
        job_id: upload.jobId,
        model_name: upload.modelName,
        model_id: upload.modelId,
        model_source: upload.modelSource,
      },
      message: 'Processing model weights. Job created.',
    };
  });

  app.get<{ Params: { id: string } }>('/v1/jobs/:id', async (request, reply) => {
    const upload = uploads.get(request.params.id);
    if (!upload)
      return sendError(
        reply,
        404,
        `Job ${request.params.id} not found`,
        'invalid_request_error',
        'not_found',
      );
    return view(upload);
  });

  app.post('/_sim/uploads/config', (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const ms = (v: unknown, fallback: number) => (typeof v === 'number' && v >= 0 ? v : fallback);
    timings = {
      queuedMs: ms(body.queued_ms, timings.queuedMs),
      runningMs: ms(body.running_ms, timings.runningMs),
    };
    return { queued_ms: timings.queuedMs, running_ms: timings.runningMs };
  });
}
