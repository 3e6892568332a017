/** The steps of a gateway request whose time is reported on its own. */
export type TimedStep = 'auth' | 'quota' | 'upstream' | 'cache';

/**
 * Where one gateway request's time went, in milliseconds on the monotonic clock
 * (`performance.now()`): started at the HTTP edge when the request arrives, fed by the steps of the
 * pipeline (authentication, quota admission, each upstream attempt, the answer cache) and read by
 * the edge for the `Server-Timing` header and the overhead histogram. Recording is a clock read and
 * an addition: no await, no allocation.
 */
export class RequestTimings {
  auth = 0;
  quota = 0;
  /** The sum of the upstream attempts (to the first event, for a stream). */
  upstream = 0;
  cache = 0;
  /** When authentication started (for a trace span drawn after the fact); -1 until then. */
  authStartedAt = -1;
  /** The request reached a gateway endpoint: its answer carries Server-Timing. */
  gateway = false;
  /** The answer came from the answer cache (a `cache` entry is reported). */
  cacheServed = false;

  constructor(readonly startedAt: number = performance.now()) {}

  /** Adds the time since `since` to a step; returns the time now, for a step that follows. */
  add(step: TimedStep, since: number): number {
    const now = performance.now();
    this[step] += now - since;
    return now;
  }

  /** What the gateway itself spent: everything but waiting for the upstream. */
  overheadMs(now: number = performance.now()): number {
    return Math.max(0, now - this.startedAt - this.upstream);
  }

  /** `auth;dur=0.12, quota;dur=0.31, upstream;dur=12.50, total;dur=13.40` (and `cache` when served from it). */
  serverTiming(now: number = performance.now()): string {
    const cache = this.cacheServed ? `cache;dur=${ms(this.cache)}, ` : '';
    return `auth;dur=${ms(this.auth)}, quota;dur=${ms(this.quota)}, ${cache}upstream;dur=${ms(this.upstream)}, total;dur=${ms(now - this.startedAt)}`;
  }
}

const ms = (value: number) => value.toFixed(2);
