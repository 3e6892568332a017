import { getMetadataStorage } from 'class-validator';

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type Lookup = MetadataStorage['getTargetValidationMetadatas'];
type Grouping = MetadataStorage['groupByPropertyName'];

/**
 * class-validator looks up a class's rules on every `validate()` by scanning every decorated class
 * for its ancestors (typestack/class-validator#2686): with this api's ~100 DTOs that scan was a
 * third of a request's validation time. The answer only changes when rules are added, which
 * happens when a class is defined, so it is kept per class and argument set, and forgotten
 * whenever a rule is registered; the rules grouped by property, which the validator also rebuilds
 * per object, are kept beside them. Installed once; installing again does nothing.
 */
export function cacheValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  if (CACHED.has(storage)) return;
  CACHED.add(storage);
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  let byTarget = new WeakMap<object, Map<string, ReturnType<Lookup>>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let cached = byTarget.get(target);
    if (!cached) byTarget.set(target, (cached = new Map<string, ReturnType<Lookup>>()));
    let metadatas = cached.get(key);
    if (!metadatas) cached.set(key, (metadatas = lookup(target, schema, always, strictGroups, groups)));
    return metadatas;
  };
  const group: Grouping = storage.groupByPropertyName.bind(storage);
  const grouped = new WeakMap<object, ReturnType<Grouping>>();
  storage.groupByPropertyName = (metadatas) => {
    let byProperty = grouped.get(metadatas);
    if (!byProperty) grouped.set(metadatas, (byProperty = group(metadatas)));
    return byProperty;
  };
  const addValidationMetadata = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    byTarget = new WeakMap();
    addValidationMetadata(metadata);
  };
}

const CACHED = new WeakSet<MetadataStorage>();
