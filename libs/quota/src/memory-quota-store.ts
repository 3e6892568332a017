import {
  checkedLimits,
  newSeedMark,
  QuotaStore,
  seedMarkTime,
  type DayCounters,
  type DayUsage,
  type LimitName,
  type ReservationAmounts,
  type ReservationKeys,
  type ReservationLimits,
  type ReserveOutcome,
} from './quota-store';

/** As long as the Redis store keeps a reservation's trace. */
const TRACE_TTL_MS = 3_600_000;

interface Entry<T> {
  value: T;
  expiresAt: number;
}

/**
 * The same rules in one process: embedded mode (it starts with no seed marks, so every user is
 * rebuilt from the ledger after a restart), and the fail-open fallback while Redis is down.
 */
export class MemoryQuotaStore extends QuotaStore {
  private readonly counters = new Map<string, Entry<number>>();
  private readonly marks = new Map<string, Entry<string>>();

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  reserve(
    keys: ReservationKeys,
    limits: ReservationLimits,
    amounts: ReservationAmounts,
    requireSeed: boolean,
  ): Promise<ReserveOutcome> {
    const k = this.keyNames(keys);
    const q = amounts.quota;
    const seed = q ? this.mark(keys.userId, keys.day) : '';
    if (q && requireSeed && seed === undefined) return Promise.resolve({ ok: false, unseeded: true });
    // Each limit's counter: what it holds, and what this request adds to it (as RESERVE_SCRIPT).
    const counted: Record<LimitName, readonly [number, number]> = {
      requests_per_second: [this.get(k.second), 1],
      requests_per_minute: [this.get(`${k.minute}:r`), 1],
      tokens_per_minute: [this.get(`${k.minute}:t`), amounts.tokens],
      concurrent_streams: [this.get(k.streams), amounts.stream ? 1 : 0],
      requests_per_day: [this.get(`${k.day}:r`), q ? 1 : 0],
      tokens_per_day: [this.get(`${k.day}:t`), q ? amounts.tokens : 0],
      minutes_per_day: [this.get(`${k.day}:m`), q ? amounts.audioMs : 0],
    };
    for (const [limit, limitValue] of checkedLimits(limits)) {
      const [current, wanted] = counted[limit];
      if (wanted > 0 && current + wanted > limitValue)
        return Promise.resolve({ ok: false, limit, limitValue });
    }
    this.add(k.second, 1, 2);
    this.add(`${k.minute}:r`, 1, 120);
    this.add(`${k.minute}:t`, amounts.tokens, 120);
    if (amounts.stream) this.add(k.streams, 1, 3600);
    if (q) this.addDay(k.day, 1, amounts.tokens, amounts.audioMs, keys.dayTtlSeconds);
    if (keys.reservation !== undefined)
      this.marks.set(k.trace, { value: '1', expiresAt: this.now() + TRACE_TTL_MS });
    return Promise.resolve({
      ok: true,
      requestsUsed: this.get(`${k.day}:r`),
      tokensUsed: this.get(`${k.day}:t`),
      audioMsUsed: this.get(`${k.day}:m`),
      seed: seed ?? '',
    });
  }

  seed(
    userId: string,
    day: string,
    totals: Readonly<Record<string, DayUsage>>,
    ttlSeconds: number,
  ): Promise<boolean> {
    if (this.mark(userId, day) !== undefined) return Promise.resolve(false);
    for (const [feature, usage] of Object.entries(totals)) {
      const key = `${userId}:d:${day}:${feature}`;
      const wanted: Array<[string, number]> = [
        [`${key}:r`, usage.requests],
        [`${key}:t`, usage.tokens],
        [`${key}:m`, usage.audioMs],
      ];
      if (wanted.every(([, value]) => value <= 0)) continue;
      for (const [name, value] of wanted)
        this.counters.set(name, {
          value: Math.max(this.get(name), value),
          expiresAt: this.now() + ttlSeconds * 1000,
        });
    }
    this.marks.set(`${userId}:${day}`, { value: newSeedMark(), expiresAt: this.now() + ttlSeconds * 1000 });
    return Promise.resolve(true);
  }

  settle(
    keys: ReservationKeys,
    amounts: ReservationAmounts,
    tokenDelta: number,
    audioMsDelta: number,
  ): Promise<void> {
    this.adjust(keys, amounts, tokenDelta, audioMsDelta, 0);
    return Promise.resolve();
  }

  refund(keys: ReservationKeys, amounts: ReservationAmounts): Promise<void> {
    this.adjust(keys, amounts, -amounts.tokens, -amounts.audioMs, -1);
    return Promise.resolve();
  }

  undoLost(keys: ReservationKeys, amounts: ReservationAmounts): Promise<boolean> {
    const k = this.keyNames(keys);
    if (keys.reservation === undefined || this.live(this.marks, k.trace) === undefined)
      return Promise.resolve(false);
    this.marks.delete(k.trace);
    if (amounts.quota && this.counters.has(`${k.day}:r`))
      this.addDay(k.day, -1, -amounts.tokens, -amounts.audioMs, keys.dayTtlSeconds);
    if (this.counters.has(`${k.minute}:t`)) this.add(`${k.minute}:t`, -amounts.tokens, 120);
    if (amounts.stream && this.get(k.streams) > 0) this.add(k.streams, -1, 3600);
    return Promise.resolve(true);
  }

