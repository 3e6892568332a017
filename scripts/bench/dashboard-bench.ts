/**
 * `npm run bench:dashboard`: every request the dashboard's pages make on load, timed against a
 * big ledger.
 *
 * Creates its own database from the migrations and seeds it with set-based SQL: DASH_USERS users
 * (100,000), DASH_EVENTS usage events (1,000,000) over the last 30 days (tiers, features, models,
 * errors, fallbacks, cached answers, own keys, heavy and light users), their daily rollups (the
 * writer's own rollup statement), audit entries and quota requests. Then it starts the upstream
 * simulator and the api in this process (as the e2e tests do), signs in as an admin and as the
 * heaviest user, and times each request DASH_SAMPLES (50) times in a row after DASH_WARMUP (5)
 * untimed ones. Prints p50/p95/max per request and fails when a p95 is over DASH_BUDGET_MS (300).
 * The database is dropped at the end, unless DASH_KEEP=1 (to EXPLAIN ANALYZE queries on it).
 * Environment: BENCH_DATABASE_URL, BENCH_REDIS_URL, and the DASH_* above.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import * as argon2 from 'argon2';
import { Client } from 'pg';
import { loadApiConfig } from '@tiergate/config';
import { runMigrations } from '@tiergate/database';
import { deleteKeysWithPrefix } from '@tiergate/redis';
import { rollupStatement } from '@tiergate/usage';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { startSimulator } from '../../apps/upstream-sim/src/simulator';

const ADMIN_DB = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const USERS = Number(process.env.DASH_USERS ?? 100_000);
const EVENTS = Number(process.env.DASH_EVENTS ?? 1_000_000);
const SAMPLES = Number(process.env.DASH_SAMPLES ?? 50);
const WARMUP = Number(process.env.DASH_WARMUP ?? 5);
const BUDGET_MS = Number(process.env.DASH_BUDGET_MS ?? 300);
const KEEP = process.env.DASH_KEEP === '1';
const ADMIN = { email: 'admin@bench.example', password: 'bench-admin-password' };
const HEAVY_USER = { email: 'user1@bench.example', password: 'bench-user-password' };

/** The tier of seeded user i (3% enterprise, 12% premium, the rest free); SQL and TS agree. */
const TIER_OF = (i: string) =>
  `CASE WHEN ${i} % 100 < 3 THEN 'enterprise' WHEN ${i} % 100 < 15 THEN 'premium' ELSE 'free' END`;

/** Each tier's primary and fallback model per feature, with token prices (USD per million). */
const ROUTES: Array<[string, number, string, string, string, string, number]> = [
  [
    'free',
    0,
    'text_generation',
    'chat',
    'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
    'Qwen/Qwen2.5-7B-Instruct-Turbo',
    0.18,
  ],
  [
    'free',
    1,
    'code_generation',
    'code',
    'Nexusflow/NexusRaven-V2-13B',
    'Qwen/Qwen2.5-7B-Instruct-Turbo',
    0.3,
  ],
  [
    'free',
    2,
    'image_generation',
    'image',
    'black-forest-labs/FLUX.1-schnell',
    'stabilityai/stable-diffusion-xl-base-1.0',
    0,
  ],
  ['free', 3, 'vision_analysis', 'vision', 'Qwen/Qwen-VL-Chat', 'Qwen/Qwen3.5-9B', 0.2],
  ['free', 4, 'audio_tts', 'audio_tts', 'hexgrad/Kokoro-82M', 'cartesia/sonic-2', 0],
  ['free', 5, 'audio_stt', 'audio_stt', 'openai/whisper-large-v3', 'nvidia/parakeet-tdt-0.6b-v3', 0],
  [
    'premium',
    0,
    'text_generation',
    'chat',
    'meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo',
    'meta-llama/Llama-3.3-70B-Instruct-Turbo',
    0.88,
  ],
  [
    'premium',
    1,
    'code_generation',
    'code',
    'deepseek-ai/deepseek-coder-33b-instruct',
    'Nexusflow/NexusRaven-V2-13B',
    0.8,
  ],
  [
    'premium',
    2,
    'image_generation',
    'image',
    'stabilityai/stable-diffusion-xl-base-1.0',
    'black-forest-labs/FLUX.2-dev',
    0,
  ],
  ['premium', 3, 'vision_analysis', 'vision', 'deepseek-ai/deepseek-vl-7b-chat', 'Qwen/Qwen3.5-9B', 0.2],
  ['premium', 4, 'audio_tts', 'audio_tts', 'cartesia/sonic-2', 'hexgrad/Kokoro-82M', 0],
  ['premium', 5, 'audio_stt', 'audio_stt', 'openai/whisper-large-v3', 'nvidia/parakeet-tdt-0.6b-v3', 0],
  [
    'enterprise',
    0,
    'text_generation',
    'chat',
    'meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo',
    'meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo',
    3.5,
  ],
  [
    'enterprise',
    1,
    'code_generation',
    'code',
    'Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8',
    'deepseek-ai/deepseek-coder-33b-instruct',
    2,
  ],
  [
    'enterprise',
    2,
    'image_generation',
    'image',
    'black-forest-labs/FLUX.2-pro',
    'stabilityai/stable-diffusion-xl-base-1.0',
    0,
  ],
  ['enterprise', 3, 'vision_analysis', 'vision', 'moonshotai/Kimi-K3', 'deepseek-ai/deepseek-vl-7b-chat', 1],
  ['enterprise', 4, 'audio_tts', 'audio_tts', 'cartesia/sonic-2', 'canopylabs/orpheus-3b-0.1-ft', 0],
  ['enterprise', 5, 'audio_stt', 'audio_stt', 'openai/whisper-large-v3', 'nvidia/parakeet-tdt-0.6b-v3', 0],
];

