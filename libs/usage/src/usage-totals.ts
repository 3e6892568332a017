import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** What one feature's requests on a day counted against a user's quota, from the ledger. */
export interface CountedUsage {
  requests: number;
  tokens: number;
  audioMs: number;
}

/**
 * The ledger's side of the quota counters: for a user and a UTC day, per feature, the requests
 * that counted against the daily quota, with their tokens and audio. They are the answered ones
 * (status below 400: a failed call is refunded, a refused one never counted) sent on a system key
 * (a request on the caller's own key counts for rate limits only). Tokens are the reported totals
 * the quota settles to (0 for images and audio, whose rows carry none); audio is the measured
 * seconds. One indexed read of the per-user daily rollup (`usage_daily_user_idx`: user, day).
 *
 * One approximation: the quota decides "own key" from the first model's provider, the ledger
 * records the key that answered. They differ only when a fallback on another provider answered
 * (or the cached answer did) for a user with a key for just one of the providers.
 */
@Injectable()
export class UsageQuotaTotals {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `day` as the quota counters name it (YYYYMMDD) or as a date (YYYY-MM-DD). */
  async countedAgainstQuota(userId: string, day: string): Promise<Record<string, CountedUsage>> {
    const date = day.length === 8 ? `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}` : day;
    const rows = await this.dataSource.query<
      Array<{ feature: string; requests: string; tokens: string; audio_ms: string }>
    >(
      `SELECT feature, sum(requests)::text AS requests, sum(total_tokens)::text AS tokens,
              round(sum(audio_seconds) * 1000)::text AS audio_ms
         FROM usage_daily
        WHERE user_id = $1 AND day = $2::date AND key_source = 'system' AND status_class = 'ok'
        GROUP BY feature`,
      [userId, date],
    );
    return Object.fromEntries(
      rows.map((row) => [
        row.feature,
        { requests: Number(row.requests), tokens: Number(row.tokens), audioMs: Number(row.audio_ms) },
      ]),
    );
  }
}
