import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The response headers a browser page may read besides the CORS-safelisted ones: the request id,
 * where the answer came from, what it cost, the caller's quota, and the gateway's own timing.
 */
export const EXPOSED_HEADERS = [
  'x-request-id',
  'x-tiergate-provider',
  'x-tiergate-model',
  'x-tiergate-requested-model',
  'x-tiergate-key-source',
  'x-tiergate-fallback',
  'x-tiergate-fallback-reason',
  'x-tiergate-fallback-strategy',
  'x-tiergate-cached',
  'x-tiergate-cost-usd',
  'x-tiergate-audio-duration-seconds',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'retry-after',
  'server-timing',
] as const;

/** How long a browser may reuse a preflight's answer (Chromium caps it at two hours). */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Calls from web pages on other origins (CORS_ORIGINS), for pages that call the API with an API
 * key or a token in `Authorization`. Never with credentials: a browser sends no cookie along and
 * reads no answer to a request that carried one, so the dashboard's session stays same-origin.
 * Preflights are answered before authentication (the browser sends them without
 * `Authorization`). Off (no CORS headers at all, nothing added per request) when no origin is set.
 */
export async function registerCors(app: NestFastifyApplication, origins: readonly string[]): Promise<void> {
  if (!origins.length) return;
  await app.register(cors, corsOptions(origins));
}

export function corsOptions(origins: readonly string[]): FastifyCorsOptions {
  return {
    origin: origins.includes('*') ? '*' : [...origins],
    credentials: false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    // No allowedHeaders: the headers a preflight asks for are allowed (SDKs send their own), as
    // they would be from a server; the key or token in Authorization is what is checked.
    exposedHeaders: [...EXPOSED_HEADERS],
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
    strictPreflight: true,
  };
}
