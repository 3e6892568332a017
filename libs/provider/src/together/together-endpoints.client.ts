import { ErrorCode } from '@tiergate/common';
import { UpstreamHttpClient, type UpstreamRequest } from '../http/upstream-http.client';
import { ProviderError } from '../provider.errors';
import { errorFromResponse, errorFromTransport, protocolError, redactSecrets } from './together-errors';

/** A dedicated endpoint's states at Together. */
export const UPSTREAM_ENDPOINT_STATES = [
  'PENDING',
  'STARTING',
  'STARTED',
  'STOPPING',
  'STOPPED',
  'ERROR',
] as const;
export type UpstreamEndpointState = (typeof UPSTREAM_ENDPOINT_STATES)[number];

/** A hardware configuration for dedicated endpoints (`GET /v1/hardware`), normalised. */
export interface UpstreamHardware {
  id: string;
  gpuType: string | null;
  gpuCount: number | null;
  gpuMemoryGb: number | null;
  pricePerHourUsd: number;
  /** Null when Together did not say (it says only when asked about one model). */
  available: boolean | null;
}

export interface UpstreamEndpoint {
  id: string;
  /** What requests name as their model. */
  name: string;
  displayName: string | null;
  model: string;
  hardware: string;
  state: UpstreamEndpointState;
  minReplicas: number;
  maxReplicas: number;
}

export interface NewUpstreamEndpoint {
  model: string;
  hardware: string;
  displayName?: string;
  minReplicas: number;
  maxReplicas: number;
  /** Minutes without requests before Together stops the endpoint. */
  inactiveTimeoutMinutes?: number;
}

export interface EndpointChanges {
  state?: 'STARTED' | 'STOPPED';
  minReplicas?: number;
  maxReplicas?: number;
  displayName?: string;
}

export interface NewModelUpload {
  modelName: string;
  modelSource: string;
  modelType: 'model' | 'adapter';
  baseModel?: string;
  loraModel?: string;
  description?: string;
}

export const UPSTREAM_JOB_STATUSES = ['Queued', 'Running', 'Complete', 'Failed'] as const;
export type UpstreamJobStatus = (typeof UPSTREAM_JOB_STATUSES)[number];

export interface UpstreamJob {
  jobId: string;
  status: UpstreamJobStatus;
  /** The last status update's message (why a job failed). */
  message: string | null;
}

const PROVIDER = { provider: 'Together AI' };
const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

export function toUpstreamEndpoint(raw: unknown): UpstreamEndpoint {
  const e = (raw ?? {}) as Record<string, unknown>;
  const autoscaling = (e.autoscaling ?? {}) as Record<string, unknown>;
  const state = typeof e.state === 'string' ? e.state.toUpperCase() : '';
  const id = str(e.id);
  const name = str(e.name);
  if (!id || !name || !(UPSTREAM_ENDPOINT_STATES as readonly string[]).includes(state))
    throw protocolError('the endpoint answer had no id, no name or an unknown state', PROVIDER);
  return {
    id,
    name,
    displayName: str(e.display_name),
    model: str(e.model) ?? '',
    hardware: str(e.hardware) ?? '',
    state: state as UpstreamEndpointState,
    minReplicas: num(autoscaling.min_replicas) ?? 1,
    maxReplicas: num(autoscaling.max_replicas) ?? 1,
  };
}

function toUpstreamHardware(raw: unknown): UpstreamHardware {
  const h = (raw ?? {}) as Record<string, unknown>;
  const specs = (h.specs ?? {}) as Record<string, unknown>;
  const pricing = (h.pricing ?? {}) as Record<string, unknown>;
  const availability = h.availability as { status?: unknown } | null | undefined;
  const id = str(h.id);
  const centsPerMinute = num(pricing.cents_per_minute);
  if (!id || centsPerMinute === null) throw protocolError('a hardware entry had no id or price', PROVIDER);
  return {
    id,
    gpuType: str(specs.gpu_type),
    gpuCount: num(specs.gpu_count),
    gpuMemoryGb: num(specs.gpu_memory),
    // Cents per minute → dollars per hour, rounded to a hundredth of a cent.
    pricePerHourUsd: Math.round(centsPerMinute * 60 * 100) / 10_000,
    available: availability ? availability.status === 'available' : null,
  };
}

function toUpstreamJob(raw: unknown): UpstreamJob {
  const j = (raw ?? {}) as Record<string, unknown>;
  const jobId = str(j.job_id) ?? str(j.id);
  const status = str(j.status);
  if (!jobId || !status || !(UPSTREAM_JOB_STATUSES as readonly string[]).includes(status))
    throw protocolError('the job answer had no id or an unknown status', PROVIDER);
  const updates = Array.isArray(j.status_updates) ? (j.status_updates as Array<{ message?: unknown }>) : [];
  const message = str(updates.at(-1)?.message);
  return { jobId, status: status as UpstreamJobStatus, message: message && redactSecrets(message) };
}

/**
 * Together's dedicated endpoints, hardware and model uploads on the primary upstream's pooled
 * client. Every call takes the key explicitly (the platform's account owns the endpoints).
 */
