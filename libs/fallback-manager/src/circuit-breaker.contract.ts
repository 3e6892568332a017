import type { BreakerDecision, BreakerSettings, CircuitBreakerStore } from './circuit-breaker';

/**
 * The rules every CircuitBreakerStore keeps, as scenarios both stores run in
 * circuit-breaker.int-spec.ts, each on an injected test clock (nothing waits for real). Times are
 * in cool-downs: `C` is the store's first cool-down, the window is 4 C, the cap 4 C, the probe
 * timeout 2 C.
 */
export function contractSettings(cooldownMs: number): BreakerSettings {
  return {
    failureThreshold: 2,
    windowMs: 4 * cooldownMs,
    cooldownMs,
    maxCooldownMs: 4 * cooldownMs,
    probeTimeoutMs: 2 * cooldownMs,
  };
}

export type Step =
  /** recordFailure: whether it opened (or re-opened) the breaker. */
  | ['fail', boolean]
  | ['acquire', BreakerDecision]
  | ['peek', BreakerDecision]
  /** Time passes, in cool-downs. */
  | ['wait', number]
  | ['succeed']
  | ['release'];

export const BREAKER_CONTRACT: Array<[string, Step[]]> = [
  [
    'opens at the threshold, skips for the cool-down, lets exactly one probe through, closes on its success',
    [
      ['fail', false],
      ['acquire', 'closed'],
      ['fail', true],
      ['acquire', 'open'],
      ['peek', 'open'],
      ['wait', 1.15],
      ['peek', 'probe'],
      ['peek', 'probe'], // looking reserves nothing
      ['acquire', 'probe'],
      ['acquire', 'open'], // the one probe is out
      ['peek', 'open'],
      ['succeed'],
      ['acquire', 'closed'],
      ['fail', false], // closed again, from zero
    ],
  ],
  [
    'a cool-down ends to the millisecond: open until then, a probe from then on',
    [
      ['fail', false],
      ['fail', true],
      ['wait', 0.999],
      ['peek', 'open'],
      ['acquire', 'open'],
      ['wait', 0.001],
      ['acquire', 'probe'],
      ['fail', true], // cool-down 2 C
      ['wait', 1.999],
      ['acquire', 'open'],
      ['wait', 0.001],
      ['acquire', 'probe'],
    ],
  ],
  [
    'a failed probe re-opens for twice the last cool-down, up to the cap; a success starts again from the first',
    [
      ['fail', false],
      ['fail', true], // cool-down C
      ['wait', 1.15],
      ['acquire', 'probe'],
      ['fail', true], // cool-down 2 C
      ['wait', 1.2],
      ['acquire', 'open'],
      ['wait', 1],
      ['acquire', 'probe'],
      ['fail', true], // cool-down 4 C (the cap)
      ['wait', 3.4],
      ['acquire', 'open'],
      ['wait', 0.8],
      ['acquire', 'probe'],
      ['fail', true], // still 4 C: capped
      ['wait', 3.4],
      ['peek', 'open'],
      ['wait', 0.8],
      ['acquire', 'probe'],
      ['succeed'],
      ['fail', false],
      ['fail', true], // a fresh opening: C again
      ['wait', 1.15],
      ['acquire', 'probe'],
    ],
  ],
  [
    'a failure reported during the cool-down (a call that began earlier) neither extends nor doubles it',
    [
      ['fail', false],
      ['fail', true],
      ['wait', 0.5],
      ['fail', false],
      ['wait', 0.65],
      ['acquire', 'probe'],
      ['fail', true], // the probe's failure: 2 C from now
      ['wait', 1.6],
      ['peek', 'open'],
      ['wait', 0.55],
      ['peek', 'probe'],
    ],
  ],
  [
    'forgets failures older than the window',
    [
      ['fail', false],
      ['wait', 4.3],
      ['fail', false],
      ['acquire', 'closed'],
      ['fail', true],
    ],
  ],
  [
    'a probe released without a verdict lets the next call probe at once; one that never reports, after the probe timeout',
    [
      ['fail', false],
      ['fail', true],
      ['wait', 1.15],
      ['acquire', 'probe'],
      ['acquire', 'open'],
      ['release'],
      ['acquire', 'probe'],
      ['wait', 1.5],
      ['acquire', 'open'],
      ['wait', 0.7],
      ['acquire', 'probe'],
      ['succeed'],
      ['acquire', 'closed'],
    ],
  ],
  [
    'releasing or succeeding on a breaker that is not open changes nothing',
    [['release'], ['acquire', 'closed'], ['succeed'], ['fail', false], ['release'], ['fail', true]],
  ],
];

/** A step's outcome: what the store answered, or what the scenario expected of it. */
export type Observation = [string, BreakerDecision | boolean | null];

/**
 * Runs a scenario's steps against a store (`wait` advances its clock) and
 * returns what each step observed beside what the scenario expects, for one comparison that
 * shows the whole timeline when a store breaks a rule.
 */
export async function runScenario(
  store: CircuitBreakerStore,
  key: string,
  steps: Step[],
  wait: (cooldowns: number) => Promise<void>,
): Promise<{ observed: Observation[]; expected: Observation[] }> {
  const observed: Observation[] = [];
  const expected: Observation[] = [];
  for (const [index, step] of steps.entries()) {
    const at = `${index + 1}: ${step[0]}`;
    switch (step[0]) {
      case 'fail':
        observed.push([at, await store.recordFailure(key)]);
        expected.push([at, step[1]]);
        break;
      case 'acquire':
        observed.push([at, await store.acquire(key)]);
        expected.push([at, step[1]]);
        break;
      case 'peek':
        observed.push([at, await store.peek(key)]);
        expected.push([at, step[1]]);
        break;
      case 'wait':
        await wait(step[1]);
        break;
      case 'succeed':
        await store.recordSuccess(key);
        break;
      case 'release':
        await store.releaseProbe(key);
        break;
    }
  }
  return { observed, expected };
}
