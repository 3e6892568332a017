import Together from 'together-ai';
import { startSimulator } from '../src/simulator';

describe('the simulator speaks Together dialect to the official together-ai SDK (e2e)', () => {
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let client: Together;

  beforeAll(async () => {
    sim = await startSimulator(0);
    client = new Together({ apiKey: 'sdk-conformance-key', baseURL: sim.baseUrl, maxRetries: 0 });
  });
  afterAll(() => sim.close());

  it('completes a chat call', async () => {
    const completion = await client.chat.completions.create({
      model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
      messages: [{ role: 'user', content: 'Say hello' }],
      max_tokens: 12,
    });
    expect(completion.choices[0].message?.content).toEqual(expect.any(String));
    expect(completion.usage).toMatchObject({
      prompt_tokens: 5,
      total_tokens: 5 + completion.usage!.completion_tokens,
    });
    expect(completion.model).toBe('meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo');
  });

  it('completes a streamed chat call with usage in the final chunk', async () => {
    const stream = await client.chat.completions.create({
      model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
      messages: [{ role: 'user', content: '#sim tokens=4' }],
      stream: true,
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks).toHaveLength(5);
    const text = chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('');
    expect(text.split(' ')).toHaveLength(4);
    expect(chunks.at(-1)!.choices[0].finish_reason).toBe('stop');
    expect(chunks.at(-1)!.usage).toMatchObject({ completion_tokens: 4 });
  });

  it('lists models as a plain array with pricing', async () => {
    const models = await client.models.list();
    expect(Array.isArray(models)).toBe(true);
    expect(models.length).toBeGreaterThan(5);
    expect(models.find((m) => m.id === 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo')).toMatchObject({
      type: 'chat',
      context_length: 131072,
      pricing: { input: 0.18, output: 0.18 },
    });
  });

  it('raises the SDK errors Together would: 401, unknown model, injected 503', async () => {
    const anonymous = new Together({ apiKey: 'invalid-key', baseURL: sim.baseUrl, maxRetries: 0 });
    await expect(anonymous.models.list()).rejects.toMatchObject({ status: 401 });
    await expect(
      client.chat.completions.create({ model: 'no/such-model', messages: [{ role: 'user', content: 'x' }] }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      client.chat.completions.create(
        { model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo', messages: [{ role: 'user', content: 'x' }] },
        { headers: { 'x-sim-fault': 'error:503' } },
      ),
    ).rejects.toMatchObject({ status: 503 });
  });
});
