import type { FeatureGate } from '@tiergate/flags';
import type { ProviderRegistry } from '@tiergate/provider';
import type { Admission } from '@tiergate/quota';
import { AnswerSources } from './answer-sources';
import type { Answered, ChainRunner } from './chain-runner';
import type { AnswerSource, GatewayRequestBase } from './gateway.types';
import type { Metering } from './metering';
import { RequestPipeline } from './request-pipeline';
import type { ResponseCache } from './response-cache';
import type { StreamRescue } from './stream-rescue';
import type { UsageMeter } from './usage-meter';

/**
 * A strict double: only the methods a test gives exist; calling any other one fails the test,
 * so each case states every collaborator call the pipeline may make.
 */
function strict<T extends object>(name: string, methods: Partial<Record<keyof T, unknown>> = {}): T {
  return new Proxy(methods, {
    get(target, key) {
      if (key === 'then') return undefined;
      if (key in target) return target[key as keyof typeof target];
      throw new Error(`unexpected use of ${name}.${String(key)}`);
    },
  }) as T;
}

const TOGETHER = { id: 'together_ai', displayName: 'Together AI' };
const PRIMARY = { providerId: 'together_ai', model: 'primary/model' };
const FALLBACK = { providerId: 'together_ai', model: 'fallback/model' };

interface Answer {
  text: string;
  tokens: number;
}

const metering: Metering<Answer> = {
  demand: { promptTokens: 12, maxTokens: 100, stream: false },
  facts: (answer) => ({ promptTokens: 12, completionTokens: answer.tokens, totalTokens: 12 + answer.tokens }),
};

function setup(outcome: () => Promise<Answered<Answer>>) {
  const admission = { headers: { 'x-ratelimit-remaining': '9' } } as unknown as Admission;
  const calls: string[] = [];
  const quota = {
    reserve: jest.fn(async () => (calls.push('reserve'), admission)),
    refund: jest.fn(async () => void calls.push('refund')),
  };
  const chains = {
    select: jest.fn(async () => (calls.push('select'), { chain: [PRIMARY, FALLBACK], named: false })),
    answer: jest.fn(async () => (calls.push('answer'), outcome())),
  };
  const meter = {
    ...quota,
    settle: jest.fn(() => (calls.push('settle'), new Promise<void>(() => undefined))), // never answers
    record: jest.fn(async () => (calls.push('record'), 0.000123)),
    recordFailedAttempts: jest.fn(() => void calls.push('recordFailedAttempts')),
  };
  const pipeline = new RequestPipeline(
    strict<ChainRunner>('chains', chains),
    new AnswerSources(
      strict<ProviderRegistry>('providers', { get: () => TOGETHER, primary: TOGETHER }),
      strict<FeatureGate>('gate', { indicatorsEnabled: true }),
    ),
    strict<ResponseCache>('answers'),
    strict<StreamRescue>('rescue'),
    strict<UsageMeter>('meter', meter),
  );
  const served: AnswerSource[] = [];
  const quotaHeaders: Array<Record<string, string>> = [];
  const request: GatewayRequestBase = {
    caller: { id: 'u1', email: 'u1@example.com', role: 'user', tier: 'free', via: 'api_key' },
    requestId: 'req-1',
    onServed: (source) => served.push(source),
    onQuota: (headers) => quotaHeaders.push(headers),
  };
  return { pipeline, request, quota, chains, meter, admission, calls, served, quotaHeaders };
}

const answered = (overrides: Partial<Answered<Answer>> = {}): Answered<Answer> => ({
  result: { text: 'hi', tokens: 5 },
  candidate: PRIMARY,
  strategy: null,
  fallbackReason: null,
  failures: [],
  attempts: 1,
  ...overrides,
});

describe('RequestPipeline.run', () => {
  it('reserves once before the chain, answers, and settles and records without waiting for Redis', async () => {
    const { pipeline, request, quota, meter, admission, calls, served, quotaHeaders } = setup(async () =>
      answered(),
    );
    const result = await pipeline.run(request, 'chat', jest.fn(), { metering });

    expect(calls).toEqual(['select', 'reserve', 'answer', 'recordFailedAttempts', 'settle', 'record']);
    expect(quota.reserve).toHaveBeenCalledWith(request, 'chat', PRIMARY, metering.demand);
    expect(quotaHeaders).toEqual([{ 'x-ratelimit-remaining': '9' }]);
    expect(meter.settle).toHaveBeenCalledWith(
      admission,
      { promptTokens: 12, completionTokens: 5, totalTokens: 17 },
      true,
    );
    expect(quota.refund).not.toHaveBeenCalled();
    expect(result.result).toEqual({ text: 'hi', tokens: 5 });
    expect(served).toHaveLength(1);
    expect(served[0]).toMatchObject({
      providerId: 'together_ai',
      servedModel: 'primary/model',
      isFallback: false,
      fallbackStrategy: null,
      cached: false,
      costUsd: 0.000123,
      indicator: {
        providerId: 'together_ai',
        displayName: 'Together AI',
        isFreeTier: true,
        isFallback: false,
      },
    });
  });

  it('describes a fallback answer, with the reason the primary was passed over', async () => {
    const { pipeline, request, served, quota } = setup(async () =>
      answered({
        candidate: FALLBACK,
        strategy: 'SAME_PROVIDER_DIFFERENT_MODEL',
        fallbackReason: 'timeout',
        attempts: 2,
      }),
    );
    await pipeline.run(request, 'chat', jest.fn(), { metering });
    expect(quota.reserve).toHaveBeenCalledTimes(1); // a fallback never counts twice
    expect(served[0]).toMatchObject({
      servedModel: 'fallback/model',
      isFallback: true,
      fallbackStrategy: 'SAME_PROVIDER_DIFFERENT_MODEL',
      fallbackReason: 'timeout',
      attempts: 2,
    });
  });

  it('gives the whole reservation back and records the failure when no model answers', async () => {
    const failure = new Error('every model failed');
    const { pipeline, request, quota, meter, admission, calls, served } = setup(() =>
      Promise.reject(failure),
    );
    await expect(pipeline.run(request, 'chat', jest.fn(), { metering })).rejects.toBe(failure);
    expect(calls).toEqual(['select', 'reserve', 'answer', 'refund', 'record']);
    expect(quota.refund).toHaveBeenCalledWith(admission);
    expect(meter.settle).not.toHaveBeenCalled();
    expect(meter.record).toHaveBeenCalledWith(expect.objectContaining({ error: failure, modality: 'chat' }));
    expect(served).toHaveLength(0);
  });

  it('a refused reservation stops the request before any model is called', async () => {
    const { pipeline, request, quota, chains, meter } = setup(async () => answered());
    const refused = new Error('quota exceeded');
    quota.reserve.mockRejectedValueOnce(refused);
    await expect(pipeline.run(request, 'chat', jest.fn(), { metering })).rejects.toBe(refused);
    expect(chains.answer).not.toHaveBeenCalled();
    expect(quota.refund).not.toHaveBeenCalled();
    expect(meter.record).toHaveBeenCalledWith(expect.objectContaining({ error: refused }));
  });

  it('requests without metering reserve nothing and settle nothing', async () => {
    const { pipeline, request, quota, meter, calls } = setup(async () => answered());
    await pipeline.run(request, 'embedding', jest.fn());
    expect(quota.reserve).not.toHaveBeenCalled();
    expect(meter.settle).not.toHaveBeenCalled();
    expect(calls).toEqual(['select', 'answer', 'recordFailedAttempts']);
  });
});