/**
 * The ledger, in one statement. Per event: a time uniform over the last 30 days; a user drawn
 * with a heavy skew (user = 1 + floor(N * r³): the top 1% of users make about a fifth of the
 * requests, half of them about four fifths); a feature (60% text, 15% code, 8% images, 7% vision,
 * 5% speech, 5% transcription); 3% errors (502, 503, 504, 429, 400), 2% cached answers, 6%
 * served by a fallback, 5% on the user's own key; skewed latencies; time to first token for
 * 40% of text and code (streams).
 */
const SEED_EVENTS = `
INSERT INTO usage_events (request_id, occurred_at, user_id, tier, feature, modality, requested_model, served_model,
  provider, key_source, is_fallback, fallback_strategy, cached, prompt_tokens, completion_tokens, total_tokens,
  images, audio_seconds, characters, cost_usd, latency_ms, ttft_ms, status, error_code)
SELECT gen_random_uuid()::text, e.at, md5('bench-user-' || e.u)::uuid, r.tier, r.feature, r.modality,
  CASE WHEN e.r4 < 0.1 THEN r.primary_model END,
  CASE WHEN e.outcome = 'error' THEN NULL WHEN e.fallback THEN r.fallback_model ELSE r.primary_model END,
  CASE WHEN e.outcome = 'error' THEN NULL ELSE 'together_ai' END,
  CASE WHEN e.r4 > 0.95 THEN 'user' ELSE 'system' END,
  e.fallback AND e.outcome = 'ok', CASE WHEN e.fallback AND e.outcome = 'ok' THEN 'SAME_PROVIDER_DIFFERENT_MODEL' END,
  e.outcome = 'cached', e.pt, e.ct, e.pt + e.ct,
  CASE WHEN r.f = 2 AND e.outcome <> 'error' THEN 1 ELSE 0 END,
  CASE WHEN r.f IN (4, 5) AND e.outcome <> 'error' THEN round((e.r5 * 60)::numeric, 3) ELSE 0 END,
  CASE WHEN r.f = 4 AND e.outcome <> 'error' THEN (e.r5 * 900)::int ELSE 0 END,
  CASE WHEN e.outcome = 'ok' THEN round(((e.pt + e.ct) * r.price / 1e6
    + CASE r.f WHEN 2 THEN 0.0027 WHEN 4 THEN e.r5 * 0.0135 WHEN 5 THEN e.r5 * 0.0015 ELSE 0 END)::numeric, 8) ELSE 0 END,
  e.latency, CASE WHEN r.f IN (0, 1) AND e.r5 < 0.4 THEN least(e.latency, 40 + (e.r5 * 400)::int) END,
  CASE WHEN e.outcome = 'error' THEN (ARRAY[502, 503, 504, 429, 400])[1 + (e.r5 * 5)::int % 5] ELSE 200 END,
  CASE WHEN e.outcome = 'error' THEN (ARRAY['upstream_error', 'upstream_unavailable', 'upstream_timeout',
    'quota_exceeded', 'validation_failed'])[1 + (e.r5 * 5)::int % 5] END
FROM (
  SELECT now() - interval '30 days' * random() AS at,
    1 + floor($1 * power(random(), 3))::int AS u,
    CASE WHEN r1 < 0.60 THEN 0 WHEN r1 < 0.75 THEN 1 WHEN r1 < 0.83 THEN 2 WHEN r1 < 0.90 THEN 3
         WHEN r1 < 0.95 THEN 4 ELSE 5 END AS f,
    CASE WHEN r2 < 0.03 THEN 'error' WHEN r2 < 0.05 THEN 'cached' ELSE 'ok' END AS outcome,
    r3 < 0.06 AS fallback, r4, r5,
    CASE WHEN r2 < 0.03 THEN 0 ELSE 20 + (r3 * 1500)::int END AS pt,
    CASE WHEN r2 < 0.03 THEN 0 ELSE 10 + (r4 * 600)::int END AS ct,
    (40 + 3000 * power(random(), 3))::int AS latency
  FROM (SELECT random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
          FROM generate_series(1, $2)) AS raw
) AS e
JOIN bench_routes r ON r.f = e.f AND r.tier = ${TIER_OF('e.u')}
ORDER BY e.at`; // in time order, as the ledger fills: the time-ordered indexes grow at their end