  dayUsage(userId: string, day: string, features: readonly string[]): Promise<DayCounters> {
    return Promise.resolve({
      seeded: this.mark(userId, day) !== undefined,
      features: Object.fromEntries(
        features.map((feature) => {
          const key = `${userId}:d:${day}:${feature}`;
          return [
            feature,
            { requests: this.get(`${key}:r`), tokens: this.get(`${key}:t`), audioMs: this.get(`${key}:m`) },
          ];
        }),
      ),
    });
  }

  carryOver(
    userId: string,
    day: string,
    feature: string,
    usage: DayUsage,
    since: number,
    ttlSeconds: number,
    once?: string,
  ): Promise<void> {
    if (once !== undefined) {
      const onceKey = `${userId}:once:${day}:${once}`;
      if (this.live(this.marks, onceKey) !== undefined) return Promise.resolve();
      this.marks.set(onceKey, { value: '1', expiresAt: this.now() + ttlSeconds * 1000 });
    }
    const mark = this.mark(userId, day);
    if (mark === undefined || seedMarkTime(mark) < since)
      this.addDay(`${userId}:d:${day}:${feature}`, usage.requests, usage.tokens, usage.audioMs, ttlSeconds);
    return Promise.resolve();
  }

  /** The day counters held here, per user, day and feature (the fail-open period's counts). */
  dayCounters(): Array<{ userId: string; day: string; feature: string; usage: DayUsage }> {
    const found = new Map<string, { userId: string; day: string; feature: string; usage: DayUsage }>();
    for (const key of this.counters.keys()) {
      const match = /^(.+):d:([^:]+):([^:]+):[rtm]$/.exec(key);
      if (!match) continue;
      const [, userId, day, feature] = match;
      const base = `${userId}:d:${day}:${feature}`;
      if (found.has(base)) continue;
      const usage = {
        requests: this.get(`${base}:r`),
        tokens: this.get(`${base}:t`),
        audioMs: this.get(`${base}:m`),
      };
      if (usage.requests || usage.tokens || usage.audioMs) found.set(base, { userId, day, feature, usage });
    }
    return [...found.values()];
  }

  /** Takes usage off a user's day counters (what was carried over to the shared store). */
  subtract(userId: string, day: string, feature: string, usage: DayUsage, ttlSeconds: number): void {
    this.addDay(`${userId}:d:${day}:${feature}`, -usage.requests, -usage.tokens, -usage.audioMs, ttlSeconds);
  }

  /** The same decisions as the Redis store's ADJUST script. */
  private adjust(
    keys: ReservationKeys,
    amounts: ReservationAmounts,
    tokens: number,
    ms: number,
    requests: number,
  ) {
    const k = this.keyNames(keys);
    if (amounts.quota) {
      const mark = this.mark(keys.userId, keys.day) ?? '';
      const seed = keys.seed ?? '';
      if (mark === seed) {
        if (this.counters.has(`${k.day}:r`)) this.addDay(k.day, requests, tokens, ms, keys.dayTtlSeconds);
      } else if (mark !== '' && seed !== '' && requests === 0) {
        this.addDay(k.day, 1, amounts.tokens + tokens, amounts.audioMs + ms, keys.dayTtlSeconds);
      }
    }
    if (this.counters.has(`${k.minute}:t`)) this.add(`${k.minute}:t`, tokens, 120);
    if (amounts.stream && this.get(k.streams) > 0) this.add(k.streams, -1, 3600);
    this.marks.delete(k.trace);
  }

  private addDay(day: string, requests: number, tokens: number, ms: number, ttlSeconds: number): void {
    this.add(`${day}:r`, requests, ttlSeconds);
    this.add(`${day}:t`, tokens, ttlSeconds);
    this.add(`${day}:m`, ms, ttlSeconds);
  }

  private keyNames(keys: ReservationKeys) {
    const user = keys.userId;
    return {
      day: `${user}:d:${keys.day}:${keys.feature}`,
      second: `${user}:s:${keys.second}`,
      minute: `${user}:m:${keys.minute}`,
      streams: `${user}:streams`,
      trace: `${user}:res:${keys.reservation ?? ''}`,
    };
  }

  private mark(userId: string, day: string): string | undefined {
    return this.live(this.marks, `${userId}:${day}`);
  }

  /** An entry's value, or undefined once it expired (then it is dropped). */
  private live<T>(entries: Map<string, Entry<T>>, key: string): T | undefined {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry?.value;
  }

  private get(key: string): number {
    const entry = this.counters.get(key);
    if (!entry) return 0;
    if (entry.expiresAt <= this.now()) {
      this.counters.delete(key);
      return 0;
    }
    return entry.value;
  }

  private add(key: string, amount: number, ttlSeconds: number): void {
    this.counters.set(key, { value: this.get(key) + amount, expiresAt: this.now() + ttlSeconds * 1000 });
    if (this.counters.size > 200_000) this.sweep();
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.counters) if (entry.expiresAt <= now) this.counters.delete(key);
    for (const [key, entry] of this.marks) if (entry.expiresAt <= now) this.marks.delete(key);
  }
}
