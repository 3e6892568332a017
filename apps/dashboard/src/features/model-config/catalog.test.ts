import { describe, expect, it } from 'vitest';
import { catalogPage } from './catalog';
import type { CatalogModel } from './schema';

const model = (id: string, modalities: string[], context: number | null, input?: number): CatalogModel =>
  ({
    id,
    name: id.split('/')[1],
    modality: modalities[0],
    modalities,
    context_length: context,
    pricing: { input_per_million: input, output_per_million: input },
  }) as CatalogModel;

const catalog = [
  model('meta/llama-8b', ['text', 'chat'], 131072, 0.18),
  model('meta/llama-70b', ['text', 'chat'], 131072, 0.88),
  model('bfl/flux', ['image'], null),
  model('qwen/coder', ['code', 'chat', 'text'], 262144, 2),
];

describe('catalogPage', () => {
  it('filters by modality (any of the model’s) and by id or name', () => {
    expect(catalogPage(catalog, { modality: 'chat', page: 1, pageSize: 10 }).total).toBe(3);
    expect(catalogPage(catalog, { search: 'LLAMA', page: 1, pageSize: 10 }).rows.map((m) => m.id)).toEqual([
      'meta/llama-8b',
      'meta/llama-70b',
    ]);
  });

  it('sorts by context length or price, ties by id, unknown values last either way', () => {
    const rows = catalogPage(catalog, { sort: 'context_length', dir: 'desc', page: 1, pageSize: 10 }).rows;
    expect(rows.map((m) => m.id)).toEqual(['qwen/coder', 'meta/llama-70b', 'meta/llama-8b', 'bfl/flux']);
    const byInput = catalogPage(catalog, { sort: 'input', page: 1, pageSize: 10 }).rows;
    expect(byInput.map((m) => m.id)).toEqual(['meta/llama-8b', 'meta/llama-70b', 'qwen/coder', 'bfl/flux']);
  });

  it('pages, keeping the page within range when filters shrink the list', () => {
    expect(catalogPage(catalog, { page: 2, pageSize: 3 })).toMatchObject({ total: 4, page: 2 });
    expect(catalogPage(catalog, { page: 2, pageSize: 3 }).rows).toHaveLength(1);
    expect(catalogPage(catalog, { modality: 'image', page: 5, pageSize: 3 })).toMatchObject({
      total: 1,
      page: 1,
    });
  });
});
