/** An answer as a test reads it: the status, the headers, the body parsed as JSON (else the text). */
export interface HttpResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface HttpRequestOptions {
  /** Sent as JSON (`content-type: application/json` unless `headers` says otherwise). */
  body?: unknown;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  headers?: Record<string, string>;
  /** A body sent as it is (hostile input, other formats); `body` wins when both are given. */
  raw?: string;
}

/**
 * JSON over HTTP to one server, for tests: every answer comes back as an HttpResult, whatever its
 * status (only a network failure rejects), so a test asserts on the status itself.
 */
export class TestHttpClient {
  constructor(readonly url: string) {}

  async request<T = any>(
    method: string,
    path: string,
    options: HttpRequestOptions = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined = options.raw;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      payload = JSON.stringify(options.body);
    }
    const response = await fetch(this.url + path, { method, headers, body: payload });
    const text = await response.text();
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* SSE and other non-JSON bodies stay text */
    }
    return { status: response.status, headers: response.headers, body, text };
  }

  get<T = any>(path: string, token?: string) {
    return this.request<T>('GET', path, { token });
  }

  post<T = any>(path: string, body: unknown, token?: string) {
    return this.request<T>('POST', path, { body, token });
  }

  put<T = any>(path: string, body: unknown, token?: string) {
    return this.request<T>('PUT', path, { body, token });
  }

  patch<T = any>(path: string, body: unknown, token?: string) {
    return this.request<T>('PATCH', path, { body, token });
  }

  delete<T = any>(path: string, token?: string) {
    return this.request<T>('DELETE', path, { token });
  }
}

/** The `data:` payloads of an SSE body, in order (`[DONE]` included). */
export function sseEvents(text: string): string[] {
  return text
    .split('\n\n')
    .map((block) => block.trim())
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice('data: '.length));
}
