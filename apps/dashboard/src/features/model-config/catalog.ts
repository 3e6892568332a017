import type { CatalogModel } from './schema';
import type { Modality } from '@/lib/domain';

export type CatalogSort = 'id' | 'context_length' | 'input' | 'output';

export interface CatalogQuery {
  modality?: Modality;
  search?: string;
  sort?: CatalogSort;
  dir?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** The value sorted on; undefined when the catalog does not say (sorted last either way). */
const sortValue = (model: CatalogModel, sort: CatalogSort): number | string | undefined => {
  switch (sort) {
    case 'id':
      return model.id.toLowerCase();
    case 'context_length':
      return model.context_length || undefined;
    case 'input':
      return model.pricing.input_per_million;
    case 'output':
      return model.pricing.output_per_million;
  }
};

/**
 * One page of the catalog, filtered by modality and a search over id and name, sorted (the catalog
 * is bounded, so it is paged here rather than by the api).
 */
export function catalogPage(
  models: readonly CatalogModel[],
  query: CatalogQuery,
): { rows: CatalogModel[]; total: number; page: number } {
  const needle = query.search?.trim().toLowerCase() ?? '';
  let rows = models.filter(
    (model) =>
      (!query.modality || model.modality === query.modality || model.modalities.includes(query.modality)) &&
      (!needle || model.id.toLowerCase().includes(needle) || model.name.toLowerCase().includes(needle)),
  );
  if (query.sort) {
    const sort = query.sort;
    const sign = query.dir === 'desc' ? -1 : 1;
    rows = [...rows].sort((a, b) => {
      const x = sortValue(a, sort);
      const y = sortValue(b, sort);
      if (x === undefined || y === undefined)
        return x === y ? a.id.localeCompare(b.id) : x === undefined ? 1 : -1;
      return (x < y ? -1 : x > y ? 1 : 0) * sign || a.id.localeCompare(b.id);
    });
  }
  const pages = Math.max(1, Math.ceil(rows.length / query.pageSize));
  const page = Math.min(Math.max(1, query.page), pages);
  return { rows: rows.slice((page - 1) * query.pageSize, page * query.pageSize), total: rows.length, page };
}
