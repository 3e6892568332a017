import { describe, expect, it } from 'vitest';
import type { ModelSourceIndicator } from './schema';
import { accumulateStream, applyStreamEvent, endTurn, parseStreamData, startTurn, stopTurn } from './stream';

const indicator = (change: Partial<ModelSourceIndicator> = {}): ModelSourceIndicator => ({
  provider_id: 'together_ai',
  display_name: 'Together AI',
  is_free_tier: true,
  is_fallback: false,
  fallback_reason: null,
  fallback_strategy: null,
  requested_model: null,
  served_model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
  key_source: 'system',
  cached: false,
  ...change,
});
const base = {
  id: 'req-1',
  model_id: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
  provider: 'together_ai',
};
const delta = (content: string, extra: object = {}) =>
  JSON.stringify({ ...base, delta: { content }, ...extra });
const final = (extra: object = {}) =>
  JSON.stringify({
    ...base,
    delta: { content: '' },
    finish_reason: 'stop',
    usage: { prompt_tokens: 9, completion_tokens: 3, total_tokens: 12, cost_usd: 0.0000025 },
    key_source: 'system',
    model_source_indicator: indicator(),
    ...extra,
  });

describe('parseStreamData', () => {
  it('reads events, the [DONE] marker, and ignores what is not JSON', () => {
    expect(parseStreamData(delta('Hi'))).toMatchObject({ delta: { content: 'Hi' } });
    expect(parseStreamData('[DONE]')).toBe('[DONE]');
    expect(parseStreamData(' [DONE] ')).toBe('[DONE]');
    expect(parseStreamData('not json')).toBeNull();
    expect(parseStreamData('42')).toBeNull();
  });
});

describe('accumulateStream', () => {
  it('appends deltas and takes the final event’s usage, finish reason and indicator', () => {
    const turn = accumulateStream([
      delta('Once', { key_source: 'system', model_source_indicator: indicator() }),
      delta(' upon'),
      delta(' a time'),
      final(),
      '[DONE]',
    ]);
    expect(turn).toMatchObject({
      content: 'Once upon a time',
      status: 'done',
      requestId: 'req-1',
      modelId: base.model_id,
      provider: 'together_ai',
      keySource: 'system',
      finishReason: 'stop',
      usage: { total_tokens: 12, cost_usd: 0.0000025 },
      indicator: { is_fallback: false, is_free_tier: true },
    });
  });

  it('lets the final event’s indicator replace the first (a rescued stream says is_fallback)', () => {
    const turn = accumulateStream([
      delta('Part one', { model_source_indicator: indicator() }),
      final({
        model_id: 'Qwen/Qwen2.5-7B-Instruct-Turbo',
        model_source_indicator: indicator({
          is_fallback: true,
          fallback_reason: 'stream_stalled',
          served_model: 'Qwen/Qwen2.5-7B-Instruct-Turbo',
        }),
      }),
      '[DONE]',
    ]);
    expect(turn.indicator).toMatchObject({
      is_fallback: true,
      served_model: 'Qwen/Qwen2.5-7B-Instruct-Turbo',
    });
    expect(turn.modelId).toBe('Qwen/Qwen2.5-7B-Instruct-Turbo');
  });

  it('has no indicator when the stream sends none (the flag is off)', () => {
    const turn = accumulateStream([delta('Hello'), final({ model_source_indicator: undefined }), '[DONE]']);
    expect(turn.status).toBe('done');
    expect(turn.indicator).toBeUndefined();
    expect(turn.usage?.total_tokens).toBe(12);
  });

  it('fails on an in-band error event, keeping the partial answer', () => {
    const turn = accumulateStream([
      delta('Half an'),
      JSON.stringify({
        error: { message: 'The upstream stopped answering', type: 'api_error', code: 'upstream_timeout' },
        request_id: 'req-1',
      }),
    ]);
    expect(turn).toMatchObject({
      content: 'Half an',
      status: 'error',
      error: { code: 'upstream_timeout', message: 'The upstream stopped answering', requestId: 'req-1' },
    });
  });

  it('ignores anything after the answer ended', () => {
    const turn = accumulateStream([delta('Done.'), '[DONE]', delta(' extra')]);
    expect(turn.content).toBe('Done.');
    expect(turn.status).toBe('done');
  });

  it('skips lines that are not JSON', () => {
    expect(accumulateStream([delta('a'), 'garbage', delta('b')]).content).toBe('ab');
  });
});

describe('ending a turn', () => {
  it('marks a stream that closed without [DONE] as incomplete', () => {
    const turn = endTurn(applyStreamEvent(startTurn(), JSON.parse(delta('Cut')) as object));
    expect(turn).toMatchObject({ status: 'error', content: 'Cut', error: { code: 'stream_incomplete' } });
  });

  it('leaves a finished answer as it is', () => {
    const done = accumulateStream([delta('x'), '[DONE]']);
    expect(endTurn(done)).toBe(done);
    expect(stopTurn(done)).toBe(done);
  });

  it('keeps what arrived when stopped', () => {
    const turn = stopTurn(accumulateStream([delta('So far')]));
    expect(turn).toMatchObject({ status: 'stopped', content: 'So far' });
  });
});
