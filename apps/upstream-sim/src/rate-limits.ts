import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './routes/sim-context';

/** The calls Together's account limits apply to (inference), as opposed to files, batches, models. */
const PACED_PATHS = new Set([
  '/v1/chat/completions',
  '/v1/completions',
  '/v1/embeddings',
  '/v1/images/generations',
  '/v1/audio/speech',
  '/v1/audio/transcriptions',
  '/v1/audio/translations',
]);
/** Seconds of per-second counts kept per key. */
const HISTORY_SECONDS = 600;

interface KeyCounts {
  /** Calls let through, per wall-clock second (epoch seconds). */
  accepted: Map<number, number>;
  /** Calls answered 429 because the key was over its limit. */
  refused: number;
}

function keyOf(request: FastifyRequest): string {
  const auth = request.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : '';
}

/**
 * Per-key account limits, as Together enforces them: fixed one-second windows of requests. A key
 * with a limit gets `x-ratelimit-*` headers on every inference answer and, past its limit, the
 * 429 Together sends. Every key's calls are counted per second, so a test can prove the most any
 * second saw. Control: `PUT /_sim/rate-limits` `{key, requests_per_second}` (null removes it),
 * `GET /_sim/rate-limits` (counts by the key's last four characters), `DELETE` clears everything.
 */
export function registerRateLimits(app: FastifyInstance): void {
  const limits = new Map<string, number>();
  const counts = new Map<string, KeyCounts>();

  app.addHook('onRequest', async (request, reply) => {
    if (reply.sent || request.method !== 'POST' || !PACED_PATHS.has(request.url.split('?')[0])) return;
    const key = keyOf(request);
    const now = Date.now();
    const second = Math.floor(now / 1000);
    const entry: KeyCounts = counts.get(key) ?? { accepted: new Map<number, number>(), refused: 0 };
    counts.set(key, entry);
    const used = entry.accepted.get(second) ?? 0;
    const limit = limits.get(key);
    if (limit !== undefined) {
      const remaining = Math.max(0, limit - used - 1);
      void reply.headers({
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': String(used < limit ? remaining : 0),
        'x-ratelimit-reset': String(Math.max(1, Math.ceil(((second + 1) * 1000 - now) / 1000))),
      });
      if (used >= limit) {
        entry.refused += 1;
        reply.header('retry-after', '1');
        return tooMany(reply, limit);
      }
    }
    entry.accepted.set(second, used + 1);
    entry.accepted.delete(second - HISTORY_SECONDS);
  });

  app.put('/_sim/rate-limits', async (request, reply) => {
    const body = (request.body ?? {}) as { key?: unknown; requests_per_second?: unknown };
    const rps = body.requests_per_second;
    if (typeof body.key !== 'string' || !body.key)
      return sendError(reply, 400, 'key (string) is required', 'invalid_request_error', 'invalid_key');
    if (rps !== null && !(typeof rps === 'number' && Number.isInteger(rps) && rps > 0))
      return sendError(
        reply,
        400,
        'requests_per_second must be a positive integer or null',
        'invalid_request_error',
        'invalid_limit',
      );
    if (rps === null) limits.delete(body.key);
    else limits.set(body.key, rps);
    return reply.code(204).send();
  });
  app.get('/_sim/rate-limits', () => {
    const keys: Record<string, object> = {};
    for (const [key, entry] of counts) {
      const perSecond = Object.fromEntries([...entry.accepted].sort(([a], [b]) => a - b));
      keys[key.slice(-4)] = {
        requests_per_second: limits.get(key) ?? null,
        per_second: perSecond,
        max_per_second: Math.max(0, ...entry.accepted.values()),
        accepted: [...entry.accepted.values()].reduce((sum, n) => sum + n, 0),
        refused: entry.refused,
      };
    }
    return { keys };
  });
  app.delete('/_sim/rate-limits', async (_request, reply) => {
    limits.clear();
    counts.clear();
    return reply.code(204).send();
  });
}

function tooMany(reply: FastifyReply, limit: number) {
  return sendError(
    reply,
    429,
    `You have been rate limited. Your rate limit is ${limit} queries per second.`,
    'rate_limit_exceeded',
    'rate_limit_exceeded',
  );
}
