import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@tiergate/database';
import { createTestDatabase, usageEvent, type TestDatabase } from '@tiergate/testing';
import type { UsageEvent } from './usage-event';
import { UsageQuotaTotals } from './usage-totals';
import { UsageWriter } from './usage-writer';

describe('UsageQuotaTotals (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let writer: UsageWriter;
  let totals: UsageQuotaTotals;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions({ url: db.url })).initialize();
    writer = new UsageWriter(dataSource);
    totals = new UsageQuotaTotals(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const event = (userId: string, overrides: Partial<UsageEvent> = {}): UsageEvent =>
    usageEvent({
      occurredAt: '2030-05-17T10:00:00.000Z',
      userId,
      servedModel: 'm/one',
      provider: 'together_ai',
      promptTokens: 10,
      completionTokens: 5,
      totalTokens: 15,
      costUsd: 0.0001,
      latencyMs: 120,
      ...overrides,
    });

  it('writes every field of an event into its column, once however often the batch is retried', async () => {
    const user = randomUUID();
    const written = event(user, {
      requestId: 'req-fields~1',
      attemptOf: 'req-fields',
      requestedModel: 'm/asked',
      fallbackStrategy: 'DIFFERENT_PROVIDER',
      isFallback: true,
      cached: true,
      keySource: 'user',
      images: 3,
      audioSeconds: 4.5,
      characters: 6,
      ttftMs: 7,
      status: 502,
      errorCode: 'upstream_error',
    });
    expect(await writer.write([written])).toBe(1);
    expect(await writer.write([written])).toBe(0);
    const [row] = await dataSource.query<Array<Record<string, unknown>>>(
      'SELECT * FROM usage_events WHERE user_id = $1',
      [user],
    );
    expect(row).toMatchObject({
      request_id: 'req-fields~1',
      attempt_of: 'req-fields',
      occurred_at: new Date(written.occurredAt),
      user_id: user,
      tier: 'free',
      feature: 'text_generation',
      modality: 'chat',
      requested_model: 'm/asked',
      served_model: 'm/one',
      provider: 'together_ai',
      key_source: 'user',
      is_fallback: true,
      fallback_strategy: 'DIFFERENT_PROVIDER',
      cached: true,
      prompt_tokens: 10,
      completion_tokens: 5,
      total_tokens: 15,
      images: 3,
      characters: 6,
      latency_ms: 120,
      ttft_ms: 7,
      status: 502,
      error_code: 'upstream_error',
    });
    expect(Number(row.audio_seconds)).toBe(4.5);
    expect(Number(row.cost_usd)).toBe(0.0001);
  });

  it('sums what counted against the quota per feature: answered requests on a system key, that UTC day', async () => {
    const user = randomUUID();
    await writer.write([
      event(user),
      event(user, { totalTokens: 30, servedModel: 'm/two', isFallback: true }),
      event(user, { cached: true, totalTokens: 0, promptTokens: 0, completionTokens: 0 }),
      // Not counted: a failed call (refunded), a refusal, the caller's own key, another day, another user.
      event(user, { status: 502, errorCode: 'upstream_error', totalTokens: 0 }),
      event(user, { status: 429, errorCode: 'quota_exceeded', servedModel: null, totalTokens: 0 }),
      event(user, { keySource: 'user', totalTokens: 99 }),
      event(user, { occurredAt: '2030-05-16T23:59:59.999Z' }),
      event(user, { occurredAt: '2030-05-18T00:00:00.000Z' }),
      event(randomUUID()),
      event(user, { feature: 'audio_tts', modality: 'audio_tts', totalTokens: 0, audioSeconds: 1.5 }),
      event(user, { feature: 'audio_tts', modality: 'audio_tts', totalTokens: 0, audioSeconds: 2.25 }),
      event(user, { feature: 'image_generation', modality: 'image', totalTokens: 0, images: 2 }),
    ]);
    expect(await totals.countedAgainstQuota(user, '20300517')).toEqual({
      text_generation: { requests: 3, tokens: 45, audioMs: 0 },
      audio_tts: { requests: 2, tokens: 0, audioMs: 3_750 },
      image_generation: { requests: 1, tokens: 0, audioMs: 0 },
    });
    expect(await totals.countedAgainstQuota(user, '2030-05-18')).toEqual({
      text_generation: { requests: 1, tokens: 15, audioMs: 0 },
    });
    expect(await totals.countedAgainstQuota(randomUUID(), '20300517')).toEqual({});
  });

  it('reads one user and day through the per-user rollup index', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.query('SET enable_seqscan = off');
      const plan: Array<{ 'QUERY PLAN': string }> = await runner.query(
        `EXPLAIN SELECT feature FROM usage_daily WHERE user_id = $1 AND day = $2::date
           AND key_source = 'system' AND status_class = 'ok'`,
        [randomUUID(), '2030-05-17'],
      );
      expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('usage_daily_user_idx');
    } finally {
      await runner.query('RESET enable_seqscan');
      await runner.release();
    }
  });
});