async function timed<T>(what: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`  ${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** Seeds the database with set-based SQL; returns the row counts. */
async function seed(db: Client): Promise<Record<string, number>> {
  await db.query(`SET synchronous_commit = off`);
  // Partitions for the months the last 30 days reach back into (the migration made this month on).
  await db.query(`
    DO $$
    DECLARE m date := date_trunc('month', (now() - interval '31 days') AT TIME ZONE 'UTC')::date;
    BEGIN
      WHILE m < date_trunc('month', now() AT TIME ZONE 'UTC')::date LOOP
        EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF usage_events FOR VALUES FROM (%L) TO (%L)',
          'usage_events_' || to_char(m, 'YYYY_MM'), m::timestamp AT TIME ZONE 'UTC',
          (m + interval '1 month')::timestamp AT TIME ZONE 'UTC');
        m := m + interval '1 month';
      END LOOP;
    END $$`);
  await timed(`${USERS.toLocaleString('en')} users`, () =>
    db.query(
      `INSERT INTO users (id, email, password_hash, role, tier, active, created_at, updated_at)
       SELECT md5('bench-user-' || i)::uuid, 'user' || i || '@bench.example', '!', 'user', ${TIER_OF('i')},
              i % 50 <> 0, now() - i * interval '5 minutes', now() - i * interval '5 minutes'
         FROM generate_series(1, $1) AS i`,
      [USERS],
    ),
  );
  await db.query(`UPDATE users SET password_hash = $1 WHERE email = $2`, [
    await argon2.hash(HEAVY_USER.password, { type: argon2.argon2id }),
    HEAVY_USER.email,
  ]);
  await db.query(`CREATE TEMP TABLE bench_routes (tier text, f int, feature text, modality text,
    primary_model text, fallback_model text, price numeric)`);
  for (const route of ROUTES)
    await db.query(`INSERT INTO bench_routes VALUES ($1, $2, $3, $4, $5, $6, $7)`, route);
  await timed(`${EVENTS.toLocaleString('en')} usage events`, () => db.query(SEED_EVENTS, [USERS, EVENTS]));
  await timed('daily rollups (the writer’s rollup statement, and its trigger for the totals)', () =>
    db.query(rollupStatement('usage_events')),
  );
  await timed('20,000 audit entries and 3,000 quota requests', async () => {
    await db.query(
      `INSERT INTO audit_log (occurred_at, actor_id, actor_email, action, target_type, target_id, before, after, request_id)
       SELECT now() - random() * interval '90 days', NULL, $1,
              (ARRAY['user.update', 'flags.update', 'quota.tier.update', 'provider_key.rotate', 'prices.update'])[1 + i % 5],
              (ARRAY['user', 'feature_flag', 'tier', 'provider_key', 'price_table'])[1 + i % 5],
              md5(i::text), jsonb_build_object('tier', 'free'), jsonb_build_object('tier', 'premium'), gen_random_uuid()::text
         FROM generate_series(1, 20000) AS i`,
      [ADMIN.email],
    );
    await db.query(
      `INSERT INTO quota_requests (user_id, feature, limit_name, requested_limit, reason, status, created_at)
       SELECT md5('bench-user-' || (1 + (i * 37) % $1))::uuid, 'text_generation', 'requests_per_day', 1000,
              'More requests for a project', CASE WHEN i % 10 = 0 THEN 'pending' WHEN i % 3 = 0 THEN 'denied' ELSE 'approved' END,
              now() - random() * interval '90 days'
         FROM generate_series(1, 3000) AS i`,
      [USERS],
    );
  });
  await timed('VACUUM ANALYZE', () => db.query('VACUUM ANALYZE'));
  const counts: Record<string, number> = {};
  for (const table of [
    'users',
    'usage_events',
    'usage_daily',
    'usage_daily_totals',
    'audit_log',
    'quota_requests',
  ])
    counts[table] = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  return counts;
}

interface Timing {
  page: string;
  name: string;
  path: string;
  p50: number;
  p95: number;
  max: number;
  bytes: number;
}

/** Times one GET: warm-up, then SAMPLES sequential requests; every answer must be a 200. */
async function measure(
  api: string,
  token: string,
  page: string,
  name: string,
  path: string,
): Promise<Timing> {
  const get = async () => {
    const started = performance.now();
    const response = await fetch(api + path, { headers: { authorization: `Bearer ${token}` } });
    const body = await response.arrayBuffer();
    const ms = performance.now() - started;
    if (response.status !== 200)
      throw new Error(`${name}: GET ${path} answered ${response.status}: ${Buffer.from(body).toString()}`);
    return { ms, bytes: body.byteLength };
  };
  for (let i = 0; i < WARMUP; i++) await get();
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const sample = await get();
    samples.push(sample.ms);
    bytes = sample.bytes;
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.ceil(p * samples.length) - 1)];
  return { page, name, path, p50: at(0.5), p95: at(0.95), max: samples.at(-1)!, bytes };
}

async function login(api: string, credentials: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${api}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (!response.ok)
    throw new Error(`login as ${credentials.email}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** The cursor of the `page`-th page of the Request Log (to time a page deep in the log). */
