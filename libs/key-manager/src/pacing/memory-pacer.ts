import {
  MINUTE_WINDOW_MS,
  Pacer,
  SECOND_WINDOW_MS,
  TOKEN_WINDOW_SECONDS,
  type KeyLimits,
  type PaceOutcome,
  type ReportedRoom,
} from './pacer';

interface KeyWindows {
  /** Times (ms) of the requests counted, oldest first. */
  requests: number[];
  /** Tokens per second (bucket → tokens). */
  tokens: Map<number, number>;
  room?: { requests: number | null; tokens: number | null; until: number };
}

/** The pacing windows in this process (embedded mode: one instance), with the Redis script's rules. */
export class MemoryPacer extends Pacer {
  private readonly windows = new Map<string, KeyWindows>();

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  acquire(keyId: string, limits: KeyLimits, tokens: number): Promise<PaceOutcome> {
    return Promise.resolve(this.take(keyId, limits, Math.max(0, Math.ceil(tokens))));
  }

  correctTokens(keyId: string, slot: number, delta: number): Promise<void> {
    const buckets = this.windows.get(keyId)?.tokens;
    const counted = buckets?.get(slot);
    if (buckets && counted !== undefined) buckets.set(slot, counted + Math.round(delta));
    return Promise.resolve();
  }

  report(keyId: string, room: ReportedRoom): Promise<void> {
    this.of(keyId).room = {
      requests: room.requests,
      tokens: room.tokens,
      until: this.now() + Math.max(1, Math.ceil(room.resetMs)),
    };
    return Promise.resolve();
  }

  private take(keyId: string, limits: KeyLimits, tokens: number): PaceOutcome {
    const now = this.now();
    const windows = this.of(keyId);
    const room = windows.room && windows.room.until > now ? windows.room : undefined;
    if (room?.requests != null && room.requests < 1)
      return { ok: false, limit: 'reported_requests', retryAfterMs: room.until - now };
    if (room?.tokens != null && tokens > 0 && room.tokens < tokens)
      return { ok: false, limit: 'reported_tokens', retryAfterMs: room.until - now };
    const { requestsPerSecond: rps, requestsPerMinute: rpm, tokensPerMinute: tpm } = limits;
    const keep = rpm !== null ? MINUTE_WINDOW_MS : SECOND_WINDOW_MS;
    windows.requests = windows.requests.filter((at) => at > now - keep);
    if (rps !== null) {
      const recent = windows.requests.filter((at) => at > now - SECOND_WINDOW_MS);
      if (recent.length >= rps)
        return {
          ok: false,
          limit: 'requests_per_second',
          retryAfterMs: Math.max(recent[recent.length - rps] + SECOND_WINDOW_MS - now, 1),
        };
    }
    if (rpm !== null && windows.requests.length >= rpm)
      return {
        ok: false,
        limit: 'requests_per_minute',
        retryAfterMs: Math.max(windows.requests[windows.requests.length - rpm] + MINUTE_WINDOW_MS - now, 1),
      };
    const second = Math.floor(now / 1000);
    if (tpm !== null && tokens > 0) {
      const wait = this.tokenWait(windows.tokens, second, tpm, tokens, now);
      if (wait !== undefined) return { ok: false, limit: 'tokens_per_minute', retryAfterMs: wait };
    }
    if (rps !== null || rpm !== null) windows.requests.push(now);
    if (tpm !== null && tokens > 0) windows.tokens.set(second, (windows.tokens.get(second) ?? 0) + tokens);
    if (room?.requests != null) room.requests -= 1;
    if (room?.tokens != null && tokens > 0) room.tokens -= tokens;
    return { ok: true, slot: second };
  }

  /** Ms until `tokens` fit in the minute, or undefined when they fit now. */
  private tokenWait(buckets: Map<number, number>, second: number, tpm: number, tokens: number, now: number) {
    let used = 0;
    for (const [bucket, amount] of buckets) {
      if (bucket <= second - TOKEN_WINDOW_SECONDS) buckets.delete(bucket);
      else used += amount;
    }
    // A request larger than the whole minute goes alone, when nothing else is counted.
    if (used === 0 || used + tokens <= tpm) return undefined;
    let free = tpm - used;
    for (const bucket of [...buckets.keys()].sort((a, b) => a - b)) {
      free += buckets.get(bucket)!;
      if (free >= tokens || free >= tpm) return Math.max((bucket + TOKEN_WINDOW_SECONDS) * 1000 - now, 1);
    }
    return TOKEN_WINDOW_SECONDS * 1000;
  }

  private of(keyId: string): KeyWindows {
    let windows = this.windows.get(keyId);
    if (!windows) this.windows.set(keyId, (windows = { requests: [], tokens: new Map() }));
    return windows;
  }
}
