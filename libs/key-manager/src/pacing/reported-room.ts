import type { IncomingHttpHeaders } from 'node:http';
import type { KeyLimits, ReportedRoom } from './pacer';

/** When a report gives remaining room but no reset, it is followed for one second (Together's window). */
const DEFAULT_RESET_MS = 1_000;

function numberHeader(headers: IncomingHttpHeaders, name: string): number | null {
  const raw = headers[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : null;
}

/**
 * The room Together's headers report (`x-ratelimit-remaining`, `x-tokenlimit-remaining`, with
 * `x-ratelimit-reset` in seconds), or null when they report none, or no less than the key's own
 * limits allow (requests against its per-second limit, else per-minute; tokens against its
 * tokens per minute; a measure the key does not limit: any report counts).
 */
export function reportedRoom(headers: IncomingHttpHeaders, limits: KeyLimits | null): ReportedRoom | null {
  const requests = numberHeader(headers, 'x-ratelimit-remaining');
  const tokens = numberHeader(headers, 'x-tokenlimit-remaining');
  const configuredRequests = limits?.requestsPerSecond ?? limits?.requestsPerMinute ?? Infinity;
  const configuredTokens = limits?.tokensPerMinute ?? Infinity;
  const fewerRequests = requests !== null && requests < configuredRequests;
  const fewerTokens = tokens !== null && tokens < configuredTokens;
  if (!fewerRequests && !fewerTokens) return null;
  const reset = numberHeader(headers, 'x-ratelimit-reset');
  return {
    requests: fewerRequests ? Math.floor(requests) : null,
    tokens: fewerTokens ? Math.floor(tokens) : null,
    resetMs: reset !== null && reset > 0 ? reset * 1000 : DEFAULT_RESET_MS,
  };
}