async function cursorAt(api: string, token: string, page: number): Promise<string> {
  let cursor = '';
  for (let i = 1; i < page; i++) {
    const response = await fetch(
      `${api}/api/v1/admin/usage/events?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    cursor = ((await response.json()) as { next_cursor: string }).next_cursor;
  }
  return cursor;
}

async function run(databaseUrl: string, keyPrefix: string, dataDir: string): Promise<Timing[]> {
  const sim = await startSimulator(0);
  const config = loadApiConfig({
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    REDIS_KEY_PREFIX: keyPrefix,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
    ENCRYPTION_KEY: '2'.repeat(64),
    TOGETHER_API_KEY: 'bench-key-000000',
    TOGETHER_BASE_URL: sim.baseUrl,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
  });
  // Logs are written as in production, to a sink that drops them.
  const logs = new Writable({ write: (_chunk, _encoding, done) => done() });
  const app = await createApiApp(config, { logDestination: logs });
  await app.listen(0, '127.0.0.1');
  const api = await app.getUrl();
  try {
    const admin = await login(api, ADMIN);
    const user = await login(api, HEAVY_USER);
    for (const name of ['laptop', 'ci', 'notebook'])
      await fetch(`${api}/api/v1/me/api-keys`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${user}` },
        body: JSON.stringify({ name }),
      });
    const deep = await cursorAt(api, admin, 20);
    const requests: Array<[string, string, string, string]> = [
      ['Overview', 'admin', 'overview', '/api/v1/admin/overview'],
      ['Users', 'admin', 'users, page 1', '/api/v1/admin/users?page=1&page_size=20'],
      ['Users', 'admin', 'users, search', '/api/v1/admin/users?search=user4242&page=1&page_size=20'],
      ['Audit', 'admin', 'audit, page 1', '/api/v1/admin/audit?page=1&page_size=20'],
      ['Usage', 'admin', 'usage report (30 days by day)', '/api/v1/admin/usage?group_by=day'],
      ['Usage', 'admin', 'usage report (30 days by model)', '/api/v1/admin/usage?group_by=model'],
      ['Usage', 'admin', 'usage series by model', '/api/v1/admin/usage/series?split_by=model'],
      ['Request Log', 'admin', 'request log, first page', '/api/v1/admin/usage/events?limit=50'],
      [
        'Request Log',
        'admin',
        'request log, page 20 (cursor)',
        `/api/v1/admin/usage/events?limit=50&cursor=${deep}`,
      ],
      [
        'Request Log',
        'admin',
        'request log, errors only',
        '/api/v1/admin/usage/events?limit=50&status=error',
      ],
      [
        'Request Log',
        'admin',
        'request log, one model',
        `/api/v1/admin/usage/events?limit=50&model=${encodeURIComponent('nvidia/parakeet-tdt-0.6b-v3')}`,
      ],
      [
        'Request Log',
        'admin',
        'request log, one user',
        `/api/v1/admin/usage/events?limit=50&user_id=${userId(1)}`,
      ],
      [
        'Request Log',
        'admin',
        'request log, 4 filters (rare)',
        '/api/v1/admin/usage/events?limit=50&tier=enterprise&feature=audio_tts&key_source=user&status=error',
      ],
      ['Quotas', 'admin', 'quota requests (pending)', '/api/v1/admin/quota-requests?status=pending'],
      ['Quotas', 'admin', 'quota requests (all)', '/api/v1/admin/quota-requests'],
      ['Flags', 'admin', 'flags', '/api/v1/admin/flags'],
      ['Keys', 'admin', 'provider keys', '/api/v1/admin/provider-keys'],
      ['Models', 'admin', 'model config', '/api/v1/admin/model-config'],
      ['Prices', 'admin', 'prices', '/api/v1/admin/prices'],
      ['Quota', 'user', 'my quota', '/api/v1/together/quota'],
      ['Usage', 'user', 'my usage (30 days)', '/api/v1/me/usage'],
      ['Billing', 'user', 'my billing', '/api/v1/me/billing'],
      ['Keys', 'user', 'my API keys', '/api/v1/me/api-keys'],
      ['Models', 'user', 'models', '/api/v1/together/models'],
    ];
    const timings: Timing[] = [];
    for (const [page, who, name, path] of requests)
      timings.push(await measure(api, who === 'admin' ? admin : user, `${who}: ${page}`, name, path));
    return timings;
  } finally {
    await app.close();
    await sim.close();
  }
}

