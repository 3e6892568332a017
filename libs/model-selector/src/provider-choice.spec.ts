import { ErrorCode } from '@tiergate/common';
import { onProvider, providerIdFor, resolveRequestedProvider } from './provider-choice';

const KNOWN = ['together_ai', 'backup'];
const selection = {
  chain: [
    { providerId: 'together_ai', model: 'a' },
    { providerId: 'backup', model: 'a' },
    { providerId: 'together_ai', model: 'b' },
  ],
  requested: false,
  source: "the free tier's chat route",
};

describe('provider choice', () => {
  it.each([
    ['together', 'together_ai'],
    ['Together_AI', 'together_ai'],
    ['backup', 'backup'],
    ['nowhere', undefined],
  ])('%s is %s', (name, id) => expect(providerIdFor(name, KNOWN)).toBe(id));

  it('an unknown provider is a 400 naming the field; one the tier may not use a 403', () => {
    const allowed = new Set(['together_ai']);
    expect(() =>
      resolveRequestedProvider({ name: 'nowhere', param: 'x-provider' }, 'free', KNOWN, allowed),
    ).toThrow(expect.objectContaining({ code: ErrorCode.ValidationFailed, param: 'x-provider' }));
    expect(() =>
      resolveRequestedProvider({ name: 'backup', param: 'provider' }, 'free', KNOWN, allowed),
    ).toThrow(expect.objectContaining({ code: ErrorCode.Forbidden, param: 'provider' }));
    expect(resolveRequestedProvider({ name: 'together', param: 'provider' }, 'free', KNOWN, allowed)).toBe(
      'together_ai',
    );
  });

  it("keeps the chain's models on that provider, in order", () => {
    const narrowed = onProvider(selection, 'together_ai', {
      tier: 'free',
      modality: 'chat',
      param: 'provider',
    });
    expect(narrowed.chain).toEqual([
      { providerId: 'together_ai', model: 'a' },
      { providerId: 'together_ai', model: 'b' },
    ]);
  });

  it('asks the provider for a named model the configuration puts elsewhere; else a 400', () => {
    const elsewhere = { ...selection, chain: [{ providerId: 'together_ai', model: 'a' }] };
    expect(
      onProvider(elsewhere, 'backup', { tier: 'free', modality: 'chat', model: 'a', param: 'provider' })
        .chain,
    ).toEqual([{ providerId: 'backup', model: 'a' }]);
    expect(() =>
      onProvider(elsewhere, 'backup', { tier: 'free', modality: 'chat', param: 'x-provider' }),
    ).toThrow(expect.objectContaining({ code: ErrorCode.ValidationFailed, param: 'x-provider' }));
  });
});
