import { RequestTimings } from '@tiergate/common';
import type { FeatureGate } from '@tiergate/flags';
import type { ProviderRegistry } from '@tiergate/provider';
import type { Admission } from '@tiergate/quota';
import { AnswerSources } from './answer-sources';
import type { Answered, ChainRunner } from './chain-runner';
import type { GatewayRequestBase, Modality } from './gateway.types';
import type { ModelCall } from './model-caller';
import { RequestPipeline } from './request-pipeline';
import type { ResponseCache } from './response-cache';
import type { StreamRescue } from './stream-rescue';
import type { Reservation, UsageDemand, UsageMeter } from './usage-meter';
import { UsageTicket } from './usage-ticket';

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

const demand: UsageDemand = { promptTokens: 12, maxTokens: 100, stream: false };
const plan = {
  demand,
  usageOf: (answer: Answer) => ({
    promptTokens: 12,
    completionTokens: answer.tokens,
    totalTokens: 12 + answer.tokens,
  }),
};
const CALL = { model: 'primary/model' } as ModelCall;

/**
 * `callBeside: true` is a request only a store failure can refuse (no limit applies, the tier
 * fails closed): the model is called beside its reservation. `reserved` holds the reservation's
 * answer back until the test lets it through.
 */
function setup(
  outcome: (caller: GatewayRequestBase) => Promise<Answered<Answer>>,
  options: { callBeside?: boolean; reserved?: Promise<void> } = {},
) {
  // The tier caps max_tokens at 64.
  const admission = { headers: { 'x-ratelimit-remaining': '9' }, maxTokens: 64 } as unknown as Admission;
  const calls: string[] = [];
  const quota = {
    admit: jest.fn(
      (
        request: GatewayRequestBase,
        modality: Modality,
        _primary: unknown,
        _demand: unknown,
        at: number,
      ): Promise<Reservation> => {
        calls.push('admit');
        const ticket = (options.reserved ?? Promise.resolve()).then(() => {
          calls.push('reserved');
          const grant = { maxTokens: admission.maxTokens, rateLimit: admission.headers };
          return new UsageTicket(strictMeter, request, modality, at, Promise.resolve(admission), grant, true);
        });
        return Promise.resolve({ callBeside: options.callBeside ?? false, ticket });
      },
    ),
    refund: jest.fn(async () => void calls.push('refund')),
  };
  const chains = {
    select: jest.fn(async () => (calls.push('select'), { chain: [PRIMARY, FALLBACK], named: false })),
    answer: jest.fn(
      async (caller: GatewayRequestBase, _selection: unknown, attempt: (call: ModelCall) => unknown) => {
        calls.push('answer');
        await attempt(CALL);
        calls.push('answered');
        return outcome(caller);
      },
    ),
  };
  const meter = {
    ...quota,
    settle: jest.fn(() => (calls.push('settle'), new Promise<void>(() => undefined))), // never answers
    record: jest.fn(async () => (calls.push('record'), 0.000123)),
    recordFailedAttempts: jest.fn(() => void calls.push('recordFailedAttempts')),
  };
  const strictMeter = strict<UsageMeter>('meter', meter);
  const pipeline = new RequestPipeline(
    strict<ChainRunner>('chains', chains),
    new AnswerSources(
      strict<ProviderRegistry>('providers', { get: () => TOGETHER, primary: TOGETHER }),
      strict<FeatureGate>('gate', { indicatorsEnabled: true }),
    ),
    strict<ResponseCache>('answers'),
    strict<StreamRescue>('rescue'),
    strictMeter,
  );
  const request: GatewayRequestBase = {
    caller: { id: 'u1', email: 'u1@example.com', role: 'user', tier: 'free', via: 'api_key' },
    requestId: 'req-1',
  };
  const invoke = jest.fn(async () => ({ text: 'hi', tokens: 5 }));
  return { pipeline, request, quota, chains, meter, admission, calls, invoke };
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
  it('reserves once before the chain, calls with what was granted, settles without waiting for Redis', async () => {
    const { pipeline, request, quota, chains, meter, admission, calls, invoke } = setup(async () =>
      answered(),
    );
    const result = await pipeline.run(request, 'chat', invoke, plan);

    expect(calls).toEqual([
      'select',
      'admit',
      'reserved',
      'answer',
      'answered',
      'recordFailedAttempts',
      'record',
      'settle', // once the reservation is in: here, a step later
    ]);
    expect(quota.admit).toHaveBeenCalledWith(request, 'chat', PRIMARY, demand, expect.any(Number));
    // The call goes out with the capped max_tokens, and a paced key counts prompt plus that.
    expect(invoke).toHaveBeenCalledWith(CALL, { maxTokens: 64 });
    expect(chains.answer).toHaveBeenCalledWith(request, expect.anything(), expect.any(Function), {
      cache: undefined,
      expectedTokens: 12 + 64,
    });
    expect(meter.settle).toHaveBeenCalledWith(
      admission,
      { promptTokens: 12, completionTokens: 5, totalTokens: 17 },
      true,
    );
    expect(quota.refund).not.toHaveBeenCalled();
    expect(result.result).toEqual({ text: 'hi', tokens: 5 });
    expect(result.rateLimit).toEqual({ 'x-ratelimit-remaining': '9' });
    expect(result.source).toMatchObject({
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
    const { pipeline, request, quota, invoke } = setup(async () =>
      answered({
        candidate: FALLBACK,
        strategy: 'SAME_PROVIDER_DIFFERENT_MODEL',
        fallbackReason: 'timeout',
        attempts: 2,
      }),
    );
    const { source } = await pipeline.run(request, 'chat', invoke, plan);
    expect(quota.admit).toHaveBeenCalledTimes(1); // a fallback never counts twice
    expect(source).toMatchObject({
      servedModel: 'fallback/model',
      isFallback: true,
      fallbackStrategy: 'SAME_PROVIDER_DIFFERENT_MODEL',
      fallbackReason: 'timeout',
      attempts: 2,
    });
  });

  it('gives the whole reservation back and records the failure when no model answers', async () => {
    const failure = new Error('every model failed');
    const { pipeline, request, quota, meter, admission, calls, invoke } = setup(() =>
      Promise.reject(failure),
    );
    await expect(pipeline.run(request, 'chat', invoke, plan)).rejects.toBe(failure);
    expect(calls).toEqual(['select', 'admit', 'reserved', 'answer', 'answered', 'refund', 'record']);
    expect(quota.refund).toHaveBeenCalledWith(admission);
    expect(meter.settle).not.toHaveBeenCalled();
    expect(meter.record).toHaveBeenCalledWith(expect.objectContaining({ error: failure, modality: 'chat' }));
  });

  it('a refused reservation stops the request before any model is called', async () => {
    const { pipeline, request, quota, chains, meter, invoke } = setup(async () => answered());
    const refused = new Error('quota exceeded');
    quota.admit.mockResolvedValueOnce({ callBeside: false, ticket: Promise.reject(refused) });
    await expect(pipeline.run(request, 'chat', invoke, plan)).rejects.toBe(refused);
    expect(chains.answer).not.toHaveBeenCalled();
    expect(quota.refund).not.toHaveBeenCalled();
    expect(meter.record).toHaveBeenCalledWith(expect.objectContaining({ error: refused }));
  });
  it('a key lookup that fails before the reservation is recorded as a failure, with its quota time', async () => {
    const { pipeline, request, quota, chains, meter, invoke } = setup(async () => answered());
    const lookupFailed = new Error('key store unreachable');
    quota.admit.mockRejectedValueOnce(lookupFailed);
    const timings = new RequestTimings(performance.now());
    const add = jest.spyOn(timings, 'add');
    await expect(pipeline.run({ ...request, timings }, 'chat', invoke, plan)).rejects.toBe(lookupFailed);
    expect(add).toHaveBeenCalledWith('quota', expect.any(Number));
    expect(chains.answer).not.toHaveBeenCalled();
    expect(quota.refund).not.toHaveBeenCalled();
    expect(meter.record).toHaveBeenCalledWith(expect.objectContaining({ error: lookupFailed }));
  });
});

describe('RequestPipeline.run, when only a store failure can refuse the request', () => {
  it('calls the model without waiting for the reservation, and answers and settles once it is in', async () => {
    let letReservationIn!: () => void;
    const reserved = new Promise<void>((resolve) => (letReservationIn = resolve));
    const { pipeline, request, calls, meter, invoke } = setup(async () => answered(), {
      callBeside: true,
      reserved,
    });
    const running = pipeline.run(request, 'chat', invoke, plan);
    await waitUntil(() => calls.includes('answered'));
    expect(calls).toEqual(['select', 'admit', 'answer', 'answered']);
    // Nothing capped it: the caller's own max_tokens.
    expect(invoke).toHaveBeenCalledWith(CALL, { maxTokens: 100 });
    expect(meter.settle).not.toHaveBeenCalled();

    letReservationIn();
    const { rateLimit } = await running;
    expect(calls).toEqual([
      'select',
      'admit',
      'answer',
      'answered',
      'reserved',
      'recordFailedAttempts',
      'record',
      'settle', // once the reservation is in: here, a step later
    ]);
    expect(rateLimit).toEqual({ 'x-ratelimit-remaining': '9' });
  });

  it('abandons the call when the reservation fails after all, and records the failure without a refund', async () => {
    let failReservation!: (error: Error) => void;
    const reserved = new Promise<void>((_resolve, reject) => (failReservation = reject));
    let callSignal: AbortSignal | undefined;
    const { pipeline, request, quota, meter, calls, invoke } = setup(
      (caller) => {
        callSignal = caller.signal;
        return new Promise(() => undefined); // the model is still answering
      },
      { callBeside: true, reserved },
    );
    const client = new AbortController();
    const running = pipeline.run({ ...request, signal: client.signal }, 'chat', invoke, plan);
    await waitUntil(() => callSignal !== undefined);
    expect(callSignal!.aborted).toBe(false);

    const unavailable = new Error('quota store unavailable');
    failReservation(unavailable);
    await expect(running).rejects.toBe(unavailable);
    expect(callSignal!.aborted).toBe(true);
    expect(callSignal!.reason).toBe(unavailable);
    expect(quota.refund).not.toHaveBeenCalled();
    expect(meter.record).toHaveBeenCalledWith(expect.objectContaining({ error: unavailable }));
    expect(calls).not.toContain('settle');
  });

  it('still hands the client going away on to the call', async () => {
    let callSignal: AbortSignal | undefined;
    const { pipeline, request, invoke } = setup(
      (caller) => {
        callSignal = caller.signal;
        return Promise.resolve(answered());
      },
      { callBeside: true },
    );
    const client = new AbortController();
    await pipeline.run({ ...request, signal: client.signal }, 'chat', invoke, plan);
    expect(callSignal).not.toBe(client.signal);
    client.abort();
    expect(callSignal!.aborted).toBe(true);
  });
});

/** Lets promise callbacks run until the condition holds (no timers involved). */
async function waitUntil(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 100 && !condition(); turn++) await Promise.resolve();
  expect(condition()).toBe(true);
}

