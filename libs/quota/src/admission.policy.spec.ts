import { cappedMaxTokens, reservedTokens } from './admission.policy';
import type { QuotaDemand } from './admission';
import { RequestTooLargeError } from './quota.errors';

const demand = (overrides: Partial<QuotaDemand>): QuotaDemand => ({
  caller: { id: 'u1', tier: 'free' },
  feature: 'text_generation',
  stream: false,
  ownKey: false,
  promptTokens: 100,
  ...overrides,
});

describe('what a text request reserves, and the max_tokens it is granted', () => {
  it.each([
    // [max_tokens, n, tokens_per_request, granted max_tokens, reserved]
    [200, undefined, null, 200, 300],
    [200, 3, null, 200, 700],
    [undefined, undefined, null, undefined, 100 + 512],
    [undefined, 2, null, undefined, 100 + 2 * 512],
    [undefined, undefined, 400, 300, 400], // no max_tokens: what fits the per-request limit
    [undefined, 3, 400, 100, 400], // each of the three answers gets a third of what is left
    [50, 3, 400, 50, 250], // fits as asked
  ])(
    'max_tokens %p, n %p, tokens_per_request %p: granted %p, reserved %p',
    (maxTokens, choices, perRequest, granted, reserved) => {
      const asked = demand({ maxTokens, choices });
      const capped = cappedMaxTokens(asked, { tokens_per_request: perRequest });
      expect(capped).toBe(granted);
      expect(reservedTokens(asked, capped)).toBe(reserved);
    },
  );

  it('refuses a request whose answers do not fit the per-request limit', () => {
    const limit = { tokens_per_request: 400 };
    expect(() => cappedMaxTokens(demand({ maxTokens: 101, choices: 3 }), limit)).toThrow(
      RequestTooLargeError,
    );
    expect(cappedMaxTokens(demand({ maxTokens: 100, choices: 3 }), limit)).toBe(100);
    expect(() => cappedMaxTokens(demand({ choices: 301 }), limit)).toThrow(RequestTooLargeError);
  });
});
