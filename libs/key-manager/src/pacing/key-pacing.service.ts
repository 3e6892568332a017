import type { IncomingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger } from '@nestjs/common';
import { UpstreamKeyResolver, type UpstreamCredential } from '../upstream-key.resolver';
import { AccountRateLimitedError } from './pacing.errors';
import { hasLimits, Pacer, type KeyLimits, type PaceLimitName, type PaceOutcome } from './pacer';
import { reportedRoom } from './reported-room';

/** The longest a request waits for room before it is refused with 429 (never past its signal). */
export const MAX_PACING_WAIT_MS = 250;
const WARN_INTERVAL_MS = 60_000;

export interface PacingDemand {
  providerId: string;
  providerName: string;
  /** The tokens the call is expected to use; asked only when the key is paced. */
  tokens: () => number;
  signal?: AbortSignal;
}

/** The key a call goes out with, and where its tokens were counted (to correct them afterwards). */
export interface PacedKey {
  credential: UpstreamCredential;
  slot?: number;
  tokens?: number;
}

type LimitedKey = UpstreamCredential & { limits: KeyLimits };

/**
 * Paces outbound calls made with system keys that carry their account's limits, shared by every
 * instance (Pacer: Redis, or memory in embedded mode). A call takes a slot before it goes out;
 * when its key has no room, another system key with room takes it, else it waits for the soonest
 * room (at most MAX_PACING_WAIT_MS), else it is refused with a 429 whose Retry-After is when the
 * room frees. When the upstream's `x-ratelimit-*` headers report less room than the limits, that
 * room is followed until it resets.
 *
 * Pacing is opt-in per key: a key without limits is not paced at all (no Redis round trip, its
 * upstream 429s retried and sent down the fallback chain as ever), nor is a user's own key. While
 * Redis is unreachable, calls go out unpaced (fail open).
 */
@Injectable()
export class KeyPacing {
  private readonly logger = new Logger(KeyPacing.name);
  private lastWarning = 0;

  constructor(
    private readonly pacer: Pacer,
    private readonly keys: UpstreamKeyResolver,
  ) {}

  /** Whether calls with this key are paced: a system key with limits. */
  paces(credential: UpstreamCredential): credential is LimitedKey {
    return credential.source === 'system' && hasLimits(credential.limits);
  }

  /** A slot for one upstream call: on this key, on another system key with room, or after a short wait. */
  async acquire(credential: UpstreamCredential, demand: PacingDemand): Promise<PacedKey> {
    if (!this.paces(credential)) return { credential };
    const deadline = Date.now() + MAX_PACING_WAIT_MS;
    const tokens = demand.tokens();
    for (;;) {
      const tried = new Set<string>();
      let refusal: { limit: PaceLimitName; retryAfterMs: number } | undefined;
      for (let key: UpstreamCredential | undefined = credential; key; key = await this.next(demand, tried)) {
        tried.add(key.keyId);
        if (!this.paces(key)) return { credential: key };
        const outcome = await this.take(key, tokens);
        if (!outcome) return { credential: key };
        if (outcome.ok) return { credential: key, slot: outcome.slot, tokens };
        if (!refusal || outcome.retryAfterMs < refusal.retryAfterMs) refusal = outcome;
      }
      const wait = refusal!.retryAfterMs;
      if (Date.now() + wait > deadline || demand.signal?.aborted)
        throw new AccountRateLimitedError(demand.providerName, refusal!.limit, wait);
      try {
        await sleep(wait, undefined, { signal: demand.signal });
      } catch {
        throw new AccountRateLimitedError(demand.providerName, refusal!.limit, wait);
      }
    }
  }

  /** Corrects a call's counted tokens to what it used (non-streaming answers that report usage). */
  settle(paced: PacedKey, usedTokens: number | undefined): void {
    if (paced.slot === undefined || !paced.tokens || usedTokens === undefined) return;
    if (paced.credential.limits?.tokensPerMinute == null) return;
    this.pacer
      .correctTokens(paced.credential.keyId, paced.slot, usedTokens - paced.tokens)
      .catch((error: Error) => this.warn(`could not correct paced tokens: ${error.message}`));
  }

  /** Follows the room the upstream's headers report, when it is less than the key's limits. */
  observe(credential: UpstreamCredential, headers: IncomingHttpHeaders): void {
    if (!this.paces(credential)) return;
    const room = reportedRoom(headers, credential.limits);
    if (!room) return;
    // Sent now, on the connection the next acquire uses: that one reads it.
    this.pacer
      .report(credential.keyId, room)
      .catch((error: Error) => this.warn(`could not record the reported room: ${error.message}`));
  }

  /** The pacer's answer; null while it is unreachable (the call goes out unpaced). */
  private async take(key: LimitedKey, tokens: number): Promise<PaceOutcome | null> {
    try {
      return await this.pacer.acquire(key.keyId, key.limits, tokens);
    } catch (error) {
      this.warn(`pacing unavailable, calls go out unpaced: ${(error as Error).message}`);
      return null;
    }
  }

  /** The next system key not tried yet, if any. */
  private next(demand: PacingDemand, tried: ReadonlySet<string>): Promise<UpstreamCredential | undefined> {
    return this.keys.systemKey(demand.providerId, demand.providerName, tried).catch(() => undefined);
  }

  private warn(message: string): void {
    if (Date.now() - this.lastWarning < WARN_INTERVAL_MS) return;
    this.lastWarning = Date.now();
    this.logger.warn(message);
  }
}
