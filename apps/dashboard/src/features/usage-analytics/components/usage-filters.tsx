import { Autocomplete, Button, Card, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useUserSearch } from '../queries';
import { FILTER_KEYS, rangeProblem, resolveRange, type UsageFilters } from '../schema';
import { FEATURES, FEATURE_LABELS, TIERS, TIER_LABELS } from '@/lib/domain';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The user filter: accounts found by part of an email or an id (never the whole list). */
function UserFilter({ value, onChange }: { value?: string; onChange: (userId?: string) => void }) {
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const [debounced] = useDebouncedValue(search, 300);
  // The selected user's email: the api's search also matches a user id.
  const selectedLabel = useUserSearch(value ?? '', Boolean(value));
  const found = useUserSearch(debounced, opened);
  const data = useMemo(() => {
    const options = new Map<string, string>();
    for (const user of selectedLabel.data?.data ?? [])
      if (user.id === value) options.set(user.id, user.email);
    if (value && !options.has(value)) options.set(value, value);
    for (const user of found.data?.data ?? []) options.set(user.id, user.email);
    return [...options].map(([id, email]) => ({ value: id, label: email }));
  }, [found.data, selectedLabel.data, value]);

  return (
    <Select
      label="User"
      placeholder="Any user"
      searchable
      clearable
      data={data}
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'No account matches'}
    />
  );
}

/** A date input that commits when it holds a whole date (and on blur), with the range's error. */
function DayInput({
  label,
  value,
  fallback,
  error,
  onChange,
}: {
  label: string;
  value?: string;
  fallback: string;
  error?: string;
  onChange: (day?: string) => void;
}) {
  // Keyed by the page on its value: a new value from the URL starts a new input.
  const [text, setText] = useState(value ?? fallback);
  return (
    <TextInput
      type="date"
      label={label}
      description="UTC"
      value={text}
      error={error}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        if (DAY.test(next)) onChange(next);
      }}
      onBlur={() => {
        if (!DAY.test(text)) onChange(undefined);
      }}
    />
  );
}

/** The model filter: suggestions from the catalog, any id accepted; it applies on Enter, a pick or leaving the field. */
function ModelFilter({
  value,
  models,
  onChange,
}: {
  value?: string;
  models: string[];
  onChange: (model?: string) => void;
}) {
  // Keyed by the page on its value: a new value from the URL starts a new input.
  const [text, setText] = useState(value ?? '');
  const commit = (next: string) => onChange(next.trim() || undefined);
  return (
    <Autocomplete
      label="Model"
      placeholder="Any model"
      data={models}
      limit={30}
      value={text}
      onChange={setText}
      onOptionSubmit={commit}
      onBlur={() => commit(text)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit(text);
      }}
    />
  );
}

/**
 * Date range and filters (user, tier, model, feature, key source, status), each kept in the URL by
 * the page. `from`/`to` default to the last 30 days.
 */
export function UsageFiltersBar({
  filters,
  models,
  onChange,
}: {
  filters: UsageFilters;
  models: string[];
  onChange: (change: Partial<UsageFilters>) => void;
}) {
  const range = resolveRange(filters);
  const problem = rangeProblem(range);
  const active = FILTER_KEYS.some((key) => filters[key] !== undefined);

  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        <DayInput
          key={`from-${range.from}`}
          label="From"
          value={filters.from}
          fallback={range.from}
          error={problem?.field === 'from' ? problem.message : undefined}
          onChange={(from) => onChange({ from })}
        />
        <DayInput
          key={`to-${range.to}`}
          label="To"
          value={filters.to}
          fallback={range.to}
          error={problem?.field === 'to' ? problem.message : undefined}
          onChange={(to) => onChange({ to })}
        />
        <UserFilter value={filters.user_id} onChange={(user_id) => onChange({ user_id })} />
        <ModelFilter
          key={filters.model ?? ''}
          value={filters.model}
          models={models}
          onChange={(model) => onChange({ model })}
        />
        <Select
          label="Tier"
          placeholder="Any tier"
          clearable
          data={TIERS.map((tier) => ({ value: tier, label: TIER_LABELS[tier] }))}
          value={filters.tier ?? null}
          onChange={(tier) => onChange({ tier: (tier as UsageFilters['tier']) ?? undefined })}
        />
        <Select
          label="Feature"
          placeholder="Any feature"
          clearable
          data={FEATURES.map((feature) => ({ value: feature, label: FEATURE_LABELS[feature] }))}
          value={filters.feature ?? null}
          onChange={(feature) => onChange({ feature: (feature as UsageFilters['feature']) ?? undefined })}
        />
        <Select
          label="Key source"
          placeholder="Any key"
          clearable
          data={[
            { value: 'system', label: 'System key' },
            { value: 'user', label: "User's own key" },
          ]}
          value={filters.key_source ?? null}
          onChange={(key_source) =>
            onChange({ key_source: (key_source as UsageFilters['key_source']) ?? undefined })
          }
        />
        <Select
          label="Status"
          placeholder="Any status"
          clearable
          data={[
            { value: 'ok', label: 'Succeeded' },
            { value: 'error', label: 'Failed' },
          ]}
          value={filters.status ?? null}
          onChange={(status) => onChange({ status: (status as UsageFilters['status']) ?? undefined })}
        />
      </SimpleGrid>
      {active && (
        <Group mt="sm">
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconFilterOff size={14} aria-hidden />}
            onClick={() => onChange(Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined])))}
          >
            Clear filters
          </Button>
        </Group>
      )}
    </Card>
  );
}