export class TogetherEndpointsClient {
  constructor(private readonly http: UpstreamHttpClient) {}

  async hardware(apiKey: string, model?: string): Promise<UpstreamHardware[]> {
    const query = model ? `?model=${encodeURIComponent(model)}` : '';
    const json = await this.json<{ data?: unknown }>({ method: 'GET', path: `/hardware${query}` }, apiKey);
    if (!Array.isArray(json.data)) throw protocolError('the hardware answer had no data', PROVIDER);
    return json.data.map(toUpstreamHardware);
  }

  async createEndpoint(apiKey: string, input: NewUpstreamEndpoint): Promise<UpstreamEndpoint> {
    const body: Record<string, unknown> = {
      model: input.model,
      hardware: input.hardware,
      autoscaling: { min_replicas: input.minReplicas, max_replicas: input.maxReplicas },
    };
    if (input.displayName !== undefined) body.display_name = input.displayName;
    if (input.inactiveTimeoutMinutes !== undefined) body.inactive_timeout = input.inactiveTimeoutMinutes;
    return toUpstreamEndpoint(await this.json({ method: 'POST', path: '/endpoints', body }, apiKey));
  }

  async listEndpoints(apiKey: string): Promise<UpstreamEndpoint[]> {
    const json = await this.json<{ data?: unknown }>({ method: 'GET', path: '/endpoints' }, apiKey);
    return Array.isArray(json.data) ? json.data.map(toUpstreamEndpoint) : [];
  }

  async getEndpoint(apiKey: string, id: string): Promise<UpstreamEndpoint> {
    return toUpstreamEndpoint(
      await this.json({ method: 'GET', path: `/endpoints/${encodeURIComponent(id)}` }, apiKey),
    );
  }

  async updateEndpoint(apiKey: string, id: string, changes: EndpointChanges): Promise<UpstreamEndpoint> {
    const body: Record<string, unknown> = {};
    if (changes.state !== undefined) body.state = changes.state;
    if (changes.displayName !== undefined) body.display_name = changes.displayName;
    if (changes.minReplicas !== undefined || changes.maxReplicas !== undefined)
      body.autoscaling = { min_replicas: changes.minReplicas, max_replicas: changes.maxReplicas };
    return toUpstreamEndpoint(
      await this.json({ method: 'PATCH', path: `/endpoints/${encodeURIComponent(id)}`, body }, apiKey),
    );
  }

  /** Deletes the endpoint; one Together no longer knows is taken as deleted. */
  async deleteEndpoint(apiKey: string, id: string): Promise<void> {
    try {
      const response = await this.call(
        { method: 'DELETE', path: `/endpoints/${encodeURIComponent(id)}` },
        apiKey,
      );
      await response.body.dump();
    } catch (error) {
      if (error instanceof ProviderError && error.upstreamStatus === 404) return;
      throw error;
    }
  }

  async uploadModel(
    apiKey: string,
    input: NewModelUpload,
  ): Promise<{ jobId: string; modelName: string; modelId: string | null }> {
    const body: Record<string, unknown> = {
      model_name: input.modelName,
      model_source: input.modelSource,
      model_type: input.modelType,
    };
    if (input.baseModel !== undefined) body.base_model = input.baseModel;
    if (input.loraModel !== undefined) body.lora_model = input.loraModel;
    if (input.description !== undefined) body.description = input.description;
    const json = await this.json<{ data?: Record<string, unknown> }>(
      { method: 'POST', path: '/models', body },
      apiKey,
    );
    const jobId = str(json.data?.job_id);
    if (!jobId) throw protocolError('the model upload answer had no job id', PROVIDER);
    return {
      jobId,
      modelName: str(json.data?.model_name) ?? input.modelName,
      modelId: str(json.data?.model_id),
    };
  }

  async job(apiKey: string, jobId: string): Promise<UpstreamJob> {
    return toUpstreamJob(
      await this.json({ method: 'GET', path: `/jobs/${encodeURIComponent(jobId)}` }, apiKey),
    );
  }

  private async call(request: Omit<UpstreamRequest, 'apiKey'>, apiKey: string) {
    let response;
    try {
      response = await this.http.send({ ...request, apiKey });
    } catch (error) {
      throw errorFromTransport(this.http.classify(error), PROVIDER);
    }
    if (response.status >= 200 && response.status < 300) return response;
    const text = await response.body.text().catch(() => '');
    if (response.status === 404)
      throw new ProviderError(
        ErrorCode.UpstreamBadRequest,
        `Together AI does not know ${request.path.replace(/^\//, '').split('?')[0]}`,
        { ...PROVIDER, upstreamStatus: 404, param: null },
      );
    const error = errorFromResponse(response.status, response.headers, text.slice(0, 64 * 1024), PROVIDER);
    throw error;
  }

  private async json<T>(request: Omit<UpstreamRequest, 'apiKey'>, apiKey: string): Promise<T> {
    const response = await this.call(request, apiKey);
    let text: string;
    try {
      text = await response.body.text();
    } catch (error) {
      throw errorFromTransport(this.http.classify(error, response.signal), PROVIDER);
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw protocolError('the answer was not valid JSON', PROVIDER);
    }
  }
}
