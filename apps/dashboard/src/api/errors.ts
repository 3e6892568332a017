/** Every non-2xx answer from the API, in the one error body the api sends. */
export interface ErrorBody {
  error?: { message?: string; type?: string; code?: string | null; param?: string | null };
  request_id?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly code: string,
    readonly param: string | null,
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static from(status: number, body: unknown): ApiError {
    const error = (body as ErrorBody | undefined)?.error;
    return new ApiError(
      status,
      error?.type ?? 'api_error',
      error?.code ?? `http_${status}`,
      error?.param ?? null,
      error?.message ?? `The server answered ${status}`,
      (body as ErrorBody | undefined)?.request_id,
    );
  }

  /** A network failure or an answer that is not ours (a proxy's HTML page). */
  static network(cause: unknown): ApiError {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return new ApiError(
      0,
      'network_error',
      'network_error',
      null,
      `The server could not be reached (${detail})`,
    );
  }
}

export const isApiError = (value: unknown): value is ApiError => value instanceof ApiError;

/** The message for an error of any kind, for alerts and notifications. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Unknown error';
}
