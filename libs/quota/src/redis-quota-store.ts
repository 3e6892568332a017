import type { Cluster, Redis } from 'ioredis';
import { defineScript } from '@tiergate/redis';
import {
  ADJUST_SCRIPT,
  CARRY_OVER_SCRIPT,
  RESERVE_SCRIPT,
  SEED_SCRIPT,
  UNDO_SCRIPT,
} from './redis-quota-scripts';
import {
  checkedLimits,
  newSeedMark,
  QuotaStore,
  type DayCounters,
  type DayUsage,
  type LimitName,
  type ReservationAmounts,
  type ReservationKeys,
  type ReservationLimits,
  type ReserveOutcome,
} from './quota-store';

/**
 * The counters in Redis. Every key of a user shares the hash tag `{userId}`, so each script
 * touches one hash slot and runs unchanged on a Redis Cluster.
 */
export class RedisQuotaStore extends QuotaStore {
  private readonly reserveScript;
  private readonly seedScript;
  private readonly adjustScript;
  private readonly carryOverScript;
  private readonly undoScript;

  constructor(
    private readonly redis: Redis | Cluster,
    private readonly prefix: string,
  ) {
    super();
    this.reserveScript = defineScript(redis, RESERVE_SCRIPT, 6);
    this.seedScript = defineScript(redis, SEED_SCRIPT);
    this.adjustScript = defineScript(redis, ADJUST_SCRIPT, 6);
    this.undoScript = defineScript(redis, UNDO_SCRIPT, 6);
    this.carryOverScript = defineScript(redis, CARRY_OVER_SCRIPT, 3);
  }

  async reserve(
    keys: ReservationKeys,
    limits: ReservationLimits,
    amounts: ReservationAmounts,
    requireSeed: boolean,
  ): Promise<ReserveOutcome> {
    const result = (await this.reserveScript(
      ...this.keyNames(keys),
      amounts.tokens,
      amounts.audioMs,
      amounts.stream ? 1 : 0,
      amounts.quota ? 1 : 0,
      keys.dayTtlSeconds,
      requireSeed ? 1 : 0,
      keys.reservation === undefined ? 0 : 1,
      ...checkedLimits(limits).flat(),
    )) as [1, number, number, number, string] | [0, LimitName, number] | [2];
    if (result[0] === 0) return { ok: false, limit: result[1], limitValue: result[2] };
    if (result[0] === 1)
      return {
        ok: true,
        requestsUsed: result[1],
        tokensUsed: result[2],
        audioMsUsed: result[3],
        seed: String(result[4]),
      };
    return { ok: false, unseeded: true };
  }

  async seed(
    userId: string,
    day: string,
    totals: Readonly<Record<string, DayUsage>>,
    ttlSeconds: number,
  ): Promise<boolean> {
    const features = Object.keys(totals);
    const result = await this.seedScript(
      1 + features.length,
      this.seedKey(userId, day),
      ...features.map((feature) => this.dayKey(userId, day, feature)),
      newSeedMark(),
      ttlSeconds,
      ...features.flatMap((feature) => {
        const { requests, tokens, audioMs } = totals[feature];
        return [requests, tokens, audioMs];
      }),
    );
    return result === 1;
  }

  async settle(
    keys: ReservationKeys,
    amounts: ReservationAmounts,
    tokenDelta: number,
    audioMsDelta: number,
  ): Promise<void> {
    await this.adjust(keys, amounts, tokenDelta, audioMsDelta, 0);
  }

  async refund(keys: ReservationKeys, amounts: ReservationAmounts): Promise<void> {
    await this.adjust(keys, amounts, -amounts.tokens, -amounts.audioMs, -1);
  }

  async dayUsage(userId: string, day: string, features: readonly string[]): Promise<DayCounters> {
    const pipeline = this.redis.pipeline();
    for (const feature of features) pipeline.hmget(this.dayKey(userId, day, feature), 'r', 't', 'm');
    pipeline.exists(this.seedKey(userId, day));
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([error]) => error)?.[0];
    if (failed) throw failed;
    return {
      seeded: results[features.length]?.[1] === 1,
      features: Object.fromEntries(
        features.map((feature, i) => {
          const [r, t, m] = (results[i]?.[1] as Array<string | null>) ?? [];
          return [feature, { requests: Number(r ?? 0), tokens: Number(t ?? 0), audioMs: Number(m ?? 0) }];
        }),
      ),
    };
  }

  private async adjust(
    keys: ReservationKeys,
    amounts: ReservationAmounts,
    tokens: number,
    ms: number,
    requests: number,
  ) {
    await this.adjustScript(
      ...this.keyNames(keys),
      tokens,
      ms,
      requests,
      amounts.stream ? 1 : 0,
      amounts.quota ? 1 : 0,
      keys.seed ?? '',
      amounts.tokens + tokens,
      amounts.audioMs + ms,
      keys.dayTtlSeconds,
      keys.reservation === undefined ? 0 : 1,
    );
  }

  async undoLost(keys: ReservationKeys, amounts: ReservationAmounts): Promise<boolean> {
    if (keys.reservation === undefined) return false;
    const undone = await this.undoScript(
      ...this.keyNames(keys),
      amounts.tokens,
      amounts.audioMs,
      amounts.stream ? 1 : 0,
      amounts.quota ? 1 : 0,
    );
    return undone === 1;
  }

  async carryOver(
    userId: string,
    day: string,
    feature: string,
    usage: DayUsage,
    since: number,
    ttlSeconds: number,
    once?: string,
  ): Promise<void> {
    await this.carryOverScript(
      this.dayKey(userId, day, feature),
      this.seedKey(userId, day),
      `${this.userKey(userId)}:once:${day}:${once ?? ''}`,
      usage.requests,
      usage.tokens,
      usage.audioMs,
      since,
      ttlSeconds,
      once === undefined ? 0 : 1,
    );
  }

  private keyNames(keys: ReservationKeys): string[] {
    const user = this.userKey(keys.userId);
    return [
      this.dayKey(keys.userId, keys.day, keys.feature),
      `${user}:s:${keys.second}`,
      `${user}:m:${keys.minute}`,
      `${user}:streams`,
      this.seedKey(keys.userId, keys.day),
      `${user}:res:${keys.reservation ?? ''}`,
    ];
  }

  private userKey(userId: string): string {
    return `${this.prefix}q:{${userId}}`;
  }

  private dayKey(userId: string, day: string, feature: string): string {
    return `${this.userKey(userId)}:d:${day}:${feature}`;
  }

  private seedKey(userId: string, day: string): string {
    return `${this.userKey(userId)}:seed:${day}`;
  }
}