describe('RequestPipeline.open and its ticket', () => {
  it('leaves the settlement to the ticket, which settles and records exactly once', async () => {
    const { pipeline, request, meter, calls, invoke } = setup(async () => answered());
    const { ticket, source, rest } = await pipeline.open(request, 'audio_tts', invoke, { demand });
    expect(calls).toEqual(['select', 'admit', 'reserved', 'answer', 'answered', 'recordFailedAttempts']);
    expect(rest).toEqual([FALLBACK]);
    const usage = { audioSeconds: 3.5, characters: 52 };
    const [first, again] = await Promise.all([ticket.settle(usage, source), ticket.settle({}, source)]);
    expect([first, again]).toEqual([0.000123, 0.000123]);
    await ticket.fail(new Error('too late'));
    expect(meter.settle).toHaveBeenCalledTimes(1);
    expect(meter.record).toHaveBeenCalledTimes(1);
    expect(meter.record).toHaveBeenCalledWith(
      expect.objectContaining({ usage, source, modality: 'audio_tts' }),
    );
    expect(meter.refund).not.toHaveBeenCalled();
  });

  it('a failed ticket refunds the reservation once and cannot be settled afterwards', async () => {
    const { pipeline, request, meter, admission, invoke } = setup(async () => answered());
    const { ticket, source } = await pipeline.open(request, 'audio_tts', invoke, { demand });
    const failure = new Error('the audio cannot be measured');
    await ticket.fail(failure, source);
    await ticket.fail(failure, source);
    expect(await ticket.settle({ audioSeconds: 1 }, source)).toBe(0);
    expect(meter.refund).toHaveBeenCalledTimes(1);
    expect(meter.refund).toHaveBeenCalledWith(admission);
    expect(meter.settle).not.toHaveBeenCalled();
    expect(meter.record).toHaveBeenCalledWith(expect.objectContaining({ error: failure, source }));
  });
});
