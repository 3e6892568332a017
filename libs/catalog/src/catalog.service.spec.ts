import { ErrorCode } from '@tiergate/common';
import type { UpstreamKeyResolver } from '@tiergate/key-manager';
import { CatalogModel, ProviderError, ProviderRegistry } from '@tiergate/provider';
import { MemorySharedCache } from '@tiergate/redis';
import { CATALOG_FRESH_MS, CatalogService, modalitiesOf } from './catalog.service';

const model = (id: string, type: string): CatalogModel => ({
  id,
  type,
  displayName: id,
  organization: null,
  contextLength: 8192,
  pricing: { inputPerMillion: 0.1, outputPerMillion: 0.2 },
});

const keys = { systemKey: () => Promise.resolve({ apiKey: 'k' }) } as unknown as UpstreamKeyResolver;

describe('CatalogService', () => {
  let now = 1_000_000;
  let listModels: jest.Mock;
  let catalog: CatalogService;

  beforeEach(() => {
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    listModels = jest
      .fn()
      .mockResolvedValue([model('a/chat', 'chat'), model('b/img', 'image'), model('c/rr', 'rerank')]);
    const providers = { primary: { listModels } } as unknown as ProviderRegistry;
    catalog = new CatalogService(providers, keys, new MemorySharedCache());
  });
  afterEach(() => jest.restoreAllMocks());

  it('normalises, drops what Tiergate does not serve, and filters by modality', async () => {
    expect((await catalog.models()).map((m) => m.id)).toEqual(['a/chat', 'b/img']);
    expect((await catalog.models('image')).map((m) => m.id)).toEqual(['b/img']);
    expect(modalitiesOf({ id: 'Qwen/Qwen2.5-VL-72B', type: 'chat' })).toContain('vision');
  });

  it('asks the upstream once per 30 minutes, and shares one call between concurrent readers', async () => {
    await Promise.all([catalog.models(), catalog.models(), catalog.models()]);
    expect(listModels).toHaveBeenCalledTimes(1);
    now += CATALOG_FRESH_MS - 1;
    await catalog.models();
    expect(listModels).toHaveBeenCalledTimes(1);
    now += 2;
    await catalog.models(); // the process's own parsed copy is still young
    expect(listModels).toHaveBeenCalledTimes(1);
    now += 5_000;
    await catalog.models();
    expect(listModels).toHaveBeenCalledTimes(2);
  });

  it('serves the stale copy when the upstream is down, and fails only without one', async () => {
    await catalog.models();
    now += CATALOG_FRESH_MS * 3;
    listModels.mockRejectedValue(new ProviderError(ErrorCode.UpstreamUnavailable, 'down', { provider: 'p' }));
    expect((await catalog.models()).map((m) => m.id)).toEqual(['a/chat', 'b/img']);
    const empty = new CatalogService(
      { primary: { listModels } } as unknown as ProviderRegistry,
      keys,
      new MemorySharedCache(),
    );
    await expect(empty.models()).rejects.toMatchObject({ code: ErrorCode.UpstreamUnavailable });
  });

  it('finds a model by id: the upstream catalog first, then the sources', async () => {
    const dedicated = { ...(await catalog.find('a/chat'))!, id: 'me/dedicated', name: 'mine' };
    const source = jest.fn(async () => [dedicated, { ...dedicated, id: 'a/chat', name: 'shadow' }]);
    catalog.addSource(source);
    expect((await catalog.find('a/chat'))?.name).toBe('a/chat');
    expect(source).not.toHaveBeenCalled(); // an upstream model is found without asking the sources
    expect((await catalog.find('me/dedicated'))?.name).toBe('mine');
    expect(await catalog.find('c/rr')).toBeUndefined(); // not served by Tiergate
    expect((await catalog.models()).map((m) => m.id)).toEqual(['a/chat', 'b/img', 'me/dedicated', 'a/chat']);
  });
});
