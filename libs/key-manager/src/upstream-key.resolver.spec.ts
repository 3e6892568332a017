import type { AuditService } from '@tiergate/audit';
import type { FeatureGate } from '@tiergate/flags';
import { InProcessChangeBus } from '@tiergate/redis';
import type { ProviderKeyEntity } from './entities/provider-key.entity';
import type { KeyRetirement } from './key-retirement';
import type { ProviderKeysRepository } from './provider-keys.repository';
import { UpstreamKeyResolver } from './upstream-key.resolver';

function ownKey(userId: string): ProviderKeyEntity {
  return {
    id: `key-of-${userId}`,
    provider: 'together',
    userId,
    status: 'active',
    statusReason: null,
    last4: 'abcd',
    fallbackToSystem: false,
  } as ProviderKeyEntity;
}

/** A repository whose reads of a user's keys wait until the test releases them. */
function slowRepository() {
  const reads: Array<() => void> = [];
  const repository = {
    listUserKeys: jest.fn(
      (userId: string) =>
        new Promise<ProviderKeyEntity[]>((resolve) => reads.push(() => resolve([ownKey(userId)]))),
    ),
    open: () => 'sk-user-secret',
  };
  const releaseAll = () => reads.splice(0).forEach((release) => release());
  return { repository, releaseAll };
}

function resolverWith(repository: Partial<ProviderKeysRepository>) {
  return new UpstreamKeyResolver(
    repository as ProviderKeysRepository,
    new InProcessChangeBus(),
    { userKeysAllowed: true } as FeatureGate,
    {} as AuditService,
    {} as KeyRetirement,
  );
}

describe('UpstreamKeyResolver: a user own keys', () => {
  it('reads them once for a burst of the same user requests (no connection per request)', async () => {
    const { repository, releaseAll } = slowRepository();
    const resolver = resolverWith(repository);
    const burst = Array.from({ length: 500 }, () => resolver.resolve({ id: 'u1' }, 'together', 'Together'));
    releaseAll();
    const credentials = await Promise.all(burst);
    expect(repository.listUserKeys).toHaveBeenCalledTimes(1);
    expect(new Set(credentials.map((credential) => credential.keyId))).toEqual(new Set(['key-of-u1']));
    // Later requests are served from memory.
    await resolver.resolve({ id: 'u1' }, 'together', 'Together');
    expect(repository.listUserKeys).toHaveBeenCalledTimes(1);
  });

  it('does not keep a read that a change of the user keys made stale, and reads again', async () => {
    const { repository, releaseAll } = slowRepository();
    const resolver = resolverWith(repository);
    const stale = resolver.usesOwnKey({ id: 'u2' }, 'together');
    resolver.forgetUser('u2');
    releaseAll();
    await stale;
    const fresh = resolver.usesOwnKey({ id: 'u2' }, 'together');
    releaseAll();
    expect(await fresh).toBe(true);
    expect(repository.listUserKeys).toHaveBeenCalledTimes(2);
  });

  it('lets the next request try again after a failed read', async () => {
    const repository = {
      listUserKeys: jest
        .fn()
        .mockRejectedValueOnce(new Error('connection refused'))
        .mockResolvedValue([ownKey('u3')]),
      open: () => 'sk-user-secret',
    };
    const resolver = resolverWith(repository);
    await expect(resolver.usesOwnKey({ id: 'u3' }, 'together')).rejects.toThrow('connection refused');
    expect(await resolver.usesOwnKey({ id: 'u3' }, 'together')).toBe(true);
  });
});
