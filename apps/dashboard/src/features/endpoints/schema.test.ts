import { describe, expect, it } from 'vitest';
import {
  createEndpointSchema,
  editEndpointSchema,
  endpointChanges,
  newEndpointBody,
  statsRangeProblem,
} from './schema';
import { ENDPOINT_POLL_MS, nextState, pollWhileTransitional } from './state';
import type { Endpoint, EndpointState } from './types';

const valid = {
  model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
  hardware: '1x_nvidia_h100_80gb_sxm',
  display_name: '',
  min_replicas: 1,
  max_replicas: 2,
  auto_shutdown_minutes: '' as const,
};
const issues = (values: Record<string, unknown>) =>
  createEndpointSchema
    .safeParse({ ...valid, ...values })
    .error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('the create-endpoint form', () => {
  it('accepts a model, hardware and replicas, and says what is missing or wrong', () => {
    expect(issues({})).toBeUndefined();
    expect(issues({ model: '', hardware: '' })).toEqual([
      'model: Choose a model',
      'hardware: Choose the hardware',
    ]);
    expect(issues({ min_replicas: 3, max_replicas: 2 })).toEqual([
      'max_replicas: At least the minimum replicas',
    ]);
    expect(issues({ min_replicas: 1.5 })).toEqual(['min_replicas: A whole number']);
    expect(issues({ max_replicas: 0, min_replicas: 0 })).toEqual([
      'min_replicas: At least 1',
      'max_replicas: At least 1',
    ]);
    expect(issues({ auto_shutdown_minutes: 0 })).toEqual(['auto_shutdown_minutes: At least 1 minute']);
  });

  it('sends the optional fields only when given', () => {
    expect(newEndpointBody(valid)).toEqual({
      model: valid.model,
      hardware: valid.hardware,
      min_replicas: 1,
      max_replicas: 2,
    });
    expect(newEndpointBody({ ...valid, display_name: '  Chat  ', auto_shutdown_minutes: 30 })).toEqual({
      model: valid.model,
      hardware: valid.hardware,
      min_replicas: 1,
      max_replicas: 2,
      display_name: 'Chat',
      auto_shutdown_minutes: 30,
    });
  });
});

describe('the edit-endpoint form', () => {
  const before = { display_name: 'Chat', min_replicas: 1, max_replicas: 2 };

  it('sends only what changed, and both replica bounds together', () => {
    expect(endpointChanges(before, { display_name: 'Chat', min_replicas: 1, max_replicas: 2 })).toEqual({});
    expect(endpointChanges(before, { display_name: 'Chat', min_replicas: 1, max_replicas: 4 })).toEqual({
      min_replicas: 1,
      max_replicas: 4,
    });
    expect(endpointChanges({ ...before, display_name: null }, { ...before, display_name: ' Big ' })).toEqual({
      display_name: 'Big',
    });
  });

  it('keeps max at least min', () => {
    expect(editEndpointSchema.safeParse({ display_name: '', min_replicas: 2, max_replicas: 1 }).success).toBe(
      false,
    );
  });
});

describe('endpoint states', () => {
  const endpoint = (state: EndpointState) => ({ state }) as Endpoint;

  it.each<[EndpointState[], number | false]>([
    [[], false],
    [['STARTED', 'STOPPED', 'ERROR'], false],
    [['STARTED', 'PENDING'], ENDPOINT_POLL_MS],
    [['STARTING'], ENDPOINT_POLL_MS],
    [['STOPPING'], ENDPOINT_POLL_MS],
  ])('polls %j: %s', (states, interval) => {
    expect(pollWhileTransitional(states.map(endpoint))).toBe(interval);
  });

  it('offers stop for a started endpoint, start for a stopped or failed one, nothing while it moves', () => {
    expect(nextState('STARTED')).toBe('STOPPED');
    expect(nextState('STOPPED')).toBe('STARTED');
    expect(nextState('ERROR')).toBe('STARTED');
    expect(nextState('STARTING')).toBeNull();
    expect(nextState('PENDING')).toBeNull();
  });

  it('checks the stats range', () => {
    expect(statsRangeProblem('2026-11-01', '2026-11-30')).toBeUndefined();
    expect(statsRangeProblem('2026-11-30', '2026-11-01')).toBe('Must be on or before the end date');
    expect(statsRangeProblem('2025-01-01', '2026-11-30')).toBe('At most 366 days at a time');
  });
});