/** The id of seeded user i (the same md5 the seed uses). */
function userId(i: number): string {
  const hex = createHash('md5').update(`bench-user-${i}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function print(timings: Timing[]): boolean {
  const ms = (value: number) => value.toFixed(1).padStart(7);
  console.log(
    `\n${'page'.padEnd(20)} ${'request'.padEnd(34)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'bytes'.padStart(8)}`,
  );
  let ok = true;
  for (const t of timings) {
    const over = t.p95 > BUDGET_MS;
    ok &&= !over;
    console.log(
      `${t.page.padEnd(20)} ${t.name.padEnd(34)} ${ms(t.p50)} ${ms(t.p95)} ${ms(t.max)} ${String(t.bytes).padStart(8)}${over ? `  OVER ${BUDGET_MS} ms` : ''}`,
    );
  }
  return ok;
}

async function main(): Promise<void> {
  const database = `tiergate_dashboard_bench_${Date.now()}`;
  const admin = new Client({ connectionString: ADMIN_DB });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  const url = new URL(ADMIN_DB);
  url.pathname = `/${database}`;
  const keyPrefix = `tiergate-dashboard-bench-${randomUUID().slice(0, 8)}:`;
  const dataDir = mkdtempSync(join(tmpdir(), 'tiergate-dashboard-bench-'));
  let ok = false;
  try {
    await runMigrations({ url: url.toString() });
    console.log(`Seeding ${database}:`);
    const db = new Client({ connectionString: url.toString() });
    await db.connect();
    try {
      const started = performance.now();
      const counts = await seed(db);
      console.log(`  seeded in ${((performance.now() - started) / 1000).toFixed(1)} s:`, counts);
    } finally {
      await db.end();
    }
    console.log(
      `Timing ${SAMPLES} sequential requests each (after ${WARMUP} warm-up), budget p95 ≤ ${BUDGET_MS} ms`,
    );
    ok = print(await run(url.toString(), keyPrefix, dataDir));
  } finally {
    if (KEEP) console.log(`Kept the database ${url.toString()}`);
    else await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
    await deleteKeysWithPrefix(REDIS_URL, keyPrefix);
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (!ok) {
    console.error(`\nSome requests are over the ${BUDGET_MS} ms budget at p95.`);
    process.exitCode = 1;
  }
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
