import { FormData } from 'undici';
import { ErrorCode } from '@tiergate/common';
import {
  UpstreamHttpClient,
  type UpstreamRequest,
  type UpstreamResponse,
} from '../http/upstream-http.client';
import { ProviderError } from '../provider.errors';
import { errorFromResponse, errorFromTransport, protocolError, redactSecrets } from './together-errors';

/** Together's batch job states (shared/reference/together-api.md §8). */
export const UPSTREAM_BATCH_STATUSES = [
  'VALIDATING',
  'IN_PROGRESS',
  'COMPLETED',
  'FAILED',
  'EXPIRED',
  'CANCELLED',
] as const;
export type UpstreamBatchStatus = (typeof UPSTREAM_BATCH_STATUSES)[number];

export interface UpstreamFile {
  id: string;
  bytes: number;
  filename: string;
  purpose: string;
}

/** A Together batch job, normalised (ISO timestamps parsed, the `{job}` wrapper removed). */
export interface UpstreamBatch {
  id: string;
  status: UpstreamBatchStatus;
  /** 0–100. */
  progress: number;
  modelId: string | null;
  outputFileId: string | null;
  errorFileId: string | null;
  error: string | null;
  createdAt: Date | null;
  completedAt: Date | null;
}

interface TogetherBatchJob {
  id?: unknown;
  status?: unknown;
  progress?: unknown;
  model_id?: unknown;
  output_file_id?: unknown;
  error_file_id?: unknown;
  error?: unknown;
  created_at?: unknown;
  completed_at?: unknown;
}

/** Uploads and downloads can be large: they get a longer deadline than a chat call. */
const FILE_TIMEOUT_MS = 5 * 60_000;
const PROVIDER = { provider: 'Together AI' };

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const date = (value: unknown): Date | null => {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const parsed = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
};

/** Reads a Together BatchJob (from create's `{job}`, get, list or cancel) into our shape. */
export function toUpstreamBatch(raw: unknown): UpstreamBatch {
  const job = (raw ?? {}) as TogetherBatchJob;
  const status = typeof job.status === 'string' ? job.status.toUpperCase() : '';
  const id = str(job.id);
  if (!id || !(UPSTREAM_BATCH_STATUSES as readonly string[]).includes(status))
    throw protocolError('the batch answer had no id or an unknown status', PROVIDER);
  return {
    id,
    status: status as UpstreamBatchStatus,
    progress: typeof job.progress === 'number' ? Math.max(0, Math.min(100, job.progress)) : 0,
    modelId: str(job.model_id),
    outputFileId: str(job.output_file_id),
    errorFileId: str(job.error_file_id),
    error: typeof job.error === 'string' && job.error ? redactSecrets(job.error) : null,
    createdAt: date(job.created_at),
    completedAt: date(job.completed_at),
  };
}

/**
 * Together's Files and Batch APIs on the primary upstream's pooled client: upload a JSONL input,
 * create / follow / cancel a batch job, download its output and error files. Every call takes the
 * key explicitly: a batch must be followed with the key (the account) that created it.
 */
export class TogetherBatchClient {
  constructor(private readonly http: UpstreamHttpClient) {}

  async uploadFile(apiKey: string, file: { filename: string; content: Buffer }): Promise<UpstreamFile> {
    const form = new FormData();
    form.append('purpose', 'batch-api');
    form.append('file_name', file.filename);
    form.append('file_type', 'jsonl');
    form.append('file', new Blob([file.content], { type: 'application/jsonl' }), file.filename);
    const json = await this.json<{ id?: unknown; bytes?: unknown; filename?: unknown; purpose?: unknown }>(
      { method: 'POST', path: '/files/upload', form, totalTimeoutMs: FILE_TIMEOUT_MS },
      apiKey,
    );
    const id = str(json.id);
    if (!id) throw protocolError('the file upload answer had no id', PROVIDER);
    return {
      id,
      bytes: typeof json.bytes === 'number' ? json.bytes : file.content.length,
      filename: str(json.filename) ?? file.filename,
      purpose: str(json.purpose) ?? 'batch-api',
    };
  }

  async createBatch(
    apiKey: string,
    input: { inputFileId: string; endpoint: string; completionWindow: string },
  ): Promise<UpstreamBatch> {
    const json = await this.json<{ job?: unknown }>(
      {
        method: 'POST',
        path: '/batches',
        body: {
          input_file_id: input.inputFileId,
          endpoint: input.endpoint,
          completion_window: input.completionWindow,
        },
      },
      apiKey,
    );
    // Together wraps the created job (`{job, warning?}`); tolerate a bare job too.
    return toUpstreamBatch(json.job ?? json);
  }

  async getBatch(apiKey: string, id: string): Promise<UpstreamBatch> {
    return toUpstreamBatch(
      await this.json({ method: 'GET', path: `/batches/${encodeURIComponent(id)}` }, apiKey),
    );
  }

  async cancelBatch(apiKey: string, id: string): Promise<UpstreamBatch> {
    return toUpstreamBatch(
      await this.json(
        { method: 'POST', path: `/batches/${encodeURIComponent(id)}/cancel`, body: {} },
        apiKey,
      ),
    );
  }

  /** A file's bytes, refused beyond `maxBytes` (the caller stores them). */
  async downloadFile(apiKey: string, id: string, maxBytes: number): Promise<Buffer> {
    const response = await this.call(
      {
        method: 'GET',
        path: `/files/${encodeURIComponent(id)}/content`,
        accept: 'application/octet-stream, application/jsonl, application/json',
        totalTimeoutMs: FILE_TIMEOUT_MS,
      },
      apiKey,
    );
    const parts: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxBytes) {
          response.body.destroy();
          throw protocolError(`file ${id} is larger than the ${maxBytes}-byte limit`, PROVIDER);
        }
        parts.push(chunk);
      }
    } catch (error) {
      if (error instanceof ProviderError) throw error;
      throw errorFromTransport(this.http.classify(error, response.signal), PROVIDER);
    }
    return Buffer.concat(parts);
  }

  private async call(request: Omit<UpstreamRequest, 'apiKey'>, apiKey: string): Promise<UpstreamResponse> {
    let response: UpstreamResponse;
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
        `Together AI does not know ${request.path.replace(/^\//, '')}`,
        { ...PROVIDER, upstreamStatus: 404, param: null },
      );
    throw errorFromResponse(response.status, response.headers, text.slice(0, 64 * 1024), PROVIDER);
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
