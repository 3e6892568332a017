import OpenAI, { toFile } from 'openai';
import { waitFor } from '@tiergate/testing';
import { findModel } from '../../upstream-sim/src/catalog';
import { BatchProcessor } from '../../worker/src/processors/batch.processor';
import { TestApi } from './support/test-api';

/** A JSONL of `count` chat requests in OpenAI's batch format. */
function jsonl(count: number, model: string, edit: (line: any, i: number) => void = () => undefined): Buffer {
  const lines = Array.from({ length: count }, (_, i) => {
    const line = {
      custom_id: `req-${i + 1}`,
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model, messages: [{ role: 'user', content: `batch question ${i + 1}` }], max_tokens: 16 },
    };
    edit(line, i);
    return JSON.stringify(line);
  });
  return Buffer.from(lines.join('\n') + '\n');
}

describe('batch jobs (e2e, official openai SDK)', () => {
  let api: TestApi;
  let admin: string;
  let model: string;
  let premium: { id: string; token: string };
  let client: OpenAI;

  const sdk = (token: string) => new OpenAI({ apiKey: token, baseURL: `${api.url}/v1`, maxRetries: 0 });
  const upload = async (who: OpenAI, content: Buffer) =>
    who.files.create({ file: await toFile(content, 'batch.jsonl'), purpose: 'batch' });
  const settled = (who: OpenAI, id: string, states: string[]) =>
    waitFor(
      async () => {
        const batch = await who.batches.retrieve(id);
        return states.includes(batch.status) ? batch : undefined;
      },
      20_000,
      `batch ${id} to reach ${states.join('/')}`,
    );
  const quotaOf = async (token: string) => (await api.get('/api/v1/together/quota', token)).body;
  const batchRows = (batchId: string) =>
    api.db.query<Record<string, any>>(
      `SELECT request_id, cost_usd, prompt_tokens, completion_tokens, status, served_model
       FROM usage_events WHERE request_id LIKE $1`,
      [`batch:${batchId}:%`],
    );

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
    model = api.config.models.chat;
    premium = await api.user();
    await api.patch(`/api/v1/admin/users/${premium.id}`, { tier: 'premium' }, admin);
    client = sdk(premium.token);
    await api.simControl.post('/_sim/batches/config', { validating_ms: 100, in_progress_ms: 400 });
  });
  afterAll(() => api.close());

  it('runs 100 chat requests to completion and charges each line once at half price', async () => {
    const quotaBefore = (await quotaOf(premium.token)).text_generation;
    const file = await upload(client, jsonl(100, model));
    expect(file).toMatchObject({ object: 'file', purpose: 'batch', bytes: expect.any(Number) });
    const created = await client.batches.create({
      input_file_id: file.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
    });
    expect(created).toMatchObject({ object: 'batch', status: 'validating', input_file_id: file.id });
    expect(created.request_counts).toEqual({ total: 100, completed: 0, failed: 0 });

    const done = await settled(client, created.id, ['completed', 'failed']);
    expect(done.status).toBe('completed');
    expect(done.request_counts).toEqual({ total: 100, completed: 100, failed: 0 });
    expect(typeof done.completed_at).toBe('number');

    const text = await (await client.files.content(done.output_file_id!)).text();
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(100);
    expect(new Set(lines.map((l) => l.custom_id))).toEqual(
      new Set(Array.from({ length: 100 }, (_, i) => `req-${i + 1}`)),
    );
    expect(lines[0].response.status_code).toBe(200);
    expect(lines[0].response.body.usage.total_tokens).toBeGreaterThan(0);

    const rows = await batchRows(created.id);
    expect(rows).toHaveLength(100);
    const price = findModel(model)!.pricing;
    for (const row of rows) {
      const full = (row.prompt_tokens * price.input + row.completion_tokens * price.output) / 1e6;
      expect(Number(row.cost_usd)).toBeCloseTo(full / 2, 7);
      expect(row.status).toBe(200);
    }
    expect(rows.reduce((sum, r) => sum + Number(r.cost_usd), 0)).toBeGreaterThan(0);

    // The tier's daily quota counts the served lines and their tokens when they are recorded.
    const tokens = rows.reduce((sum, r) => sum + r.prompt_tokens + r.completion_tokens, 0);
    const counted = async () => (await quotaOf(premium.token)).text_generation;
    expect(await counted()).toMatchObject({
      requests_used: quotaBefore.requests_used + 100,
      tokens_used: quotaBefore.tokens_used + tokens,
    });

    // A follower that died after writing the ledger but before closing the job runs again:
    // nothing is recorded twice.
    await api.db.query(
      `UPDATE batch_jobs SET usage_recorded_at = NULL, status = 'finalizing', next_poll_at = now() WHERE id = $1`,
      [created.id],
    );
    expect(await api.app.get(BatchProcessor).sweep()).toBeGreaterThanOrEqual(0);
    const again = await settled(client, created.id, ['completed']);
    expect(again.output_file_id).toBe(done.output_file_id);
    expect(await batchRows(created.id)).toHaveLength(100);
    const [job] = await api.db.query<{ usage_recorded_at: Date | null }>(
      'SELECT usage_recorded_at FROM batch_jobs WHERE id = $1',
      [created.id],
    );
    expect(job.usage_recorded_at).not.toBeNull();
    expect(await counted()).toMatchObject({
      requests_used: quotaBefore.requests_used + 100,
      tokens_used: quotaBefore.tokens_used + tokens,
    });

    const page = await client.batches.list({ limit: 10 });
    expect(page.data.map((b) => b.id)).toContain(created.id);
  });

  it("hides a user's batches and files from everyone else (404)", async () => {
    const file = await upload(client, jsonl(2, model));
    const batch = await client.batches.create({
      input_file_id: file.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
    });
    const other = await api.user();
    await api.patch(`/api/v1/admin/users/${other.id}`, { tier: 'premium' }, admin);
    const stranger = sdk(other.token);
    await expect(stranger.batches.retrieve(batch.id)).rejects.toMatchObject({ status: 404 });
    await expect(stranger.files.retrieve(file.id)).rejects.toMatchObject({ status: 404 });
    await expect(stranger.files.content(file.id)).rejects.toMatchObject({ status: 404 });
    await expect(
      stranger.batches.create({
        input_file_id: file.id,
        endpoint: '/v1/chat/completions',
        completion_window: '24h',
      }),
    ).rejects.toMatchObject({ status: 404 });
    expect((await stranger.batches.list()).data).toHaveLength(0);
    expect((await stranger.files.list()).data).toHaveLength(0);
  });

  it.each([
    [
      'a model the tier may not use',
      (l: any, i: number) => i === 2 && (l.body.model = 'not/a-model'),
      'Line 3: body.model',
    ],
    ['a duplicate custom_id', (l: any, i: number) => i === 4 && (l.custom_id = 'req-1'), 'Line 5: custom_id'],
    ['no messages', (l: any, i: number) => i === 1 && delete l.body.messages, 'Line 2: body.messages'],
  ])('refuses a file with %s before submitting, naming the line', async (_name, edit, message) => {
    const error = await upload(client, jsonl(5, model, edit)).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400 });
    expect((error as { error: { message: string; param: string } }).error.message).toContain(message);
  });

  it('lists files newest first (by purpose, a page at a time) and deletes them once no running batch needs them', async () => {
    const owner = await api.user();
    await api.patch(`/api/v1/admin/users/${owner.id}`, { tier: 'premium' }, admin);
    const who = sdk(owner.token);
    const first = await upload(who, jsonl(2, model));
    const second = await upload(who, jsonl(1, model));
    const listed = [];
    for await (const file of who.files.list({ limit: 1 })) listed.push(file.id); // one per page
    expect(listed).toEqual([second.id, first.id]);
    expect((await who.files.list({ order: 'asc' })).data.map((f) => f.id)).toEqual([first.id, second.id]);
    expect((await who.files.list({ purpose: 'batch_output' })).data).toEqual([]);

    await api.simControl.post('/_sim/batches/config', { validating_ms: 5_000, in_progress_ms: 5_000 });
    try {
      const running = await who.batches.create({
        input_file_id: first.id,
        endpoint: '/v1/chat/completions',
        completion_window: '24h',
      });
      const refused = await api.request('DELETE', `/v1/files/${first.id}`, { token: owner.token });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ code: 'conflict', param: 'file_id' });
      expect(refused.body.error.message).toContain(running.id);
      await who.batches.cancel(running.id);
      await settled(who, running.id, ['cancelled']);
    } finally {
      await api.simControl.post('/_sim/batches/config', { validating_ms: 100, in_progress_ms: 400 });
    }

    const stranger = await api.user();
    expect((await api.request('DELETE', `/v1/files/${first.id}`, { token: stranger.token })).status).toBe(
      404,
    );
    await expect(who.files.delete(first.id)).resolves.toEqual({
      id: first.id,
      object: 'file',
      deleted: true,
    });
    await expect(who.files.retrieve(first.id)).rejects.toMatchObject({ status: 404 });
    await expect(who.files.delete(first.id)).rejects.toMatchObject({ status: 404 });

    // A finished batch's output can be deleted; the batch still names it, and reading it is a 404.
    const batch = await who.batches.create({
      input_file_id: second.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
    });
    const done = await settled(who, batch.id, ['completed']);
    expect((await who.files.list({ purpose: 'batch_output' })).data.map((f) => f.id)).toEqual([
      done.output_file_id,
    ]);
    await expect(who.files.delete(done.output_file_id!)).resolves.toMatchObject({ deleted: true });
    expect((await who.batches.retrieve(batch.id)).output_file_id).toBe(done.output_file_id);
    await expect(who.files.content(done.output_file_id!)).rejects.toMatchObject({ status: 404 });
    for (const [query, param] of [
      ['limit=0', 'limit'],
      ['order=up', 'order'],
      ['purpose=fine-tune', 'purpose'],
    ]) {
      const bad = await api.get(`/v1/files?${query}`, owner.token);
      expect({ query, status: bad.status, param: bad.body.error?.param }).toEqual({
        query,
        status: 400,
        param,
      });
    }
  });

  it('refuses batches to the free tier with a clear 403', async () => {
    const free = await api.user();
    const error = await upload(sdk(free.token), jsonl(1, model)).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, code: 'batches_not_allowed' });
  });

  it('cancels a batch', async () => {
    await api.simControl.post('/_sim/batches/config', { validating_ms: 5_000, in_progress_ms: 5_000 });
    try {
      const file = await upload(client, jsonl(3, model));
      const batch = await client.batches.create({
        input_file_id: file.id,
        endpoint: '/v1/chat/completions',
        completion_window: '24h',
      });
      const cancelling = await client.batches.cancel(batch.id);
      expect(['cancelling', 'cancelled']).toContain(cancelling.status);
      const cancelled = await settled(client, batch.id, ['cancelled']);
      expect(cancelled.cancelled_at).toEqual(expect.any(Number));
      await expect(client.batches.cancel(batch.id)).resolves.toMatchObject({ status: 'cancelled' });
    } finally {
      await api.simControl.post('/_sim/batches/config', { validating_ms: 100, in_progress_ms: 400 });
    }
  });

  it('reports a batch the provider failed as failed, with its error', async () => {
    await api.simControl.post('/_sim/batches/faults', {
      kind: 'fail',
      message: 'Simulated: the input was rejected',
    });
    const file = await upload(client, jsonl(3, model));
    const batch = await client.batches.create({
      input_file_id: file.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
    });
    const failed = await settled(client, batch.id, ['failed', 'completed']);
    expect(failed.status).toBe('failed');
    expect(failed.errors?.data?.[0]?.message).toContain('Simulated: the input was rejected');
    expect(await batchRows(batch.id)).toHaveLength(0);
  });

  it('records failed lines in the error file and the ledger at no cost', async () => {
    await api.simControl.post('/_sim/batches/faults', { kind: 'fail_lines', custom_ids: ['req-2'] });
    const file = await upload(client, jsonl(3, model));
    const batch = await client.batches.create({
      input_file_id: file.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
    });
    const done = await settled(client, batch.id, ['completed', 'failed']);
    expect(done.request_counts).toEqual({ total: 3, completed: 2, failed: 1 });
    const errors = (await (await client.files.content(done.error_file_id!)).text()).trim().split('\n');
    expect(errors.map((l) => JSON.parse(l).custom_id)).toEqual(['req-2']);
    const rows = await batchRows(batch.id);
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.request_id.endsWith(':req-2'))).toMatchObject({ cost_usd: expect.anything() });
    expect(Number(rows.find((r) => r.request_id.endsWith(':req-2'))!.cost_usd)).toBe(0);
  });

  it('serves the Together surface with inline requests', async () => {
    const requests = jsonl(2, model)
      .toString()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const created = await api.post('/api/v1/together/batches', { requests }, premium.token);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ object: 'batch', request_counts: { total: 2 } });
    const one = await api.get(`/api/v1/together/batches/${created.body.id}`, premium.token);
    expect(one.status).toBe(200);
    const list = await api.get('/api/v1/together/batches?limit=1', premium.token);
    expect(list.body).toMatchObject({ object: 'list', has_more: true });
    expect(list.body.data).toHaveLength(1);
  });
});
